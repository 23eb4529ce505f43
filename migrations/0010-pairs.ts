import { type Kysely, sql } from 'kysely';

/**
 * Weekly mock-interview pairs (`/mlq pairs`).
 * - `channels`: the cadence an organiser sets (weekday, local time, every one or two weeks), the next cycle's instant
 *   and the lease a scheduler pass holds while it makes that cycle.
 * - `pair_members`: who opted in per channel, with a level, a zone and a snooze.
 * - `pair_cycles`: one per channel and local date (unique, so two replicas make one pairing), with who sat out.
 * - `pair_groups`: the pairs and the trio of a cycle, each leased while its space is opened and posted (`posting`),
 *   then while its check-in is posted (`posted` → `done`); `progress` counts the messages of its post already sent
 *   (the roles, then each pack), so a retry sends only the rest.
 * - `pair_turns`: who interviews whom with which question. `pair_checkins`: one answer per member and group.
 *   `pair_feedback`: one form per member and group, delivered once to the candidate.
 * - `ledger`: a check-in bonus belongs to no round, so `round_id` may be null, and `pair_meeting` is a reason.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('channels')
    .addColumn('pairs_weekday', 'integer', (c) => c.check(sql`pairs_weekday between 1 and 7`))
    .addColumn('pairs_time', 'text', (c) => c.notNull().defaultTo('09:00'))
    .addColumn('pairs_every_weeks', 'integer', (c) => c.notNull().defaultTo(1).check(sql`pairs_every_weeks in (1, 2)`))
    .addColumn('next_pairs_at', 'timestamptz')
    .addColumn('pairs_lease_until', 'timestamptz')
    .execute();
  await sql`create index channels_next_pairs on channels (next_pairs_at) where next_pairs_at is not null`.execute(db);

  await db.schema
    .createTable('pair_members')
    .addColumn('channel_id', 'text', (c) => c.notNull().references('channels.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('junior', 'mid', 'senior')`))
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('active', 'boolean', (c) => c.notNull())
    .addColumn('snoozed_until', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('pair_members_pk', ['channel_id', 'member_id'])
    .execute();

  await db.schema
    .createTable('pair_cycles')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('channel_id', 'text', (c) => c.notNull().references('channels.id'))
    .addColumn('local_date', 'text', (c) => c.notNull())
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('unmatched', sql`text[]`, (c) => c.notNull())
    .addColumn('snoozed', sql`text[]`, (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('pair_cycles_one_per_date', ['channel_id', 'local_date'])
    .execute();

  await db.schema
    .createTable('pair_groups')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('cycle_id', 'integer', (c) => c.notNull().references('pair_cycles.id'))
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('members', sql`text[]`, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('posting', 'posted', 'done')`))
    .addColumn('space_id', 'text')
    .addColumn('lease_until', 'timestamptz')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('checkin_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('pair_groups_position', ['cycle_id', 'position'])
    .execute();
  await sql`create index pair_groups_due on pair_groups (status, checkin_at) where status <> 'done'`.execute(db);
  await sql`create index pair_groups_members on pair_groups using gin (members)`.execute(db);

  await db.schema
    .createTable('pair_turns')
    .addColumn('group_id', 'integer', (c) => c.notNull().references('pair_groups.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('interviewer', 'text', (c) => c.notNull())
    .addColumn('candidate', 'text', (c) => c.notNull())
    .addColumn('question_id', 'text', (c) => c.references('questions.id'))
    .addPrimaryKeyConstraint('pair_turns_pk', ['group_id', 'position'])
    .execute();
  await sql`create index pair_turns_candidate on pair_turns (candidate)`.execute(db);

  await db.schema
    .createTable('pair_checkins')
    .addColumn('group_id', 'integer', (c) => c.notNull().references('pair_groups.id'))
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull().check(sql`answer in ('yes', 'not_yet', 'skip')`))
    .addColumn('answered_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('pair_checkins_pk', ['group_id', 'member_id'])
    .execute();

  await db.schema
    .createTable('pair_feedback')
    .addColumn('group_id', 'integer', (c) => c.notNull().references('pair_groups.id'))
    .addColumn('from_member', 'text', (c) => c.notNull())
    .addColumn('to_member', 'text', (c) => c.notNull())
    .addColumn('structure', 'text', (c) => c.notNull())
    .addColumn('depth', 'text', (c) => c.notNull())
    .addColumn('communication', 'text', (c) => c.notNull())
    .addColumn('advice', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull())
    .addColumn('delivered_at', 'timestamptz')
    .addPrimaryKeyConstraint('pair_feedback_pk', ['group_id', 'from_member'])
    .execute();

  await sql`alter table ledger alter column round_id drop not null`.execute(db);
  await sql`alter table ledger drop constraint if exists ledger_reason_check`.execute(db);
  await sql`alter table ledger add constraint ledger_reason_check check (reason in ('answer', 'peer_vote', 'probe_reply', 'grade', 'pair_meeting'))`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from ledger where reason = 'pair_meeting'`.execute(db);
  await sql`alter table ledger drop constraint if exists ledger_reason_check`.execute(db);
  await sql`alter table ledger add constraint ledger_reason_check check (reason in ('answer', 'peer_vote', 'probe_reply', 'grade'))`.execute(
    db,
  );
  await sql`alter table ledger alter column round_id set not null`.execute(db);
  for (const table of ['pair_feedback', 'pair_checkins', 'pair_turns', 'pair_groups', 'pair_cycles', 'pair_members'])
    await db.schema.dropTable(table).ifExists().execute();
  await db.schema
    .alterTable('channels')
    .dropColumn('pairs_weekday')
    .dropColumn('pairs_time')
    .dropColumn('pairs_every_weeks')
    .dropColumn('next_pairs_at')
    .dropColumn('pairs_lease_until')
    .execute();
}
