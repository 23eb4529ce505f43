import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('channels')
    .addColumn('reveal_time', 'text', (c) => c.check(sql`reveal_time ~ '^[0-2][0-9]:[0-5][0-9]$'`))
    .addColumn('digest_weekday', 'integer', (c) => c.defaultTo(5).check(sql`digest_weekday between 1 and 7`))
    .addColumn('digest_time', 'text', (c) => c.notNull().defaultTo('16:00').check(sql`digest_time ~ '^[0-2][0-9]:[0-5][0-9]$'`))
    .addColumn('ramp', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('next_digest_at', 'timestamptz')
    .addColumn('post_lease_until', 'timestamptz')
    .execute();
  await db.schema.createIndex('channels_due_digest').on('channels').column('next_digest_at').where(sql.ref('active'), '=', true).execute();

  await sql`alter table rounds drop constraint if exists rounds_status_check`.execute(db);
  await sql`alter table rounds add constraint rounds_status_check check (status in ('posting', 'posted', 'revealing', 'revealed', 'skipped'))`.execute(
    db,
  );
  await db.schema
    .alterTable('rounds')
    .addColumn('lease_until', 'timestamptz')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`create index rounds_leases on rounds (lease_until) where status in ('posting', 'revealing')`.execute(db);

  await db.schema
    .alterTable('streaks')
    .addColumn('freezes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('away_until', 'text')
    .execute();

  await db.schema
    .createTable('digests')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('channel_id', 'text', (c) => c.notNull().references('channels.id'))
    .addColumn('week', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('sending', 'sent', 'skipped')`))
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('lease_until', 'timestamptz')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('message_id', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('digests_one_per_week', ['channel_id', 'week'])
    .execute();
  await sql`create index digests_leases on digests (lease_until) where status = 'sending'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('digests').ifExists().execute();
  await db.schema.alterTable('streaks').dropColumn('freezes').dropColumn('away_until').execute();
  await db.schema.alterTable('rounds').dropColumn('lease_until').dropColumn('attempts').execute();
  await db.schema
    .alterTable('channels')
    .dropColumn('reveal_time')
    .dropColumn('digest_weekday')
    .dropColumn('digest_time')
    .dropColumn('ramp')
    .dropColumn('next_digest_at')
    .dropColumn('post_lease_until')
    .execute();
}
