import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../src/bank/load.ts';
import { bankSeed } from '../../src/store/bank-seed.ts';
import { connect, prepareEmbedded } from '../../src/store/connect.ts';
import { createRepository } from '../../src/store/repository.ts';
import { TEST_DB } from '../helpers/database.ts';

const entries = loadBank(resolve('questions')).questions;

describe('the bank as a store seed', () => {
  it('is keyed by every question id and content hash, whatever their order', () => {
    const key = bankSeed(entries).key;
    expect(key).toMatch(/^[0-9a-f]{12}$/);
    expect(bankSeed([...entries].reverse()).key).toBe(key);
    expect(bankSeed(entries.slice(1)).key).not.toBe(key);
    expect(bankSeed(entries.map((e, i) => (i === 0 ? { ...e, hash: `${e.hash}x` } : e))).key).not.toBe(key);
  });

  it.skipIf(TEST_DB === 'postgres')(
    'gives a new embedded data folder the whole bank, which the start-up sync then finds unchanged',
    async () => {
      const seed = bankSeed(entries);
      expect(await prepareEmbedded({ seed })).toBe(true);
      const store = await connect({ seed, dataDir: join(mkdtempSync(join(tmpdir(), 'mlq-seed-data-')), 'db') });
      try {
        const repo = createRepository(store.db);
        expect((await repo.questionCandidates()).length).toBe(entries.length);
        expect(await repo.syncQuestions(entries, new Date())).toEqual({ added: 0, updated: 0, retired: 0, unchanged: entries.length });
      } finally {
        await store.close();
      }
    },
  );
});
