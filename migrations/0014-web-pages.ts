import type { Kysely } from 'kysely';

/**
 * The group's web page (`/mlq web`): one row per channel once an organiser changed something, holding whether the
 * page is public and the generation its signed links carry (rotating the links bumps it, so older links get 403).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('web_pages')
    .addColumn('channel_id', 'text', (c) => c.primaryKey().references('channels.id').onDelete('cascade'))
    .addColumn('generation', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('public', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('web_pages').execute();
}
