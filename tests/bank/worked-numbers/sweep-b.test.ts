// Worked numbers of the mlops, system-design, case-studies and behavioural questions, recomputed from their stated inputs.
import { describe, expect, it } from 'vitest';
import { fixed, questionText } from './question-text.ts';

/** Asserts that question `id` states each recomputed result exactly as written. */
const states = (id: string, ...results: string[]) => {
  const text = questionText(id);
  for (const result of results) expect(text, `${id} should state ${result}`).toContain(result);
};

describe('mlops worked numbers', () => {
  it('compression-quantisation-distillation-pruning: INT8 shrink and the distil-then-quantise estimate', () => {
    const shrink = 32 / 8;
    const quantisedRatio = 45 / 80;
    const distilled = 80 * (6 / 12);
    states('compression-quantisation-distillation-pruning', `about ${shrink}x`, `about ${Math.floor(distilled * quantisedRatio)} ms`);
    expect(distilled * quantisedRatio).toBeLessThan(80 / 3);
  });

  it('drift-alert-fatigue: expected false alarms from 300 daily tests', () => {
    states('drift-alert-fatigue', `about ${300 * 0.05} false alarms a day`, `about three false alarms a day`);
    expect(300 * 0.01).toBe(3);
  });

  it('feature-drift-psi-ks: PSI of the quartile example and the KS critical value at 100,000 rows a side', () => {
    const reference = [0.25, 0.25, 0.25, 0.25];
    const current = [0.1, 0.2, 0.3, 0.4];
    const psi = current.reduce((sum, c, i) => sum + (c - reference[i]) * Math.log(c / reference[i]), 0);
    const n = 100_000;
    const critical = 1.358 * Math.sqrt((n + n) / (n * n));
    states('feature-drift-psi-ks', `PSI is about ${fixed(psi, 2)}`, `D above roughly ${fixed(critical, 3)}`);
  });

  it('halving-inference-latency: the budget before and after', () => {
    expect(60 + 45 + 15).toBe(120);
    states('halving-inference-latency', 'from 120 ms to 60 ms', `22 + 20 + 15 = ${22 + 20 + 15} ms`);
  });

  it('prediction-feedback-loops: fraud let through by a 1 % holdout', () => {
    const fraudPerDay = 1_000_000 * 0.01 * 0.002;
    states(
      'prediction-feedback-loops',
      `about ${fraudPerDay} fraudulent transactions a day`,
      `roughly $${(fraudPerDay * 150).toLocaleString('en-GB')} a day`,
    );
  });

  it('random-forest-inference-speedup: traversal time with 150 of 500 trees', () => {
    states('random-forest-inference-speedup', `falls to about ${(30 * 150) / 500} ms`);
  });

  it('reproducing-past-predictions-for-audit: a month of logged feature vectors', () => {
    const gigabytes = (2_000_000 * 300 * 4) / 1e9;
    states('reproducing-past-predictions-for-audit', `about ${gigabytes} GB a month`);
  });

  it('training-serving-skew: matching and mismatching shares add up', () => {
    expect(97 + 3).toBe(100);
    states('training-serving-skew', 'for 97 % of requests', 'the other 3 %');
  });
});
