import { describe, expect, it } from 'vitest';
import { fixed, questionText } from './question-text.ts';
import { crossingProbability, normalCdf, normalQuantile, phi, solveIncreasing, twoSidedP } from './sweep-a-maths.ts';
import { selectionOnNoise, targetEncodingNoise } from './sweep-a-simulations.ts';

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

describe('statistics', () => {
  const percent = (value: number, decimals = 0) => fixed(value * 100, decimals);

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

describe('evaluation', () => {
  const percent = (value: number, decimals = 0) => fixed(value * 100, decimals);
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

describe('features', () => {
  const percent = (value: number, decimals = 0) => fixed(value * 100, decimals);
  const near = (value: number, stated: number, tolerance: number) =>
    expect(Math.abs(value - stated), `${value} is not near ${stated}`).toBeLessThan(tolerance);

  it('cyclical-time-features: sine values and distances on the hour circle', () => {
    const point = (hour: number) => [Math.sin((2 * Math.PI * hour) / 24), Math.cos((2 * Math.PI * hour) / 24)] as const;
    const distance = (a: number, b: number) => Math.hypot(point(a)[0] - point(b)[0], point(a)[1] - point(b)[1]);
    expect(fixed(point(3)[0], 3)).toBe(fixed(point(9)[0], 3));
    states(
      'cyclical-time-features',
      `the same value (about ${fixed(point(3)[0], 3)})`,
      `23:00 and 01:00 are about ${fixed(distance(23, 1), 2)} apart while 11:00 and 23:00 are ${fixed(distance(11, 23), 0)} apart`,
    );
  });

  it('feature-scaling-which-models-care: contributions of unscaled age and income gaps', () => {
    states(
      'feature-scaling-which-models-care',
      `A 10-year age gap adds ${10} to the distance while a 1,000 income gap adds ${grouped(1000)}`,
    );
  });

  it('feature-selection-inside-cv and split-before-fitting-preprocessing: feature selection on pure noise', () => {
    const { outside, inside } = selectionOnNoise([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    near(outside, 0.9, 0.03);
    near(inside, 0.5, 0.05);
    for (const id of ['feature-selection-inside-cv', 'split-before-fitting-preprocessing'])
      states(id, 'nearest-centroid classifier gave about 90 % accuracy', 'gave about 50 %, the truth');
  });

  it('high-cardinality-categorical-options: hash collisions of 200,000 IDs in 2^18 buckets', () => {
    const buckets = 2 ** 18;
    const shared = 1 - (1 - 1 / buckets) ** (200_000 - 1);
    near(shared, 0.5, 0.05);
    states(
      'high-cardinality-categorical-options',
      `2^18 (about ${grouped(roundTo(buckets, 1000))}) buckets, roughly half the IDs share a bucket`,
    );
  });

  it('imbalanced-classes-first-steps: positive counts, the trivial accuracy and balanced weights', () => {
    const weight = (share: number) => 1 / (2 * share);
    states(
      'imbalanced-classes-first-steps',
      `2 % of a million rows is ${grouped(0.02 * 1e6)} positives`,
      `2 % of 2,000 is ${0.02 * 2000}`,
      `scores ${100 - 2} % accuracy`,
      `that is ${weight(0.02)} for positives and about ${fixed(weight(0.98), 2)} for negatives, a ratio of ${Math.round(weight(0.02) / weight(0.98))}`,
    );
  });

  it('outliers-error-or-signal: squared error of a residual of 100', () => {
    states('outliers-error-or-signal', `cost ${grouped(100 ** 2 / 1 ** 2)} times as much`);
  });

  it('target-encoding-leakage: AUCs of a target-encoded noise column', () => {
    const auc = targetEncodingNoise([1, 2, 3, 4, 5]);
    near(auc.inSample, 0.87, 0.01);
    near(auc.test, 0.5, 0.01);
    near(auc.outOfFold, 0.5, 0.01);
    near(auc.smoothed, 0.86, 0.01);
    states(
      'target-encoding-leakage',
      'an AUC near 0.87 on training rows and 0.50 on test rows',
      'training AUC fell to 0.50',
      'the in-sample AUC stayed near 0.86',
      `a third of it is the row's own label`,
    );
  });

  it('undersampling-probability-correction: prior after keeping 10 % of negatives and the correction', () => {
    const w = 0.1;
    const corrected = (q: number) => (w * q) / (w * q + 1 - q);
    states(
      'undersampling-probability-correction',
      `1 positive for every ${fixed(99 * w, 1)} negatives, a positive rate of about ${percent(1 / (1 + 99 * w), 1)} %`,
      `really has a probability of about ${fixed(corrected(0.5), 2)}`,
      `${fixed(w * 0.5, 2)} / (${fixed(w * 0.5, 2)} + 0.5) ≈ ${fixed(corrected(0.5), 3)}`,
      `adding log(w), about ${fixed(Math.log(w), 1)}, to the intercept`,
      `by 1 / w = ${1 / w} in training`,
    );
    near(0.01 / corrected(0.01), 1 / w, 1);
  });
});

describe('deep-learning', () => {
  const fp16Max = (2 - 2 ** -10) * 2 ** 15;

  it('adam-vs-sgd-momentum-choice: fp32 optimiser state for a billion parameters', () => {
    states(
      'adam-vs-sgd-momentum-choice',
      `carries ${(2 * 4 * 1e9) / 1e9} GB of fp32 optimiser state against ${(4 * 1e9) / 1e9} GB for momentum SGD`,
    );
  });

  it('adamw-decoupled-weight-decay: per-step shrinkage at lr 3e-4 and decay 0.1', () => {
    states('adamw-decoupled-weight-decay', `weights shrink ${fixed(3e-4 * 0.1 * 100, 3)} % per step`);
  });

  it('attention-mechanism-why-it-changed-nlp: recurrent steps from token 1 to token 500', () => {
    states('attention-mechanism-why-it-changed-nlp', `reaches token 500 only through ${500 - 1} sequential updates`);
  });

  it('relu-gelu-vs-sigmoid-activations: the sigmoid slope peaks at 0.25 and is small beyond ±4', () => {
    const slope = (x: number) => Math.exp(-x) / (1 + Math.exp(-x)) ** 2;
    const peak = Math.max(...Array.from({ length: 2001 }, (_, i) => slope(-10 + i / 100)));
    expect(slope(4)).toBeLessThan(0.02);
    states('relu-gelu-vs-sigmoid-activations', `the sigmoid's slope never exceeds ${peak}`);
  });

  it('attention-quadratic-cost-long-documents: score memory and where attention FLOPs dominate', () => {
    const share = (n: number, d: number) => (4 * n * n * d) / (24 * n * d * d + 4 * n * n * d);
    expect(share(32_768, 1024)).toBeGreaterThan(0.8);
    expect(share(512, 1024)).toBeLessThan(0.1);
    states(
      'attention-quadratic-cost-long-documents',
      `32,768² × 2 bytes, about ${fixed((32_768 ** 2 * 2) / 1e9, 1)} GB per layer`,
      `only once n exceeds about ${24 / 4}d`,
      `around ${grouped(roundTo(6 * 1024, 1000))} tokens`,
    );
  });

  it('backprop-vanishing-exploding-gradients: ten sigmoid slopes and checkpointing cost', () => {
    expect(Math.round(Math.log10(0.25 ** 10))).toBe(-6);
    const [forward, backward] = [1, 2];
    expect(forward / (forward + backward)).toBeCloseTo(1 / 3, 9);
    states('backprop-vanishing-exploding-gradients', 'by 0.25^10, about one millionth', 'about a third more compute');
  });

  it('bpe-tokenisation-vocabulary-size: embedding parameters', () => {
    states('bpe-tokenisation-vocabulary-size', `50,000 tokens × 768 dimensions is ${fixed((50_000 * 768) / 1e6, 1)} million parameters`);
  });

  it('convolution-weight-sharing-receptive-field: dense versus convolutional weights', () => {
    states(
      'convolution-weight-sharing-receptive-field',
      `about ${roundTo((224 * 224 * 3 * 1000) / 1e6, 10)} million weights (${grouped(224 * 224 * 3)} × 1,000)`,
      `3 × 3 × 64 × 128 = ${grouped(3 * 3 * 64 * 128)} weights`,
      `${1 + 2}, ${1 + 2 * 2}, then ${1 + 2 * 3} pixels`,
      `use ${3 * 3 * 3}·C² weights against ${7 * 7}·C²`,
    );
  });

  it('debugging-network-that-does-not-learn: initial loss and the floor with a softmax before cross-entropy', () => {
    const floor = Math.log(Math.E + 9) - 1;
    states(
      'debugging-network-that-does-not-learn',
      `ln(10) ≈ ${fixed(Math.log(10), 2)}`,
      `the best reachable loss was about ${fixed(floor, 2)}`,
    );
  });

  it('dropout-training-vs-inference: inverted-dropout scale', () => {
    states('dropout-training-vs-inference', `each kept value is scaled by ${1 / (1 - 0.2)}`);
  });

  it('embeddings-vs-one-hot-encoding: embedding table size', () => {
    states('embeddings-vs-one-hot-encoding', `is ${fixed((50_000 * 512) / 1e6, 1)} million parameters`);
  });

  it('large-batch-scaling-critical-batch-size: wall-clock and examples processed', () => {
    states(
      'large-batch-scaling-critical-batch-size',
      `Wall-clock improves up to ${40_000 / 8000} times`,
      `processed ${fixed((16_384 * 8000) / (1024 * 40_000), 1)} times as many examples`,
    );
  });

  it('learning-rate-warmup-and-decay: warm-up share', () => {
    states('learning-rate-warmup-and-decay', `over 2,000 steps (${(2000 / 100_000) * 100} %)`);
  });

  it('lora-vs-full-fine-tuning: adapter size and Adam memory per parameter', () => {
    const [full, adapter] = [4096 * 4096, 2 * 4096 * 8];
    states(
      'lora-vs-full-fine-tuning',
      `has ${fixed(full / 1e6, 1)} million weights`,
      `2 × 4,096 × 8 = ${grouped(adapter)}, about ${fixed((adapter / full) * 100, 1)} %`,
      `roughly ${2 + 2 + 4 + 4 + 4} bytes per trained parameter`,
    );
  });

  it('mixed-precision-fp16-bf16-loss-scaling: fp16 and bf16 ranges and spacing', () => {
    expect(1e-4).toBeLessThan(2 ** -10 / 2);
    states(
      'mixed-precision-fp16-bf16-loss-scaling',
      `its maximum is ${grouped(fp16Max)}`,
      `normal numbers stop near ${fixed(2 ** -14 * 1e5, 0)}e-5`,
      `fp16 values are about ${fixed(2 ** -10, 3)} apart and bf16 about ${fixed(2 ** -7, 3)}`,
      `two to three significant digits`,
    );
    expect(8 * Math.log10(2)).toBeGreaterThan(2);
    expect(8 * Math.log10(2)).toBeLessThan(3);
  });

  it('training-loss-spikes-large-transformer: Adam step after one dominant gradient', () => {
    const step = (beta2: number) => (1 - 0.9) / Math.sqrt(1 - beta2);
    states(
      'training-loss-spikes-large-transformer',
      `around ${Math.round(step(0.999))} x lr at beta2 = 0.999`,
      `about ${fixed(step(0.95), 2)} x lr`,
    );
  });

  it('weight-initialisation-xavier-he: He scale and the explosion with standard deviation 1', () => {
    const growth = Math.sqrt(512 * 1 * 0.5);
    let layers = 0;
    for (let std = 1; std <= fp16Max; std *= growth) layers++;
    states(
      'weight-initialisation-xavier-he',
      `sqrt(2 / 512) = ${Math.sqrt(2 / 512)}`,
      `by about ${512 * 0.5} (512 × 1 × ½)`,
      `grows ${growth}-fold per layer`,
      `within ${['zero', 'one', 'two', 'three', 'four'][layers]} layers`,
    );
  });
});
