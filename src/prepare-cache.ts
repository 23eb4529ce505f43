import { join, resolve } from 'node:path';
import { loadBank } from './bank/load.ts';
import { ParseCache } from './bank/parse-cache.ts';
import { cacheDir } from './cache-dir.ts';
import { connect } from './store/connect.ts';

/**
 * Run after `npm install`: makes the migrated PGlite template and the bank's parse cache, so that the first
 * `npm start` opens a new database in about 1.5 s instead of about 6 s. It never fails the install.
 */
async function prepare(): Promise<void> {
  const started = performance.now();
  const dir = cacheDir();
  loadBank(resolve('questions'), ParseCache.open(join(dir, 'bank-parse.json')));
  const store = await connect({});
  await store.close();
  process.stdout.write(`mlq: prepared the embedded database template and the bank cache in ${dir} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
}

prepare().catch((error: unknown) => {
  process.stdout.write(`mlq: the start-up cache was not prepared (${error instanceof Error ? error.message : String(error)}); the first start will take a few seconds longer.\n`);
});
