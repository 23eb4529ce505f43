import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Question } from '../../src/core/types.ts';
import { type AnswerInput, recordAnswers } from '../../src/store/record-answers.ts';
import { createRepository, type StoreRepository } from '../../src/store/repository.ts';
import { createTestDatabase, TEST_DB, type TestDatabase } from '../helpers/database.ts';

let database: TestDatabase;
let repo: StoreRepository;
const at = new Date('2026-11-24T09:00:00Z');
const later = new Date('2026-11-24T09:05:00Z');
const revealAt = new Date('2026-11-24T10:00:00Z');
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
const reply = (
  thread: string,
  who: string,
  messageId: string,
  text = `${messageId}: more data lowers variance, so an overfit model usually improves with it`,
): AnswerInput => ({
  threadId: thread,
  member: { id: `test:${who}`, name: who },
  communityId: 'test:T',
  messageId,
  text,
  at: later,
});
const sealed = (
  channel: string,
  who: string,
  submissionId: string,
  when: Date,
  words = 'regularisation trades a little bias for much less variance here',
) => ({
  roundId: roundIds.get(channel)!,
  channelId: `test:T:${channel}`,
  member: { id: `test:${who}`, name: who },
  communityId: 'test:T',
  submissionId,
  text: `sealed ${submissionId}: ${words}`,
  at: when,
});
const rowsOf = (ids: string[]) =>
  database.store.db
    .selectFrom('answers')
    .select(['message_id', 'member_id', 'sealed'])
    .where('message_id', 'in', ids)
    .orderBy('message_id')
    .execute();
const roundIds = new Map<string, number>();

beforeAll(async () => {
  database = await createTestDatabase();
  repo = createRepository(database.store.db);
  await repo.syncQuestions([{ question, hash: 'h1' }], at);
  await repo.upsertCommunity('test:T', 'test', 'T');
  for (const c of ['C1', 'C2', 'C3', 'S1', 'S2', 'S3', 'B0', 'B1']) {
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
    const round = await repo.createRound({ channelId: `test:T:${c}`, questionId: 'q1', localDate: '2026-11-24', postAt: at, revealAt });
    await repo.markPosted(round!.id, `test:m:${c}`, `test:t:${c}`);
    roundIds.set(c, round!.id);
  }
  await database.store.db.updateTable('rounds').set({ reveal_at: at }).where('thread_id', '=', 'test:t:C3').execute();
});
afterAll(async () => {
  await database.drop();
});

describe(`thread replies recorded in batches (${TEST_DB})`, () => {
  it('gives each reply in one batch its own outcome, the first per member and round counting', async () => {
    await repo.upsertMember({ id: 'test:ann', name: 'old name' }, 'test:T');
    const outcomes = await recordAnswers(database.store.db, [
      reply('test:t:C1', 'ann', 'm1'),
      reply('test:t:C1', 'ann', 'm2'),
      reply('test:t:C2', 'ann', 'm3'),
      reply('test:t:C1', 'bob', 'm4'),
      reply('test:t:none', 'cat', 'm5'),
      reply('test:t:C3', 'dan', 'm6'),
    ]);
    expect(outcomes.map((o) => o.outcome)).toEqual(['counted', 'already-answered', 'counted', 'counted', 'unknown-thread', 'closed']);
    expect(outcomes[0]!.round).toMatchObject({ channelId: 'test:T:C1', localDate: '2026-11-24', status: 'posted' });
    const ids = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6'];
    expect(await rowsOf(ids)).toEqual([
      { message_id: 'm1', member_id: 'test:ann', sealed: false },
      { message_id: 'm3', member_id: 'test:ann', sealed: false },
      { message_id: 'm4', member_id: 'test:bob', sealed: false },
    ]);
    const threads = await database.store.db
      .selectFrom('thread_messages')
      .select(['message_id', 'kind'])
      .where('message_id', 'in', ids)
      .orderBy('message_id')
      .execute();
    expect(threads).toEqual([
      { message_id: 'm1', kind: 'answer' },
      { message_id: 'm3', kind: 'answer' },
      { message_id: 'm4', kind: 'answer' },
    ]);
    const members = await database.store.db
      .selectFrom('members')
      .select(['id', 'name'])
      .where('id', 'in', ['test:ann', 'test:bob', 'test:cat', 'test:dan'])
      .orderBy('id')
      .execute();
    expect(members).toEqual([
      { id: 'test:ann', name: 'ann' },
      { id: 'test:bob', name: 'bob' },
      { id: 'test:dan', name: 'dan' },
    ]);
  });

  it('reports a replayed message as a duplicate and writes nothing for it', async () => {
    const [first] = await recordAnswers(database.store.db, [reply('test:t:C1', 'gus', 'm9')]);
    expect(first!.outcome).toBe('counted');
    const outcomes = await recordAnswers(database.store.db, [reply('test:t:C1', 'gus', 'm9', 'changed'), reply('test:t:C2', 'eve', 'm7')]);
    expect(outcomes.map((o) => o.outcome)).toEqual(['duplicate', 'counted']);
    const { rows } = await sql<{ n: number; text: string }>`
      select count(*)::int as n, min(text) as text from answers where message_id = 'm9'`.execute(database.store.db);
    expect(rows[0]).toEqual({ n: 1, text: 'm9: more data lowers variance, so an overfit model usually improves with it' });
  });

  it('keeps texts with quotes, backslashes and non-Latin script exactly', async () => {
    const text = 'It\'s "bias" \\ variance, {a,b} — 偏差と分散 ✅ and both matter when you choose the model capacity';
    const [outcome] = await recordAnswers(database.store.db, [reply('test:t:C2', 'fay', 'm8', text)]);
    expect(outcome!.outcome).toBe('counted');
    const row = await database.store.db.selectFrom('answers').select('text').where('message_id', '=', 'm8').executeTakeFirstOrThrow();
    expect(row.text).toBe(text);
  });

  it('counts a reply only when it clears its channel bar, and tells a first reply below it from discussion', async () => {
    await database.store.db.updateTable('channels').set({ min_words: 0 }).where('id', '=', 'test:T:B0').execute();
    const eleven = 'More data lowers variance, so an overfit model usually improves.';
    const outcomes = await recordAnswers(database.store.db, [
      reply('test:t:B1', 'gus', 'bar1'),
      reply('test:t:B1', 'gus', 'bar2', 'And one more short thought'),
      reply('test:t:B1', 'hal', 'bar3', eleven),
      reply('test:t:B1', 'ivy', 'bar4', 'blah '.repeat(30)),
      reply('test:t:B1', 'jon', 'bar5', `${eleven} ${'x'.repeat(10_000)}`),
      reply('test:t:B0', 'kim', 'bar6', 'ok'),
    ]);
    expect(outcomes.map((o) => [o.outcome, o.minWords])).toEqual([
      ['counted', 12],
      ['already-answered', 12],
      ['below-bar', 12],
      ['below-bar', 12],
      ['below-bar', 12],
      ['counted', 0],
    ]);
    const short = await repo.answerSealed({ ...sealed('B1', 'lia', 'bar7', later), text: 'too short to count' });
    expect(short.outcome).toBe('below-bar');
    expect(await rowsOf(['bar1', 'bar2', 'bar3', 'bar4', 'bar5', 'bar6', 'bar7'])).toEqual([
      { message_id: 'bar1', member_id: 'test:gus', sealed: false },
      { message_id: 'bar6', member_id: 'test:kim', sealed: false },
    ]);
  });

  it('counts an answer sent without a word count as before (a replica not yet upgraded)', async () => {
    const batch = JSON.stringify([
      {
        idx: 0,
        thread_id: 'test:t:B0',
        member_id: 'test:old',
        community_id: 'test:T',
        name: 'old',
        message_id: 'old1',
        text: 'ok',
        at: later,
      },
    ]);
    await database.store.db.updateTable('channels').set({ min_words: 12 }).where('id', '=', 'test:T:B0').execute();
    const { rows } = await sql<{ inserted: boolean }>`select inserted from mlq_record_answers(${batch}::json)`.execute(database.store.db);
    expect(rows).toEqual([{ inserted: true }]);
  });

  it('counts each of 300 concurrent replies once, including 100 replayed at the same time', async () => {
    const fresh = Array.from({ length: 200 }, (_, i) => {
      const threadId = `test:t:C${(i % 2) + 1}`;
      return { ...reply(threadId, `p${Math.floor(i / 2)}`, `burst${i}`), threadId };
    });
    const replayed = fresh.slice(0, 100);
    const submit = (r: (typeof fresh)[number]) => repo.answerInThread(r.threadId, r.member, r.communityId, r.messageId, r.text, r.at);
    const outcomes = await Promise.all([...fresh, ...replayed].map(submit));
    expect(outcomes.filter((o) => o.outcome === 'counted')).toHaveLength(200);
    expect(outcomes.filter((o) => o.outcome === 'duplicate')).toHaveLength(100);
    const { rows } = await sql<{ answers: number; threads: number }>`
      select (select count(*)::int from answers where message_id like 'burst%') as answers,
        (select count(*)::int from thread_messages where message_id like 'burst%') as threads`.execute(database.store.db);
    expect(rows[0]).toEqual({ answers: 200, threads: 200 });
  });
});

describe(`one rule for thread and sealed answers: a round takes answers while posted and before its reveal (${TEST_DB})`, () => {
  const justBefore = new Date('2026-11-24T09:59:59.999Z');

  it('counts a sealed answer a millisecond before the reveal and refuses one at the reveal, for thread replies alike', async () => {
    expect((await repo.answerSealed(sealed('S1', 'ivy', 'form:1', revealAt))).outcome).toBe('closed');
    expect((await repo.answerSealed(sealed('S1', 'jon', 'form:2', justBefore))).outcome).toBe('counted');
    const [atReveal, before] = await recordAnswers(database.store.db, [
      { ...reply('test:t:S1', 'kim', 'reply:1'), at: revealAt },
      { ...reply('test:t:S1', 'lou', 'reply:2'), at: justBefore },
    ]);
    expect([atReveal!.outcome, before!.outcome]).toEqual(['closed', 'counted']);
    expect(await rowsOf(['form:1', 'form:2', 'reply:1', 'reply:2'])).toEqual([
      { message_id: 'form:2', member_id: 'test:jon', sealed: true },
      { message_id: 'reply:2', member_id: 'test:lou', sealed: false },
    ]);
    const threads = await database.store.db
      .selectFrom('thread_messages')
      .select(['message_id', 'kind'])
      .where('message_id', 'in', ['form:1', 'form:2'])
      .execute();
    expect(threads).toEqual([{ message_id: 'form:2', kind: 'answer' }]);
  });

  it('tells the form whether the round takes answers by the same rule', async () => {
    const round = roundIds.get('S2')!;
    expect(await repo.takesAnswers(round, justBefore)).toBe(true);
    expect(await repo.takesAnswers(round, revealAt)).toBe(false);
    expect(await repo.takesAnswers(round, new Date('2026-11-24T10:00:00.001Z'))).toBe(false);
    expect(await repo.takesAnswers(999_999, at)).toBe(false);
    await database.store.db.updateTable('rounds').set({ status: 'revealing' }).where('id', '=', roundIds.get('S3')!).execute();
    expect(await repo.takesAnswers(roundIds.get('S3')!, at)).toBe(false);
    expect((await repo.answerSealed(sealed('S3', 'max', 'form:3', at))).outcome).toBe('closed');
    expect(await rowsOf(['form:3'])).toEqual([]);
  });

  it('counts one answer per member whichever way it comes, and a resubmitted form once', async () => {
    expect((await recordAnswers(database.store.db, [{ ...reply('test:t:S2', 'nia', 'reply:3'), at }]))[0]!.outcome).toBe('counted');
    expect((await repo.answerSealed(sealed('S2', 'nia', 'form:4', at))).outcome).toBe('already-answered');
    expect((await repo.answerSealed(sealed('S2', 'oto', 'form:5', at))).outcome).toBe('counted');
    expect((await repo.answerSealed(sealed('S2', 'oto', 'form:5', at))).outcome).toBe('duplicate');
    expect(await rowsOf(['reply:3', 'form:4', 'form:5'])).toEqual([
      { message_id: 'form:5', member_id: 'test:oto', sealed: true },
      { message_id: 'reply:3', member_id: 'test:nia', sealed: false },
    ]);
  });

  it("refuses a sealed answer naming another channel's round and writes nothing, not even the member", async () => {
    const outcome = await repo.answerSealed({ ...sealed('S2', 'pia', 'form:6', at), channelId: 'test:T:S1' });
    expect(outcome).toEqual({ outcome: 'unknown-thread', round: null });
    expect(await rowsOf(['form:6'])).toEqual([]);
    expect(await database.store.db.selectFrom('members').select('id').where('id', '=', 'test:pia').execute()).toEqual([]);
  });
});
