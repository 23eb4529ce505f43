import { type Kysely, type RawBuilder, sql } from 'kysely';
import { ARCHIVE_LIMITS, type ArchivePage, type ArchiveQuery, type ArchiveRound } from '../core/repository.ts';
import type { Category, Level } from '../core/types.ts';
import type { Database } from './schema.ts';

/** A position in a result list, ordered by rank (0 without words), local date and round id, all descending. */
interface Key {
  rank: number;
  localDate: string;
  id: number;
}

interface Row {
  rank: number;
  id: number;
  local_date: string;
  question_id: string;
  prompt: string;
  category: string;
  level: string;
  status: string;
  thread_id: string | null;
  message_id: string | null;
}

const MAX_INT = 2 ** 31 - 1;
/** Beyond every key in either direction, so that a first page needs no query of its own. */
const TOP: Key = { rank: MAX_INT, localDate: '9999-12-31', id: MAX_INT };
const BOTTOM: Key = { rank: -1, localDate: '0000-00-00', id: 0 };
const CURSOR = /^([np])(\d{1,10})\.(\d{4}-\d{2}-\d{2})\.(\d{1,10})$/;

/** `n` continues after the key (the next page), `p` before it (the previous page); anything else is no cursor. */
function parseCursor(cursor: string | undefined): { forward: boolean; key: Key } | null {
  const match = cursor ? CURSOR.exec(cursor) : null;
  if (!match) return null;
  const [, dir, rank, localDate, id] = match as unknown as [string, string, string, string, string];
  if (Number(rank) >= MAX_INT || Number(id) >= MAX_INT) return null;
  return { forward: dir === 'n', key: { rank: Number(rank), localDate, id: Number(id) } };
}

const cursorOf = (dir: 'n' | 'p', row: Row) => `${dir}${row.rank}.${row.local_date}.${row.id}`;

/** The words as two texts for mlq_archive_query: all but the last, and the last (also matched as a prefix). */
function terms(words: string[]): { rest: string; last: string } | null {
  const kept = words
    .map((w) => w.trim().slice(0, ARCHIVE_LIMITS.wordLength))
    .filter((w) => w.length > 0)
    .slice(0, ARCHIVE_LIMITS.words);
  if (kept.length === 0) return null;
  return { rest: kept.slice(0, -1).join(' '), last: kept.at(-1)! };
}

const rank = (doc: RawBuilder<unknown>) => sql`(ts_rank(${doc}, query.q) * 1000000)::int`;
const OPEN_DOC = sql`ts_filter(q.search, '{a,b}')`;

interface Plan {
  channel: string;
  words: { rest: string; last: string } | null;
  category: Category | undefined;
  /** Rows to read: a page and one more, which tells whether another page follows. */
  limit: number;
  forward: boolean;
  at: Key;
}

const direction = (forward: boolean) =>
  forward ? { cmp: sql`<`, order: sql`desc`, beyond: TOP } : { cmp: sql`>`, order: sql`asc`, beyond: BOTTOM };

/**
 * A search with words or a category. The matching questions are walked best rank first (recursive `walk`), each
 * giving at most `limit` of its revealed rounds past the cursor from rounds_archive, until `limit` rounds are in
 * hand and the rank changes; the channel's open rounds are matched on their prompt and tags only. So a page costs
 * a few index probes however many rounds the channel has had, and at most one per matching question.
 */
function searchPage({ channel, words, category, limit, forward, at }: Plan) {
  const { cmp, order, beyond } = direction(forward);
  const inCategory = category ? sql`and q.category = ${category}` : sql``;
  const question = sql`o.ids[w.i + 1]`;
  const questionRank = sql`o.ranks[w.i + 1]`;
  return sql<Row>`
    with recursive query as (select ${words ? sql`mlq_archive_query(${words.rest}, ${words.last})` : sql`null::tsquery`} as q),
    matched as materialized (
      select q.id, ${words ? rank(sql`q.search`) : sql`0`} as rank
      from questions q, query
      where ${words ? sql`q.search @@ query.q` : sql`true`} ${inCategory}
    ),
    ordered as materialized (
      select coalesce(array_agg(id order by rank ${order}, id), '{}') as ids, coalesce(array_agg(rank order by rank ${order}, id), '{}') as ranks
      from matched where rank ${forward ? sql`<=` : sql`>=`} ${at.rank}::int
    ),
    walk (i, rank, got, ids, dates) as (
      select 0, null::int, 0, '{}'::int[], '{}'::text[]
      union all
      select w.i + 1, ${questionRank}, w.got + cardinality(p.ids), p.ids, p.dates
      from walk w, ordered o, lateral (
        select coalesce(array_agg(x.id), '{}'), coalesce(array_agg(x.local_date), '{}') from (
          select r.id, r.local_date from rounds r
          where r.channel_id = ${channel} and r.question_id = ${question} and r.status = 'revealed'
            and (r.local_date, r.id) ${cmp} (
              case when ${questionRank} = ${at.rank}::int then ${at.localDate}::text else ${beyond.localDate}::text end,
              case when ${questionRank} = ${at.rank}::int then ${at.id}::int else ${beyond.id}::int end)
          order by r.local_date ${order}, r.id ${order}
          limit ${limit}
        ) x
      ) p (ids, dates)
      where w.i < cardinality(o.ids) and (w.got < ${limit} or ${questionRank} = w.rank)
    ),
    open as materialized (
      select r.id, r.local_date, r.question_id from rounds r
      where r.channel_id = ${channel} and r.status in ('posted', 'revealing')
    ),
    hits as (
      select w.rank, h.id, h.local_date from walk w, unnest(w.ids, w.dates) h (id, local_date)
      union all
      select ${words ? rank(OPEN_DOC) : sql`0`}, o.id, o.local_date
      from open o join questions q on q.id = o.question_id, query
      where true ${words ? sql`and ${OPEN_DOC} @@ query.q` : sql``} ${inCategory}
    ),
    page as (
      select * from hits
      where (rank, local_date, id) ${cmp} (${at.rank}::int, ${at.localDate}::text, ${at.id}::int)
      order by rank ${order}, local_date ${order}, id ${order}
      limit ${limit}
    )
    select page.rank, r.id, r.local_date, r.question_id, q.prompt, q.category, q.level, r.status, r.thread_id, r.message_id
    from page join rounds r on r.id = page.id join questions q on q.id = r.question_id
    order by page.rank ${order}, page.local_date ${order}, page.id ${order}`;
}

/** The channel's rounds newest first (or oldest first from the cursor, for a previous page), every rank 0. */
function newestPage({ channel, limit, forward, at }: Plan) {
  const { cmp, order } = direction(forward);
  return sql<Row>`
    select 0 as rank, r.id, r.local_date, r.question_id, q.prompt, q.category, q.level, r.status, r.thread_id, r.message_id
    from rounds r join questions q on q.id = r.question_id
    where r.channel_id = ${channel} and r.status in ('posted', 'revealing', 'revealed')
      and (r.local_date, r.id) ${cmp} (${at.localDate}::text, ${at.id}::int)
    order by r.local_date ${order}, r.id ${order}
    limit ${limit}`;
}

/** The channel's past rounds, searched with the full-text index of migration 0008 and paged by keyset cursors. */
export function archiveRepo(db: Kysely<Database>) {
  return {
    async searchArchive(query: ArchiveQuery): Promise<ArchivePage> {
      const size = Math.min(ARCHIVE_LIMITS.pageSize, Math.max(1, Math.floor(query.pageSize) || 1));
      const words = terms(query.words);
      const searched = words !== null || query.category !== undefined;
      const parsed = parseCursor(query.cursor);
      // Without a search every rank is 0; a cursor with another rank belongs to another search and starts again.
      const cursor = parsed && (searched || parsed.key.rank === 0) ? parsed : null;
      const forward = cursor?.forward ?? true;
      const plan: Plan = { channel: query.channelId, words, category: query.category, limit: size + 1, forward, at: cursor?.key ?? TOP };
      const { rows } = await (searched ? searchPage(plan) : newestPage(plan)).execute(db);
      const more = rows.length > size;
      const page = rows.slice(0, size);
      if (!forward) page.reverse();
      const first = page[0];
      const last = page.at(-1);
      return {
        rounds: page.map(toArchiveRound),
        next: last && (forward ? more : true) ? cursorOf('n', last) : null,
        prev: first && (forward ? cursor !== null : more) ? cursorOf('p', first) : null,
      };
    },
  };
}

function toArchiveRound(row: Row): ArchiveRound {
  return {
    roundId: row.id,
    localDate: row.local_date,
    questionId: row.question_id,
    prompt: row.prompt,
    category: row.category as Category,
    level: row.level as Level,
    revealed: row.status === 'revealed',
    threadId: row.thread_id,
    messageId: row.message_id,
  };
}
