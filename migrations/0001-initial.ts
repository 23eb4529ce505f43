import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('communities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('channels')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id'))
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('paused_reason', 'text')
    .addColumn('organiser_ids', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('post_time', 'text', (c) => c.notNull().check(sql`post_time ~ '^[0-2][0-9]:[0-5][0-9]$'`))
    .addColumn('weekdays', sql`integer[]`, (c) => c.notNull())
    .addColumn('reveal_delay_minutes', 'integer', (c) => c.notNull().check(sql`reveal_delay_minutes > 0`))
    .addColumn('categories', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('levels', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('next_post_at', 'timestamptz')
    .addColumn('last_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('channels_due').on('channels').column('next_post_at').where(sql.ref('active'), '=', true).execute();

  await db.schema
    .createTable('members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id'))
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('questions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('prompt', 'text', (c) => c.notNull())
    .addColumn('tags', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('body', 'jsonb', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('rounds')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('channel_id', 'text', (c) => c.notNull().references('channels.id'))
    .addColumn('question_id', 'text', (c) => c.notNull().references('questions.id'))
    .addColumn('local_date', 'text', (c) => c.notNull().check(sql`local_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`))
    .addColumn('seq', 'integer')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('posting', 'posted', 'revealed', 'skipped')`))
    .addColumn('post_at', 'timestamptz', (c) => c.notNull())
    .addColumn('reveal_at', 'timestamptz', (c) => c.notNull())
    .addColumn('message_id', 'text')
    .addColumn('thread_id', 'text', (c) => c.unique())
    .addColumn('answer_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('revealed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index rounds_one_per_day on rounds (channel_id, local_date) where status <> 'skipped'`.execute(db);
  await sql`create unique index rounds_seq on rounds (channel_id, seq) where seq is not null`.execute(db);
  await db.schema.createIndex('rounds_due_reveal').on('rounds').column('reveal_at').where(sql.ref('status'), '=', 'posted').execute();
  await db.schema.createIndex('rounds_channel_question').on('rounds').columns(['channel_id', 'question_id']).execute();

  await db.schema
    .createTable('thread_messages')
    .addColumn('message_id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'integer', (c) => c.notNull().references('rounds.id'))
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('answer', 'discussion', 'probe_reply')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('thread_messages_round').on('thread_messages').column('round_id').execute();

  await db.schema
    .createTable('answers')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('round_id', 'integer', (c) => c.notNull().references('rounds.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('message_id', 'text', (c) => c.notNull().unique())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('sealed', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('withdrawn_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await sql`create unique index answers_one_per_member on answers (round_id, member_id) where withdrawn_at is null`.execute(db);

  await db.schema
    .createTable('votes')
    .addColumn('answer_id', 'integer', (c) => c.notNull().references('answers.id'))
    .addColumn('voter_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('votes_pk', ['answer_id', 'voter_id'])
    .execute();

  await db.schema
    .createTable('ledger')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('channel_id', 'text', (c) => c.notNull().references('channels.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('round_id', 'integer', (c) => c.notNull().references('rounds.id'))
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`reason in ('answer', 'peer_vote', 'probe_reply')`))
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('week', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('scores')
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('points', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('scores_pk', ['channel_id', 'period', 'member_id'])
    .execute();
  await sql`create index scores_rank on scores (channel_id, period, points desc, member_id)`.execute(db);

  await db.schema
    .createTable('streaks')
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('current', 'integer', (c) => c.notNull())
    .addColumn('best', 'integer', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('streaks_pk', ['channel_id', 'member_id'])
    .execute();

  await db.schema
    .createTable('practices')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('question_id', 'text', (c) => c.notNull().references('questions.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('revealed_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('practices_member').on('practices').columns(['member_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'practices',
    'streaks',
    'scores',
    'ledger',
    'votes',
    'answers',
    'thread_messages',
    'rounds',
    'questions',
    'members',
    'channels',
    'communities',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
