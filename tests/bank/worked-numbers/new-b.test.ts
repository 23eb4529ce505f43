import { describe, expect, it } from 'vitest';
import { fixed, questionText } from './question-text.ts';

/** Asserts that question `id` states every expected string as written. */
function states(id: string, ...expected: string[]) {
  const text = questionText(id);
  for (const value of expected) expect(text, `${id} should state ${value}`).toContain(value);
}

const grouped = (value: number) => Math.round(value).toLocaleString('en-GB');
const percent = (share: number, decimals = 0) => `${fixed(share * 100, decimals)} %`;

describe('worked numbers in the new-b questions', () => {
  it('safety-guardrail-latency-false-refusals: base rates of a safety classifier', () => {
    const requests = 2_000_000;
    const harmful = requests * 0.005;
    const caught = harmful * 0.9;
    const falseBlocks = (requests - harmful) * 0.01;
    expect(caught).toBe(9000);
    expect(falseBlocks).toBe(19900);
    states('safety-guardrail-latency-false-refusals', `blocks ${grouped(caught)} harmful requests and ${grouped(falseBlocks)} benign ones`);
    states('safety-guardrail-latency-false-refusals', `only about ${percent(caught / (caught + falseBlocks))} of blocks`);
  });

  it('llm-red-teaming-programme: rule of three for zero successes', () => {
    const attempts = 300;
    expect(percent(3 / attempts)).toBe('1 %');
    // The exact one-sided 95 % bound, 1 - 0.05^(1/n), is close to 3/n.
    expect(Math.abs(1 - 0.05 ** (1 / attempts) - 3 / attempts)).toBeLessThan(0.0002);
    states('llm-red-teaming-programme', `zero successes in ${attempts} attempts`, 'below about 1 %', `3/${attempts}`);
  });
});
