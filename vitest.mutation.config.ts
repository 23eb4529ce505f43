import { defineConfig } from 'vitest/config';

const CORE_ONLY = process.env.MLQ_MUTATION_SUITE === 'core';

/**
 * The suite Stryker runs against each mutant: the core's own tests, the flows through a real embedded store, the
 * terminal's in-process conversations, the web page's routes (served from the test's own process) and the pure
 * pacing tests (the pacer on a fake clock, the claim size).
 * MLQ_MUTATION leaves out the two long scheduling simulations (about 30 s), which would otherwise run for every mutant
 * in the scheduler; the shorter scheduling, DST and limit tests cover the same rules. MLQ_MUTATION_SUITE=core runs
 * only the pure tests in tests/core (not interactions, which opens a store): a quick lower bound for the pure rule
 * files, each of whose mutants would otherwise run every flow test that touches it.
 */
export default defineConfig({
  test: {
    include: CORE_ONLY
      ? ['tests/core/**/*.test.ts', 'tests/pace/pacer.test.ts', 'tests/pace/claim-size.test.ts']
      : [
          'tests/core/**/*.test.ts',
          'tests/pace/pacer.test.ts',
          'tests/pace/claim-size.test.ts',
          'tests/flows/**/*.test.ts',
          'tests/console/replies.test.ts',
          'tests/console/grading.test.ts',
          'tests/console/mock.test.ts',
          'tests/console/pairs.test.ts',
          'tests/console/archive.test.ts',
          'tests/console/privacy.test.ts',
          'tests/web/web-routes.test.ts',
          'tests/metrics.test.ts',
        ],
    exclude: CORE_ONLY ? ['tests/core/interactions.test.ts', '**/node_modules/**'] : ['**/node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    isolate: false,
    setupFiles: ['tests/helpers/mutation-setup.ts'],
    env: { MLQ_TEST_DB: 'pglite', MLQ_MUTATION: '1' },
  },
});
