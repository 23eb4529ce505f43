import { type Kysely, sql } from 'kysely';

/**
 * Mock interviews (`/mlq mock`). `mock_sessions`: one row per session, its state (the answers of each step, the
 * budget, the overruns) as JSON beside the columns the store queries: the member (one open session each, a partial
 * unique index), the private conversation it runs in, its status, the step, the step whose message was last sent
 * (`sent_step`, so a message lost with a dead replica is sent again), the last activity (idle expiry), a lease for
 * the scheduler's claims, and a version for compare-and-set writes. `mock_budgets`: a member's soft time budget per
 * step. A mock's self-grade is a grade of source `mock`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('mock_sessions')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('question_id', 'text', (c) => c.notNull().references('questions.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'finished', 'stopped', 'expired')`))
    .addColumn('step', 'integer', (c) => c.notNull())
    .addColumn('sent_step', 'integer', (c) => c.notNull())
    .addColumn('state', 'jsonb', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('active_at', 'timestamptz', (c) => c.notNull())
    .addColumn('lease_until', 'timestamptz')
    .execute();
  await sql`create unique index mock_sessions_one_open on mock_sessions (member_id) where status = 'open'`.execute(db);
  await sql`create index mock_sessions_conversation on mock_sessions (conversation_id, id desc)`.execute(db);
  await sql`create index mock_sessions_idle on mock_sessions (active_at) where status = 'open'`.execute(db);
  await sql`create index mock_sessions_unsent on mock_sessions (id) where sent_step < step`.execute(db);

  await db.schema
    .createTable('mock_budgets')
    .addColumn('member_id', 'text', (c) => c.primaryKey().references('members.id'))
    .addColumn('minutes', 'integer', (c) => c.notNull().check(sql`minutes between 1 and 120`))
    .execute();

  await sql`alter table grades drop constraint if exists grades_source_check`.execute(db);
  await sql`alter table grades add constraint grades_source_check check (source in ('round', 'practice', 'review', 'mock'))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from grades where source = 'mock'`.execute(db);
  await sql`alter table grades drop constraint if exists grades_source_check`.execute(db);
  await sql`alter table grades add constraint grades_source_check check (source in ('round', 'practice', 'review'))`.execute(db);
  await db.schema.dropTable('mock_budgets').execute();
  await db.schema.dropTable('mock_sessions').execute();
}
