import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheDir } from '../../src/cache-dir.ts';
import { connect, StoreError } from '../../src/store/connect.ts';
import { schemaKey } from '../../src/store/migrate.ts';
import { templateBase } from '../../src/store/pglite-template.ts';
import { TEST_DB } from '../helpers/database.ts';
import { startService } from '../helpers/process.ts';

const temp = (name: string) => mkdtempSync(join(tmpdir(), `mlq-${name}-`));
const mounts: string[] = [];

/** Mounts a tmpfs of its own (as root); false where this user may not mount. */
function mountTmpfs(options: string): string | null {
  const dir = temp('mount');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'ignore' });
    mounts.push(dir);
    return dir;
  } catch {
    return null;
  }
}
const canMount = (() => {
  const probe = mountTmpfs('size=64k');
  if (probe) execFileSync('umount', [mounts.pop()!]);
  return probe !== null;
})();

/** The names in the cache folder and whether its template is whole, to show a failure left it alone. */
function cacheState(dir: string) {
  const template = templateBase({ cacheDir: dir, key: schemaKey(), prepare: async () => undefined });
  return { names: readdirSync(dir).sort(), whole: existsSync(join(template, 'PG_VERSION')) && existsSync(`${template}.tar`) };
}

/** What connect() throws: the identifier and the sentence, and how long it took. */
async function refusal(dataDir: string, cache: string): Promise<{ identifier: string; message: string; ms: number }> {
  const started = performance.now();
  const error = await connect({ dataDir, cacheDir: cache }).then(
    async (store) => {
      await store.close();
      throw new Error(`${dataDir} was opened`);
    },
    (e: unknown) => e,
  );
  if (!(error instanceof StoreError)) throw error;
  return { identifier: error.identifier, message: error.message, ms: performance.now() - started };
}

describe.skipIf(TEST_DB === 'postgres')('a data folder that fails leaves the folder and the install cache as they were', () => {
  let cache: string;

  beforeAll(async () => {
    cache = temp('cache');
    const options = { cacheDir: cacheDir(), key: schemaKey(), prepare: async () => undefined };
    const prepared = templateBase(options);
    if (existsSync(join(prepared, 'PG_VERSION')) && existsSync(`${prepared}.tar`)) {
      cpSync(prepared, templateBase({ ...options, cacheDir: cache }), { recursive: true });
      cpSync(`${prepared}.tar`, `${templateBase({ ...options, cacheDir: cache })}.tar`);
    } else {
      await (await connect({ cacheDir: cache })).close();
    }
  });
  afterAll(() => {
    for (const dir of mounts.splice(0)) execFileSync('umount', ['-l', dir]);
  });

  it.runIf(canMount)('refuses a read-only folder within 2 s, naming it, and keeps the prepared copies', async () => {
    const mount = mountTmpfs('size=1m')!;
    mkdirSync(join(mount, 'empty'));
    execFileSync('mount', ['-o', 'remount,ro', mount]);
    const before = cacheState(cache);
    expect(before.whole).toBe(true);

    const empty = await refusal(join(mount, 'empty'), cache);
    expect(empty).toMatchObject({
      identifier: 'read-only',
      message: `MLQ_DATA_DIR (${mount}/empty) is on a read-only file system; choose a folder mlq can write to.`,
    });
    expect(empty.ms).toBeLessThan(2000);
    const missing = await refusal(join(mount, 'new', 'db'), cache);
    expect(missing).toMatchObject({
      identifier: 'cannot-create',
      message: `MLQ_DATA_DIR (${mount}/new/db) cannot be created (its parent is on a read-only file system); choose a folder mlq can write to, for example MLQ_DATA_DIR=.mlq-data.`,
    });
    expect(missing.ms).toBeLessThan(2000);
    expect(cacheState(cache)).toEqual(before);
  });

  it.runIf(canMount)('on a full disk removes only what this run made, says so, and keeps the prepared copies', async () => {
    const mount = mountTmpfs('size=1m')!;
    mkdirSync(join(mount, 'empty'));
    const before = cacheState(cache);

    expect(await refusal(join(mount, 'empty'), cache)).toMatchObject({
      identifier: 'no-space',
      message: `MLQ_DATA_DIR (${mount}/empty) is on a full disk (ENOSPC); free some space or choose another folder.`,
    });
    expect(readdirSync(join(mount, 'empty'))).toEqual([]);
    expect(await refusal(join(mount, 'new'), cache)).toMatchObject({ identifier: 'no-space' });
    expect(readdirSync(mount)).toEqual(['empty']);
    expect(cacheState(cache)).toEqual(before);
  });

  it("refuses a user's folder that has a file named base, deleting nothing", async () => {
    const dir = temp('user');
    writeFileSync(join(dir, 'notes.txt'), 'my notes');
    writeFileSync(join(dir, 'base'), 'a file, not a folder');
    mkdirSync(join(dir, 'important'));
    writeFileSync(join(dir, 'important', 'thesis.tex'), '\\section{Intro}');
    expect(await refusal(dir, cache)).toMatchObject({ identifier: 'not-mlq' });
    expect(readdirSync(dir).sort()).toEqual(['base', 'important', 'notes.txt']);
    expect(readFileSync(join(dir, 'important', 'thesis.tex'), 'utf8')).toBe('\\section{Intro}');
  });

  it('marks a new database as mlq, reopens it, and adopts a folder an earlier version made without the marker', async () => {
    const dir = join(temp('new'), 'db');
    await (await connect({ dataDir: dir, cacheDir: cache })).close();
    expect(JSON.parse(readFileSync(join(dir, 'mlq-data.json'), 'utf8'))).toEqual({ createdBy: 'mlq', complete: true });
    expect(existsSync(join(dir, 'mlq.lock'))).toBe(false);

    unlinkSync(join(dir, 'mlq-data.json'));
    const earlier = await connect({ dataDir: dir, cacheDir: cache });
    expect(await earlier.ping()).toBe(true);
    await earlier.close();
    expect(JSON.parse(readFileSync(join(dir, 'mlq-data.json'), 'utf8'))).toEqual({ createdBy: 'mlq', complete: true });
    rmSync(dir, { recursive: true });
  });

  it('the service stops with one sentence for a folder inside /proc instead of spinning', async () => {
    const run = startService({ MLQ_DATA_DIR: '/proc/forbidden' });
    run.child.stdin.end();
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toBe(
      'mlq: MLQ_DATA_DIR (/proc/forbidden) is inside /proc, which the operating system manages; choose a folder of your own, for example MLQ_DATA_DIR=.mlq-data.\n',
    );
  });
});
