import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createPostgresUrl, TEST_DB } from '../helpers/database.ts';

const run = promisify(execFile);
/** The built migration command the image runs before the service (`node dist/migrate-cli.js`). */
const migrate = (env: Record<string, string>) =>
  run(process.execPath, ['dist/migrate-cli.js'], { env: { PATH: process.env.PATH, ...env } });

describe('the built migration command', () => {
  it.runIf(TEST_DB === 'postgres')('migrates a new Postgres database once, then finds it up to date', async () => {
    const database = await createPostgresUrl({ empty: true });
    try {
      expect((await migrate({ DATABASE_URL: database.url })).stdout).toMatch(/^Applied 0001-initial, .*0018-member-reads to Postgres/);
      expect((await migrate({ DATABASE_URL: database.url })).stdout).toMatch(/is up to date\.\n$/);
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      const { rows } = await client.query<{ n: number }>('select count(*)::int as n from kysely_migration');
      await client.end();
      expect(rows[0]!.n).toBe(17);
    } finally {
      await database.drop();
    }
  });

  it.runIf(TEST_DB === 'pglite')('opens a new embedded data folder already migrated', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'mlq-migrate-cli-')), 'db');
    expect((await migrate({ MLQ_DATA_DIR: dataDir })).stdout).toBe(`embedded PGlite in ${dataDir} is up to date.\n`);
  });

  it('names a wrong setting in one sentence', async () => {
    const failed = await migrate({ DATABASE_URL: 'mysql://nowhere' }).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 1, stderr: expect.stringMatching(/^mlq: DATABASE_URL .*\n$/) });
  });
});
