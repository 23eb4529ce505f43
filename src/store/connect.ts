import type { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { cacheDir } from '../cache-dir.ts';
import { type DataDir, openDataDir } from './data-dir.ts';
import { unwritableProblem } from './data-dir-lock.ts';
import { migrateToLatest, schemaKey } from './migrate.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import { CopyDestinationError, openPglite, prepareSeed, type TemplateOptions } from './pglite-template.ts';
import { classifyPostgresError, maskUrl } from './postgres-errors.ts';
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
  /** How long a new Postgres connection may take before the server counts as unreachable (default 10 s). */
  connectTimeoutMs?: number;
}

/** The database cannot be used, for a reason the user can fix; `message` is one sentence naming the setting. */
export class StoreError extends Error {
  constructor(
    readonly identifier: string,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

const reasonOf = (error: unknown) =>
  error instanceof Error ? error.message || (error as NodeJS.ErrnoException).code || error.name : String(error);

async function openPostgres(url: string, options: ConnectOptions) {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
  });
  pool.on('error', () => undefined);
  try {
    (await pool.connect()).release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    const problem = classifyPostgresError(url, error);
    throw new StoreError(problem.error, problem.message);
  }
  return pool;
}

/** Opens PGlite in the checked and locked folder; on failure undoes what this run made there and releases the lock. */
async function openEmbedded(options: ConnectOptions): Promise<{ pglite: PGlite; dir: DataDir | null }> {
  const opened = options.dataDir ? openDataDir(options.dataDir) : null;
  if (opened && !opened.ok) throw new StoreError(opened.error, opened.message);
  const dir = opened?.value ?? null;
  try {
    const pglite = await openPglite(dir?.path, templateOptions(options));
    if (dir && dir.state !== 'mlq') dir.markComplete();
    return { pglite, dir };
  } catch (error) {
    // Judged before the cleanup, which frees the space a full disk had run out of.
    const problem = error instanceof CopyDestinationError ? unwritableProblem(error.dataDir, error.reason) : null;
    dir?.discardNew();
    dir?.release();
    if (problem) throw new StoreError(problem.error, problem.message);
    const where = dir ? `in MLQ_DATA_DIR (${dir.path})` : 'in memory';
    throw new StoreError('cannot-open', `the embedded database ${where} could not be opened (${reasonOf(error)}).`);
  }
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

/**
 * Opens Postgres when a URL is given, otherwise an embedded PGlite kept in `dataDir` (in memory when that is absent),
 * whose folder is checked and locked for the life of the connection. Throws a StoreError with one sentence when the
 * database cannot be used.
 */
export async function connect(options: ConnectOptions): Promise<StoreConnection> {
  let db: Kysely<Database>;
  let kind: StoreConnection['kind'];
  let describe: string;
  let closeEmbedded = async () => undefined;
  if (options.databaseUrl) {
    const pool = await openPostgres(options.databaseUrl, options);
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    kind = 'postgres';
    describe = `Postgres at ${maskUrl(options.databaseUrl)}`;
  } else {
    const { pglite, dir } = await openEmbedded(options);
    closeEmbedded = async () => {
      if (!pglite.closed) await pglite.close();
      dir?.release();
    };
    db = onPglite(pglite);
    kind = 'pglite';
    describe = dir ? `embedded PGlite in ${options.dataDir}` : 'embedded PGlite in memory';
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
      await closeEmbedded();
    },
  };
}
