import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { down, up } from '../../migrations/0008-archive-search.ts';
import type { ArchivePage, ArchiveQuery } from '../../src/core/repository.ts';
import { createRepository, type StoreRepository } from '../../src/store/repository.ts';
import { ARCHIVE_QUESTIONS } from '../helpers/archive-questions.ts';
import { createTestDatabase, TEST_DB, type TestDatabase } from '../helpers/database.ts';

let database: TestDatabase;
let repo: StoreRepository;
const A = 'test:T:archive';
const B = 'test:T:other';
const C = 'test:T:long';

type Status = 'posting' | 'posted' | 'revealing' | 'revealed' | 'skipped';
/** Channel A's rounds, inserted in this (not date) order so that round ids do not follow dates. */
const ROUNDS: [name: string, date: string, question: string, status: Status][] = [
  ['a9', '2026-03-12', 'q-overfit', 'revealed'],
  ['a2', '2026-03-03', 'q-dropout', 'revealed'],
  ['a13', '2026-03-18', 'q-imbalance', 'posted'],
  ['a5', '2026-03-06', 'q-imbalance', 'revealed'],
  ['a1', '2026-03-02', 'q-overfit', 'revealed'],
  ['a11', '2026-03-16', 'q-drift', 'revealing'],
  ['a7', '2026-03-10', 'q-dropout', 'revealed'],
  ['a3', '2026-03-04', 'q-pvalue', 'revealed'],
  ['a8s', '2026-03-11', 'q-pvalue', 'skipped'],
  ['a8', '2026-03-11', 'q-imbalance', 'revealed'],
  ['a12', '2026-03-17', 'q-pvalue', 'posting'],
  ['a10', '2026-03-13', 'q-drift', 'revealed'],
  ['a4', '2026-03-05', 'q-drift', 'revealed'],
  ['a6', '2026-03-09', 'q-overfit', 'revealed'],
];
const nameOf = new Map<number, string>();

async function addRound(channelId: string, name: string, date: string, questionId: string, status: Status) {
  // Posted at 09:00 in Auckland: the day before in UTC, so a date taken from post_at would be a day early.
  const at = new Date(`${date}T09:00:00+13:00`);
  const row = await database.store.db
    .insertInto('rounds')
    .values({
      channel_id: channelId,
      question_id: questionId,
      local_date: date,
      status,
      post_at: at,
      reveal_at: at,
      message_id: status === 'posting' ? null : `test:m:${name}`,
      thread_id: status === 'posting' ? null : `test:t:${name}`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  nameOf.set(row.id, name);
}

const search = (query: Partial<ArchiveQuery>) => repo.searchArchive({ channelId: A, words: [], pageSize: 25, ...query });
const names = (page: ArchivePage) => page.rounds.map((r) => nameOf.get(r.roundId));
const found = async (query: Partial<ArchiveQuery>) => names(await search(query));

/** Every page of one round for these words, following `next` to the end and then `prev` back to the start. */
async function walk(words: string[]): Promise<{ forward: string[]; back: string[] }> {
  const forward: string[] = [];
  const back: string[] = [];
  let page = await search({ words, pageSize: 1 });
  for (;;) {
    forward.push(...(names(page) as string[]));
    if (!page.next) break;
    page = await search({ words, pageSize: 1, cursor: page.next });
  }
  while (page.prev) {
    page = await search({ words, pageSize: 1, cursor: page.prev });
    back.push(...(names(page) as string[]));
  }
  return { forward, back };
}

beforeAll(async () => {
  database = await createTestDatabase();
  repo = createRepository(database.store.db);
  await repo.syncQuestions(
    ARCHIVE_QUESTIONS.map((q) => ({ question: q, hash: q.id })),
    new Date('2026-03-01T00:00:00Z'),
  );
  await repo.upsertCommunity('test:T', 'test', 'T');
  for (const id of [A, B, C]) {
    await repo.saveChannel({
      id,
      communityId: 'test:T',
      name: id,
      active: true,
      organiserIds: [],
      timezone: 'Pacific/Auckland',
      postTime: '09:00',
      weekdays: [1, 2, 3, 4, 5],
      revealDelayMinutes: 60,
      categories: [],
      levels: [],
      nextPostAt: null,
    });
  }
  for (const [name, date, questionId, status] of ROUNDS) await addRound(A, name, date, questionId, status);
  await addRound(B, 'b1', '2026-03-20', 'q-overfit', 'revealed');
  await addRound(B, 'b2', '2026-03-19', 'q-dropout', 'revealed');
  await addRound(B, 'b3', '2026-03-21', 'q-drift', 'posted');
  await sql`insert into rounds (channel_id, question_id, local_date, status, post_at, reveal_at)
    select ${C}, 'q-pvalue', to_char(date '2025-01-01' + g, 'YYYY-MM-DD'), 'revealed', now(), now() from generate_series(1, 30) g`.execute(
    database.store.db,
  );
});
afterAll(async () => {
  await database.drop();
});

describe(`archive search (${TEST_DB})`, () => {
  it('lists the newest rounds without words: open and revealed, never skipped or still posting', async () => {
    expect(await found({})).toEqual(['a13', 'a11', 'a10', 'a9', 'a8', 'a7', 'a6', 'a5', 'a4', 'a3', 'a2', 'a1']);
    expect(await found({ words: ['', '   '] })).toEqual(['a13', 'a11', 'a10', 'a9', 'a8', 'a7', 'a6', 'a5', 'a4', 'a3', 'a2', 'a1']);
  });

  it('returns each round with its date, question, category, level and the ids for a link', async () => {
    const page = await search({ words: ['drift'] });
    expect(page.rounds[0]).toEqual({
      roundId: [...nameOf].find(([, n]) => n === 'a11')![0],
      localDate: '2026-03-16',
      questionId: 'q-drift',
      prompt: 'How would you notice data drift in production?',
      category: 'mlops',
      level: 'senior',
      revealed: false,
      threadId: 'test:t:a11',
      messageId: 'test:m:a11',
    });
    expect(names(page)).toEqual(['a11', 'a10', 'a4']);
    expect(page.rounds.map((r) => r.revealed)).toEqual([false, true, true]);
  });

  it('ranks a match in the prompt above the tags above the strong answer, newest first among equal matches', async () => {
    expect(await found({ words: ['overfitting'] })).toEqual(['a9', 'a6', 'a1', 'a10', 'a7', 'a4', 'a2']);
    expect(await found({ words: ['notice'] })).toEqual(['a11', 'a10', 'a9', 'a6', 'a4', 'a1']);
  });

  it('needs every word, and takes the last one as a prefix', async () => {
    expect(await found({ words: ['dropout', 'overfitting'] })).toEqual(['a7', 'a2']);
    expect(await found({ words: ['overfitting', 'dropout'] })).toEqual(['a7', 'a2']);
    expect(await found({ words: ['regular'] })).toEqual(['a9', 'a7', 'a6', 'a2', 'a1']);
    expect(await found({ words: ['deep', 'regular'] })).toEqual(['a7', 'a2']);
    expect(await found({ words: ['regular', 'deep'] })).toEqual([]);
    expect(await found({ words: ['regular', 'zebra'] })).toEqual([]);
  });

  it('stems words, so plural and singular find the same rounds', async () => {
    expect(await found({ words: ['classifiers'] })).toEqual(['a13', 'a8', 'a5']);
    expect(await found({ words: ['classifier'] })).toEqual(['a13', 'a8', 'a5']);
    expect(await found({ words: ['p-value'] })).toEqual(['a3']);
    expect(await found({ words: ['P-Values'] })).toEqual(['a3']);
    expect(await found({ words: ['models', 'noticed'] })).toEqual(['a9', 'a6', 'a1']);
  });

  it('matches an open round on its prompt and tags only, never on its strong answer', async () => {
    expect(await found({ words: ['world'] })).toEqual(['a10', 'a4']);
    expect(await found({ words: ['monitoring'] })).toEqual(['a11', 'a10', 'a4']);
    expect(await found({ words: ['ensemble'] })).toEqual(['a7', 'a2']);
    expect(await found({ words: ['precision'] })).toEqual(['a8', 'a5']);
  });

  it('filters by category, with or without words', async () => {
    expect(await found({ category: 'deep-learning' })).toEqual(['a7', 'a2']);
    expect(await found({ category: 'mlops' })).toEqual(['a11', 'a10', 'a4']);
    expect(await found({ category: 'mlops', words: ['overfitting'] })).toEqual(['a10', 'a4']);
    expect(await found({ category: 'behavioural' })).toEqual([]);
  });

  it("never returns another channel's rounds", async () => {
    expect(await found({ channelId: B, words: ['overfitting'] })).toEqual(['b1', 'b2']);
    expect(await found({ channelId: B })).toEqual(['b3', 'b1', 'b2']);
    expect(await found({ channelId: B, words: ['drift'] })).toEqual(['b3']);
    expect(await found({ channelId: 'test:T:nowhere', words: ['overfitting'] })).toEqual([]);
  });

  it('treats punctuation, query operators and SQL as plain text', async () => {
    expect(await found({ words: ['overfitting!'] })).toEqual(['a9', 'a6', 'a1', 'a10', 'a7', 'a4', 'a2']);
    expect(await found({ words: ["'overfitting'", '&', '|', '!', '(', ')', ':*', '<->'] })).toEqual([
      'a9',
      'a6',
      'a1',
      'a10',
      'a7',
      'a4',
      'a2',
    ]);
    expect(await found({ words: ['(dropout', '|', 'drift)'] })).toEqual([]);
    expect(await found({ words: ["'; drop table rounds; --"] })).toEqual([]);
    expect(await found({ words: ['drift\u0000', '\u0007'] })).toEqual(['a11', 'a10', 'a4']);
    expect(await found({ words: ['\u0000', '\t\n'] })).toHaveLength(12);
    for (const words of [['%'], ['_'], ['\\'], ["'"], ['!!!'], ['the', 'and'], [':*'], ['🙂']]) {
      expect(await found({ words })).toEqual([]);
    }
    expect(await found({})).toHaveLength(12);
  });

  it('pages through a search with cursors: no duplicates, no gaps, and back again', async () => {
    const query = { words: ['overfitting'], pageSize: 3 };
    const one = await search(query);
    expect([names(one), one.prev]).toEqual([['a9', 'a6', 'a1'], null]);
    const two = await search({ ...query, cursor: one.next! });
    expect(names(two)).toEqual(['a10', 'a7', 'a4']);
    const three = await search({ ...query, cursor: two.next! });
    expect([names(three), three.next]).toEqual([['a2'], null]);
    const back = await search({ ...query, cursor: three.prev! });
    expect(names(back)).toEqual(['a10', 'a7', 'a4']);
    expect(back.next).toBe(two.next);
    const start = await search({ ...query, cursor: back.prev! });
    expect([names(start), start.prev, start.next]).toEqual([['a9', 'a6', 'a1'], null, one.next]);
  });

  it('pages through ties larger than a page, newest first, and one round at a time forward and back', async () => {
    const query = { words: ['notice'], pageSize: 2 };
    const one = await search(query);
    const two = await search({ ...query, cursor: one.next! });
    const three = await search({ ...query, cursor: two.next! });
    expect([names(one), names(two), names(three), three.next]).toEqual([['a11', 'a10'], ['a9', 'a6'], ['a4', 'a1'], null]);
    expect(await walk(['overfitting'])).toEqual({
      forward: ['a9', 'a6', 'a1', 'a10', 'a7', 'a4', 'a2'],
      back: ['a4', 'a7', 'a10', 'a1', 'a6', 'a9'],
    });
    // q-dropout comes first of the tie and fills a page of one alone, yet q-overfit's newer round goes first.
    expect(await walk(['regular'])).toEqual({ forward: ['a9', 'a7', 'a6', 'a2', 'a1'], back: ['a2', 'a6', 'a7', 'a9'] });
  });

  it('pages through the newest rounds, the last page full and then no next one', async () => {
    const one = await search({ pageSize: 4 });
    const two = await search({ pageSize: 4, cursor: one.next! });
    const three = await search({ pageSize: 4, cursor: two.next! });
    expect([names(one), names(two), names(three)]).toEqual([
      ['a13', 'a11', 'a10', 'a9'],
      ['a8', 'a7', 'a6', 'a5'],
      ['a4', 'a3', 'a2', 'a1'],
    ]);
    expect([one.prev === null, two.prev === null, three.next]).toEqual([true, false, null]);
    expect(names(await search({ pageSize: 4, cursor: three.prev! }))).toEqual(['a8', 'a7', 'a6', 'a5']);
    const category = await search({ category: 'mlops', pageSize: 2 });
    expect(names(category)).toEqual(['a11', 'a10']);
    expect(names(await search({ category: 'mlops', pageSize: 2, cursor: category.next! }))).toEqual(['a4']);
  });

  it('starts again on a malformed cursor, and on one from a search with words when there are none', async () => {
    const first = ['a13', 'a11', 'a10'];
    for (const cursor of ['', 'garbage', 'x1.2026-03-12.1', 'n1.2026-3-12.1', 'n2147483647.2026-03-12.1', "n0.2026-03-12.1' or 1=1"]) {
      expect(await found({ pageSize: 3, cursor })).toEqual(first);
    }
    const searched = await search({ words: ['overfitting'], pageSize: 3 });
    expect(await found({ pageSize: 3, cursor: searched.next! })).toEqual(first);
  });

  it('keeps the page size within 1 to 25', async () => {
    for (const [pageSize, count] of [
      [-5, 1],
      [0, 1],
      [1, 1],
      [2.7, 2],
      [Number.NaN, 1],
      [24, 24],
      [25, 25],
      [26, 25],
    ] as const) {
      const page = await search({ channelId: C, pageSize });
      expect([pageSize, page.rounds.length, page.next !== null]).toEqual([pageSize, count, true]);
    }
    expect((await search({ channelId: C, pageSize: 30 })).rounds.map((r) => r.localDate).slice(0, 2)).toEqual(['2025-01-31', '2025-01-30']);
  });

  it('keeps the first 16 words and the first 100 characters of each', async () => {
    const sixteen = Array<string>(15).fill('overfitting');
    expect(await found({ words: [...sixteen, 'zebra'] })).toEqual([]);
    expect(await found({ words: [...sixteen, 'overfitting', 'zebra'] })).toEqual(['a9', 'a6', 'a1', 'a10', 'a7', 'a4', 'a2']);
    const word = (length: number) => `overfitting${'!'.repeat(length - 12)}z`;
    expect(await found({ words: [word(99)] })).toEqual([]);
    expect(await found({ words: [word(100)] })).toEqual([]);
    expect(await found({ words: [word(101)] })).toEqual(['a9', 'a6', 'a1', 'a10', 'a7', 'a4', 'a2']);
  });

  it('migration 0008 goes down and up again, indexing the questions already there', async () => {
    const db = database.store.db;
    await down(db);
    const column = sql`select count(*)::int as n from information_schema.columns where table_name = 'questions' and column_name = 'search'`;
    expect((await column.execute(db)).rows).toEqual([{ n: 0 }]);
    await up(db);
    expect((await column.execute(db)).rows).toEqual([{ n: 1 }]);
    expect(await found({ words: ['overfitting'] })).toEqual(['a9', 'a6', 'a1', 'a10', 'a7', 'a4', 'a2']);
  });
});
