import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from '../config.ts';
import { connect, StoreError } from './connect.ts';
import { migrateToLatest } from './migrate.ts';

if (existsSync('.env')) process.loadEnvFile('.env');
const config = loadConfig(process.env);
if (!config.ok) {
  process.stderr.write(`mlq: ${config.message}\n`);
  process.exit(1);
}
const store = await connect({ databaseUrl: config.value.DATABASE_URL, dataDir: resolve(config.value.MLQ_DATA_DIR) }).catch((error: unknown) => {
  process.stderr.write(`mlq: ${error instanceof StoreError ? error.message : `the database could not be opened (${String(error)}).`}\n`);
  process.exit(1);
});
try {
  const applied = await migrateToLatest(store.db);
  console.log(applied.length ? `Applied ${applied.join(', ')} to ${store.describe}.` : `${store.describe} is up to date.`);
} catch (error) {
  process.stderr.write(`mlq: the migration failed on ${store.describe} (${error instanceof Error ? error.message : String(error)}).\n`);
  process.exitCode = 1;
} finally {
  await store.close();
}
