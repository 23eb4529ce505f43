import fc from 'fast-check';

/**
 * Mutation runs only: each property test stops after 300 ms (passing if no counterexample turned up by then), so the
 * 10,000-line parser property does not take seconds for every mutant of the parser; the regular suite is unaffected.
 */
fc.configureGlobal({ interruptAfterTimeLimit: 300 });
