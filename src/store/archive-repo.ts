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

/**
 * The channel's past rounds, searched with the full-text index of migration 0008. With words or a category, each
 * matching question contributes at most a page of its revealed rounds past the cursor (rounds_archive, newest
 * first), and the channel's open rounds are matched on their prompt and tags only; the best page of those wins.
 * Without either, the channel's rounds are read newest first. The cost depends on the page size and the number of
 * matching questions, never on how many rounds the channel has had.
 */
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
      const at = cursor?.key ?? TOP;
      const [cmp, order, beyond] = forward ? [sql`<`, sql`desc`, TOP] : [sql`>`, sql`asc`, BOTTOM];
      const category = query.category ? sql`and q.category = ${query.category}` : sql``;
      const channel = query.channelId;
      const { rows } = searched
        ? await sql<Row>`
            with query as (select ${words ? sql`mlq_archive_query(${words.rest}, ${words.last})` : sql`null::tsquery`} as q),
            matched as materialized (
              select q.id, ${words ? rank(sql`q.search`) : sql`0`} as rank
              from questions q, query
              where ${words ? sql`q.search @@ query.q` : sql`true`} ${category}
            ),
            hits as (
              select m.rank, x.id, x.local_date
              from matched m cross join lateral (
                select r.id, r.local_date from rounds r
                where r.channel_id = ${channel} and r.question_id = m.id and r.status = 'revealed'
                  and (r.local_date, r.id) ${cmp} (
                    case when m.rank = ${at.rank}::int then ${at.localDate}::text else ${beyond.localDate}::text end,
                    case when m.rank = ${at.rank}::int then ${at.id}::int else ${beyond.id}::int end)
                order by r.local_date ${order}, r.id ${order}
                limit ${size + 1}
              ) x
              where m.rank ${forward ? sql`<=` : sql`>=`} ${at.rank}::int
              union all
              select ${words ? rank(OPEN_DOC) : sql`0`}, r.id, r.local_date
              from rounds r join questions q on q.id = r.question_id, query
              where r.channel_id = ${channel} and r.status in ('posted', 'revealing')
                ${words ? sql`and ${OPEN_DOC} @@ query.q` : sql``} ${category}
            ),
            page as (
              select * from hits
              where (rank, local_date, id) ${cmp} (${at.rank}::int, ${at.localDate}::text, ${at.id}::int)
              order by rank ${order}, local_date ${order}, id ${order}
              limit ${size + 1}
            )
            select page.rank, r.id, r.local_date, r.question_id, q.prompt, q.category, q.level, r.status, r.thread_id, r.message_id
            from page join rounds r on r.id = page.id join questions q on q.id = r.question_id
            order by page.rank ${order}, page.local_date ${order}, page.id ${order}`.execute(db)
        : await sql<Row>`
            select 0 as rank, r.id, r.local_date, r.question_id, q.prompt, q.category, q.level, r.status, r.thread_id, r.message_id
            from rounds r join questions q on q.id = r.question_id
            where r.channel_id = ${channel} and r.status in ('posted', 'revealing', 'revealed')
              and (r.local_date, r.id) ${cmp} (${at.localDate}::text, ${at.id}::int)
            order by r.local_date ${order}, r.id ${order}
            limit ${size + 1}`.execute(db);
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
