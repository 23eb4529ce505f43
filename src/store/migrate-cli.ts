import { resolve } from 'node:path';
import { loadConfig } from '../config.ts';
import { loadEnvFile } from '../env-file.ts';
import { connect, StoreError } from './connect.ts';
import { migrateToLatest } from './migrate.ts';

const envFile = loadEnvFile();
const config = envFile.ok ? loadConfig(process.env, envFile.value) : envFile;
if (!config.ok) {
  process.stderr.write(`mlq: ${config.message}\n`);
  process.exit(1);
}
const store = await connect({ databaseUrl: config.value.DATABASE_URL, dataDir: resolve(config.value.MLQ_DATA_DIR) }).catch(
  (error: unknown) => {
    process.stderr.write(`mlq: ${error instanceof StoreError ? error.message : `the database could not be opened (${String(error)}).`}\n`);
    process.exit(1);
  },
);
try {
  const applied = await migrateToLatest(store.db);
  console.log(applied.length ? `Applied ${applied.join(', ')} to ${store.describe}.` : `${store.describe} is up to date.`);
} catch (error) {
  process.stderr.write(`mlq: the migration failed on ${store.describe} (${error instanceof Error ? error.message : String(error)}).\n`);
  process.exitCode = 1;
} finally {
  await store.close();
}
