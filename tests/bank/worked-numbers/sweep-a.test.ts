import { describe, expect, it } from 'vitest';
import { fixed, questionText } from './question-text.ts';

// Worked numbers of the fundamentals, statistics, evaluation, features and deep-learning questions:
// each result is computed here from the inputs the question states, then looked for in its text as written.

const grouped = (value: number) => Math.round(value).toLocaleString('en-GB');
const roundTo = (value: number, step: number) => Math.round(value / step) * step;
const states = (id: string, ...expected: string[]) => {
  const text = questionText(id);
  for (const phrase of expected) expect(text, `${id} should state "${phrase}"`).toContain(phrase);
};

describe('fundamentals', () => {
  it('bagging-vs-boosting-mechanics: variance of an average of correlated models', () => {
    const variance = (rho: number, b: number) => rho + (1 - rho) / b;
    states('bagging-vs-boosting-mechanics', `from ${fixed(variance(0.5, 10), 2)}σ² to about ${fixed(variance(0.5, 1000), 2)}σ²`);
  });

  it('boosting-learning-rate-vs-trees: trees needed at an intermediate rate', () => {
    const trees = (500 * 0.1) / 0.03;
    expect(trees / 5000).toBeCloseTo(1 / 3, 2);
    states('boosting-learning-rate-vs-trees', `try 0.03 with about ${grouped(roundTo(trees, 100))} trees`, 'at a third of the cost');
  });

  it('curse-of-dimensionality-distance-methods: side of a sub-cube holding 10 % of the points', () => {
    const side = (d: number) => 0.1 ** (1 / d);
    states(
      'curse-of-dimensionality-distance-methods',
      `which is ${fixed(side(10), 2)} of each axis in 10 dimensions and ${fixed(side(100), 2)} in 100`,
    );
  });

  it('decision-tree-split-criteria: Gini of a candidate split', () => {
    const gini = (p: number) => 1 - (p ** 2 + (1 - p) ** 2);
    const left = gini(35 / 40);
    const right = gini(15 / 60);
    const children = 0.4 * left + 0.6 * right;
    states(
      'decision-tree-split-criteria',
      `has Gini ${gini(0.5)}`,
      `Left Gini is 1 − (${35 / 40}² + ${5 / 40}²) ≈ ${fixed(left, 3)}`,
      `right Gini is 1 − (${15 / 60}² + ${45 / 60}²) = ${fixed(right, 3)}`,
      `≈ ${fixed(children, 2)} and the gain is about ${fixed(0.5 - children, 2)}`,
    );
  });

  it('gradient-descent-learning-rate: steps to shrink w a thousandfold on L(w) = w²', () => {
    const steps = (eta: number) => Math.log(1000) / -Math.log(Math.abs(1 - 2 * eta));
    states(
      'gradient-descent-learning-rate',
      `With η = 0.1 the factor is ${fixed(1 - 2 * 0.1, 1)} and w shrinks a thousandfold in about ${Math.round(steps(0.1))} steps`,
      `With η = 0.01 the factor is ${fixed(1 - 2 * 0.01, 2)} and the same progress takes about ${roundTo(steps(0.01), 10)} steps`,
      `With η = 1.1 the factor is −${fixed(2 * 1.1 - 1, 1)}`,
    );
  });

  it('l1-vs-l2-regularisation: a feature recorded in pence instead of pounds', () => {
    states('l1-vs-l2-regularisation', `needs a coefficient ${100 / 1} times smaller`);
  });

  it('learning-curve-label-budget: extrapolated gain, label cost and payback', () => {
    const first = 0.83 - 0.8;
    const second = 0.845 - 0.83;
    expect(second / first).toBeCloseTo(0.5, 9);
    const gain = second / 2;
    const cost = 50_000 * 0.4;
    const yearly = (gain / 0.01) * 15_000;
    states(
      'learning-curve-label-budget',
      `100,000 rows suggests about ${fixed(0.845 + gain, 4)}`,
      `50,000 labels cost $${grouped(cost)}`,
      `a ${fixed(gain, 4)} gain is worth about $${grouped(yearly)} a year, a payback of about ${Math.round((cost / yearly) * 12)} months`,
    );
  });

  it('model-choice-under-constraints: value of the AUC gap and tree comparisons', () => {
    states(
      'model-choice-under-constraints',
      `the gap is worth about $${grouped(150 * 4000)} a year`,
      `500 trees of depth 6 is ${grouped(500 * 6)} comparisons`,
    );
  });

  it('naive-bayes-when-it-works: double-counted likelihood ratio', () => {
    states('naive-bayes-when-it-works', `treats the evidence as a ratio of ${3 * 3}`);
  });

  it('overfitting-detection-in-practice: rounds after the validation minimum', () => {
    states('overfitting-detection-in-practice', `the last ${grouped(2000 - 300)} rounds were memorising`);
  });

  it('parameters-vs-hyperparameters: leaf values and model fits', () => {
    states(
      'parameters-vs-hyperparameters',
      `up to 800 × ${2 ** 4} = ${grouped(800 * 2 ** 4)} leaf values`,
      `which is ${60 * 5} model fits`,
    );
  });

  it('random-forest-decorrelation-failure-modes: a split drawing 100 of 10,000 features misses all 10 relevant ones', () => {
    let miss = 1;
    for (let i = 0; i < 100; i++) miss *= (10_000 - 10 - i) / (10_000 - i);
    expect(Math.sqrt(10_000)).toBe(100);
    states('random-forest-decorrelation-failure-modes', `contains none of the 10 about ${Math.round(miss * 100)} % of the time`);
  });

  it('random-forest-out-of-bag-error: the 1/e out-of-bag share', () => {
    const out = Math.exp(-1);
    expect((1 - 1 / 100_000) ** 100_000).toBeCloseTo(out, 5);
    states(
      'random-forest-out-of-bag-error',
      `1/e ≈ ${fixed(out, 3)}`,
      `about ${fixed((1 - out) * 100, 1)} % of the distinct rows, and about ${fixed(out * 100, 1)} % are out of bag`,
      `out of bag for about ${Math.round(500 * out)} of them`,
    );
  });

  it('tree-ensembles-production-cost: node comparisons per prediction', () => {
    states('tree-ensembles-production-cost', `2,000 trees of depth 8 mean ${grouped(2000 * 8)} node comparisons`);
  });
});
