import { PGlite } from '@electric-sql/pglite';
import { Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { PGliteDialect } from '../../src/store/pglite-dialect.ts';
import { TEST_DB } from '../helpers/database.ts';

describe.skipIf(TEST_DB === 'postgres')('Kysely on PGlite through our dialect', () => {
  it('rolls a failed transaction back, and keeps a query sent during a transaction out of it', async () => {
    const db = new Kysely<{ t: { v: number } }>({ dialect: new PGliteDialect({ pglite: new PGlite() }) });
    await sql`create table t (v int primary key)`.execute(db);
    const failed = db
      .transaction()
      .execute(async (trx) => {
        await trx.insertInto('t').values({ v: 1 }).execute();
        await trx.insertInto('t').values({ v: 1 }).execute();
      })
      .catch((error: Error) => error.message);
    await expect(failed).resolves.toMatch(/duplicate key/);
    expect(await db.selectFrom('t').selectAll().execute()).toEqual([]);

    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const open = db.transaction().execute(async (trx) => {
      await trx.insertInto('t').values({ v: 2 }).execute();
      await held;
      throw new Error('abandoned');
    });
    const outside = db.insertInto('t').values({ v: 3 }).execute();
    release();
    await expect(open).rejects.toThrow('abandoned');
    await outside;
    expect(await db.selectFrom('t').select('v').execute()).toEqual([{ v: 3 }]);
    const { numUpdatedRows } = await db.updateTable('t').set({ v: 4 }).executeTakeFirstOrThrow();
    expect(numUpdatedRows).toBe(1n);
    await db.destroy();
  });
});
