import { afterEach, describe, expect, it } from 'vitest';
import type { Channel, ChannelSettings } from '../../src/core/types.ts';
import { cardText, createHarness, type Harness, member } from '../helpers/harness.ts';

/** Whole rounds in zones whose local date differs from UTC's: Auckland is UTC+13 and Los Angeles UTC-8 in late November. */
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const ada = member('ada');

async function subscribe(
  id: string,
  s: Partial<ChannelSettings>,
  nextPostAt: string,
  nextDigestAt: string | null = null,
): Promise<Channel> {
  await h!.repo.upsertCommunity('test', 'test', 'Test');
  const settings: ChannelSettings = {
    timezone: 'UTC',
    postTime: '09:00',
    weekdays: [1, 2, 3, 4, 5],
    revealDelayMinutes: 60,
    categories: [],
    levels: [],
    digestWeekday: null,
    ...s,
  };
  const c: Channel = {
    ...settings,
    id,
    communityId: 'test',
    name: id,
    active: true,
    organiserIds: [],
    nextPostAt: new Date(nextPostAt),
    nextDigestAt: nextDigestAt ? new Date(nextDigestAt) : null,
  };
  await h!.repo.saveChannel(c);
  return c;
}

async function at(iso: string) {
  h!.clock.set(new Date(iso));
  return h!.mlq.tick();
}

async function answer(channelId: string, n: number) {
  const round = (await h!.mlq.currentRound(channelId))!;
  return h!.mlq.threadMessage({
    channelId,
    communityId: 'test',
    threadId: round.threadId!,
    messageId: `test:tz:${n}`,
    author: ada,
    text: `answer ${n}: more data lowers variance, so an overfit model usually improves with it`,
  });
}

const say = async (channelId: string, text: string) =>
  cardText((await h!.mlq.command({ channelId, communityId: 'test', actor: ada, text })).card);
const rounds = (channelId: string) =>
  h!.database.store.db
    .selectFrom('rounds')
    .select(['local_date', 'seq', 'status'])
    .where('channel_id', '=', channelId)
    .orderBy('id')
    .execute();
const periods = async () =>
  (await h!.database.store.db.selectFrom('scores').select('period').where('member_id', '=', ada.id).execute()).map((p) => p.period).sort();

describe('a channel in Auckland, a day ahead of UTC', () => {
  it('dates rounds, weeks, streaks, away days and the digest by the local calendar', async () => {
    h = await createHarness(new Date('2026-11-29T19:00:00Z'));
    const c = await subscribe(
      'test:akl',
      { timezone: 'Pacific/Auckland', digestWeekday: 5, digestTime: '16:00' },
      '2026-11-29T20:00:00Z',
      '2026-12-04T03:00:00Z',
    );

    await at('2026-11-29T20:00:30Z');
    expect(await answer(c.id, 1)).toBe('answer');
    await at('2026-11-29T21:00:30Z');
    expect(await periods()).toEqual(['all', 'm:2026-11', 'q:2026-Q4', 'w:2026-11-30']);
    h.clock.set(new Date('2026-11-29T21:30:00Z'));
    expect(await say(c.id, '/mlq leaderboard')).toMatch(/week of 2026-11-30[\s\S]*ada · 10 pts/);
    expect(await say(c.id, '/mlq away 2')).toContain('Away until 2026-12-01 (Pacific/Auckland)');
    await say(c.id, '/mlq away off');

    await at('2026-11-30T20:00:30Z');
    expect(await answer(c.id, 2)).toBe('answer');
    await at('2026-11-30T21:00:30Z');
    expect(await rounds(c.id)).toEqual([
      { local_date: '2026-11-30', seq: 1, status: 'revealed' },
      { local_date: '2026-12-01', seq: 2, status: 'revealed' },
    ]);
    expect(await say(c.id, '/mlq streak')).toMatch(/Your streak: 2 rounds in a row/);

    expect(await at('2026-12-04T02:59:30Z')).toMatchObject({ digests: 0 });
    expect(await at('2026-12-04T03:00:30Z')).toMatchObject({ digests: 1 });
    const digest = h.port.sent.find((s) => s.key?.startsWith('mlq-digest-'))!;
    expect(digest.card!.title).toBe('Week of 2026-11-30 · the digest');
    const row = await h.database.store.db.selectFrom('channels').select('next_digest_at').where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(row.next_digest_at?.toISOString()).toBe('2026-12-11T03:00:00.000Z');
  });
});

describe('a channel in Los Angeles, a day behind UTC', () => {
  it('posts a Friday round on a UTC Saturday, keeps it in that week, and counts Friday then Monday as a streak', async () => {
    h = await createHarness(new Date('2026-11-28T01:00:00Z'));
    const c = await subscribe(
      'test:lax',
      { timezone: 'America/Los_Angeles', postTime: '17:30', revealDelayMinutes: 360 },
      '2026-11-28T01:30:00Z',
    );

    expect(await at('2026-11-28T01:30:30Z')).toMatchObject({ posted: 1 });
    expect(await answer(c.id, 1)).toBe('answer');
    await at('2026-11-28T07:30:30Z');
    expect(await periods()).toEqual(['all', 'm:2026-11', 'q:2026-Q4', 'w:2026-11-23']);
    h.clock.set(new Date('2026-11-30T05:00:00Z'));
    expect(await say(c.id, '/mlq leaderboard')).toMatch(/week of 2026-11-23[\s\S]*ada · 10 pts/);
    expect(await say(c.id, '/mlq away 1')).toContain('Away until 2026-11-29 (America/Los_Angeles)');
    await say(c.id, '/mlq away off');
    expect(await at('2026-11-30T05:00:30Z')).toMatchObject({ posted: 0 });

    expect(await at('2026-12-01T01:30:30Z')).toMatchObject({ posted: 1 });
    expect(await answer(c.id, 2)).toBe('answer');
    await at('2026-12-01T07:30:30Z');
    expect(await rounds(c.id)).toEqual([
      { local_date: '2026-11-27', seq: 1, status: 'revealed' },
      { local_date: '2026-11-30', seq: 2, status: 'revealed' },
    ]);
    expect(await say(c.id, '/mlq streak')).toMatch(/Your streak: 2 rounds in a row/);
    h.clock.set(new Date('2026-12-01T07:45:00Z'));
    expect(await say(c.id, '/mlq leaderboard')).toMatch(/week of 2026-11-30[\s\S]*ada · 10 pts/);
  });
});
