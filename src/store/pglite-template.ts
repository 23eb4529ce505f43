import {
  constants,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { diskFull } from './data-dir-lock.ts';

type PGliteClass = typeof import('@electric-sql/pglite').PGlite;

/** How a new database is made and which cached copy fits it. */
export interface TemplateOptions {
  cacheDir: string;
  /** Names what `prepare` builds (the schema); a copy made for another key is not used. */
  key: string;
  /** Runs on a database made from scratch (the migrations) before it is copied. */
  prepare(pglite: PGlite): Promise<void>;
  /** Names a seeded copy (see prepareSeed); a new data folder starts from it when it exists. */
  seedKey?: string;
}

/** Content written on top of the template's schema (the synced bank), kept as a second copy. */
export interface TemplateSeed {
  key: string;
  apply(pglite: PGlite): Promise<void>;
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

/**
 * Postgres' default 128 MB of shared buffers is zeroed at every start in WebAssembly (about 0.4 s and 100 MB of
 * memory); a study group's database is a few megabytes, so 32 MB holds it, and the files behind it stay in the OS cache.
 */
const startParams = (PGlite: PGliteClass): string[] => [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'];

/** The seeded copy's data folder: the template plus the seed named `seedKey`. */
export const seededBase = (options: TemplateOptions, seedKey: string): string => `${templateBase(options)}-seed-${seedKey}`;

/**
 * Copies a data folder file by file, each a copy-on-write clone where the file system has them (btrfs, XFS, APFS).
 * Not `cpSync`: on Node 24 its native copy aborts the whole process when a file stands where a folder goes.
 */
function copyDir(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) copyDir(source, target);
    else copyFileSync(source, target, constants.COPYFILE_FICLONE);
  }
}

function removeQuietly(...paths: string[]): void {
  for (const path of paths) {
    try {
      rmSync(path, { recursive: true, force: true });
    } catch {
      // Nothing was written there.
    }
  }
}

/** The cached copy, made now when missing; null when it cannot be written (a read-only install). */
async function ensureTemplate(PGlite: PGliteClass, options: TemplateOptions): Promise<Template | null> {
  const base = templateBase(options);
  const template = { dir: base, tar: `${base}.tar` };
  if (existsSync(join(base, 'PG_VERSION')) && existsSync(template.tar)) return template;
  const work = `${base}.${process.pid}.tmp`;
  try {
    mkdirSync(work, { recursive: true });
    const pglite = await PGlite.create({ dataDir: work, startParams: startParams(PGlite) });
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
    removeQuietly(work, `${work}.tar`);
    return null;
  }
}

/**
 * Makes the seeded copy ahead (`npm install` does, through prepare-cache): the template opened once, `seed` applied
 * and closed. A new data folder then starts with the bank already in it, which saves the first start about 0.5 s of
 * inserts. Keeps one seeded copy per template; returns whether it exists now.
 */
export async function prepareSeed(options: TemplateOptions, seed: TemplateSeed): Promise<boolean> {
  const { PGlite } = await import('@electric-sql/pglite');
  const template = await ensureTemplate(PGlite, options);
  const target = seededBase(options, seed.key);
  if (!template) return false;
  if (existsSync(join(target, 'PG_VERSION'))) return true;
  const work = `${target}.${process.pid}.tmp`;
  try {
    copyDir(template.dir, work);
    const pglite = await PGlite.create({ dataDir: work, startParams: startParams(PGlite) });
    await seed.apply(pglite);
    await pglite.close();
    rmSync(target, { recursive: true, force: true });
    renameSync(work, target);
    const prefix = `${basename(templateBase(options))}-seed-`;
    for (const other of readdirSync(options.cacheDir)) {
      if (other.startsWith(prefix) && other !== basename(target) && !other.includes('.tmp')) removeQuietly(join(options.cacheDir, other));
    }
    return true;
  } catch {
    removeQuietly(work);
    return false;
  }
}

/** The data folder could not take the copy (read-only, full, no permission); the cached copy is fine. */
export class CopyDestinationError extends Error {
  constructor(
    readonly dataDir: string,
    readonly reason: NodeJS.ErrnoException,
  ) {
    super(`${dataDir} could not be written (${reason.code ?? reason.message})`);
  }
}

/** Whether the cached copy `from` opens in a fresh scratch folder; true when that cannot be tried (nothing is proven damaged). */
async function opensElsewhere(PGlite: PGliteClass, from: string): Promise<boolean> {
  let scratch: string;
  try {
    scratch = mkdtempSync(join(tmpdir(), 'mlq-check-'));
    copyDir(from, scratch);
  } catch {
    return true;
  }
  try {
    await (await PGlite.create({ dataDir: scratch, startParams: startParams(PGlite) })).close();
    return true;
  } catch {
    return false;
  } finally {
    removeQuietly(scratch);
  }
}

/**
 * Opens a copy of `from` in the new folder `dataDir`. When that fails, only what the copy put there is removed; null
 * when the cached copy is damaged (it fails in a scratch folder too), a CopyDestinationError when the folder is at fault.
 */
async function openCopy(PGlite: PGliteClass, from: string, dataDir: string): Promise<PGlite | null> {
  const before = existsSync(dataDir) ? new Set(readdirSync(dataDir)) : null;
  try {
    copyDir(from, dataDir);
    return await PGlite.create({ dataDir, startParams: startParams(PGlite) });
  } catch (caught) {
    // A full disk can surface as EIO from inside PGlite; it is judged now, before the cleanup frees the space.
    const error = diskFull(dataDir) ? Object.assign(new Error('no space left on the device'), { code: 'ENOSPC' }) : caught;
    if (!before) removeQuietly(dataDir);
    else for (const entry of readdirSync(dataDir)) if (!before.has(entry)) removeQuietly(join(dataDir, entry));
    if (await opensElsewhere(PGlite, from)) throw new CopyDestinationError(dataDir, error as NodeJS.ErrnoException);
    return null;
  }
}

/**
 * Opens PGlite in `dataDir` (in memory when absent). A new database starts as a copy of a cached new, migrated one
 * (initdb and the migrations take about 5 s in WebAssembly): a data folder is copied file by file and opened (about
 * 1 s), from the seeded copy when one was made for `seedKey`; an in-memory one is loaded from the copy's tar (about
 * 1.5 s). The first new database on a machine makes the plain copy; `npm install` makes both ahead (see
 * prepare-cache.ts). A copy proven damaged is dropped and the database made another way; a folder that cannot take the
 * copy leaves the cache alone. An existing folder is simply opened. The caller checks and locks `dataDir` first (data-dir.ts).
 */
export async function openPglite(dataDir: string | undefined, options: TemplateOptions): Promise<PGlite> {
  const { PGlite } = await import('@electric-sql/pglite');
  if (dataDir && existsSync(join(dataDir, 'PG_VERSION'))) return PGlite.create({ dataDir, startParams: startParams(PGlite) });
  const seeded = dataDir && options.seedKey ? seededBase(options, options.seedKey) : null;
  if (dataDir && seeded && existsSync(join(seeded, 'PG_VERSION'))) {
    const opened = await openCopy(PGlite, seeded, dataDir);
    if (opened) return opened;
    removeQuietly(seeded);
  }
  const template = await ensureTemplate(PGlite, options);
  if (template) {
    try {
      if (!dataDir) return await PGlite.create({ loadDataDir: new Blob([readFileSync(template.tar)]), startParams: startParams(PGlite) });
    } catch {
      removeQuietly(template.dir, template.tar);
    }
    if (dataDir) {
      const opened = await openCopy(PGlite, template.dir, dataDir);
      if (opened) return opened;
      removeQuietly(template.dir, template.tar);
    }
  }
  const pglite = await PGlite.create({ dataDir, startParams: startParams(PGlite) });
  await options.prepare(pglite);
  return pglite;
}
