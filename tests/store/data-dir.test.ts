import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { inspectDataDir, openDataDir } from '../../src/store/data-dir.ts';

const temp = (name: string) => mkdtempSync(join(tmpdir(), `mlq-${name}-`));

/** Every path under `dir` with its content, to show a folder was left exactly as it was. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    files[path.slice(dir.length)] = entry.isFile() ? readFileSync(path, 'utf8') : '<dir>';
  }
  return files;
}

/** A user's folder: notes and a thesis. */
function userFolder(): string {
  const dir = temp('user');
  writeFileSync(join(dir, 'notes.txt'), 'my notes');
  mkdirSync(join(dir, 'important'));
  writeFileSync(join(dir, 'important', 'thesis.tex'), '\\section{Intro}');
  return dir;
}

const timed = <T>(run: () => T): { value: T; ms: number } => {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
};

describe('the data folder is checked before anything is written', () => {
  it.each([
    ['/proc/forbidden', '/proc', null],
    ['/proc/self/mlq', '/proc', null],
    ['/sys/mlq-data', '/sys', null],
    ['/dev/mlq-data', '/dev', '/dev/mlq-data'],
    ['/dev/shm/mlq/deeper', '/dev', '/dev/shm/mlq'],
  ])('refuses %s at once, inside %s, and creates nothing there', (path, root, made) => {
    if (made) {
      expect(existsSync(made)).toBe(false);
      onTestFinished(() => rmSync(made, { recursive: true, force: true }));
    }
    const { value, ms } = timed(() => openDataDir(path));
    expect(value).toEqual({
      ok: false,
      error: 'system-folder',
      message: `MLQ_DATA_DIR (${path}) is inside ${root}, which the operating system manages; choose a folder of your own, for example MLQ_DATA_DIR=.mlq-data.`,
    });
    expect(ms).toBeLessThan(2000);
    expect(existsSync(path)).toBe(false);
  });

  it('refuses a file, and a path under a file, naming the file', () => {
    const dir = temp('file');
    const file = join(dir, 'data.db');
    writeFileSync(file, 'not a folder');
    expect(openDataDir(file)).toEqual({
      ok: false,
      error: 'not-a-folder',
      message: `MLQ_DATA_DIR (${file}) is a file, not a folder; choose a folder, for example MLQ_DATA_DIR=.mlq-data.`,
    });
    expect(openDataDir(join(file, 'sub', 'db'))).toEqual({
      ok: false,
      error: 'not-a-folder',
      message: `MLQ_DATA_DIR (${file}/sub/db) cannot be made because ${file} is a file, not a folder; choose another path, for example MLQ_DATA_DIR=.mlq-data.`,
    });
    expect(readFileSync(file, 'utf8')).toBe('not a folder');
    expect(readdirSync(dir)).toEqual(['data.db']);
  });

  it("refuses a folder with a user's files and writes nothing into it, not even a lock", () => {
    const dir = userFolder();
    const before = snapshot(dir);
    expect(openDataDir(dir)).toEqual({
      ok: false,
      error: 'not-mlq',
      message: `MLQ_DATA_DIR (${dir}) holds other files and is not an mlq database; mlq changed nothing in it, choose an empty or new folder, for example MLQ_DATA_DIR=.mlq-data.`,
    });
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses one file alone, a file named like a Postgres folder part, and a Postgres server folder', () => {
    const one = temp('one');
    writeFileSync(join(one, 'base'), '');
    expect(inspectDataDir(one)).toMatchObject({ ok: false, error: 'not-mlq' });

    const server = temp('server');
    writeFileSync(join(server, 'PG_VERSION'), '16\n');
    writeFileSync(join(server, 'postmaster.opts'), '/usr/lib/postgresql/16/bin/postgres\n');
    const before = snapshot(server);
    expect(openDataDir(server)).toEqual({
      ok: false,
      error: 'postgres-server',
      message: `MLQ_DATA_DIR (${server}) is the data folder of a Postgres server, not mlq's; mlq changed nothing in it, use DATABASE_URL to connect to that server instead.`,
    });
    expect(snapshot(server)).toEqual(before);
  });

  it('tells an mlq folder whose creation was interrupted from one in use', () => {
    const dir = temp('interrupted');
    writeFileSync(join(dir, 'mlq-data.json'), '{"createdBy":"mlq","complete":false}\n');
    writeFileSync(join(dir, 'PG_VERSION'), '18\n');
    expect(openDataDir(dir)).toEqual({
      ok: false,
      error: 'interrupted',
      message: `MLQ_DATA_DIR (${dir}) holds a database whose creation was interrupted; delete that folder and start again.`,
    });
    expect(readdirSync(dir).sort()).toEqual(['PG_VERSION', 'mlq-data.json']);
  });

  it('accepts a missing folder, an empty one, a finished mlq folder and a PGlite folder from before the marker file', () => {
    const root = temp('states');
    expect(inspectDataDir(join(root, 'new'))).toEqual({ ok: true, value: 'absent' });
    mkdirSync(join(root, 'empty'));
    expect(inspectDataDir(join(root, 'empty'))).toEqual({ ok: true, value: 'empty' });
    mkdirSync(join(root, 'mlq'));
    writeFileSync(join(root, 'mlq', 'mlq-data.json'), '{"createdBy":"mlq","complete":true}\n');
    writeFileSync(join(root, 'mlq', 'PG_VERSION'), '18\n');
    expect(inspectDataDir(join(root, 'mlq'))).toEqual({ ok: true, value: 'mlq' });
    mkdirSync(join(root, 'earlier'));
    writeFileSync(join(root, 'earlier', 'PG_VERSION'), '18\n');
    expect(inspectDataDir(join(root, 'earlier'))).toEqual({ ok: true, value: 'earlier-mlq' });
  });

  it('creates missing parents one level at a time, and on failure removes only the folders this run made', () => {
    const root = temp('parents');
    const path = join(root, 'a', 'b', 'db');
    const opened = openDataDir(path);
    if (!opened.ok) throw new Error(opened.message);
    expect(opened.value.state).toBe('absent');
    expect(readdirSync(path).sort()).toEqual(['mlq-data.json', 'mlq.lock']);
    writeFileSync(join(path, 'PG_VERSION'), '18\n');
    opened.value.discardNew();
    expect(readdirSync(root)).toEqual([]);
  });

  it('in a folder that existed empty, removes only the entries this run made and keeps the folder', () => {
    const dir = temp('empty');
    const opened = openDataDir(dir);
    if (!opened.ok) throw new Error(opened.message);
    expect(opened.value.state).toBe('empty');
    mkdirSync(join(dir, 'base'));
    writeFileSync(join(dir, 'PG_VERSION'), '18\n');
    opened.value.discardNew();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('marks a finished database so that the next start knows it as mlq, and releases the lock', () => {
    const dir = join(temp('finished'), 'db');
    const opened = openDataDir(dir);
    if (!opened.ok) throw new Error(opened.message);
    writeFileSync(join(dir, 'PG_VERSION'), '18\n');
    opened.value.markComplete();
    opened.value.release();
    expect(readdirSync(dir).sort()).toEqual(['PG_VERSION', 'mlq-data.json']);
    expect(inspectDataDir(dir)).toEqual({ ok: true, value: 'mlq' });
  });
});
