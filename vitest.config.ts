import { defineConfig } from 'vitest/config';
import { databaseFreeTests } from './tests/helpers/database-free.ts';
import SlowFirst from './tests/helpers/slow-first.ts';

/**
 * On Postgres (MLQ_TEST_DB=postgres) the files that never touch the database MLQ_TEST_DB picks are left out: they run
 * the same on either database, and CI runs them in its PGlite run. MLQ_TEST_ALL=1 keeps them.
 */
const skipped = process.env.MLQ_TEST_DB === 'postgres' && !process.env.MLQ_TEST_ALL ? databaseFreeTests(import.meta.dirname) : [];

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['**/node_modules/**', ...skipped],
    globalSetup: ['scripts/build.mjs', 'tests/helpers/postgres-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // A good share of the suite waits (on service processes, paced posts, Postgres): three workers keep two cores busy.
    maxWorkers: 3,
    // Files share their worker's module graph (and on PGlite its one in-memory database, emptied per test): half the
    // CPU of a run, which otherwise goes to importing and transforming the same modules once per file.
    isolate: false,
    sequence: { sequencer: SlowFirst },
  },
});
