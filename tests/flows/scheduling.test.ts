import { afterEach, describe, expect, it } from 'vitest';
import { Mlq } from '../../src/core/app.ts';
import type { CoreDeps } from '../../src/core/deps.ts';
import { LEASE_MS } from '../../src/core/rounds.ts';
import type { ChannelSettings } from '../../src/core/types.ts';
import { connect } from '../../src/store/connect.ts';
import { createRepository } from '../../src/store/repository.ts';
import { TEST_DB } from '../helpers/database.ts';
import { createHarness, type Harness, member } from '../helpers/harness.ts';
import { expected, keyed, MINUTE, settings, simulate, subscribe } from '../helpers/schedule-model.ts';
import { waitFor } from '../helpers/wait.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('rounds on time, exactly once', () => {
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
