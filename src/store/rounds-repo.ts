import { type Kysely, sql } from 'kysely';
import type { NewRound } from '../core/repository.ts';
import type { Round } from '../core/types.ts';
import { toRound } from './mappers.ts';
import type { Database } from './schema.ts';

/** Rounds: created per channel and date, posted, skipped, revealed. */
export function roundsRepo(db: Kysely<Database>) {
  return {
    async createRound(round: NewRound): Promise<Round | null> {
      const row = await db
        .insertInto('rounds')
        .values({
          channel_id: round.channelId,
          question_id: round.questionId,
          local_date: round.localDate,
          status: 'posting',
          post_at: round.postAt,
          reveal_at: round.revealAt,
          lease_until: round.leaseUntil ?? null,
          attempts: 1,
        })
        .onConflict((oc) => oc.columns(['channel_id', 'local_date']).where('status', '<>', 'skipped').doNothing())
        .returningAll()
        .executeTakeFirst();
      return row ? toRound(row) : null;
    },

    async markPosted(roundId: number, messageId: string, threadId: string): Promise<void> {
      await db
        .updateTable('rounds')
        .set({
          message_id: messageId,
          thread_id: threadId,
          lease_until: null,
          status: sql`case when status = 'posting' then 'posted' else status end`,
        })
        .where('id', '=', roundId)
        .execute();
    },

    async getRound(id: number): Promise<Round | null> {
      const row = await db.selectFrom('rounds').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toRound(row) : null;
    },

    async roundForDate(channelId: string, localDate: string): Promise<Round | null> {
      const row = await db
        .selectFrom('rounds')
        .selectAll()
        .where('channel_id', '=', channelId)
        .where('local_date', '=', localDate)
        .where('status', '<>', 'skipped')
        .executeTakeFirst();
      return row ? toRound(row) : null;
    },

    async latestRound(channelId: string): Promise<Round | null> {
      const row = await db
        .selectFrom('rounds')
        .selectAll()
        .where('channel_id', '=', channelId)
        .where('status', '<>', 'skipped')
        .orderBy('local_date', 'desc')
        .orderBy('id', 'desc')
        .executeTakeFirst();
      return row ? toRound(row) : null;
    },

    async skipRound(roundId: number): Promise<boolean> {
      const result = await db
        .updateTable('rounds')
        .set({ status: 'skipped' })
        .where('id', '=', roundId)
        .where('status', 'in', ['posting', 'posted'])
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async latestRevealedSeq(channelId: string): Promise<number> {
      const row = await db.selectFrom('channels').select('last_seq').where('id', '=', channelId).executeTakeFirst();
      return row?.last_seq ?? 0;
    },

    async takesAnswers(roundId: number, at: Date): Promise<boolean> {
      const { rows } = await sql<{ takes: boolean }>`
        select mlq_takes_answers(status, reveal_at, ${at.toISOString()}::timestamptz) as takes
        from rounds where id = ${roundId}`.execute(db);
      return rows[0]?.takes ?? false;
    },

    async markRevealed(roundId: number, at: Date): Promise<void> {
      await db
        .updateTable('rounds')
        .set({ status: 'revealed', revealed_at: at, lease_until: null })
        .where('id', '=', roundId)
        .where('status', '=', 'revealing')
        .execute();
    },

    async skipStaleRound(roundId: number): Promise<void> {
      await db
        .updateTable('rounds')
        .set({ status: 'skipped', lease_until: null })
        .where('id', '=', roundId)
        .where('status', '=', 'posting')
        .execute();
    },
  };
}
