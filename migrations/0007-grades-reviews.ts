import { type Kysely, sql } from 'kysely';

/**
 * Self-grading and review cards (issue 14). `grades`: one per member, source and source id (a round, a practice
 * question, or one showing of a review card), with the key points ticked and the card as it was before the grade, so
 * a changed grade reschedules from the same starting point. `review_cards`: one FSRS card per member and question.
 * `review_log`: one row per grade that scheduled a card. `review_reminders`: a member's daily reminder, claimed by
 * the scheduler like posts and digests. The ledger takes the grading bonus; a round remembers when the probes'
 * guidance was posted in its thread.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('grades')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('question_id', 'text', (c) => c.notNull().references('questions.id'))
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('round', 'practice', 'review')`))
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('round_id', 'integer', (c) => c.references('rounds.id'))
    .addColumn('ticked', sql`integer[]`, (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull().check(sql`total between 1 and 10`))
    .addColumn('share', 'real', (c) => c.notNull().check(sql`share between 0 and 1`))
    .addColumn('rating', 'integer', (c) => c.notNull().check(sql`rating between 1 and 4`))
    .addColumn('card_before', 'jsonb')
    .addColumn('graded_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('grades_one_per_source', ['member_id', 'source', 'source_id'])
    .execute();
  await sql`create index grades_member_question on grades (member_id, question_id, updated_at desc)`.execute(db);
  await sql`create index grades_round on grades (round_id) where round_id is not null`.execute(db);

  await db.schema
    .createTable('review_cards')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('question_id', 'text', (c) => c.notNull().references('questions.id'))
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('due', 'timestamptz', (c) => c.notNull())
    .addColumn('stability', 'double precision', (c) => c.notNull())
    .addColumn('difficulty', 'double precision', (c) => c.notNull())
    .addColumn('scheduled_days', 'integer', (c) => c.notNull())
    .addColumn('learning_steps', 'integer', (c) => c.notNull())
    .addColumn('reps', 'integer', (c) => c.notNull())
    .addColumn('lapses', 'integer', (c) => c.notNull())
    .addColumn('state', 'integer', (c) => c.notNull())
    .addColumn('last_review', 'timestamptz')
    .addColumn('last_grade_id', 'integer')
    .addUniqueConstraint('review_cards_one_per_question', ['member_id', 'question_id'])
    .execute();
  await sql`create index review_cards_due on review_cards (member_id, due)`.execute(db);

  await db.schema
    .createTable('review_log')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('grade_id', 'integer', (c) => c.notNull().unique().references('grades.id'))
    .addColumn('card_id', 'integer', (c) => c.notNull().references('review_cards.id'))
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('rating', 'integer', (c) => c.notNull())
    .addColumn('state', 'integer', (c) => c.notNull())
    .addColumn('due', 'timestamptz', (c) => c.notNull())
    .addColumn('stability', 'double precision', (c) => c.notNull())
    .addColumn('difficulty', 'double precision', (c) => c.notNull())
    .addColumn('scheduled_days', 'integer', (c) => c.notNull())
    .addColumn('reviewed_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('review_reminders')
    .addColumn('member_id', 'text', (c) => c.primaryKey().references('members.id'))
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('remind_time', 'text', (c) => c.notNull().check(sql`remind_time ~ '^[0-2][0-9]:[0-5][0-9]$'`))
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('next_at', 'timestamptz', (c) => c.notNull())
    .addColumn('lease_until', 'timestamptz')
    .execute();
  await db.schema.createIndex('review_reminders_due').on('review_reminders').column('next_at').execute();

  await sql`alter table ledger drop constraint if exists ledger_reason_check`.execute(db);
  await sql`alter table ledger add constraint ledger_reason_check check (reason in ('answer', 'peer_vote', 'probe_reply', 'grade'))`.execute(
    db,
  );
  await db.schema.alterTable('rounds').addColumn('guidance_posted_at', 'timestamptz').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('rounds').dropColumn('guidance_posted_at').execute();
  await sql`delete from ledger where reason = 'grade'`.execute(db);
  await sql`alter table ledger drop constraint if exists ledger_reason_check`.execute(db);
  await sql`alter table ledger add constraint ledger_reason_check check (reason in ('answer', 'peer_vote', 'probe_reply'))`.execute(db);
  for (const table of ['review_reminders', 'review_log', 'review_cards', 'grades']) await db.schema.dropTable(table).ifExists().execute();
}
