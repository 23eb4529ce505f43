import type { Category, Level } from '../types.ts';

/** The bounds of an archive search; the store applies them (extra words dropped, long words cut, page size clamped). */
export const ARCHIVE_LIMITS = { words: 16, wordLength: 100, pageSize: 25 } as const;

export interface ArchiveQuery {
  channelId: string;
  /**
   * Words as the member typed them; each must appear (stemmed, so "models" finds "model"), the last one also as a
   * prefix. Punctuation and query operators are plain text. No words: the newest rounds. Words that are all stop
   * words or punctuation match nothing.
   */
  words: string[];
  category?: Category;
  /** Rounds per page, clamped to 1..ARCHIVE_LIMITS.pageSize. */
  pageSize: number;
  /** `next` or `prev` of a page of the same search; absent, unknown or malformed: the first page. */
  cursor?: string;
}

/** One past round as a search result. */
export interface ArchiveRound {
  roundId: number;
  /** The channel's local date of the round, YYYY-MM-DD. */
  localDate: string;
  questionId: string;
  prompt: string;
  category: Category;
  level: Level;
  /** False while the round is open (posted, not yet revealed): it was matched on its prompt and tags only. */
  revealed: boolean;
  threadId: string | null;
  messageId: string | null;
}

/** A page of results, best match first and newest first among equal matches, with cursors to the pages around it. */
export interface ArchivePage {
  rounds: ArchiveRound[];
  /** Cursor of the following page, null on the last one. */
  next: string | null;
  /** Cursor of the preceding page, null on the first one. */
  prev: string | null;
}

/** Search over a channel's past rounds (revealed, or posted and still open), paged with keyset cursors. */
export interface ArchiveStore {
  searchArchive(query: ArchiveQuery): Promise<ArchivePage>;
}
