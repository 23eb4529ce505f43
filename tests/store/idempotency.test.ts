import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Question, Round } from '../../src/core/types.ts';
import { createRepository, type StoreRepository } from '../../src/store/repository.ts';
import { createTestDatabase, TEST_DB, type TestDatabase } from '../helpers/database.ts';

const ANSWER = 'More data lowers variance, so an overfit model usually improves with more of it.';

let database: TestDatabase;
let repo: StoreRepository;
const at = new Date('2026-11-24T09:00:00Z');
const inAnHour = new Date('2026-11-24T10:00:00Z');
const question = (id: string): Question => ({
  id,
  category: 'fundamentals',
  level: 'junior',
  prompt: `Prompt ${id}?`,
  strong_answer: 's',
  weak_answer: 'w',
  key_points: ['a', 'b', 'c'],
  probes: [{ question: 'q', guidance: 'g' }],
  tags: ['t1', 't2'],
});
const ann = { id: 'test:a', name: 'a' };

/** A posted round of its own channel (each test has one), revealed in an hour. */
async function postedRound(channel: string): Promise<Round> {
  const channelId = `test:T:${channel}`;
  const round = await repo.createRound({ channelId, questionId: 'q1', localDate: '2026-11-24', postAt: at, revealAt: inAnHour });
  await repo.markPosted(round!.id, `test:m:${channel}`, `test:t:${channel}`);
  return (await repo.getRound(round!.id))!;
}

beforeAll(async () => {
  database = await createTestDatabase();
  repo = createRepository(database.store.db);
  await repo.syncQuestions(
    [
      { question: question('q1'), hash: 'h1' },
      { question: question('q2'), hash: 'h2' },
    ],
    at,
  );
  await repo.upsertCommunity('test:T', 'test', 'T');
  for (const c of ['dates', 'answers', 'reveals', 'ledger']) {
    await repo.saveChannel({
      id: `test:T:${c}`,
      communityId: 'test:T',
      name: c,
      active: true,
      organiserIds: [],
      timezone: 'UTC',
      postTime: '09:00',
      weekdays: [1, 2, 3, 4, 5],
      revealDelayMinutes: 60,
      categories: [],
      levels: [],
      nextPostAt: null,
    });
  }
  for (const m of ['a', 'b']) await repo.upsertMember({ id: `test:${m}`, name: m }, 'test:T');
});
afterAll(async () => {
  await database.drop();
});

describe(`the schema keeps every write idempotent (${TEST_DB})`, () => {
  it('allows one round per channel per local date, and a new one once the first is skipped', async () => {
    const round = { channelId: 'test:T:dates', questionId: 'q1', localDate: '2026-11-24', postAt: at, revealAt: inAnHour };
    const first = await repo.createRound(round);
    expect(first).not.toBeNull();
    expect(await repo.createRound({ ...round, questionId: 'q2' })).toBeNull();
    await repo.markPosted(first!.id, 'test:m1', 'test:t1');
    expect(await repo.skipRound(first!.id)).toBe(true);
    const replacement = await repo.createRound({ ...round, questionId: 'q2' });
    expect(replacement).not.toBeNull();
    await repo.markPosted(replacement!.id, 'test:m2', 'test:t2');
    const rows = await database.store.db
      .selectFrom('rounds')
      .select(['question_id', 'status'])
      .where('channel_id', '=', 'test:T:dates')
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { question_id: 'q1', status: 'skipped' },
      { question_id: 'q2', status: 'posted' },
    ]);
  });

  it('counts one answer per member per round and one row per platform message', async () => {
    const round = await postedRound('answers');
    const answer = (messageId: string) => repo.answerInThread('test:t:answers', ann, 'test:T', messageId, ANSWER, at);
    expect((await answer('test:msg:1')).outcome).toBe('counted');
    expect((await answer('test:msg:1')).outcome).toBe('duplicate');
    expect((await answer('test:msg:2')).outcome).toBe('already-answered');
    expect(await repo.recordThreadMessage('test:msg:2', round.id, 'test:a', 'discussion', at)).toBe(true);
    expect(await repo.recordThreadMessage('test:msg:2', round.id, 'test:a', 'discussion', at)).toBe(false);
    const counted = await database.store.db
      .selectFrom('answers')
      .select(['message_id'])
      .where('round_id', '=', round.id)
      .where('withdrawn_at', 'is', null)
      .execute();
    expect(counted).toEqual([{ message_id: 'test:msg:1' }]);
    const threads = await database.store.db
      .selectFrom('thread_messages')
      .select(['message_id', 'kind'])
      .where('round_id', '=', round.id)
      .orderBy('message_id')
      .execute();
    expect(threads).toEqual([
      { message_id: 'test:msg:1', kind: 'answer' },
      { message_id: 'test:msg:2', kind: 'discussion' },
    ]);
  });

  it('claims a reveal once and numbers revealed rounds in order', async () => {
    const round = await postedRound('reveals');
    await repo.answerInThread('test:t:reveals', ann, 'test:T', 'test:reveals:1', ANSWER, at);
    const [a, b] = await Promise.all([repo.claimReveals(at, 10, 60_000, round.id), repo.claimReveals(at, 10, 60_000, round.id)]);
    const claimed = [...a, ...b];
    expect(claimed).toHaveLength(1);
    expect(claimed[0]!.seq).toBe(1);
    expect(claimed[0]!.answerCount).toBe(1);
    expect(await repo.claimReveals(new Date('2026-11-24T09:00:30Z'), 10, 60_000)).toEqual([]);
    const lapsed = await repo.claimReveals(new Date('2026-11-24T09:01:01Z'), 10, 60_000);
    expect(lapsed.map((r) => [r.id, r.seq, r.attempts])).toEqual([[round.id, 1, 2]]);
    expect(await repo.latestRevealedSeq('test:T:reveals')).toBe(1);
  });

  it('adds a ledger entry once per key and keeps the aggregates equal to the ledger', async () => {
    const round = await postedRound('ledger');
    const entry = {
      key: 'answer:x:test:a',
      channelId: 'test:T:ledger',
      memberId: 'test:a',
      roundId: round.id,
      reason: 'answer' as const,
      points: 10,
      week: '2026-11-23',
      at,
    };
    expect(await repo.award([entry])).toBe(1);
    expect(await repo.award([entry, { ...entry, key: 'peer_vote:x:test:a:test:b', reason: 'peer_vote', points: 2 }])).toBe(1);
    const ledger = await database.store.db
      .selectFrom('ledger')
      .select((eb) => eb.fn.sum<number>('points').as('total'))
      .where('channel_id', '=', 'test:T:ledger')
      .executeTakeFirstOrThrow();
    const scores = await database.store.db
      .selectFrom('scores')
      .select(['period', 'points'])
      .where('channel_id', '=', 'test:T:ledger')
      .orderBy('period')
      .execute();
    expect(Number(ledger.total)).toBe(12);
    expect(scores).toEqual([
      { period: 'all', points: 12 },
      { period: 'm:2026-11', points: 12 },
      { period: 'q:2026-Q4', points: 12 },
      { period: 'w:2026-11-23', points: 12 },
    ]);
    expect(await repo.rankOf('test:T:ledger', 'all', 'test:a')).toMatchObject({ rank: 1, points: 12 });
  });

  it('retires a question removed from the files instead of deleting it', async () => {
    const report = await repo.syncQuestions([{ question: question('q2'), hash: 'h2b' }], at);
    expect(report).toEqual({ added: 0, updated: 1, retired: 1, unchanged: 0 });
    const rows = await database.store.db.selectFrom('questions').select(['id', 'retired_at']).orderBy('id').execute();
    expect(rows.map((r) => [r.id, r.retired_at !== null])).toEqual([
      ['q1', true],
      ['q2', false],
    ]);
    expect((await repo.syncQuestions([{ question: question('q2'), hash: 'h2b' }], at)).unchanged).toBe(1);
  });
});
