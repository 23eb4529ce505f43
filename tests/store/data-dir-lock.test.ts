import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireLock, currentHolder, processStart } from '../../src/store/data-dir-lock.ts';
import { type ServiceProcess, startService } from '../helpers/process.ts';
import { waitFor } from '../helpers/wait.ts';

const temp = (name: string) => mkdtempSync(join(tmpdir(), `mlq-${name}-`));
const BANNER = 'a terminal study channel';
const started: ServiceProcess[] = [];

/** Waits until the service shows its banner or has ended, so that a refusal fails the test at once. */
const ready = (run: ServiceProcess) => waitFor(() => run.stdout().includes(BANNER) || run.child.exitCode !== null, 100_000);

const service = (dataDir: string) => {
  const run = startService({ MLQ_DATA_DIR: dataDir, MLQ_CONSOLE_USER: 'tester' });
  started.push(run);
  return run;
};

afterEach(() => {
  for (const run of started.splice(0)) if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGKILL');
});

/** A process that lives until killed, to stand for another program that got a reused pid. */
function otherProcess() {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  return { pid: child.pid!, stop: () => child.kill('SIGKILL') };
}

describe.skipIf(process.env.MLQ_TEST_DB === 'postgres')('one mlq process per data folder', () => {
  it('stops a second process at once naming the holder, takes over after kill -9, and releases on exit', async () => {
    const dir = join(temp('lock'), 'db');
    const first = service(dir);
    await ready(first);
    expect(first.stderr()).toBe('');
    const lock = JSON.parse(readFileSync(join(dir, 'mlq.lock'), 'utf8')) as { pid: number };
    expect(lock.pid).toBe(first.child.pid);

    const second = service(dir);
    expect(await second.exited).toBe(1);
    expect(second.stderr()).toBe(
      `mlq: MLQ_DATA_DIR (${dir}) is in use by another mlq process (pid ${first.child.pid}); stop that one first or choose another folder.\n`,
    );
    expect(second.stdout()).toBe('');

    first.child.kill('SIGKILL');
    expect(await first.exited).toBe(null);
    expect(existsSync(join(dir, 'mlq.lock'))).toBe(true);

    const third = service(dir);
    await ready(third);
    expect(third.stderr()).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'mlq.lock'), 'utf8')).pid).toBe(third.child.pid);
    third.child.stdin.end('quit\n');
    expect(await third.exited).toBe(0);
    expect(readdirSync(dir).filter((name) => name.startsWith('mlq'))).toEqual(['mlq-data.json']);
  }, 240_000);

  it('lets exactly one of two processes started together on a new folder run', async () => {
    const dir = join(temp('race'), 'db');
    const [a, b] = [service(dir), service(dir)];
    const loser = await Promise.race([a.exited.then(() => a), b.exited.then(() => b)]);
    const winner = loser === a ? b : a;
    expect(loser.stderr()).toBe(
      `mlq: MLQ_DATA_DIR (${dir}) is in use by another mlq process (pid ${winner.child.pid}); stop that one first or choose another folder.\n`,
    );
    await ready(winner);
    expect(winner.stdout()).toContain(BANNER);
    winner.child.stdin.end('quit\n');
    expect(await winner.exited).toBe(0);
  }, 240_000);
});

describe('a lock names its process so that a reused pid is not taken for it', () => {
  const write = (dir: string, holder: object) => writeFileSync(join(dir, 'mlq.lock'), JSON.stringify(holder));

  it('holds against a live process with the recorded start time, and takes over one whose pid now belongs to another', () => {
    const other = otherProcess();
    try {
      const dir = temp('reuse');
      const own = currentHolder();
      write(dir, { ...own, pid: other.pid, started: processStart(other.pid) });
      expect(acquireLock(dir)).toEqual({
        ok: false,
        error: 'locked',
        message: `MLQ_DATA_DIR (${dir}) is in use by another mlq process (pid ${other.pid}); stop that one first or choose another folder.`,
      });

      write(dir, { ...own, pid: other.pid, started: '1' });
      const taken = acquireLock(dir);
      expect(taken.ok).toBe(true);
      expect(JSON.parse(readFileSync(join(dir, 'mlq.lock'), 'utf8')).pid).toBe(process.pid);
      if (taken.ok) taken.value.release();
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      other.stop();
    }
  });

  it('takes over a lock from before a restart (another boot id), and an unreadable one', () => {
    const other = otherProcess();
    try {
      const dir = temp('boot');
      write(dir, { ...currentHolder(), pid: other.pid, started: processStart(other.pid), boot: '00000000-0000-0000-0000-000000000000' });
      const taken = acquireLock(dir);
      expect(taken.ok).toBe(true);
      if (taken.ok) taken.value.release();

      writeFileSync(join(dir, 'mlq.lock'), '');
      const again = acquireLock(dir);
      expect(again.ok).toBe(true);
      if (again.ok) again.value.release();
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      other.stop();
    }
  });

  it('refuses a second lock in the same process, and leaves a lock it no longer owns in place', () => {
    const dir = temp('same');
    const first = acquireLock(dir);
    if (!first.ok) throw new Error(first.message);
    expect(acquireLock(dir)).toMatchObject({ ok: false, error: 'locked' });
    write(dir, { ...currentHolder(), pid: 1, started: processStart(1) });
    first.value.release();
    expect(readdirSync(dir)).toEqual(['mlq.lock']);
  });
});
