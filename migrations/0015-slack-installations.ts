import { type Kysely, sql } from 'kysely';

/**
 * Installations of a chat app distributed to many workspaces (Slack's OAuth flow). `installs`: one row per
 * workspace (`platform`, `workspace_id`: the Slack team id, or the enterprise id of an org-wide install), the names
 * an operator reads, and the installation itself sealed with AES-256-GCM (`sealed`, by the key `key_id`): the
 * tokens are never stored in plain text. `oauth_states`: the OAuth state parameters already used, so a replayed
 * callback is refused; rows older than a day are deleted as new ones arrive.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('installs')
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('enterprise_id', 'text')
    .addColumn('workspace_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('sealed', 'text', (c) => c.notNull())
    .addColumn('installed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('installs_pkey', ['platform', 'workspace_id'])
    .execute();
  await sql`create index installs_key on installs (key_id)`.execute(db);

  await db.schema
    .createTable('oauth_states')
    .addColumn('state_hash', 'text', (c) => c.primaryKey())
    .addColumn('used_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await sql`create index oauth_states_used on oauth_states (used_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('oauth_states').execute();
  await db.schema.dropTable('installs').execute();
}
