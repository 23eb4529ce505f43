import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { Mlq } from '../../src/core/app.ts';
import type { CoreDeps } from '../../src/core/deps.ts';
import { LEASE_MS } from '../../src/core/rounds.ts';
import { nextDigestAt, nextPlannedRound } from '../../src/core/schedule.ts';
import type { Channel, ChannelSettings, Weekday } from '../../src/core/types.ts';
import { connect } from '../../src/store/connect.ts';
import { createRepository } from '../../src/store/repository.ts';
import { TEST_DB } from '../helpers/database.ts';
import { createHarness, type Harness, member } from '../helpers/harness.ts';
import type { RecordingPort } from '../helpers/recording-port.ts';
import { waitFor } from '../helpers/wait.ts';

const ZONES = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'Asia/Kolkata',
  'Australia/Adelaide',
  'America/Los_Angeles',
  'Asia/Tokyo',
  'Europe/London',
  'America/St_Johns',
  'Pacific/Auckland',
];
const MINUTE = 60_000;
/** The mutation suite (vitest.mutation.config.ts) leaves out the two long simulations: each would run for every mutant it covers. */
const MUTATION = process.env.MLQ_MUTATION === '1';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

function settings(i: number): ChannelSettings {
  return {
    timezone: ZONES[i % ZONES.length]!,
    postTime: ['09:00', '08:30', '12:00', '17:30', '07:00'][i % 5]!,
    weekdays: i % 3 === 0 ? [1, 2, 3, 4, 5, 6, 7] : [1, 2, 3, 4, 5],
    revealDelayMinutes: [360, 240, 480][i % 3]!,
    revealTime: i % 7 === 0 ? '20:00' : null,
    categories: [],
    levels: [],
    digestWeekday: 5,
    digestTime: '16:00',
    ramp: i % 4 === 0,
  };
}

async function subscribe(h: Harness, id: string, s: ChannelSettings, at: Date): Promise<Channel> {
  await h.repo.upsertCommunity('test', 'test', 'Test');
  const channel: Channel = {
    ...s,
    id,
    communityId: 'test',
    name: id,
    active: true,
    organiserIds: [],
    nextPostAt: nextPlannedRound(s, at)?.postAt ?? null,
    nextDigestAt: nextDigestAt(s, at),
  };
  await h.repo.saveChannel(channel);
  return channel;
}

/**
 * An independent model of a schedule (luxon only, none of the code under test): the rounds planned between two instants
 * (a round whose reveal is still ahead at `from` is caught up) and the digests due in that span. Post and digest times
 * here never fall into a DST gap, so a plain wall-clock conversion is enough.
 */
function expected(s: ChannelSettings, from: Date, to: Date) {
  const at = (day: DateTime, time: string) => {
    const [hour, minute] = time.split(':').map(Number);
    return day.set({ hour, minute, second: 0, millisecond: 0 }).toJSDate();
  };
  const posts: string[] = [];
  let reveals = 0;
  let digests = 0;
  const first = DateTime.fromJSDate(from, { zone: s.timezone }).startOf('day').minus({ days: 1 });
  for (let day = first; day.toJSDate() <= to; day = day.plus({ days: 1 })) {
    if (s.digestWeekday === day.weekday) {
      const digest = at(day, s.digestTime ?? '16:00');
      if (digest > from && digest <= to) digests++;
    }
    if (!s.weekdays.includes(day.weekday as Weekday)) continue;
    const postAt = at(day, s.postTime);
    let revealAt = new Date(postAt.getTime() + s.revealDelayMinutes * MINUTE);
    if (s.revealTime) {
      revealAt = at(day, s.revealTime);
      if (revealAt <= postAt) revealAt = at(day.plus({ days: 1 }), s.revealTime);
    }
    if (revealAt <= from || postAt > to) continue;
    posts.push(day.toISODate()!);
    if (revealAt <= to) reveals++;
  }
  return { posts, reveals, digests };
}

const keyed = (port: RecordingPort, prefix: string, kind: 'post' | 'reply') =>
  port.sent.filter((s) => s.kind === kind && s.key?.startsWith(prefix));

async function simulate(instances: Mlq[], clockOf: Harness['clock'], from: Date, to: Date, stepMinutes: number) {
  for (let t = from.getTime(); t <= to.getTime(); t += stepMinutes * MINUTE) {
    clockOf.set(new Date(t));
    await Promise.all(instances.map((m) => m.tick()));
  }
}

describe('rounds on time, exactly once', () => {
  it.skipIf(MUTATION)(
    'gives 50 channels in mixed zones exactly one post and one reveal per scheduled round and one digest a week over 21 days',
    async () => {
      const from = new Date('2026-11-30T00:00:00Z');
      const to = new Date('2026-12-21T00:00:00Z');
      h = await createHarness(from);
      const all = await Promise.all(Array.from({ length: 50 }, (_, i) => subscribe(h!, `test:sim:${i}`, settings(i), from)));
      await simulate([h.mlq], h.clock, from, to, 60);
      for (const channel of all) {
        const want = expected(channel, from, to);
        const posts = keyed(h.port, 'mlq-round-', 'post').filter((s) => s.target === channel.id);
        const rounds = await h.database.store.db
          .selectFrom('rounds')
          .select(['local_date', 'status'])
          .where('channel_id', '=', channel.id)
          .orderBy('local_date')
          .execute();
        expect(
          rounds.map((r) => r.local_date),
          channel.id,
        ).toEqual(want.posts);
        expect(posts, channel.id).toHaveLength(want.posts.length);
        expect(
          rounds.filter((r) => r.status === 'revealed'),
          channel.id,
        ).toHaveLength(want.reveals);
        expect(
          keyed(h.port, 'mlq-digest-', 'post').filter((s) => s.target === channel.id),
          channel.id,
        ).toHaveLength(want.digests);
      }
      const count = (kind: 'post' | 'reply', prefix: string, id: string) =>
        keyed(h!.port, prefix, kind).filter((s) => s.target === id).length;
      const everyDay = ['2026-11-30', ...Array.from({ length: 20 }, (_, d) => `2026-12-${String(d + 1).padStart(2, '0')}`)];
      expect(expected(all[0]!, from, to)).toEqual({ posts: everyDay, reveals: 21, digests: 3 });
      expect([count('post', 'mlq-round-', 'test:sim:0'), count('post', 'mlq-digest-', 'test:sim:0')]).toEqual([21, 3]);
      expect([count('post', 'mlq-round-', 'test:sim:1'), count('post', 'mlq-digest-', 'test:sim:1')]).toEqual([15, 3]);
      expect(keyed(h.port, 'mlq-round-', 'post')).toHaveLength(867);
      const revealKeys = keyed(h.port, 'mlq-reveal-', 'reply').map((s) => s.key);
      expect(new Set(revealKeys).size).toBe(revealKeys.length);
    },
    240_000,
  );

  it.skipIf(MUTATION)(
    'posts once across spring-forward and fall-back in Berlin, New York and a half-hour zone',
    async () => {
      const cases = [
        {
          zone: 'Europe/Berlin',
          time: '02:30',
          from: '2026-03-27T00:00:00Z',
          to: '2026-03-31T00:00:00Z',
          gapDay: '2026-03-29',
          gapAt: '2026-03-29T01:00:00.000Z',
        },
        {
          zone: 'Europe/Berlin',
          time: '02:30',
          from: '2026-10-23T00:00:00Z',
          to: '2026-10-27T00:00:00Z',
          gapDay: '2026-10-25',
          gapAt: '2026-10-25T00:30:00.000Z',
        },
        {
          zone: 'America/New_York',
          time: '02:15',
          from: '2026-03-06T00:00:00Z',
          to: '2026-03-10T00:00:00Z',
          gapDay: '2026-03-08',
          gapAt: '2026-03-08T07:00:00.000Z',
        },
        {
          zone: 'America/New_York',
          time: '01:30',
          from: '2026-10-30T00:00:00Z',
          to: '2026-11-03T00:00:00Z',
          gapDay: '2026-11-01',
          gapAt: '2026-11-01T05:30:00.000Z',
        },
        {
          zone: 'Australia/Adelaide',
          time: '02:30',
          from: '2026-10-01T00:00:00Z',
          to: '2026-10-06T00:00:00Z',
          gapDay: '2026-10-04',
          gapAt: '2026-10-03T16:30:00.000Z',
        },
        {
          zone: 'Australia/Adelaide',
          time: '02:30',
          from: '2026-04-02T00:00:00Z',
          to: '2026-04-07T00:00:00Z',
          gapDay: '2026-04-05',
          gapAt: '2026-04-04T16:00:00.000Z',
        },
      ];
      h = await createHarness(new Date(cases[0]!.from));
      for (const [i, c] of cases.entries()) {
        const s: ChannelSettings = {
          timezone: c.zone,
          postTime: c.time,
          weekdays: [1, 2, 3, 4, 5, 6, 7],
          revealDelayMinutes: 120,
          categories: [],
          levels: [],
          digestWeekday: null,
        };
        const from = new Date(c.from);
        const channel = await subscribe(h, `test:dst:${i}`, s, from);
        await simulate([h.mlq], h.clock, from, new Date(c.to), 30);
        const rounds = await h.database.store.db
          .selectFrom('rounds')
          .select(['local_date', 'post_at', 'status'])
          .where('channel_id', '=', channel.id)
          .orderBy('local_date')
          .execute();
        const dates = rounds.map((r) => r.local_date);
        expect(new Set(dates).size, c.zone).toBe(dates.length);
        expect(dates, c.zone).toEqual(expected(s, from, new Date(c.to)).posts);
        expect(rounds.find((r) => r.local_date === c.gapDay)?.post_at.toISOString(), `${c.zone} ${c.gapDay}`).toBe(c.gapAt);
        expect(
          rounds.every((r) => r.status === 'revealed'),
          c.zone,
        ).toBe(true);
      }
    },
    240_000,
  );

  it('lets another instance finish work claimed by one that died before recording it', async () => {
    const from = new Date('2026-11-30T08:59:00Z');
    h = await createHarness(from);
    await subscribe(h, 'test:crash:1', { ...settings(1), timezone: 'UTC', postTime: '09:00', weekdays: [1, 2, 3, 4, 5] }, from);
    await subscribe(h, 'test:crash:2', { ...settings(1), timezone: 'UTC', postTime: '09:00', weekdays: [1, 2, 3, 4, 5] }, from);
    const crashed = new Set<string>();
    h.port.beforePost = (channel) =>
      channel === 'test:crash:1' && !crashed.has(channel) ? (crashed.add(channel), new Promise<void>(() => undefined)) : undefined;
    h.port.afterPost = (channel) =>
      channel === 'test:crash:2' && !crashed.has(channel) ? (crashed.add(channel), new Promise<void>(() => undefined)) : undefined;
    h.clock.set(new Date('2026-11-30T09:00:00Z'));
    void h.mlq.tick();
    await waitFor(() => crashed.size === 2);
    expect(keyed(h.port, 'mlq-round-', 'post')).toHaveLength(1);

    const survivor = new Mlq({ ...h.deps });
    h.clock.set(new Date(Date.parse('2026-11-30T09:00:00Z') + LEASE_MS / 2));
    expect((await survivor.tick()).posted).toBe(0);
    h.clock.set(new Date(Date.parse('2026-11-30T09:00:00Z') + LEASE_MS + MINUTE));
    const report = await survivor.tick();
    expect(report).toMatchObject({ posted: 1, recovered: 1 });
    const rounds = await h.database.store.db
      .selectFrom('rounds')
      .select(['channel_id', 'status', 'attempts'])
      .orderBy('channel_id')
      .execute();
    expect(rounds).toEqual([
      { channel_id: 'test:crash:1', status: 'posted', attempts: 2 },
      { channel_id: 'test:crash:2', status: 'posted', attempts: 2 },
    ]);
    expect(
      keyed(h.port, 'mlq-round-', 'post')
        .map((s) => s.target)
        .sort(),
    ).toEqual(['test:crash:1', 'test:crash:2']);
  });

  it('posts other channels while one is slow, and backs off then pauses a channel whose posts keep failing', async () => {
    const from = new Date('2026-11-30T08:59:00Z');
    h = await createHarness(from);
    const s = { ...settings(1), timezone: 'UTC', postTime: '09:00', weekdays: [1, 2, 3, 4, 5] as ChannelSettings['weekdays'] };
    for (let i = 0; i < 8; i++) await subscribe(h, `test:fan:${i}`, s, from);
    const broken = await subscribe(h, 'test:fan:broken', s, from);
    await h.repo.saveChannel({ ...broken, organiserIds: ['test:owner'] });
    h.port.beforePost = async (channel) => {
      if (channel === 'test:fan:0') await waitFor(() => keyed(h!.port, 'mlq-round-', 'post').length === 7);
      if (channel === 'test:fan:broken') throw new Error('platform is down');
    };
    h.clock.set(new Date('2026-11-30T09:00:00Z'));
    await h.mlq.tick();
    const order = keyed(h.port, 'mlq-round-', 'post').map((p) => p.target);
    expect(order).toHaveLength(8);
    expect(order.at(-1)).toBe('test:fan:0');
    const attempts = async () =>
      (await h!.database.store.db
        .selectFrom('rounds')
        .select(['attempts', 'status'])
        .where('channel_id', '=', broken.id)
        .executeTakeFirst())!;
    expect(await attempts()).toEqual({ attempts: 1, status: 'posting' });
    for (const [minutes, expected] of [
      [1.5, 2],
      [4, 3],
      [8.5, 4],
      [17, 5],
    ] as const) {
      h.clock.set(new Date(Date.parse('2026-11-30T09:00:00Z') + minutes * MINUTE + 1000));
      await h.mlq.tick();
      expect((await attempts()).attempts).toBe(expected);
    }
    expect(await attempts()).toEqual({ attempts: 5, status: 'skipped' });
    const channel = await h.database.store.db
      .selectFrom('channels')
      .select(['active', 'paused_reason'])
      .where('id', '=', broken.id)
      .executeTakeFirstOrThrow();
    expect(channel).toEqual({ active: false, paused_reason: 'posting failed 5 times' });
    expect(h.port.of('private').map((p) => p.target)).toEqual(['test:owner']);
  });

  it.runIf(TEST_DB === 'postgres')('behaves as one when two instances with separate pools run against one Postgres', async () => {
    const from = new Date('2026-11-30T00:00:00Z');
    const to = new Date('2026-12-07T00:00:00Z');
    h = await createHarness(from);
    const all = await Promise.all(Array.from({ length: 20 }, (_, i) => subscribe(h!, `test:pair:${i}`, settings(i), from)));
    const second = await connect({ databaseUrl: h.database.url!, poolSize: 5 });
    try {
      const deps: CoreDeps = { ...h.deps, repo: createRepository(second.db) };
      await simulate([h.mlq, new Mlq(deps)], h.clock, from, to, 30);
    } finally {
      await second.close();
    }
    for (const channel of all) {
      const want = expected(channel, from, to);
      expect(
        keyed(h.port, 'mlq-round-', 'post').filter((s) => s.target === channel.id),
        channel.id,
      ).toHaveLength(want.posts.length);
      expect(
        keyed(h.port, 'mlq-digest-', 'post').filter((s) => s.target === channel.id),
        channel.id,
      ).toHaveLength(want.digests);
    }
    const keys = h.port.sent.filter((s) => s.key).map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('streak forgiveness through whole rounds', () => {
  it('spends an earned freeze on a missed round and honours /mlq away', async () => {
    const from = new Date('2026-11-30T08:00:00Z');
    h = await createHarness(from);
    const s = {
      ...settings(1),
      timezone: 'UTC',
      postTime: '09:00',
      weekdays: [1, 2, 3, 4, 5, 6, 7] as ChannelSettings['weekdays'],
      revealDelayMinutes: 360,
      revealTime: null,
      ramp: false,
    };
    const channel = await subscribe(h, 'test:freeze', s, from);
    const ada = member('ada');
    const day = (n: number) => new Date(Date.parse('2026-11-30T09:00:00Z') + n * 86_400_000);
    const play = async (n: number, answer: boolean) => {
      h!.clock.set(day(n));
      await h!.mlq.tick();
      if (answer) {
        const round = (await h!.mlq.currentRound(channel.id))!;
        await h!.mlq.threadMessage({
          channelId: channel.id,
          communityId: 'test',
          threadId: round.threadId!,
          messageId: `test:m:${n}`,
          author: ada,
          text: `Answer ${n}: more data lowers variance, so an overfit model usually improves with it.`,
        });
      }
      h!.clock.set(new Date(day(n).getTime() + 6 * 3_600_000));
      await h!.mlq.tick();
    };
    for (let n = 0; n < 7; n++) await play(n, true);
    const streakText = async () =>
      JSON.stringify((await h!.mlq.command({ channelId: channel.id, communityId: 'test', actor: ada, text: '/mlq streak' })).card);
    expect(await streakText()).toMatch(/7\*\* rounds in a row · best 7.*Freezes: 1 of 2/);
    await play(7, false);
    expect(await streakText()).toMatch(/7\*\* rounds in a row · best 7.*Freezes: 0 of 2/);
    await play(8, true);
    expect(await streakText()).toMatch(/8\*\* rounds in a row/);
    h.clock.set(day(9));
    const away = await h.mlq.command({ channelId: channel.id, communityId: 'test', actor: ada, text: '/mlq away 2' });
    expect(JSON.stringify(away.card)).toMatch(/Away until 2026-12-10/);
    await play(9, false);
    await play(10, false);
    expect(await streakText()).toMatch(/8\*\* rounds in a row.*Away until/);
    await play(11, false);
    expect(await streakText()).toMatch(/0\*\* rounds in a row · best 8/);
  });
});
