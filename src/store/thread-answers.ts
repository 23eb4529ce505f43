import { type Kysely, sql } from 'kysely';
import type { ThreadAnswer } from '../core/repository.ts';
import type { Member, RoundStatus } from '../core/types.ts';
import { countableWords } from '../core/substance.ts';
import { Coalescer } from './coalescer.ts';
import type { Database } from './schema.ts';

/** One thread reply offered as an answer. */
export interface ThreadAnswerInput {
  threadId: string;
  member: Member;
  communityId: string;
  messageId: string;
  text: string;
  at: Date;
}

interface Row {
  idx: number;
  id: number | null;
  channel_id: string | null;
  local_date: string | null;
  status: RoundStatus | null;
  reveal_at: Date | string | null;
  inserted: boolean;
  seen: boolean;
  min_words: number | null;
  below_bar: boolean;
  answered: boolean;
}

function outcomeOf(row: Row, at: Date): ThreadAnswer {
  if (row.id === null) return { outcome: 'unknown-thread', round: null };
  const round = { id: row.id, channelId: row.channel_id!, localDate: row.local_date!, status: row.status!, revealAt: new Date(row.reveal_at!) };
  const minWords = row.min_words ?? undefined;
  if (row.inserted) return { outcome: 'counted', round, minWords };
  if (row.seen) return { outcome: 'duplicate', round, minWords };
  if (round.status !== 'posted' || round.revealAt <= at) return { outcome: 'closed', round, minWords };
  if (row.below_bar && !row.answered) return { outcome: 'below-bar', round, minWords };
  return { outcome: 'already-answered', round, minWords };
}

/**
 * Records many thread replies in one statement (migration 0005 holds it); message ids must be unique in a batch.
 * Each reply's countable words come from the core's rule (src/core/substance.ts), and the statement counts the reply
 * as an answer only when they reach the channel's `min_words`.
 */
export async function recordThreadAnswers(db: Kysely<Database>, inputs: ThreadAnswerInput[]): Promise<ThreadAnswer[]> {
  const batch = JSON.stringify(
    inputs.map((x, idx) => ({
      idx,
      thread_id: x.threadId,
      member_id: x.member.id,
      community_id: x.communityId,
      name: x.member.name,
      message_id: x.messageId,
      text: x.text,
      at: x.at.toISOString(),
      words: countableWords(x.text),
    })),
  );
  const result = await sql<Row>`select * from mlq_record_thread_answers(${batch}::json)`.execute(db);
  return result.rows.map((row) => outcomeOf(row, inputs[row.idx]!.at));
}

/** Concurrent replies share statements (group commit); a reply on an idle service runs at once. */
export function threadAnswerCoalescer(db: Kysely<Database>): Coalescer<ThreadAnswerInput, ThreadAnswer> {
  return new Coalescer((items) => recordThreadAnswers(db, items), (x) => x.messageId, { maxBatch: 200, maxInflight: 1 });
}
