import { defineConfig } from 'vitest/config';

/** The suite Stryker runs against each mutant: the core's own tests and the flows through a real embedded store. */
export default defineConfig({
  test: {
    include: ['tests/core/**/*.test.ts', 'tests/flows/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    env: { MLQ_TEST_DB: 'pglite' },
  },
});
