import { type Kysely, type Selectable, sql } from 'kysely';
import type { SeasonData, SeasonDue, SeasonResultRow } from '../core/repository.ts';
import { seasonDates } from '../core/seasons.ts';
import { later } from './claims-repo.ts';
import { toChannel } from './mappers.ts';
import type { Database, SeasonResultsTable } from './schema.ts';
import { scoresRepo } from './scores-repo.ts';

const toRow = (r: Selectable<SeasonResultsTable>): SeasonResultRow => ({
  id: r.id,
  channelId: r.channel_id,
  season: r.season,
  dueAt: r.due_at,
  attempts: r.attempts,
});

/** Season boundaries and results posts, claimed once per channel and season like weekly digests. */
export function seasonsRepo(db: Kysely<Database>) {
  return {
    async dueSeasonChannels(now: Date, limit: number): Promise<SeasonDue[]> {
      const rows = await db
        .selectFrom('channels')
        .selectAll()
        .where('active', '=', true)
        .where((w) => w.or([w('next_season_at', 'is', null), w('next_season_at', '<=', now)]))
        .orderBy('next_season_at', (ob) => ob.asc().nullsFirst())
        .limit(limit)
        .execute();
      return rows.map((row) => ({ channel: toChannel(row), nextSeasonAt: row.next_season_at }));
    },

    async setNextSeason(channelId: string, at: Date): Promise<void> {
      await db.updateTable('channels').set({ next_season_at: at }).where('id', '=', channelId).execute();
    },

    async createSeasonResult(channelId: string, season: string, dueAt: Date, now: Date, leaseMs: number, skipped = false) {
      const row = await db
        .insertInto('season_results')
        .values({
          channel_id: channelId,
          season,
          due_at: dueAt,
          status: skipped ? 'skipped' : 'sending',
          lease_until: skipped ? null : later(now, leaseMs),
          attempts: 1,
        })
        .onConflict((oc) => oc.columns(['channel_id', 'season']).doNothing())
        .returningAll()
        .executeTakeFirst();
      return row && !skipped ? toRow(row) : null;
    },

    async claimStaleSeasonResults(now: Date, limit: number, leaseMs: number): Promise<SeasonResultRow[]> {
      const rows = await db
        .updateTable('season_results')
        .set((eb) => ({ lease_until: later(now, leaseMs), attempts: eb('attempts', '+', 1) }))
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('season_results')
            .select('id')
            .where('status', '=', 'sending')
            .where('lease_until', '<', now)
            .limit(limit)
            .forUpdate()
            .skipLocked(),
        )
        .returningAll()
        .execute();
      return rows.map(toRow);
    },

    async finishSeasonResult(id: number, status: 'sent' | 'skipped', messageId: string | null, championIds: string[]) {
      await db
        .updateTable('season_results')
        .set({ status, message_id: messageId, lease_until: null, champion_ids: championIds })
        .where('id', '=', id)
        .execute();
    },

    async seasonData(channelId: string, season: string, limit: number): Promise<SeasonData> {
      const dates = seasonDates(season);
      const top = await scoresRepo(db).leaderboard(channelId, season, limit);
      const answers = dates
        ? await db
            .selectFrom('rounds')
            .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('answer_count'), sql<number>`0`).as('n'))
            .where('channel_id', '=', channelId)
            .where('status', '=', 'revealed')
            .where('local_date', '>=', dates.from)
            .where('local_date', '<=', dates.to)
            .executeTakeFirstOrThrow()
        : { n: 0 };
      const previous = await db
        .selectFrom('season_results')
        .select('champion_ids')
        .where('channel_id', '=', channelId)
        .where('status', '=', 'sent')
        .where('season', '<>', season)
        .orderBy('due_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      return { top, answers: Number(answers.n), previousChampions: previous?.champion_ids ?? [] };
    },
  };
}
