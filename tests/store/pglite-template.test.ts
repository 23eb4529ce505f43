import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { schemaKey } from '../../src/store/migrate.ts';
import { CopyDestinationError, openPglite, prepareSeed, seededBase, templateBase } from '../../src/store/pglite-template.ts';
import { TEST_DB } from '../helpers/database.ts';

const temp = (name: string) => mkdtempSync(join(tmpdir(), `mlq-${name}-`));

/** A template of one table, prepared once for the file (a new PGlite costs seconds); tests that do not test preparing itself copy it. */
const SHARED = {
  key: 'shared',
  prepare: async (p: { exec(sql: string): Promise<unknown> }) => void (await p.exec('create table marks (note text)')),
};
let sharedCache = '';
const cacheCopy = (name: string) => {
  const dir = temp(name);
  cpSync(sharedCache, dir, { recursive: true });
  return { ...SHARED, cacheDir: dir };
};

describe.skipIf(TEST_DB === 'postgres')('new PGlite databases start from a cached template', () => {
  beforeAll(async () => {
    sharedCache = temp('cache-shared');
    await (await openPglite(undefined, { ...SHARED, cacheDir: sharedCache })).close();
  });

  it('prepares the template once, then copies it into new data folders and memory, and reopens existing folders', async () => {
    const cacheDir = temp('cache');
    let prepared = 0;
    const options = {
      cacheDir,
      key: 'k1',
      prepare: async (p: { exec(sql: string): Promise<unknown> }) => {
        prepared++;
        await p.exec('create table marks (note text)');
      },
    };
    const first = await openPglite(join(temp('data'), 'db'), options);
    await first.exec("insert into marks values ('first')");
    await first.close();
    expect(existsSync(join(templateBase(options), 'PG_VERSION'))).toBe(true);

    const dir = join(temp('data'), 'db');
    const second = await openPglite(dir, options);
    expect((await second.query('select count(*)::int as n from marks')).rows).toEqual([{ n: 0 }]);
    await second.exec("insert into marks values ('second')");
    await second.close();
    const reopened = await openPglite(dir, options);
    expect((await reopened.query('select note from marks')).rows).toEqual([{ note: 'second' }]);
    await reopened.close();

    const memory = await openPglite(undefined, options);
    expect((await memory.query('select count(*)::int as n from marks')).rows).toEqual([{ n: 0 }]);
    await memory.close();
    expect(prepared).toBe(1);

    const other = await openPglite(undefined, { ...options, key: 'k2' });
    await other.close();
    expect(prepared).toBe(2);
    expect(readdirSync(cacheDir).filter((f) => f.includes('k1'))).toEqual([]);
  });

  it('still opens a new database when the cache folder cannot be written, or holds a damaged copy', async () => {
    const blocker = join(temp('cache-ro'), 'a-file');
    writeFileSync(blocker, '');
    const options = {
      cacheDir: join(blocker, 'mlq'),
      key: 'ro',
      prepare: async (p: { exec(sql: string): Promise<unknown> }) => void (await p.exec('create table t (a int)')),
    };
    const db = await openPglite(undefined, options);
    expect((await db.query('select count(*)::int as n from t')).rows).toEqual([{ n: 0 }]);
    await db.close();

    const damaged = cacheCopy('cache-bad');
    writeFileSync(join(templateBase(damaged), 'PG_VERSION'), 'garbage');
    const inFolder = await openPglite(join(temp('data'), 'db'), damaged);
    expect((await inFolder.query('select count(*)::int as n from marks')).rows).toEqual([{ n: 0 }]);
    await inFolder.close();

    await (await openPglite(undefined, damaged)).close();
    writeFileSync(`${templateBase(damaged)}.tar`, 'not a tar file');
    const inMemory = await openPglite(undefined, damaged);
    expect((await inMemory.query('select count(*)::int as n from marks')).rows).toEqual([{ n: 0 }]);
    await inMemory.close();
  });

  it('starts a new data folder from the seeded copy made for its seed key, and from the plain template otherwise', async () => {
    const options = cacheCopy('cache-seed');
    const seed = (note: string) => ({
      key: note,
      apply: async (p: { exec(sql: string): Promise<unknown> }) => void (await p.exec(`insert into marks values ('${note}')`)),
    });
    const notes = async (dataDir: string | undefined, seedKey?: string) => {
      const db = await openPglite(dataDir, { ...options, seedKey });
      const rows = (await db.query<{ note: string }>('select note from marks')).rows.map((r) => r.note);
      const buffers = (await db.query<{ shared_buffers: string }>('show shared_buffers')).rows[0]?.shared_buffers;
      await db.close();
      return { rows, buffers };
    };

    expect(await prepareSeed(options, seed('bank-a'))).toBe(true);
    expect(await notes(join(temp('data'), 'db'), 'bank-a')).toEqual({ rows: ['bank-a'], buffers: '32MB' });
    expect((await notes(join(temp('data'), 'db'), 'bank-b')).rows).toEqual([]);
    expect((await notes(undefined, 'bank-a')).rows).toEqual([]);

    expect(await prepareSeed(options, seed('bank-b'))).toBe(true);
    expect(existsSync(seededBase(options, 'bank-a'))).toBe(false);
    expect((await notes(join(temp('data'), 'db'), 'bank-b')).rows).toEqual(['bank-b']);

    writeFileSync(join(seededBase(options, 'bank-b'), 'global', 'pg_control'), 'garbage');
    expect((await notes(join(temp('data'), 'db'), 'bank-b')).rows).toEqual([]);
    expect(existsSync(seededBase(options, 'bank-b'))).toBe(false);
  });

  it('removes only what a failed copy put into the folder, and keeps a sound cached copy when the folder is at fault', async () => {
    const options = cacheCopy('cache-dest');
    const { cacheDir } = options;
    expect(await prepareSeed(options, { key: 'bank', apply: async () => undefined })).toBe(true);
    const cached = readdirSync(cacheDir).sort();
    const dir = temp('dest');
    writeFileSync(join(dir, 'notes.txt'), 'my notes');
    writeFileSync(join(dir, 'base'), 'a file where the copy needs a folder');
    mkdirSync(join(dir, 'important'));
    writeFileSync(join(dir, 'important', 'thesis.tex'), '\\section{Intro}');

    await expect(openPglite(dir, { ...options, seedKey: 'bank' })).rejects.toBeInstanceOf(CopyDestinationError);
    expect(readdirSync(dir).sort()).toEqual(['base', 'important', 'notes.txt']);
    expect(readFileSync(join(dir, 'important', 'thesis.tex'), 'utf8')).toBe('\\section{Intro}');
    expect(readdirSync(cacheDir).sort()).toEqual(cached);
    expect(existsSync(join(seededBase(options, 'bank'), 'PG_VERSION'))).toBe(true);
  });

  it('keys the template on the migration files, so that editing one makes a new template', () => {
    const dir = temp('migrations');
    const before = schemaKey(dir);
    writeFileSync(join(dir, '0001-initial.ts'), 'export async function up() {}');
    expect(schemaKey(dir)).not.toBe(before);
    expect(schemaKey()).toMatch(/^[0-9a-f]{12}$/);
  });
});
