import { join, resolve } from 'node:path';
import { loadBank } from './bank/load.ts';
import { ParseCache } from './bank/parse-cache.ts';
import { cacheDir } from './cache-dir.ts';
import { bankSeed } from './store/bank-seed.ts';
import { prepareEmbedded } from './store/connect.ts';

/**
 * Run after `npm install` and in the image build: makes the bank's parse cache, the migrated PGlite template and its
 * copy with the bank synced, so that the first `npm start` opens a new database in about 1 s instead of about 6 s.
 * It never fails the install.
 */
async function prepare(): Promise<void> {
  const started = performance.now();
  const dir = cacheDir();
  const bank = loadBank(resolve('questions'), ParseCache.open(join(dir, 'bank-parse.json')));
  const seeded = await prepareEmbedded({ seed: bankSeed(bank.questions) });
  if (!seeded) throw new Error(`${dir} cannot be written`);
  process.stdout.write(
    `mlq: prepared the embedded database template and the bank cache in ${dir} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`,
  );
}

prepare().catch((error: unknown) => {
  process.stdout.write(
    `mlq: the start-up cache was not prepared (${error instanceof Error ? error.message : String(error)}); the first start will take a few seconds longer.\n`,
  );
});
