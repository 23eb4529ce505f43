import type { Kysely } from 'kysely';

/**
 * `rate_slots`: a rate limit the replicas share (Discord's global limit per bot), one row per request it allows in a
 * window. A request takes a free slot before it leaves (`free_at` moves to a timeout, `taken` counts up) and gives it
 * back once answered (`free_at` = the database's now + the window), so the replicas together never exceed the limit.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rate_slots')
    .addColumn('bucket', 'text', (c) => c.notNull())
    .addColumn('slot', 'integer', (c) => c.notNull())
    .addColumn('free_at', 'timestamptz', (c) => c.notNull())
    .addColumn('taken', 'bigint', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('rate_slots_pkey', ['bucket', 'slot'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_slots').execute();
}
