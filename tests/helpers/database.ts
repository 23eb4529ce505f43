import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { inject } from 'vitest';
import { connect, type StoreConnection } from '../../src/store/connect.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import { ADMIN_URL, admin } from './postgres-setup.ts';

/** Which database the suite runs against: MLQ_TEST_DB=postgres uses the server at MLQ_TEST_PG_URL, otherwise PGlite. */
export const TEST_DB = process.env.MLQ_TEST_DB === 'postgres' ? 'postgres' : 'pglite';

export interface TestDatabase {
  store: StoreConnection;
  /** The Postgres URL of this database (absent on PGlite, which has one connection). */
  url?: string;
  drop(): Promise<void>;
}

/** One migrated in-memory PGlite per test worker (files share it, see vitest.config.ts), opened on first use. */
let sharedPglite: Promise<{ store: StoreConnection; tables: string[]; sequences: { name: string; owner: string }[] }> | undefined;
/** Resets of the shared PGlite since its tables were last truncated. */
let resets = 0;

async function openSharedPglite(): Promise<NonNullable<Awaited<typeof sharedPglite>>> {
  const store = await connect({});
  await migrateToLatest(store.db);
  const { rows } = await sql<{ name: string }>`
    select tablename as name from pg_tables where schemaname = current_schema() and tablename not like 'kysely_%'`.execute(store.db);
  const sequences = await sql<{ name: string; owner: string }>`
    select s.relname as name, t.relname as owner from pg_class s
    join pg_depend d on d.objid = s.oid and d.deptype in ('a', 'i') join pg_class t on t.oid = d.refobjid
    where s.relkind = 'S'`.execute(store.db);
  return { store, tables: rows.map((r) => r.name).sort(), sequences: sequences.rows };
}

/**
 * Empties the shared PGlite's tables (but `keep`) and restarts its sequences. Deleting is about 3 times cheaper than
 * TRUNCATE in PGlite (18 ms against 46 ms over 33 tables, a reset before nearly every test); every 25th reset truncates,
 * so that the dead rows deletes leave behind (PGlite has no autovacuum) never pile up.
 */
async function emptyShared(shared: Awaited<NonNullable<typeof sharedPglite>>, keep: string[]): Promise<void> {
  const tables = shared.tables.filter((t) => !keep.includes(t));
  if (++resets % 25 === 0) {
    await sql`truncate ${sql.join(tables.map((t) => sql.id(t)))} restart identity cascade`.execute(shared.store.db);
    return;
  }
  await shared.store.db.transaction().execute(async (trx) => {
    // Foreign keys and triggers off for this transaction: every table goes, so the order does not matter.
    await sql`set local session_replication_role = replica`.execute(trx);
    for (const table of tables) await sql`delete from ${sql.id(table)}`.execute(trx);
    for (const { name, owner } of shared.sequences)
      if (tables.includes(owner)) await sql`alter sequence ${sql.id(name)} restart`.execute(trx);
  });
}

/**
 * A migrated database in a clean state of its own: on Postgres a uniquely named database; on PGlite the file's one
 * in-memory instance with every table of mlq emptied (but those in `keep`, such as the synced bank, less the member
 * suggestions approved into it) and its ids
 * restarted, because loading a new instance costs seconds.
 */
export async function createTestDatabase(options: { keep?: string[] } = {}): Promise<TestDatabase> {
  if (TEST_DB === 'pglite') {
    const shared = await (sharedPglite ??= openSharedPglite());
    await emptyShared(shared, options.keep ?? []);
    // A kept bank still loses the questions that approved member suggestions added to it.
    if (options.keep?.includes('questions')) await sql`delete from questions where scope_id is not null`.execute(shared.store.db);
    return { store: shared.store, drop: async () => undefined };
  }
  const { url } = await createDatabase(true);
  const store = await connect({ databaseUrl: url, poolSize: 5 });
  return {
    store,
    url,
    async drop() {
      await store.close();
    },
  };
}

/**
 * A new database on the test server, named with the run's prefix so that the run's teardown drops it: a copy of
 * the run's migrated template, or an empty one when `migrated` is false. Its commits do not wait for the disk
 * (synchronous_commit off, set on this database only): a crash of the server, which no test causes, could lose
 * the last few, while crashes of mlq's own processes, which the tests cause, lose nothing either way.
 */
async function createDatabase(migrated: boolean): Promise<{ name: string; url: string }> {
  const name = `${inject('pgPrefix')}${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await admin(async (c) => {
    await c.query(migrated ? `create database ${name} template ${inject('pgTemplate')}` : `create database ${name}`);
    await c.query(`alter database ${name} set synchronous_commit = off`);
  });
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

/**
 * A URL for a new Postgres database (for tests that start the whole service against it): already migrated, or
 * empty with `{ empty: true }` for tests of the migrations themselves. The run's teardown drops it with the run's
 * other databases, in one pass: a drop waits for a checkpoint, and one at the end of each file cost the loaded
 * Postgres run over a minute in all (the console tests' file took 87 s, its tests 21 s). `drop` ends the test's use of
 * it: the service that used it must be stopped first.
 */
export async function createPostgresUrl(options: { empty?: boolean } = {}): Promise<{ url: string; drop(): Promise<void> }> {
  const { url } = await createDatabase(!options.empty);
  return { url, drop: async () => undefined };
}
