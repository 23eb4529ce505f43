import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Question } from '../../src/core/types.ts';
import { createRepository, type StoreRepository } from '../../src/store/repository.ts';
import { recordThreadAnswers, type ThreadAnswerInput } from '../../src/store/thread-answers.ts';
import { createTestDatabase, TEST_DB, type TestDatabase } from '../helpers/database.ts';

let database: TestDatabase;
let repo: StoreRepository;
const at = new Date('2026-11-24T09:00:00Z');
const later = new Date('2026-11-24T09:05:00Z');
const question: Question = {
  id: 'q1',
  category: 'fundamentals',
  level: 'junior',
  prompt: 'Prompt?',
  strong_answer: 's',
  weak_answer: 'w',
  key_points: ['a', 'b', 'c'],
  probes: [{ question: 'q', guidance: 'g' }],
  tags: ['t1', 't2'],
};
const reply = (thread: string, who: string, messageId: string, text = `${messageId}: more data lowers variance, so an overfit model usually improves with it`): ThreadAnswerInput => ({
  threadId: thread,
  member: { id: `test:${who}`, name: who },
  communityId: 'test:T',
  messageId,
  text,
  at: later,
});

beforeAll(async () => {
  database = await createTestDatabase();
  repo = createRepository(database.store.db);
  await repo.syncQuestions([{ question, hash: 'h1' }], at);
  await repo.upsertCommunity('test:T', 'test', 'T');
  for (const c of ['C1', 'C2', 'C3']) {
    await repo.saveChannel({ id: `test:T:${c}`, communityId: 'test:T', name: c, active: true, organiserIds: [], timezone: 'UTC', postTime: '09:00', weekdays: [1, 2, 3, 4, 5], revealDelayMinutes: 60, categories: [], levels: [], nextPostAt: null });
    const round = await repo.createRound({ channelId: `test:T:${c}`, questionId: 'q1', localDate: '2026-11-24', postAt: at, revealAt: new Date(at.getTime() + 3_600_000) });
    await repo.markPosted(round!.id, `test:m:${c}`, `test:t:${c}`);
  }
  await database.store.db.updateTable('rounds').set({ reveal_at: at }).where('thread_id', '=', 'test:t:C3').execute();
});
afterAll(async () => {
  await database.drop();
});

describe(`thread replies recorded in batches (${TEST_DB})`, () => {
  it('gives each reply in one batch its own outcome, the first per member and round counting', async () => {
    await repo.upsertMember({ id: 'test:ann', name: 'old name' }, 'test:T');
    const outcomes = await recordThreadAnswers(database.store.db, [
      reply('test:t:C1', 'ann', 'm1'),
      reply('test:t:C1', 'ann', 'm2'),
      reply('test:t:C2', 'ann', 'm3'),
      reply('test:t:C1', 'bob', 'm4'),
      reply('test:t:none', 'cat', 'm5'),
      reply('test:t:C3', 'dan', 'm6'),
    ]);
    expect(outcomes.map((o) => o.outcome)).toEqual(['counted', 'already-answered', 'counted', 'counted', 'unknown-thread', 'closed']);
    expect(outcomes[0]!.round).toMatchObject({ channelId: 'test:T:C1', localDate: '2026-11-24', status: 'posted' });
    const answers = await database.store.db.selectFrom('answers').select(['message_id', 'member_id']).orderBy('message_id').execute();
    expect(answers).toEqual([
      { message_id: 'm1', member_id: 'test:ann' },
      { message_id: 'm3', member_id: 'test:ann' },
      { message_id: 'm4', member_id: 'test:bob' },
    ]);
    const threads = await database.store.db.selectFrom('thread_messages').select(['message_id', 'kind']).orderBy('message_id').execute();
    expect(threads).toEqual([
      { message_id: 'm1', kind: 'answer' },
      { message_id: 'm3', kind: 'answer' },
      { message_id: 'm4', kind: 'answer' },
    ]);
    const members = await database.store.db.selectFrom('members').select(['id', 'name']).orderBy('id').execute();
    expect(members).toEqual([
      { id: 'test:ann', name: 'ann' },
      { id: 'test:bob', name: 'bob' },
      { id: 'test:dan', name: 'dan' },
    ]);
  });

  it('reports a replayed message as a duplicate and writes nothing for it', async () => {
    const outcomes = await recordThreadAnswers(database.store.db, [reply('test:t:C1', 'ann', 'm1'), reply('test:t:C2', 'eve', 'm7')]);
    expect(outcomes.map((o) => o.outcome)).toEqual(['duplicate', 'counted']);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from answers where message_id in ('m1', 'm7')`.execute(database.store.db);
    expect(rows[0]!.n).toBe(2);
  });

  it('keeps texts with quotes, backslashes and non-Latin script exactly', async () => {
    const text = 'It\'s "bias" \\ variance, {a,b} — 偏差と分散 ✅ and both matter when you choose the model capacity';
    const [outcome] = await recordThreadAnswers(database.store.db, [reply('test:t:C2', 'fay', 'm8', text)]);
    expect(outcome!.outcome).toBe('counted');
    const row = await database.store.db.selectFrom('answers').select('text').where('message_id', '=', 'm8').executeTakeFirstOrThrow();
    expect(row.text).toBe(text);
  });

  it('counts a reply only when it clears its channel bar, and tells a first reply below it from discussion', async () => {
    await database.store.db.updateTable('channels').set({ min_words: 0 }).where('id', '=', 'test:T:C3').execute();
    await database.store.db.updateTable('rounds').set({ reveal_at: new Date(at.getTime() + 3_600_000) }).where('thread_id', '=', 'test:t:C3').execute();
    const eleven = 'More data lowers variance, so an overfit model usually improves.';
    const outcomes = await recordThreadAnswers(database.store.db, [
      reply('test:t:C1', 'gus', 'bar1'),
      reply('test:t:C1', 'gus', 'bar2', 'And one more short thought'),
      reply('test:t:C1', 'hal', 'bar3', eleven),
      reply('test:t:C1', 'ivy', 'bar4', 'blah '.repeat(30)),
      reply('test:t:C1', 'jon', 'bar5', `${eleven} ${'x'.repeat(10_000)}`),
      reply('test:t:C3', 'kim', 'bar6', 'ok'),
    ]);
    expect(outcomes.map((o) => [o.outcome, o.minWords])).toEqual([
      ['counted', 12],
      ['already-answered', 12],
      ['below-bar', 12],
      ['below-bar', 12],
      ['below-bar', 12],
      ['counted', 0],
    ]);
    const answers = await database.store.db.selectFrom('answers').select('message_id').where('message_id', 'like', 'bar%').orderBy('message_id').execute();
    expect(answers).toEqual([{ message_id: 'bar1' }, { message_id: 'bar6' }]);
  });

  it('counts a reply without a word count as before, from a replica not yet upgraded', async () => {
    const batch = JSON.stringify([{ idx: 0, thread_id: 'test:t:C1', member_id: 'test:old', community_id: 'test:T', name: 'old', message_id: 'old1', text: 'ok', at: later }]);
    const { rows } = await sql<{ inserted: boolean }>`select inserted from mlq_record_thread_answers(${batch}::json)`.execute(database.store.db);
    expect(rows).toEqual([{ inserted: true }]);
  });

  it('counts each of 300 concurrent replies once, including 100 replayed at the same time', async () => {
    const fresh = Array.from({ length: 200 }, (_, i) => reply(`test:t:C${(i % 2) + 1}`, `p${Math.floor(i / 2)}`, `burst${i}`));
    const replayed = fresh.slice(0, 100);
    const outcomes = await Promise.all([...fresh, ...replayed].map((r) => repo.answerInThread(r.threadId, r.member, r.communityId, r.messageId, r.text, r.at)));
    expect(outcomes.filter((o) => o.outcome === 'counted')).toHaveLength(200);
    expect(outcomes.filter((o) => o.outcome === 'duplicate')).toHaveLength(100);
    const { rows } = await sql<{ answers: number; threads: number }>`
      select (select count(*)::int from answers where message_id like 'burst%') as answers,
        (select count(*)::int from thread_messages where message_id like 'burst%') as threads`.execute(database.store.db);
    expect(rows[0]).toEqual({ answers: 200, threads: 200 });
  });
});
