import { type Kysely, sql } from 'kysely';

/**
 * Seasons, privacy and erasure.
 * - `channels.season_length` (month or quarter), `champion_role_id` (a Discord role given to the champion) and
 *   `next_season_at` (when the current season ends, claimed by the scheduler like digests; null until first seen).
 * - `season_results`: one results post per channel and season, leased like digests, with the champions it named.
 * - `members.hidden`: the member shows as "a member" on boards, digests and archive results.
 * - `scores` gain month (`m:2026-11`) and quarter (`q:2026-Q4`) periods by the round's local date, backfilled here
 *   from the ledger.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('channels')
    .addColumn('season_length', 'text', (c) => c.notNull().defaultTo('quarter').check(sql`season_length in ('month', 'quarter')`))
    .execute();
  await db.schema.alterTable('channels').addColumn('champion_role_id', 'text').execute();
  await db.schema.alterTable('channels').addColumn('next_season_at', 'timestamptz').execute();
  await sql`create index channels_season_due on channels (next_season_at) where active`.execute(db);
  await db.schema
    .alterTable('members')
    .addColumn('hidden', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();

  await db.schema
    .createTable('season_results')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('channel_id', 'text', (c) => c.notNull().references('channels.id'))
    .addColumn('season', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('sending', 'sent', 'skipped')`))
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('lease_until', 'timestamptz')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('message_id', 'text')
    .addColumn('champion_ids', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('season_results_one_per_season', ['channel_id', 'season'])
    .execute();
  await sql`create index season_results_stale on season_results (lease_until) where status = 'sending'`.execute(db);

  await sql`
    insert into scores (channel_id, period, member_id, points)
    select l.channel_id, p.period, l.member_id, sum(l.points)
    from ledger l join rounds r on r.id = l.round_id
    cross join lateral (values
      ('m:' || substr(r.local_date, 1, 7)),
      ('q:' || substr(r.local_date, 1, 4) || '-Q' || ((substr(r.local_date, 6, 2)::int + 2) / 3))
    ) p (period)
    group by l.channel_id, p.period, l.member_id
    on conflict (channel_id, period, member_id) do update set points = excluded.points`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from scores where period like 'm:%' or period like 'q:%'`.execute(db);
  await db.schema.dropTable('season_results').ifExists().execute();
  await db.schema.alterTable('members').dropColumn('hidden').execute();
  await sql`drop index if exists channels_season_due`.execute(db);
  for (const column of ['next_season_at', 'champion_role_id', 'season_length'])
    await db.schema.alterTable('channels').dropColumn(column).execute();
}
