import { expect } from 'vitest';
import { fixed, questionText } from './question-text.ts';

/** A count as the bank writes it: rounded, with comma thousands separators. */
export const grouped = (value: number) => Math.round(value).toLocaleString('en-GB');

/** A value rounded to the nearest multiple of step. */
export const roundTo = (value: number, step: number) => Math.round(value / step) * step;

/** A share written as a percentage with fixed decimals. */
export const percent = (value: number, decimals = 0) => fixed(value * 100, decimals);

/** Asserts that question `id` states every phrase exactly as written. */
export function states(id: string, ...expected: string[]) {
  const text = questionText(id);
  for (const phrase of expected) expect(text, `${id} should state "${phrase}"`).toContain(phrase);
}

/** Asserts that a simulated value lies within tolerance of the value the text states. */
export function near(value: number, stated: number, tolerance: number) {
  expect(Math.abs(value - stated), `${value} is not near ${stated}`).toBeLessThan(tolerance);
}
