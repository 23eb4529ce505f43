import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { connect, type StoreConnection } from '../../src/store/connect.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';

/** Which database the suite runs against: MLQ_TEST_DB=postgres uses the server at MLQ_TEST_PG_URL, otherwise PGlite. */
export const TEST_DB = process.env.MLQ_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
const ADMIN_URL = process.env.MLQ_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  store: StoreConnection;
  /** The Postgres URL of this database (absent on PGlite, which has one connection). */
  url?: string;
  drop(): Promise<void>;
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** One migrated in-memory PGlite per test file (each file runs in its own process), opened on first use. */
let sharedPglite: Promise<{ store: StoreConnection; tables: string[] }> | undefined;

async function openSharedPglite(): Promise<{ store: StoreConnection; tables: string[] }> {
  const store = await connect({});
  await migrateToLatest(store.db);
  const { rows } = await sql<{ name: string }>`
    select tablename as name from pg_tables where schemaname = current_schema() and tablename not like 'kysely_%'`.execute(store.db);
  return { store, tables: rows.map((r) => r.name).sort() };
}

/**
 * A migrated database in a clean state of its own: on Postgres a uniquely named database; on PGlite the file's one
 * in-memory instance with every table of mlq emptied (but those in `keep`, such as the synced bank) and its ids
 * restarted, because loading a new instance costs seconds.
 */
export async function createTestDatabase(options: { keep?: string[] } = {}): Promise<TestDatabase> {
  if (TEST_DB === 'pglite') {
    const shared = await (sharedPglite ??= openSharedPglite());
    const tables = shared.tables.filter((t) => !options.keep?.includes(t)).map((t) => sql.id(t));
    await sql`truncate ${sql.join(tables)} restart identity cascade`.execute(shared.store.db);
    return { store: shared.store, drop: async () => undefined };
  }
  const name = `mlq_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`create database ${name}`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const store = await connect({ databaseUrl: url.toString(), poolSize: 5 });
  await migrateToLatest(store.db);
  return {
    store,
    url: url.toString(),
    async drop() {
      await store.close();
      await admin((c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}

/** A URL for a fresh Postgres database (for tests that start the whole service against it). */
export async function createPostgresUrl(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `mlq_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`create database ${name}`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin((c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined) };
}
