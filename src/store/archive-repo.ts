import { type Kysely, sql } from 'kysely';
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
/** Before every key, so that a first page is a page after it. */
const TOP: Key = { rank: MAX_INT, localDate: '9999-12-31', id: MAX_INT };
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

/** Control characters, which Postgres text cannot hold (NUL) or which are no part of a word. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const CONTROL = /[\u0000-\u001f\u007f]/g;

/** The words as two texts for mlq_archive_query: all but the last, and the last (also matched as a prefix). */
function terms(words: string[]): { rest: string; last: string } | null {
  const kept = words
    .map((w) => w.replace(CONTROL, ' ').trim().slice(0, ARCHIVE_LIMITS.wordLength))
    .filter((w) => w.length > 0)
    .slice(0, ARCHIVE_LIMITS.words);
  if (kept.length === 0) return null;
  return { rest: kept.slice(0, -1).join(' '), last: kept.at(-1)! };
}

/** Orders keys as a page lists them: descending, or ascending when reading backward from a cursor. */
const byKey = (forward: boolean) => (a: Row, b: Row) => {
  const sign = forward ? -1 : 1;
  if (a.rank !== b.rank) return sign * (a.rank - b.rank);
  if (a.local_date !== b.local_date) return sign * (a.local_date < b.local_date ? -1 : 1);
  return sign * (a.id - b.id);
};

/** The channel's past rounds, searched and paged by `mlq_archive_page` (migration 0008). */
export function archiveRepo(db: Kysely<Database>) {
  return {
    async searchArchive(query: ArchiveQuery): Promise<ArchivePage> {
      const size = Math.min(ARCHIVE_LIMITS.pageSize, Math.max(1, Math.floor(query.pageSize) || 1));
      const words = terms(query.words);
      const parsed = parseCursor(query.cursor);
      // Without words or category every rank is 0; a cursor with another rank belongs to another search: start again.
      const cursor = parsed && (words || query.category || parsed.key.rank === 0) ? parsed : null;
      const forward = cursor?.forward ?? true;
      const at = cursor?.key ?? TOP;
      const tsquery = words ? sql`mlq_archive_query(${words.rest}, ${words.last})` : sql`null`;
      const { rows } = await sql<Row>`
        select * from mlq_archive_page(${query.channelId}, ${tsquery}, ${query.category ?? null},
          ${at.rank}::int, ${at.localDate}::text, ${at.id}::int, ${forward}, ${size + 1}::int)`.execute(db);
      rows.sort(byKey(forward));
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
