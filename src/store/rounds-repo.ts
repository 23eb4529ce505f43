import { type Kysely, sql } from 'kysely';
import type { NewRound } from '../core/repository.ts';
import type { Round } from '../core/types.ts';
import { toRound } from './mappers.ts';
import type { Database } from './schema.ts';

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
        .set({ message_id: messageId, thread_id: threadId, lease_until: null, status: sql`case when status = 'posting' then 'posted' else status end` })
        .where('id', '=', roundId)
        .execute();
    },

    async getRound(id: number): Promise<Round | null> {
      const row = await db.selectFrom('rounds').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toRound(row) : null;
    },

    async roundByThread(threadId: string): Promise<Round | null> {
      const row = await db.selectFrom('rounds').selectAll().where('thread_id', '=', threadId).executeTakeFirst();
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

    async dueReveals(now: Date, limit: number): Promise<Round[]> {
      const rows = await db
        .selectFrom('rounds')
        .selectAll()
        .where('status', '=', 'posted')
        .where('reveal_at', '<=', now)
        .orderBy('reveal_at')
        .limit(limit)
        .execute();
      return rows.map(toRound);
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

    async abandonRound(roundId: number): Promise<void> {
      await db.deleteFrom('rounds').where('id', '=', roundId).where('status', '=', 'posting').where('message_id', 'is', null).execute();
    },

    async latestRevealedSeq(channelId: string): Promise<number> {
      const row = await db.selectFrom('channels').select('last_seq').where('id', '=', channelId).executeTakeFirst();
      return row?.last_seq ?? 0;
    },
  };
}
