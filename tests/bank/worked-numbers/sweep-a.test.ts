import { describe, expect, it } from 'vitest';
import { fixed } from './question-text.ts';
import { twoSidedP } from './sweep-a-maths.ts';
import { grouped, percent, roundTo, states } from './sweep-a-states.ts';

// Worked numbers of the fundamentals and evaluation questions (helper sweep-a; statistics, features and deep learning
// are in the sibling sweep-a-*.test.ts files).
// Each result is computed here from the inputs the question states, then looked for in its text as written.

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

describe('evaluation', () => {
  const chiSquareP = (chi: number) => twoSidedP(Math.sqrt(chi));

  it('ab-test-new-model: users per arm and the sample ratio mismatch example', () => {
    states(
      'ab-test-new-model',
      `gives about ${grouped((16 * 0.05 * 0.95) / 0.001 ** 2)} users per arm`,
      `(${0.05 * 0.02 * 100} percentage points)`,
    );
    const [a, b] = [506_000, 494_000];
    expect(chiSquareP(((a - 500_000) ** 2 + (b - 500_000) ** 2) / 500_000)).toBeLessThan(1e-20);
  });

  it('accuracy-misleads-on-imbalanced-data: confusion matrix of 10,000 transactions', () => {
    const [tp, fp, fn] = [80, 250 - 80, 100 - 80];
    const tn = 10_000 - tp - fp - fn;
    states(
      'accuracy-misleads-on-imbalanced-data',
      `TP ${tp}, FP ${fp}, FN ${fn}, TN ${grouped(tn)}`,
      `Its accuracy is ${percent((tp + tn) / 10_000, 1)} %`,
      `catches ${percent(tp / (tp + fn))} % of fraud (recall ${fixed(tp / (tp + fn), 2)})`,
      `(precision ${fixed(tp / (tp + fp), 2)})`,
    );
  });

  it('comparing-two-models-significance: McNemar statistics and the interval for the gain', () => {
    const mcnemar = (b: number, c: number) => (b - c) ** 2 / (b + c);
    const gap = (75 - 45) / 2000;
    const se = Math.sqrt((75 + 45) / 2000 - gap ** 2) / Math.sqrt(2000);
    states(
      'comparing-two-models-significance',
      `A ${fixed(0.015 * 100, 1)}-point gap is ${2000 * 0.015} rows`,
      `(75 − 45)² / (75 + 45) = ${mcnemar(75, 45)} gives p ≈ ${fixed(chiSquareP(mcnemar(75, 45)), 3)}`,
      `gives ${(275 - 245) ** 2} / ${275 + 245} ≈ ${fixed(mcnemar(275, 245), 1)} and p ≈ ${fixed(chiSquareP(mcnemar(275, 245)), 2)}`,
      `roughly ${fixed((gap - 1.96 * se) * 100, 1)} to ${fixed((gap + 1.96 * se) * 100, 1)} points`,
    );
  });

  it('error-analysis-by-slices: standard error of a slice recall', () => {
    states('error-analysis-by-slices', `a standard error near ${fixed(Math.sqrt((0.52 * 0.48) / 40), 2)}`);
  });

  it('fairness-metrics-across-groups: four-fifths ratio', () => {
    states('fairness-metrics-across-groups', `28 % approved against 40 % is a ratio of ${fixed(28 / 40, 2)}`);
  });

  it('grouped-cross-validation: patients per fold and images', () => {
    states('grouped-cross-validation', `each fold holds ${500 / 5}`, `than to ${grouped(500 * 20)} images`);
  });

  it('higher-auc-not-shipped: the AUC gap in points', () => {
    states('higher-auc-not-shipped', `gain ${['zero', 'one', 'two', 'three', 'four'][Math.round((0.91 - 0.87) * 100)]} points of AUC`);
  });

  it('hyperparameter-search-strategies: random trials hitting the top 5 %', () => {
    states('hyperparameter-search-strategies', `1 − 0.95^60 ≈ ${percent(1 - 0.95 ** 60)} %`, `${5 * 5} fits try only five values`);
  });

  it('k-fold-cross-validation-basics: mean and spread of five fold scores', () => {
    const scores = [0.81, 0.84, 0.79, 0.86, 0.8];
    const mean = scores.reduce((a, b) => a + b) / 5;
    const sd = Math.sqrt(scores.reduce((a, s) => a + (s - mean) ** 2, 0) / 4);
    states('k-fold-cross-validation-basics', `average ${fixed(mean, 2)} with a standard deviation near ${fixed(sd, 2)}`);
  });

  it('ndcg-vs-map-at-k: NDCG@3 with linear gains', () => {
    const dcg = (gains: number[]) => gains.reduce((sum, g, i) => sum + g / Math.log2(i + 2), 0);
    states(
      'ndcg-vs-map-at-k',
      `DCG = 3 + 2/${fixed(Math.log2(3), 3)} ≈ ${fixed(dcg([3, 2, 0]), 2)}`,
      `the ideal DCG ≈ ${fixed(dcg([3, 2, 2]), 2)}, so NDCG@3 ≈ ${fixed(dcg([3, 2, 0]) / dcg([3, 2, 2]), 2)}`,
    );
  });

  it('nested-cv-tuning-optimism: fits in a nested search', () => {
    states('nested-cv-tuning-optimism', `5 outer × 5 inner × 300 settings is ${grouped(5 * 5 * 300)} fits`);
  });

  it('precision-recall-f1-from-confusion-matrix: worked screening example and the harmonic mean', () => {
    const [tp, fp, fn] = [40, 60 - 40, 50 - 40];
    states(
      'precision-recall-f1-from-confusion-matrix',
      `TP = ${tp}, FP = ${fp}, FN = ${fn}`,
      `Precision = 40/60 ≈ ${fixed(tp / (tp + fp), 2)}, recall = 40/50 = ${fixed(tp / (tp + fn), 2)}, F1 = ${2 * tp}/${2 * tp + fp + fn} ≈ ${fixed((2 * tp) / (2 * tp + fp + fn), 2)}`,
      `clearing the ${grouped(2000 - tp - fp - fn)} healthy patients`,
      `the arithmetic mean is ${fixed((1 + 0.02) / 2, 2)}`,
      `the harmonic mean is about ${fixed((2 * 0.02) / 1.02, 2)}`,
    );
  });

  it('rmse-mae-mape-choice: MAE and RMSE of the worked errors, and the pinball quantile', () => {
    const errors = [2, 2, 2, 2, 12];
    const mae = errors.reduce((a, b) => a + b) / 5;
    const rmse = Math.sqrt(errors.reduce((a, e) => a + e * e, 0) / 5);
    states('rmse-mae-mape-choice', `give MAE ${mae} but RMSE about ${fixed(rmse, 1)}`, `at the ${(3 / (3 + 1)) * 100}th percentile`);
  });

  it('roc-auc-ranking-interpretation: pairs and false alarms', () => {
    states(
      'roc-auc-ranking-interpretation',
      `make ${3 * 4} positive-negative pairs`,
      `AUC = 10/12 ≈ ${fixed(10 / 12, 2)}`,
      `about ${['nine', 'ten'][Math.round(999 * 0.01) - 9]} false alarms`,
    );
  });

  it('roc-auc-vs-pr-auc-imbalance: false alarms at TPR 0.80 and FPR 0.01', () => {
    const [caught, alarms] = [1000 * 0.8, 999_000 * 0.01];
    states(
      'roc-auc-vs-pr-auc-imbalance',
      `catches ${caught} frauds and raises about ${grouped(alarms)} false alarms, so precision is about ${percent(caught / (caught + alarms), 1)} %`,
      `roughly ${['eleven', 'twelve', 'thirteen'][Math.round(alarms / caught) - 11]} false alarms per catch`,
    );
    const halved = 500 * 0.8;
    expect(halved / (halved + 999_500 * 0.01) / (caught / (caught + alarms))).toBeCloseTo(0.5, 1);
  });

  it('simple-baseline-before-complex-model: the AUC gain', () => {
    states('simple-baseline-before-complex-model', `what is ${fixed(0.851 - 0.842, 3)} AUC worth`);
  });

  it('train-validation-test-split-roles: interval for 90 % accuracy on 1,000 rows', () => {
    const se = Math.sqrt((0.9 * 0.1) / 1000);
    states(
      'train-validation-test-split-roles',
      `≈ ${fixed(se * 100, 2)} points, so the 95 % interval is about ±${fixed(1.96 * se * 100, 1)} points`,
      `one ${800 * 0.2}-row validation split`,
    );
  });
});
