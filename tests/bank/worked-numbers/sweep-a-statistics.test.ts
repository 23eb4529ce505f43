import { describe, expect, it } from 'vitest';
import { fixed } from './question-text.ts';
import { crossingProbability, normalCdf, normalQuantile, phi, solveIncreasing, twoSidedP } from './sweep-a-maths.ts';
import { grouped, percent, roundTo, states } from './sweep-a-states.ts';

// Worked numbers of the statistics questions.
// Each result is computed here from the inputs the question states, then looked for in its text as written.

describe('statistics', () => {
  it('ab-test-sample-size-mde: users per arm for 10 % to 11 % and to 10.5 %', () => {
    const zTerm = (normalQuantile(0.975) + normalQuantile(0.8)) ** 2;
    const perArm = (p1: number, p2: number) => (zTerm * (p1 * (1 - p1) + p2 * (1 - p2))) / (p2 - p1) ** 2;
    expect((1.96 + 0.84) ** 2).toBeCloseTo(7.84, 9);
    states(
      'ab-test-sample-size-mde',
      `the z-term is (1.96 + 0.84)² ≈ ${fixed(zTerm, 2)}`,
      `n ≈ ${fixed(zTerm, 2)} × (${fixed(0.1 * 0.9, 2)} + ${fixed(0.11 * 0.89, 4)}) / ${fixed(0.01 ** 2, 4)} ≈ ${grouped(roundTo(perArm(0.1, 0.11), 50))} users per arm`,
      `to about ${grouped(roundTo(perArm(0.1, 0.105), 1000))} per arm`,
      `needs about ${fixed((1 / 0.9 + 1 / 0.1) / (1 / 0.5 + 1 / 0.5), 1)} times the total traffic`,
    );
  });

  it('bayes-theorem-base-rate-fraud: share of flags that are fraud', () => {
    const share = (fraud: number, catchRate: number, falseRate: number) =>
      (fraud * catchRate) / (fraud * catchRate + (100_000 - fraud) * falseRate);
    const [caught, falseFlags] = [500 * 0.95, 99_500 * 0.02];
    states(
      'bayes-theorem-base-rate-fraud',
      `flags ${caught} of them`,
      `2 % gives ${grouped(falseFlags)} false flags`,
      `That is ${grouped(caught + falseFlags)} flags, of which only ${caught} / ${grouped(caught + falseFlags)} ≈ ${percent(share(500, 0.95, 0.02))} % are fraud`,
      `outnumber fraud ${99_500 / 500} to 1`,
      `lifts that share to about ${percent(share(500, 0.95, 0.01))} %`,
      `from 95 % to 99 % (about ${percent(share(500, 0.99, 0.02))} %)`,
      `${1000 * 0.95} true flags against ${grouped(99_000 * 0.02)} false ones, about ${percent(share(1000, 0.95, 0.02))} %`,
      `≈ ${percent((0.95 * 0.19) / (0.95 * 0.19 + 0.02 * 0.81))} %`,
    );
    expect(1 - share(500, 0.95, 0.02)).toBeCloseTo(0.8, 1);
  });

  it('bootstrap-intervals-when-it-fails: distinct rows in a resample', () => {
    states(
      'bootstrap-intervals-when-it-fails',
      `1 − 1/e ≈ ${percent(1 - Math.exp(-1), 1)} %`,
      `the roughly ${percent(Math.exp(-1), 1)} % of rows left out`,
    );
  });

  it('central-limit-theorem-skewed-metrics: standard error of revenue per user', () => {
    const se = (n: number) => 40 / Math.sqrt(n);
    expect(se(40_000)).toBe(0.2);
    states('central-limit-theorem-skewed-metrics', `10,000 users give a standard error of ${fixed(se(10_000), 2)} dollars`);
  });

  it('confidence-interval-meaning-width: visitors implied by a 0.4-point half-width', () => {
    const se = 0.004 / 1.96;
    states(
      'confidence-interval-meaning-width',
      `SE ≈ ${fixed(se * 100, 1)} points`,
      `≈ ${grouped(roundTo((0.042 * 0.958) / 0.002 ** 2, 1000))} visitors`,
      `halves the interval to about ±${fixed(1.96 * (se / 2) * 100, 1)} points`,
      `a multiplier of about ${fixed(normalQuantile(0.995), 2)}`,
      `between ${fixed(3.8 - 3.5, 1)} and ${fixed(4.6 - 3.5, 1)} points`,
      `only about ${2000 * 0.001} sign-ups are expected`,
    );
  });

  it('cuped-variance-reduction: variance factor and the correlation a two-week test needs', () => {
    const needed = Math.sqrt(1 - 2 / 6);
    expect(Math.round(6 * (1 - 0.7 ** 2))).toBe(3);
    states(
      'cuped-variance-reduction',
      `variance drops to ${percent(1 - 0.7 ** 2)} %, and six weeks become about three`,
      `1 − rho² ≈ ${fixed(2 / 6, 2)}, so rho ≈ ${fixed(needed, 2)}`,
      `a ${percent(0.2 ** 2)} % variance cut`,
    );
  });

  it('law-of-large-numbers-small-sample-rankings: noise ratio and Bayesian averages', () => {
    states(
      'law-of-large-numbers-small-sample-rankings',
      `about ${Math.round(Math.sqrt(2000 / 3))} times noisier`,
      `scores (${10 * 4.2} + ${3 * 5}) / ${10 + 3} ≈ ${fixed((42 + 15) / 13, 2)}`,
      `scores about ${fixed((42 + 2000 * 4.7) / 2010, 2)}`,
    );
  });

  it('marketplace-interference-cluster-randomisation: design effect of city randomisation', () => {
    const designEffect = 1 + (10_000 - 1) * 0.01;
    states(
      'marketplace-interference-cluster-randomisation',
      `gives a design effect of about ${roundTo(designEffect, 10)}`,
      `roughly ${roundTo(10_000 / designEffect, 10)} independent riders`,
    );
  });

  it('mle-vs-map-priors-regularisation: coin estimates', () => {
    const map = (heads: number, flips: number) => (heads + 2 - 1) / (flips + 2 + 2 - 2);
    states('mle-vs-map-priors-regularisation', `= 4/5 = ${map(3, 3)}`, `both give about ${fixed(300 / 500, 2)}`);
    expect(fixed(map(300, 500), 2)).toBe('0.60');
  });

  it('multiple-comparisons-fwer-fdr: family-wise error and corrected thresholds', () => {
    states(
      'multiple-comparisons-fwer-fdr',
      `1 − 0.95^20 ≈ ${percent(1 - 0.95 ** 20)} %`,
      `0.05 / 20 = ${0.05 / 20}`,
      `the second smallest p-value to be at most ${fixed((2 / 20) * 0.05, 3)}`,
    );
  });

  it('non-significant-result-non-inferiority: p-value implied by the interval for the difference', () => {
    const [low, high] = [-1.3, 0.5];
    const centre = (low + high) / 2;
    expect(centre).toBeCloseTo(39.6 - 40.0, 9);
    const se = (high - low) / 2 / normalQuantile(0.975);
    states('non-significant-result-non-inferiority', `hence p ≈ ${fixed(twoSidedP(centre / se), 1)}`);
  });

  it('novelty-primacy-effects: the three-week average lift', () => {
    states('novelty-primacy-effects', `the three-week average of about ${fixed((6 + 3 + 1.5) / 3, 1)} %`);
  });

  it('p-value-plain-language: p-values of the two worked examples', () => {
    const se = Math.sqrt((0.05 * 0.95) / 2e6 + (0.0505 * 0.9495) / 2e6);
    const interval = (0.76 - 0.04) / 2 / normalQuantile(0.975);
    expect((0.04 + 0.76) / 2).toBeCloseTo(5.4 - 5.0, 9);
    states(
      'p-value-plain-language',
      `is significant (p ≈ ${fixed(twoSidedP(0.0005 / se), 2)})`,
      `+0.76 points, p = ${fixed(twoSidedP(0.4 / interval), 2)}`,
    );
  });

  it("peeking-sequential-testing: false positives with repeated looks and the O'Brien-Fleming boundary", () => {
    const peeking = (looks: number) => crossingProbability(looks, (k) => normalQuantile(0.975) * Math.sqrt(k));
    states(
      'peeking-sequential-testing',
      `about ${percent(peeking(5))} % with 5 equally spaced looks, ${percent(peeking(10))} % with 10 and ${percent(peeking(20))} % with 20`,
    );
    const alpha = (c: number) => crossingProbability(5, () => c * Math.sqrt(5));
    expect(alpha(2.035)).toBeGreaterThan(0.05);
    expect(alpha(2.045)).toBeLessThan(0.05);
    states('peeking-sequential-testing', `(z ≈ ${fixed(2.04 * Math.sqrt(5), 2)} at the first look)`, `(z ≈ 2.04)`);
  });

  it('ratio-metrics-delta-method: design effect and the corrected p-value', () => {
    const designEffect = 1 + (20 - 1) * 0.05;
    const corrected = twoSidedP(normalQuantile(1 - 0.01 / 2) / Math.sqrt(designEffect));
    states(
      'ratio-metrics-delta-method',
      `≈ ${Math.round(designEffect)}: the true variance is double`,
      `is really about ${fixed(corrected, 3)}`,
    );
  });

  it('regression-to-the-mean-interventions: expected rebound at month-to-month correlation 0.5', () => {
    states(
      'regression-to-the-mean-interventions',
      `about ${0.5 * 16} points below it next month`,
      `exactly the ${16 - 0.5 * 16}-point "improvement"`,
    );
  });

  it('sample-ratio-mismatch-diagnosis: chi-square test of 50,000 against 48,800', () => {
    const expected = (50_000 + 48_800) / 2;
    const chi = ((50_000 - expected) ** 2 + (48_800 - expected) ** 2) / expected;
    states(
      'sample-ratio-mismatch-diagnosis',
      `A gap of ${grouped(50_000 - 48_800)} users`,
      `chi-square ≈ ${fixed(chi, 1)} and p ≈ ${fixed(twoSidedP(Math.sqrt(chi)), 4)}`,
      `The split is ${percent(50_000 / 98_800, 1)} / ${percent(48_800 / 98_800, 1)}`,
    );
  });

  it('simpsons-paradox-segment-reversal: per-device and pooled conversion', () => {
    states(
      'simpsons-paradox-segment-reversal',
      `400 / 2,000 = ${percent(400 / 2000)} %`,
      `90 / 400 = ${percent(90 / 400, 1)} %`,
      `40 / 800 = ${percent(40 / 800)} %`,
      `150 / 2,400 = ${percent(150 / 2400, 2)} %`,
      `${400 + 40} / ${grouped(2000 + 800)} = ${percent(440 / 2800, 1)} %`,
      `${90 + 150} / ${grouped(400 + 2400)} = ${percent(240 / 2800, 1)} %`,
    );
    expect(40 / 800 / (400 / 2000)).toBe(0.25);
  });

  it('type-i-type-ii-error-costs: misses at 30 % power and false hits across 20 metrics', () => {
    states('type-i-type-ii-error-costs', `missed ${percent(1 - 0.3)} % of the time`, `about ${percent(1 - 0.95 ** 20)} %`);
  });

  it('winners-curse-shipped-lifts: exaggeration at 30 % power and false wins', () => {
    const power = (d: number) => normalCdf(d - 1.96) + normalCdf(-d - 1.96);
    const exaggeration = (p: number) => {
      const d = solveIncreasing(power, p, 0, 10);
      const upper = d * (1 - normalCdf(1.96 - d)) + phi(1.96 - d);
      const lower = -d * normalCdf(-1.96 - d) + phi(1.96 + d);
      return (upper + lower) / power(d) / d;
    };
    const [trueWins, falseWins] = [10 * 0.8, (90 * 0.05) / 2];
    states(
      'winners-curse-shipped-lifts',
      `overstate the true effect by about ${fixed(exaggeration(0.3), 1)} times`,
      `about ${trueWins} true wins and about ${Math.round(falseWins)} false ones`,
    );
    expect(falseWins / (trueWins + falseWins)).toBeCloseTo(1 / 5, 1);
    expect(exaggeration(0.8)).toBeLessThan(1.15);
  });
});
