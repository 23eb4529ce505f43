import { type Kysely, sql } from 'kysely';

/**
 * Member-suggested questions, moderated (issue 17).
 * - `suggestions`: one per submitted form (unique submission id), waiting in its channel's queue until an organiser
 *   approves, edits or rejects it; the approved question's id and scope (channel or community) once approved.
 * - `suggestion_drafts`: what a member typed into the suggestion form so far (both steps of a two-step form, or a
 *   submission the schema refused), one per member, channel and target (a new suggestion, or the edit of one).
 * - `questions.scope_id`: null for the bank, else the channel or community whose pool an approved suggestion joined;
 *   the bank sync leaves those rows alone.
 * - `next_questions`: an organiser's pick for a channel's next round, used once.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('suggestions')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('channel_id', 'text', (c) => c.notNull().references('channels.id'))
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'approved', 'rejected')`))
    .addColumn('body', 'jsonb', (c) => c.notNull())
    .addColumn('submission_id', 'text', (c) => c.notNull().unique())
    .addColumn('question_id', 'text', (c) => c.references('questions.id'))
    .addColumn('scope', 'text', (c) => c.check(sql`scope in ('channel', 'community')`))
    .addColumn('reason', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await sql`create index suggestions_queue on suggestions (channel_id, id) where status = 'pending'`.execute(db);
  await sql`create index suggestions_approved on suggestions (community_id, id) where status = 'approved'`.execute(db);

  await db.schema
    .createTable('suggestion_drafts')
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('fields', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('suggestion_drafts_pk', ['member_id', 'channel_id', 'target'])
    .execute();

  await db.schema.alterTable('questions').addColumn('scope_id', 'text').execute();
  await sql`create index questions_scoped on questions (scope_id) where scope_id is not null`.execute(db);

  await db.schema
    .createTable('next_questions')
    .addColumn('channel_id', 'text', (c) => c.primaryKey().references('channels.id'))
    .addColumn('question_id', 'text', (c) => c.notNull().references('questions.id'))
    .addColumn('set_by', 'text', (c) => c.notNull())
    .addColumn('set_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('next_questions').ifExists().execute();
  await db.schema.dropTable('suggestion_drafts').ifExists().execute();
  await db.schema.dropTable('suggestions').ifExists().execute();
  await sql`drop index if exists questions_scoped`.execute(db);
  await db.schema.alterTable('questions').dropColumn('scope_id').execute();
}
