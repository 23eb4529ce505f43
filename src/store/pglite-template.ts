import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';

type PGliteClass = typeof import('@electric-sql/pglite').PGlite;

/** How a new database is made and which cached copy fits it. */
export interface TemplateOptions {
  cacheDir: string;
  /** Names what `prepare` builds (the schema); a copy made for another key is not used. */
  key: string;
  /** Runs on a database made from scratch (the migrations) before it is copied. */
  prepare(pglite: PGlite): Promise<void>;
}

interface Template {
  dir: string;
  tar: string;
}

function pgliteVersion(): string {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  return (JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string }).version;
}

/** The cached copy's path (a data folder, and the same as a tar file) for this PGlite version and schema. */
export const templateBase = (options: TemplateOptions): string => join(options.cacheDir, `pglite-${pgliteVersion()}-${options.key}`);

/** The cached copy, made now when missing; null when it cannot be written (a read-only install). */
async function ensureTemplate(PGlite: PGliteClass, options: TemplateOptions): Promise<Template | null> {
  const base = templateBase(options);
  const template = { dir: base, tar: `${base}.tar` };
  if (existsSync(join(base, 'PG_VERSION')) && existsSync(template.tar)) return template;
  const work = `${base}.${process.pid}.tmp`;
  try {
    mkdirSync(work, { recursive: true });
    const pglite = await PGlite.create(work);
    await options.prepare(pglite);
    const dump = await pglite.dumpDataDir('none');
    await pglite.close();
    writeFileSync(`${work}.tar`, Buffer.from(await dump.arrayBuffer()));
    rmSync(base, { recursive: true, force: true });
    renameSync(work, base);
    renameSync(`${work}.tar`, template.tar);
    for (const other of readdirSync(options.cacheDir)) {
      if (other.startsWith('pglite-') && !other.startsWith(basename(base)) && !other.includes('.tmp')) {
        rmSync(join(options.cacheDir, other), { recursive: true, force: true });
      }
    }
    return template;
  } catch {
    for (const leftover of [work, `${work}.tar`]) {
      try {
        rmSync(leftover, { recursive: true, force: true });
      } catch {
        // Nothing was written there.
      }
    }
    return null;
  }
}

/**
 * Opens PGlite in `dataDir` (in memory when absent). A new database starts as a copy of a cached new, migrated one
 * (initdb and the migrations take about 5 s in WebAssembly): a data folder is copied file by file and opened (about
 * 1 s), an in-memory one is loaded from the copy's tar (about 1.5 s). The first new database on a machine makes the
 * copy; `npm install` makes it ahead (see prepare-cache.ts). A damaged copy is dropped and the database made from
 * scratch. An existing data folder is simply opened.
 */
export async function openPglite(dataDir: string | undefined, options: TemplateOptions): Promise<PGlite> {
  const { PGlite } = await import('@electric-sql/pglite');
  if (dataDir && existsSync(join(dataDir, 'PG_VERSION'))) return PGlite.create(dataDir);
  const template = await ensureTemplate(PGlite, options);
  if (template) {
    try {
      if (!dataDir) return await PGlite.create({ loadDataDir: new Blob([readFileSync(template.tar)]) });
      cpSync(template.dir, dataDir, { recursive: true });
      return await PGlite.create(dataDir);
    } catch {
      rmSync(template.dir, { recursive: true, force: true });
      rmSync(template.tar, { force: true });
      if (dataDir) for (const entry of readdirSync(dataDir)) rmSync(join(dataDir, entry), { recursive: true, force: true });
    }
  }
  const pglite = await PGlite.create({ dataDir });
  await options.prepare(pglite);
  return pglite;
}
