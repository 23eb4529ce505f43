import { randomBytes } from 'node:crypto';
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

/** A fresh, migrated database of its own (a uniquely named Postgres database, or an in-memory PGlite). */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (TEST_DB === 'pglite') {
    const store = await connect({});
    await migrateToLatest(store.db);
    return { store, drop: () => store.close() };
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
