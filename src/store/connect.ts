import { mkdirSync } from 'node:fs';
import { Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import { cacheDir } from '../cache-dir.ts';
import { migrateToLatest, schemaKey } from './migrate.ts';
import { openPglite } from './pglite-template.ts';
import type { Database } from './schema.ts';

export interface StoreConnection {
  db: Kysely<Database>;
  kind: 'postgres' | 'pglite';
  describe: string;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface ConnectOptions {
  databaseUrl?: string;
  dataDir?: string;
  poolSize?: number;
  /** Where the PGlite template is cached (default node_modules/.cache/mlq). */
  cacheDir?: string;
}

/** Opens Postgres when a URL is given, otherwise an embedded PGlite kept in `dataDir` (in memory when that is absent). */
export async function connect(options: ConnectOptions): Promise<StoreConnection> {
  let db: Kysely<Database>;
  let kind: StoreConnection['kind'];
  let describe: string;
  let embedded: { closed: boolean; close(): Promise<void> } | undefined;
  if (options.databaseUrl) {
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    pool.on('error', () => undefined);
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    kind = 'postgres';
    describe = `Postgres at ${redact(options.databaseUrl)}`;
  } else {
    if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
    const pglite = await openPglite(options.dataDir, {
      cacheDir: options.cacheDir ?? cacheDir(),
      key: schemaKey(),
      prepare: async (fresh) => void (await migrateToLatest(new Kysely<Database>({ dialect: new PGliteDialect({ pglite: fresh }) }))),
    });
    embedded = pglite;
    db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
    kind = 'pglite';
    describe = options.dataDir ? `embedded PGlite in ${options.dataDir}` : 'embedded PGlite in memory';
  }
  return {
    db,
    kind,
    describe,
    async ping() {
      try {
        await sql`select 1`.execute(db);
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await db.destroy();
      if (embedded && !embedded.closed) await embedded.close();
    },
  };
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the configured URL';
  }
}
