import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepository, type StoreRepository } from '../../src/store/repository.ts';
import { ARCHIVE_QUESTIONS } from '../helpers/archive-questions.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

let database: TestDatabase;
let repo: StoreRepository;
const A = 'test:T:activity';
const B = 'test:T:elsewhere';
const ADA = 'test:U:ada';
const BEN = 'test:U:ben';

let rounds = 0;
/** One answer in a round of its own (one counted answer per member per round), written at instant `at`. */
async function answer(channelId: string, memberId: string, at: string, withdrawn = false) {
  const n = ++rounds;
  const round = await database.store.db
    .insertInto('rounds')
    .values({
      channel_id: channelId,
      question_id: 'q-overfit',
      local_date: `2026-01-${String(n).padStart(2, '0')}`,
      status: 'revealed',
      post_at: new Date(at),
      reveal_at: new Date(at),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await database.store.db
    .insertInto('answers')
    .values({
      round_id: round.id,
      member_id: memberId,
      message_id: `test:m:${n}`,
      text: 'an answer',
      sealed: false,
      created_at: new Date(at),
      updated_at: new Date(at),
      withdrawn_at: withdrawn ? new Date(at) : null,
    })
    .execute();
}

beforeAll(async () => {
  database = await createTestDatabase();
  repo = createRepository(database.store.db);
  await repo.syncQuestions(
    ARCHIVE_QUESTIONS.map((q) => ({ question: q, hash: q.id })),
    new Date('2026-01-01T00:00:00Z'),
  );
  await repo.upsertCommunity('test:T', 'test', 'T');
  for (const id of [A, B]) {
    await repo.saveChannel({
      id,
      communityId: 'test:T',
      name: id,
      active: true,
      organiserIds: [],
      timezone: 'Asia/Tokyo',
      postTime: '09:00',
      weekdays: [1, 2, 3, 4, 5],
      revealDelayMinutes: 60,
      categories: [],
      levels: [],
      nextPostAt: null,
    });
  }
  await repo.upsertMember({ id: ADA, name: 'Ada' }, 'test:T');
  await repo.upsertMember({ id: BEN, name: 'Ben' }, 'test:T');
  // Tokyo is UTC+9: local midnight of the 8 June window start is 2026-06-07T15:00Z, of the day after 30 November is 2026-11-30T15:00Z.
  await answer(A, ADA, '2026-06-07T14:59:00Z'); // 7 June in Tokyo: before the window
  await answer(A, ADA, '2026-06-07T15:00:00Z'); // 8 June 00:00 in Tokyo: the first instant of the window
  await answer(A, ADA, '2026-11-29T14:59:00Z'); // 29 November 23:59 in Tokyo
  await answer(A, ADA, '2026-11-29T15:00:00Z'); // 30 November 00:00 in Tokyo
  await answer(A, ADA, '2026-11-30T14:59:00Z'); // 30 November 23:59 in Tokyo: the last minute of the window
  await answer(A, ADA, '2026-11-30T15:00:00Z'); // 1 December in Tokyo: after the window
  await answer(A, ADA, '2026-09-01T03:00:00Z', true); // withdrawn
  await answer(A, BEN, '2026-11-30T01:00:00Z'); // another member
  await answer(B, ADA, '2026-11-30T02:00:00Z'); // another channel
});

afterAll(() => database.drop());

describe('answers per local day', () => {
  it('counts a member’s answers on Tokyo’s dates, the window’s first and last local minutes included', async () => {
    expect(await repo.answersPerDay(A, ADA, 'Asia/Tokyo', '2026-06-08', '2026-11-30')).toEqual({
      '2026-06-08': 1,
      '2026-11-29': 1,
      '2026-11-30': 2,
    });
  });

  it('puts the same answers on UTC’s dates in UTC', async () => {
    expect(await repo.answersPerDay(A, ADA, 'UTC', '2026-06-08', '2026-11-30')).toEqual({ '2026-11-29': 2, '2026-11-30': 2 });
    expect(await repo.answersPerDay(A, ADA, 'UTC', '2026-06-07', '2026-11-29')).toEqual({ '2026-06-07': 2, '2026-11-29': 2 });
  });

  it('counts the whole channel when no member is given', async () => {
    expect(await repo.answersPerDay(A, null, 'Asia/Tokyo', '2026-11-30', '2026-11-30')).toEqual({ '2026-11-30': 3 });
    expect(await repo.answersPerDay(B, null, 'Asia/Tokyo', '2026-06-08', '2026-11-30')).toEqual({ '2026-11-30': 1 });
  });

  it('is empty for a member without answers', async () => {
    expect(await repo.answersPerDay(B, BEN, 'Asia/Tokyo', '2026-06-08', '2026-11-30')).toEqual({});
  });
});
