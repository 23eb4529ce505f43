import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['scripts/build.mjs', 'tests/helpers/postgres-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 2,
    // Files share their worker's module graph (and on PGlite its one in-memory database, emptied per test): half the
    // CPU of a run, which otherwise goes to importing and transforming the same modules once per file.
    isolate: false,
  },
});
