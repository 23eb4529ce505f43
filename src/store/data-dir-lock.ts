import { linkSync, readFileSync, renameSync, statfsSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { err, ok, type Result } from '../core/result.ts';

/** The lock file mlq keeps in its data folder while a process uses it. */
export const LOCK_FILE = 'mlq.lock';

/** Who holds a lock: the pid, and what tells that process apart from a later one given the same pid. */
export interface LockHolder {
  pid: number;
  /** The process' start time in clock ticks since boot (/proc/<pid>/stat field 22); null where /proc is missing. */
  started: string | null;
  /** The kernel's boot id; a lock from before a reboot is stale whatever its pid. */
  boot: string | null;
  host: string;
}

export type LockProblem = 'locked' | 'read-only' | 'no-permission' | 'no-space' | 'unwritable';

/** A held lock; `release` removes the lock file when it is still this process' own. */
export interface DataDirLock {
  holder: LockHolder;
  release(): void;
}

const readText = (path: string): string | null => {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return null;
  }
};

/** A process' start time from /proc (field 22, counted after the command name, which may hold spaces). */
export function processStart(pid: number): string | null {
  const stat = readText(`/proc/${pid}/stat`);
  if (!stat) return null;
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
}

const bootId = (): string | null => readText('/proc/sys/kernel/random/boot_id');

export const currentHolder = (): LockHolder => ({ pid: process.pid, started: processStart(process.pid), boot: bootId(), host: hostname() });

/** Whether the process that wrote `holder` still runs: same boot, pid alive, and the same start time (not a reused pid). */
export function holderAlive(holder: LockHolder): boolean {
  const boot = bootId();
  if (holder.boot && boot && holder.boot !== boot) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const started = processStart(holder.pid);
  return !(holder.started && started && holder.started !== started);
}

function parseHolder(text: string | null): LockHolder | null {
  try {
    const value = JSON.parse(text ?? '') as Partial<LockHolder>;
    return Number.isInteger(value.pid) && (value.pid as number) > 0
      ? { pid: value.pid!, started: value.started ?? null, boot: value.boot ?? null, host: value.host ?? '' }
      : null;
  } catch {
    return null;
  }
}

/** The holder named in `dir`'s lock file, when that file exists and the process still runs. */
export function liveHolder(dir: string): LockHolder | null {
  const holder = parseHolder(readText(join(dir, LOCK_FILE)));
  return holder && holderAlive(holder) ? holder : null;
}

const inode = (path: string): number | null => {
  try {
    return statSync(path).ino;
  } catch {
    return null;
  }
};

const quietly = (run: () => void) => {
  try {
    run();
  } catch {
    // Already gone.
  }
};

/** Whether the file system holding `dir` has less than 64 KiB free (a write there can fail as EIO, not ENOSPC). */
export function diskFull(dir: string): boolean {
  try {
    const fs = statfsSync(dir);
    return fs.bavail * fs.bsize < 64 * 1024;
  } catch {
    return false;
  }
}

/** The sentence for a data folder the file system will not let mlq write. */
export function unwritableProblem(dir: string, error: NodeJS.ErrnoException): { ok: false; error: LockProblem; message: string } {
  const where = `MLQ_DATA_DIR (${dir})`;
  if (error.code === 'EROFS') return err('read-only', `${where} is on a read-only file system; choose a folder mlq can write to.`);
  if (error.code === 'EACCES' || error.code === 'EPERM') {
    return err(
      'no-permission',
      `${where} cannot be written by this user (${error.code}); choose a folder of your own or fix its permissions.`,
    );
  }
  const code = error.code === 'EIO' && diskFull(dir) ? 'ENOSPC' : error.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return err('no-space', `${where} is on a full disk (${code}); free some space or choose another folder.`);
  }
  return err('unwritable', `${where} cannot be written (${error.code ?? error.message}); choose a folder mlq can write to.`);
}

const lockedBy = (dir: string, holder: LockHolder): Result<never, 'locked'> =>
  err(
    'locked',
    `MLQ_DATA_DIR (${dir}) is in use by another mlq process (pid ${holder.pid}); stop that one first or choose another folder.`,
  );

/**
 * Takes the data folder's lock for the life of this process. The lock file appears whole (written aside, then linked
 * into place, which fails when one exists). A lock whose process is gone (killed, or the machine restarted) is stale
 * and taken over at once; the takeover moves the stale file aside and checks it moved that very file (its inode), so
 * two processes taking over together cannot both win.
 */
export function acquireLock(dir: string): Result<DataDirLock, LockProblem> {
  const path = join(dir, LOCK_FILE);
  const holder = currentHolder();
  const aside = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(aside, `${JSON.stringify(holder)}\n`);
  } catch (error) {
    quietly(() => unlinkSync(aside));
    return unwritableProblem(dir, error as NodeJS.ErrnoException);
  }
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        linkSync(aside, path);
        return ok(lockFor(path, holder));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return unwritableProblem(dir, error as NodeJS.ErrnoException);
      }
      const seen = inode(path);
      const other = parseHolder(readText(path));
      if (other && holderAlive(other)) return lockedBy(dir, other);
      const stale = `${path}.stale-${process.pid}`;
      try {
        renameSync(path, stale);
      } catch {
        continue;
      }
      if (inode(stale) !== seen) quietly(() => linkSync(stale, path));
      quietly(() => unlinkSync(stale));
    }
    const other = parseHolder(readText(path));
    return other ? lockedBy(dir, other) : err('unwritable', `MLQ_DATA_DIR (${dir}) lock file ${path} could not be taken; try again.`);
  } finally {
    quietly(() => unlinkSync(aside));
  }
}

function lockFor(path: string, holder: LockHolder): DataDirLock {
  const release = () => {
    process.off('exit', release);
    const current = parseHolder(readText(path));
    if (current && current.pid === holder.pid && current.started === holder.started) quietly(() => unlinkSync(path));
  };
  process.on('exit', release);
  return { holder, release };
}
