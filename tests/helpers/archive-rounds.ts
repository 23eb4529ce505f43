import type { Kysely } from 'kysely';
import type { Database } from '../../src/store/schema.ts';
import { ARCHIVE_QUESTIONS } from './archive-questions.ts';

/** Adds the archive test questions beside the synced bank, once per database. */
export async function addArchiveQuestions(db: Kysely<Database>): Promise<void> {
  await db
    .insertInto('questions')
    .values(
      ARCHIVE_QUESTIONS.map((q) => ({
        id: q.id,
        category: q.category,
        level: q.level,
        prompt: q.prompt,
        tags: q.tags,
        body: JSON.stringify(q),
        content_hash: `test-${q.id}`,
      })),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/**
 * One round a day of `channelId` from `first` on, with the question ids in turn, revealed unless `open` names the last
 * one still open; each with its message and thread ids as `messageId(n)` gives them. Returns the round ids in date order.
 */
export async function addDailyRounds(
  db: Kysely<Database>,
  channelId: string,
  questions: string[],
  options: { first?: string; open?: boolean; messageId?: (n: number) => string } = {},
): Promise<number[]> {
  const first = new Date(`${options.first ?? '2026-10-01'}T09:00:00Z`);
  const ids: number[] = [];
  for (const [n, questionId] of questions.entries()) {
    const at = new Date(first.getTime() + n * 86_400_000);
    const open = options.open && n === questions.length - 1;
    const messageId = options.messageId?.(n) ?? `test:m:${channelId}:${n}`;
    const row = await db
      .insertInto('rounds')
      .values({
        channel_id: channelId,
        question_id: questionId,
        local_date: at.toISOString().slice(0, 10),
        seq: n + 1,
        status: open ? 'posted' : 'revealed',
        post_at: at,
        reveal_at: new Date(at.getTime() + 6 * 3_600_000),
        message_id: messageId,
        thread_id: messageId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  return ids;
}
