import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { err, ok, type Result } from '../core/result.ts';
import { acquireLock, LOCK_FILE, type LockProblem, liveHolder } from './data-dir-lock.ts';

/** The file mlq writes into a data folder it creates; `complete` turns true once the database in it has opened. */
export const MARKER_FILE = 'mlq-data.json';

export type DataDirProblem =
  | LockProblem
  | 'system-folder'
  | 'not-a-folder'
  | 'not-mlq'
  | 'postgres-server'
  | 'interrupted'
  | 'cannot-create';

/** What a data folder holds: nothing yet, a database mlq made, or one from a version before the marker file. */
export type DataDirState = 'absent' | 'empty' | 'mlq' | 'earlier-mlq';

const SYSTEM_ROOTS = ['/proc', '/sys', '/dev'];
const example = 'for example MLQ_DATA_DIR=.mlq-data';

const entriesOf = (dir: string) => readdirSync(dir).filter((name) => name !== LOCK_FILE && !name.startsWith(`${LOCK_FILE}.`));

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));

/** The nearest folder of `path` (itself or an ancestor) that exists, resolved through links, or the file in the way. */
function nearestExisting(path: string): { path: string; real: string; isDir: boolean } {
  let current = path;
  for (;;) {
    try {
      const stats = statSync(current);
      return { path: current, real: realpathSync(current), isDir: stats.isDirectory() };
    } catch {
      const parent = dirname(current);
      if (parent === current) return { path: current, real: current, isDir: false };
      current = parent;
    }
  }
}

function readMarker(dir: string): { complete: boolean } | null {
  try {
    const value = JSON.parse(readFileSync(join(dir, MARKER_FILE), 'utf8')) as { complete?: unknown };
    return { complete: value.complete === true };
  } catch {
    return null;
  }
}

/**
 * Looks at a data folder without writing anything. A folder is mlq's when it holds the marker file mlq writes when it
 * creates a database, or, from earlier versions that wrote no marker, a PG_VERSION file and no trace of a Postgres
 * server (postmaster.pid or postmaster.opts, which every server start writes and PGlite never does).
 */
export function inspectDataDir(dir: string): Result<DataDirState, DataDirProblem> {
  const path = resolve(dir);
  const where = `MLQ_DATA_DIR (${path})`;
  const existing = nearestExisting(path);
  const system = SYSTEM_ROOTS.find((root) => existing.real === root || existing.real.startsWith(`${root}${sep}`));
  if (system)
    return err(
      'system-folder',
      `${where} is inside ${system}, which the operating system manages; choose a folder of your own, ${example}.`,
    );
  if (!existing.isDir) {
    return existing.path === path
      ? err('not-a-folder', `${where} is a file, not a folder; choose a folder, ${example}.`)
      : err('not-a-folder', `${where} cannot be made because ${existing.path} is a file, not a folder; choose another path, ${example}.`);
  }
  if (existing.path !== path) return ok('absent');
  let entries: string[];
  try {
    entries = entriesOf(path);
  } catch (error) {
    return err('no-permission', `${where} cannot be read (${errorCode(error)}); choose a folder of your own or fix its permissions.`);
  }
  if (entries.length === 0) return ok('empty');
  const marker = readMarker(path);
  if (marker?.complete) return ok('mlq');
  if (marker) return err('interrupted', `${where} holds a database whose creation was interrupted; delete that folder and start again.`);
  const has = (name: string) => entries.includes(name);
  if (has('PG_VERSION') && (has('postmaster.pid') || has('postmaster.opts'))) {
    return err(
      'postgres-server',
      `${where} is the data folder of a Postgres server, not mlq's; mlq changed nothing in it, use DATABASE_URL to connect to that server instead.`,
    );
  }
  if (has('PG_VERSION')) return ok('earlier-mlq');
  return err(
    'not-mlq',
    `${where} holds other files and is not an mlq database; mlq changed nothing in it, choose an empty or new folder, ${example}.`,
  );
}

/** A data folder this process holds: locked, created when it was missing, with a record of what this run made. */
export interface DataDir {
  path: string;
  /** What the folder held when it was locked; a database is made in an absent or empty one. */
  state: DataDirState;
  /** Records that the database in the folder is whole (the marker file). */
  markComplete(): void;
  /** Undoes this run's work on a new folder: the folder when this run made it, otherwise the entries made since it was opened. */
  discardNew(): void;
  release(): void;
}

/** Creates the missing folders of `path` one level at a time (a recursive mkdir spins forever on procfs); returns the topmost made. */
function createFolders(path: string): Result<string | null, DataDirProblem> {
  const missing: string[] = [];
  for (let current = path; !existsSync(current); current = dirname(current)) missing.unshift(current);
  let top: string | null = null;
  try {
    for (const folder of missing) {
      try {
        mkdirSync(folder);
        top ??= folder;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(folder).isDirectory()) throw error;
      }
    }
    return ok(top);
  } catch (error) {
    if (top) rmSync(top, { recursive: true, force: true });
    const code = errorCode(error);
    const why =
      code === 'EROFS'
        ? 'its parent is on a read-only file system'
        : code === 'EACCES' || code === 'EPERM'
          ? 'this user may not create it there'
          : code;
    return err('cannot-create', `MLQ_DATA_DIR (${path}) cannot be created (${why}); choose a folder mlq can write to, ${example}.`);
  }
}

/**
 * Checks the data folder, creates it when missing and takes its lock, all before anything else is written. A refused
 * folder is left exactly as it was; a second process gets the holder's pid.
 */
export function openDataDir(dir: string): Result<DataDir, DataDirProblem> {
  const path = resolve(dir);
  const state = inspectDataDir(path);
  if (!state.ok) {
    const holder = state.error === 'interrupted' ? liveHolder(path) : null;
    if (holder)
      return err(
        'locked',
        `MLQ_DATA_DIR (${path}) is in use by another mlq process (pid ${holder.pid}); stop that one first or choose another folder.`,
      );
    return state;
  }
  const created = state.value === 'absent' ? createFolders(path) : ok(null);
  if (!created.ok) return created;
  const removeCreated = () => created.value && rmSync(created.value, { recursive: true, force: true });
  const lock = acquireLock(path);
  if (!lock.ok) {
    if (lock.error !== 'locked') removeCreated();
    return lock;
  }
  const locked = created.value ? ok<DataDirState>('absent') : inspectDataDir(path);
  if (!locked.ok) {
    lock.value.release();
    return locked;
  }
  const isNew = locked.value === 'empty' || locked.value === 'absent';
  const before = new Set(readdirSync(path));
  const writeMarker = (complete: boolean) => writeFileSync(join(path, MARKER_FILE), `${JSON.stringify({ createdBy: 'mlq', complete })}\n`);
  if (isNew) {
    try {
      writeMarker(false);
    } catch (error) {
      lock.value.release();
      removeCreated();
      return err('unwritable', `MLQ_DATA_DIR (${path}) cannot be written (${errorCode(error)}); choose a folder mlq can write to.`);
    }
  }
  return ok({
    path,
    state: locked.value,
    markComplete: () => writeMarker(true),
    discardNew() {
      if (!isNew) return;
      lock.value.release();
      if (created.value) return void removeCreated();
      for (const name of readdirSync(path)) if (!before.has(name)) rmSync(join(path, name), { recursive: true, force: true });
    },
    release: () => lock.value.release(),
  });
}
