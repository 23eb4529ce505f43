import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { down, up } from '../../migrations/0011-suggestions.ts';
import { checkSuggestion } from '../../src/core/suggestion-rules.ts';
import { createRepository, type StoreRepository } from '../../src/store/repository.ts';
import { addArchiveQuestions } from '../helpers/archive-rounds.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { GOOD_SUGGESTION } from '../helpers/suggestion-fields.ts';

let database: TestDatabase;
let repo: StoreRepository;
const AT = new Date('2026-11-23T10:00:00Z');
const checked = checkSuggestion(GOOD_SUGGESTION);
if (!checked.ok) throw new Error('the test suggestion must pass the schema');
const question = checked.value;

beforeAll(async () => {
  database = await createTestDatabase();
  repo = createRepository(database.store.db);
  await addArchiveQuestions(database.store.db);
  await repo.upsertCommunity('test:T1', 'test', 't');
  await repo.upsertMember({ id: 'test:ada', name: 'ada' }, 'test:T1');
  for (const id of ['test:T1:C1', 'test:T1:C2']) {
    await repo.saveChannel({
      id,
      communityId: 'test:T1',
      name: id,
      active: true,
      organiserIds: [],
      nextPostAt: null,
      timezone: 'UTC',
      postTime: '09:00',
      weekdays: [1],
      revealDelayMinutes: 60,
      categories: [],
      levels: [],
    });
  }
});
afterAll(async () => {
  await database.drop();
});

const suggestion = (submissionId: string) =>
  repo.addSuggestion({
    channelId: 'test:T1:C1',
    communityId: 'test:T1',
    authorId: 'test:ada',
    authorName: 'ada',
    question,
    submissionId,
    at: AT,
  });

describe('the suggestions store', () => {
  it('stores a submission once, and approves it once however many approve it at the same time', async () => {
    const first = await suggestion('s-1');
    expect((await suggestion('s-1')).id).toBe(first.id);
    const decisions = await Promise.all(
      Array.from({ length: 4 }, (_, i) => repo.approveSuggestion(first.id, 'channel', 'birthday-question', `test:org${i}`, AT)),
    );
    expect(decisions.map((d) => d.status).sort()).toEqual(['decided', 'decided', 'decided', 'done']);
    const rows = await database.store.db.selectFrom('questions').select(['id', 'scope_id']).where('scope_id', 'is not', null).execute();
    expect(rows).toEqual([{ id: 'birthday-question', scope_id: 'test:T1:C1' }]);
    expect((await repo.rejectSuggestion(first.id, 'late', 'test:org', AT)).status).toBe('decided');
    expect(await repo.rejectSuggestion(999, 'none', 'test:org', AT)).toEqual({ status: 'missing' });

    const second = await suggestion('s-2');
    const approved = await repo.approveSuggestion(second.id, 'community', 'birthday-question', 'test:org', AT);
    expect(approved.status === 'done' && approved.suggestion.questionId).toBe('birthday-question-2');
    expect((await repo.scopedCandidates('test:T1:C2', 'test:T1')).map((c) => c.id)).toEqual(['birthday-question-2']);
    expect((await repo.scopedCandidates('test:T1:C1', 'test:T1')).map((c) => c.id).sort()).toEqual([
      'birthday-question',
      'birthday-question-2',
    ]);
    expect((await repo.questionCandidates()).some((c) => c.id.startsWith('birthday'))).toBe(false);
  });

  it('keeps the next-round pick until the round that used it clears it, and a newer pick survives an older clear', async () => {
    await repo.setNextQuestion('test:T1:C1', 'q-overfit', 'test:org', AT);
    expect(await repo.nextQuestion('test:T1:C1')).toBe('q-overfit');
    await repo.setNextQuestion('test:T1:C1', 'q-dropout', 'test:org', AT);
    const choices = await repo.roundChoices('test:T1:C1', 'test:T1');
    expect({ ...choices, pool: choices.pool.map((c) => c.id).sort() }).toEqual({
      next: 'q-dropout',
      pool: ['birthday-question', 'birthday-question-2'],
    });
    expect(await repo.roundChoices('test:T1:C2', 'test:T1')).toEqual({
      next: null,
      pool: [{ id: 'birthday-question-2', category: 'statistics', level: 'junior' }],
    });
    await repo.clearNextQuestion('test:T1:C1', 'q-overfit');
    expect(await repo.nextQuestion('test:T1:C1')).toBe('q-dropout');
    await repo.clearNextQuestion('test:T1:C1', 'q-dropout');
    expect(await repo.nextQuestion('test:T1:C1')).toBeNull();
  });

  it('migration 0011 goes down and up again', async () => {
    const db = database.store.db;
    await sql`delete from questions where scope_id is not null`.execute(db).catch(() => undefined);
    await down(db);
    const gone = await sql<{
      n: number;
    }>`select count(*)::int as n from information_schema.tables where table_name = 'suggestions'`.execute(db);
    expect(gone.rows[0]!.n).toBe(0);
    await up(db);
    expect(await repo.pendingSuggestions('test:T1:C1', 5)).toEqual({ suggestions: [], total: 0 });
  });
});
