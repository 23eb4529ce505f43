import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepository, type StoreRepository } from '../../src/store/repository.ts';
import { ARCHIVE_QUESTIONS } from '../helpers/archive-questions.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

let database: TestDatabase;
let repo: StoreRepository;
const A = 'test:T:activity';
const B = 'test:T:elsewhere';
const C = 'test:T:charts';
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
  for (const id of [A, B, C]) {
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

/** A round of channel C on a local date, revealed unless told, with `answers` counted answers. */
async function round(localDate: string, questionId: string, answers: number, postAt: string, status: 'revealed' | 'posted' = 'revealed') {
  await database.store.db
    .insertInto('rounds')
    .values({
      channel_id: C,
      question_id: questionId,
      local_date: localDate,
      status,
      post_at: new Date(postAt),
      reveal_at: new Date(postAt),
      answer_count: answers,
    })
    .execute();
}

describe('answers per round', () => {
  beforeAll(async () => {
    // Tokyo (UTC+9): Monday 23 November's round is posted at 08:30 local, still Sunday 22 November in UTC.
    await round('2026-11-22', 'q-overfit', 9, '2026-11-21T23:30:00Z'); // the Sunday before the week
    await round('2026-11-23', 'q-dropout', 4, '2026-11-22T23:30:00Z');
    await round('2026-11-24', 'q-overfit', 0, '2026-11-23T23:30:00Z');
    await round('2026-11-25', 'q-pvalue', 6, '2026-11-24T23:30:00Z', 'posted'); // not revealed yet
    await round('2026-11-29', 'q-drift', 2, '2026-11-28T23:30:00Z'); // the Sunday that ends the week
    await round('2026-11-30', 'q-drift', 7, '2026-11-29T23:30:00Z'); // the next week
  });

  it('lists the revealed rounds of the local week, a Monday posted on UTC’s Sunday included', async () => {
    expect(await repo.answersPerRound(C, '2026-11-23', '2026-11-29')).toEqual([
      { localDate: '2026-11-23', category: 'deep-learning', answers: 4 },
      { localDate: '2026-11-24', category: 'fundamentals', answers: 0 },
      { localDate: '2026-11-29', category: 'mlops', answers: 2 },
    ]);
  });

  it('is empty for a week without rounds', async () => {
    expect(await repo.answersPerRound(C, '2026-12-07', '2026-12-13')).toEqual([]);
  });
});

describe('weekly points against the median', () => {
  const CAL = 'test:U:cal';
  const DEE = 'test:U:dee';
  beforeAll(async () => {
    const rows = [
      ['w:2026-11-16', ADA, 10],
      ['w:2026-11-16', BEN, 4],
      ['w:2026-11-16', CAL, 7],
      ['w:2026-11-23', BEN, 3],
      ['w:2026-11-23', CAL, 5],
      ['w:2026-11-23', DEE, 0], // took part without points: not in the median
      ['m:2026-11', ADA, 99], // a month, not a week
    ] as const;
    await database.store.db
      .insertInto('scores')
      .values(rows.map(([period, member_id, points]) => ({ channel_id: C, period, member_id, points })))
      .execute();
    await database.store.db.insertInto('scores').values({ channel_id: A, period: 'w:2026-11-23', member_id: ADA, points: 50 }).execute();
  });

  it('gives the member’s points and the median of those who scored, in the order asked', async () => {
    expect(await repo.weeklyPoints(C, ADA, ['2026-11-09', '2026-11-16', '2026-11-23'])).toEqual([
      { week: '2026-11-09', member: 0, median: 0 },
      { week: '2026-11-16', member: 10, median: 7 },
      { week: '2026-11-23', member: 0, median: 4 },
    ]);
    expect(await repo.weeklyPoints(C, DEE, ['2026-11-23'])).toEqual([{ week: '2026-11-23', member: 0, median: 4 }]);
  });

  it('asks nothing for no weeks', async () => {
    expect(await repo.weeklyPoints(C, ADA, [])).toEqual([]);
  });
});
