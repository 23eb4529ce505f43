import { sql } from 'kysely';
import type { ArchiveQuery } from '../../src/core/repository.ts';
import { benchDatabase, percentile, progress, type Row } from '../lib.ts';

type Db = Awaited<ReturnType<typeof benchDatabase>>;

/** What members search for: a word in most questions, rarer ones, two words, a prefix, stop words only, none. */
const SEARCHES: Pick<ArchiveQuery, 'words' | 'category'>[] = [
  { words: ['model'] },
  { words: ['gradient'] },
  { words: ['class', 'imbalance'] },
  { words: ['regul'] },
  { words: ['overfitting'] },
  { words: ['p-values'] },
  { words: ['the'] },
  { words: [] },
  { words: ['model'], category: 'mlops' },
  { words: [], category: 'evaluation' },
];

/**
 * Seeds, set-based, one channel with `long` daily rounds (decades of them: the worst case for a search) and `channels`
 * channels with `each`, over the synced bank; the last round of each channel is still open and one in 97 was skipped.
 */
async function seed(db: Db, long: number, channels: number, each: number): Promise<void> {
  await sql`insert into communities (id, platform, name) values ('bench', 'bench', 'b')`.execute(db.store.db);
  await sql`insert into channels (id, community_id, name, timezone, post_time, weekdays, reveal_delay_minutes)
    select 'bench:a' || c, 'bench', 'a' || c, 'UTC', '09:00', '{1,2,3,4,5,6,7}', 360 from generate_series(0, ${channels}::int) c`.execute(
    db.store.db,
  );
  await sql`insert into rounds (channel_id, question_id, local_date, seq, status, post_at, reveal_at, message_id, thread_id)
    select 'bench:a' || c, qs.ids[1 + (g * 7919 + c * 31) % cardinality(qs.ids)], to_char(date '1990-01-01' + g, 'YYYY-MM-DD'), g,
      case when g = n then 'posted' when g % 97 = 0 then 'skipped' else 'revealed' end,
      timestamptz '1990-01-01 09:00Z' + g * interval '1 day', timestamptz '1990-01-01 15:00Z' + g * interval '1 day',
      'bench:m:' || c || ':' || g, 'bench:t:' || c || ':' || g
    from (select c, case when c = 0 then ${long}::int else ${each}::int end as n from generate_series(0, ${channels}::int) c) ch,
      lateral generate_series(1, ch.n) g,
      (select array_agg(id order by id) as ids from questions where retired_at is null) qs
    order by g, c`.execute(db.store.db);
  await sql`vacuum (analyze) rounds, questions`.execute(db.store.db);
  await sql`checkpoint`.execute(db.store.db).catch(() => undefined);
}

/** Times pages 1 to 3 of each search, half of them on the long channel and half on the others in turn. */
async function measure(db: Db, channels: number, runs: number) {
  const samples: number[] = [];
  const newest: number[] = [];
  for (let i = 0; i < runs; i++) {
    const search = SEARCHES[i % SEARCHES.length]!;
    const channelId = `bench:a${i % 2 === 0 ? 0 : 1 + (i % channels)}`;
    let cursor: string | undefined;
    for (let page = 0; page < 3; page++) {
      const t = performance.now();
      const result = await db.repo.searchArchive({ channelId, ...search, pageSize: 10, cursor });
      const ms = performance.now() - t;
      samples.push(ms);
      if (search.words.length === 0 && !search.category) newest.push(ms);
      if (!result.next) break;
      cursor = result.next;
    }
  }
  return { samples, newest };
}

/** `/mlq archive` in the store: a full-text search with a keyset page, on 100,000 rounds. */
export async function archive(baseUrl: string | undefined, quick: boolean): Promise<Row[]> {
  const db = await benchDatabase(baseUrl);
  try {
    const [long, channels, each] = quick ? [2_000, 30, 100] : [20_000, 80, 1_000];
    const rounds = long + channels * each;
    progress(`archive: seeding ${rounds} rounds (one channel with ${long}, ${channels} with ${each})`);
    await seed(db, long, channels, each);
    await measure(db, channels, 20);
    const { samples, newest } = await measure(db, channels, quick ? 50 : 1000);
    const label = `${Math.round(rounds / 1e3)} k`;
    const p99 = percentile(samples, 99);
    return [
      {
        part: 'archive',
        metric: `search page p99 at ${label} rounds (${samples.length} pages of 10)`,
        value: p99,
        unit: `ms (p50 ${percentile(samples, 50).toFixed(2)})`,
        target: '< 20 ms',
        met: p99 < 20,
      },
      {
        part: 'archive',
        metric: `newest rounds page p99 at ${label} rounds`,
        value: percentile(newest, 99),
        unit: `ms (p50 ${percentile(newest, 50).toFixed(2)})`,
      },
    ];
  } finally {
    await db.drop();
  }
}
