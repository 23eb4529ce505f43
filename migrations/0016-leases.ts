import type { Kysely } from 'kysely';

/**
 * `leases`: named, time-limited ownership held by one replica (`owner`) until `lease_until`, renewed while the replica
 * lives and deleted when it stops; another replica may take a lease whose time has passed. Discord shards use it
 * (`discord-shard:<id>/<count>`, and `discord-replica:<owner>` as each replica's heartbeat).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('lease_until', 'timestamptz', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('leases').execute();
}
