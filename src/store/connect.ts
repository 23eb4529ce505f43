import { mkdirSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { cacheDir } from '../cache-dir.ts';
import { migrateToLatest, schemaKey } from './migrate.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import { openPglite, prepareSeed, type TemplateOptions } from './pglite-template.ts';
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
  /** A new PGlite data folder starts from the copy this seed made, when prepareEmbedded made it (see bank-seed.ts). */
  seed?: StoreSeed;
}

/** Rows every new database gets (the synced bank), named by a key over their content. */
export interface StoreSeed {
  key: string;
  apply(db: Kysely<Database>): Promise<void>;
}

const onPglite = (pglite: PGlite) => new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });

function templateOptions(options: ConnectOptions): TemplateOptions {
  return {
    cacheDir: options.cacheDir ?? cacheDir(),
    key: schemaKey(),
    prepare: async (fresh) => void (await migrateToLatest(onPglite(fresh))),
    seedKey: options.seed?.key,
  };
}

/** Prepares the embedded database's cached copies ahead of the first start: the migrated template and, seeded, its copy. */
export async function prepareEmbedded(options: ConnectOptions & { seed: StoreSeed }): Promise<boolean> {
  const { seed } = options;
  return prepareSeed(templateOptions(options), { key: seed.key, apply: (pglite) => seed.apply(onPglite(pglite)) });
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
    const pglite = await openPglite(options.dataDir, templateOptions(options));
    embedded = pglite;
    db = onPglite(pglite);
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
