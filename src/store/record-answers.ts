import { type Kysely, sql } from 'kysely';
import type { ThreadAnswer } from '../core/repository.ts';
import { countableWords } from '../core/substance.ts';
import type { Member, RoundStatus } from '../core/types.ts';
import { Coalescer } from './coalescer.ts';
import type { Database } from './schema.ts';

interface AnswerCommon {
  member: Member;
  communityId: string;
  messageId: string;
  text: string;
  at: Date;
}

/** One answer offered: a thread reply (by its thread) or a sealed answer (by its round and channel). */
export type AnswerInput = AnswerCommon & ({ threadId: string } | { roundId: number; channelId: string });

interface Row {
  idx: number;
  id: number | null;
  channel_id: string | null;
  local_date: string | null;
  status: RoundStatus | null;
  reveal_at: Date | string | null;
  takes: boolean;
  inserted: boolean;
  seen: boolean;
  min_words: number | null;
  below_bar: boolean;
  answered: boolean;
}

function outcomeOf(row: Row): ThreadAnswer {
  if (row.id === null) return { outcome: 'unknown-thread', round: null };
  const round = {
    id: row.id,
    channelId: row.channel_id!,
    localDate: row.local_date!,
    status: row.status!,
    revealAt: new Date(row.reveal_at!),
  };
  const minWords = row.min_words ?? undefined;
  if (row.inserted) return { outcome: 'counted', round, minWords };
  if (row.seen) return { outcome: 'duplicate', round, minWords };
  if (!row.takes) return { outcome: 'closed', round, minWords };
  return { outcome: row.below_bar && !row.answered ? 'below-bar' : 'already-answered', round, minWords };
}

function toJson(x: AnswerInput, idx: number) {
  const where = 'threadId' in x ? { thread_id: x.threadId, sealed: false } : { round_id: x.roundId, channel_id: x.channelId, sealed: true };
  const { member, communityId, messageId, text, at } = x;
  const who = { member_id: member.id, community_id: communityId, name: member.name };
  return { idx, ...where, ...who, message_id: messageId, text, at: at.toISOString(), words: countableWords(text) };
}

/**
 * Records many answers in one statement (migration 0006 holds it and the rule); message ids must be unique in a batch.
 * Each answer's countable words come from the core's rule (src/core/substance.ts); the statement compares them with
 * the channel's `min_words`.
 */
export async function recordAnswers(db: Kysely<Database>, inputs: AnswerInput[]): Promise<ThreadAnswer[]> {
  const batch = JSON.stringify(inputs.map(toJson));
  const result = await sql<Row>`select * from mlq_record_answers(${batch}::json)`.execute(db);
  return result.rows.map(outcomeOf);
}

/** Concurrent answers share statements (group commit); an answer on an idle service runs at once. */
export function answerCoalescer(db: Kysely<Database>): Coalescer<AnswerInput, ThreadAnswer> {
  return new Coalescer(
    (items) => recordAnswers(db, items),
    (x) => x.messageId,
    { maxBatch: 200, maxInflight: 1 },
  );
}
