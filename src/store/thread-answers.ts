import { type Kysely, sql } from 'kysely';
import type { ThreadAnswer } from '../core/repository.ts';
import type { Member, RoundStatus } from '../core/types.ts';
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
}

function outcomeOf(row: Row, at: Date): ThreadAnswer {
  if (row.id === null) return { outcome: 'unknown-thread', round: null };
  const round = { id: row.id, channelId: row.channel_id!, localDate: row.local_date!, status: row.status!, revealAt: new Date(row.reveal_at!) };
  if (row.inserted) return { outcome: 'counted', round };
  if (row.seen) return { outcome: 'duplicate', round };
  if (round.status !== 'posted' || round.revealAt <= at) return { outcome: 'closed', round };
  return { outcome: 'already-answered', round };
}

/** Records many thread replies in one statement (migration 0003 holds it); message ids must be unique in a batch. */
export async function recordThreadAnswers(db: Kysely<Database>, inputs: ThreadAnswerInput[]): Promise<ThreadAnswer[]> {
  const batch = JSON.stringify(
    inputs.map((x, idx) => ({ idx, thread_id: x.threadId, member_id: x.member.id, community_id: x.communityId, name: x.member.name, message_id: x.messageId, text: x.text, at: x.at.toISOString() })),
  );
  const result = await sql<Row>`select * from mlq_record_thread_answers(${batch}::json)`.execute(db);
  return result.rows.map((row) => outcomeOf(row, inputs[row.idx]!.at));
}

/** Concurrent replies share statements (group commit); a reply on an idle service runs at once. */
export function threadAnswerCoalescer(db: Kysely<Database>): Coalescer<ThreadAnswerInput, ThreadAnswer> {
  return new Coalescer((items) => recordThreadAnswers(db, items), (x) => x.messageId, { maxBatch: 200, maxInflight: 1 });
}
