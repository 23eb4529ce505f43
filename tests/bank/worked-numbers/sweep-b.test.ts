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
    const reference = 0.25;
    const current = [0.1, 0.2, 0.3, 0.4];
    const psi = current.reduce((sum, c) => sum + (c - reference) * Math.log(c / reference), 0);
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

describe('system-design worked numbers', () => {
  it('ads-ctr-prediction-calibration: undoing negative downsampling at w = 0.1', () => {
    const q = 0.09;
    const w = 0.1;
    const denominator = q + (1 - q) / w;
    states(
      'ads-ctr-prediction-calibration',
      `0.09 / ${fixed(denominator, 2)} ≈ ${fixed(q / denominator, 4)}`,
      `about ${fixed((100 * q) / denominator, 2)} %`,
    );
  });

  it('ann-search-recall-vs-latency: exact-search work and memory, and the PQ-compressed size', () => {
    const vectors = 50e6;
    states(
      'ann-search-recall-vs-latency',
      `about ${fixed((vectors * 768) / 1e9, 0)} billion multiply-adds`,
      `≈ ${fixed((vectors * 768 * 4) / 1e9, 0)} GB`,
      `about ${fixed((vectors * 64) / 1e9, 1)} GB`,
    );
  });

  it('batch-vs-online-serving-cost: wasted batch share, request rates and the freshness value', () => {
    const perSecond = (10e6 * 5) / 86_400;
    expect(Math.round(perSecond / 10) * 10).toBe(580);
    expect(Math.round((3 * perSecond) / 100) * 100).toBe(1700);
    states('batch-vs-online-serving-cost', `${(100 * (80 - 10)) / 80} %`, 'about 580 a second', 'perhaps 1,700', `£${0.01 * 200} million`);
  });

  it('content-moderation-thresholds-and-review: review capacity as a share of uploads', () => {
    states('content-moderation-thresholds-and-review', `is ${(100 * 20_000) / 5e6} % of traffic`);
  });

  it('dynamic-pricing-system: profit before and after a 5 % rise at elasticity -2', () => {
    const units = 100 * (1 + -2 * 0.05);
    states(
      'dynamic-pricing-system',
      `to ${units}`,
      `100 × ${20 - 12} = £${100 * (20 - 12)}`,
      `${units} × ${21 - 12} = £${units * (21 - 12)}`,
    );
  });

  it('embedding-model-upgrade-reindex: re-embedding time and raw vector memory', () => {
    const gpuSeconds = 300e6 / 5000;
    states(
      'embedding-model-upgrade-reindex',
      `${gpuSeconds.toLocaleString('en-GB')} GPU-seconds`,
      `about ${Math.round(gpuSeconds / 3600)} GPU-hours`,
      `≈ ${Math.round((300e6 * 256 * 4) / 1e9)} GB`,
    );
  });

  it('ml-design-round-structure: 2 million reviews a day as a rate', () => {
    states('ml-design-round-structure', `about ${Math.round(2e6 / 86_400)} per second`);
  });

  it('near-duplicate-minhash-lsh: pair count and the banding S-curve', () => {
    const candidate = (s: number) => 1 - (1 - s ** 8) ** 16;
    expect(20e6 ** 2 / 2).toBe(2e14);
    states(
      'near-duplicate-minhash-lsh',
      '2 × 10^14',
      `about ${fixed(candidate(0.8), 2)} at s = 0.8`,
      `about ${fixed(candidate(0.5), 2)} at s = 0.5`,
      `≈ ${fixed((1 / 16) ** (1 / 8), 2)}`,
    );
  });

  it('rag-assistant-production-risks: resolution net of customers who come back', () => {
    states('rag-assistant-production-risks', 'closes 60 % of chats and 25 % of customers come back', `as few as ${60 - 25} %`);
  });

  it('rag-assistant-retrieval-pipeline: questions whose evidence never reaches the model', () => {
    expect(10 - 7).toBe(3);
    states('rag-assistant-retrieval-pipeline', 'for only 70 % of questions, the other three in ten');
  });

  it('real-time-fraud-detection-system: flagged share at 0.1 % fraud and the legitimate share of flags', () => {
    const fraud = 0.001;
    const flagged = 0.8 * fraud + 0.005 * (1 - fraud);
    const legitimateShare = (0.005 * (1 - fraud)) / flagged;
    expect(Math.abs(legitimateShare - 6 / 7)).toBeLessThan(0.01);
    states('real-time-fraud-detection-system', `≈ ${fixed(100 * flagged, 2)} % of traffic`, 'About six of every seven flags');
  });

  it('two-stage-recommender-funnel: scoring the whole catalogue', () => {
    states('two-stage-recommender-funnel', `takes ${(10e6 * 10) / 1e6} seconds per request`);
  });
});

describe('case-studies worked numbers', () => {
  it('ab-test-save-for-later-button: sample size, duration and the sample-ratio probe', () => {
    const p = 0.04;
    const delta = 0.042 - 0.04;
    const perArm = (16 * p * (1 - p)) / delta ** 2;
    expect(Math.round(perArm / 1000)).toBe(154);
    expect((2 * perArm) / 60_000).toBeGreaterThan(5);
    expect((2 * perArm) / 60_000).toBeLessThan(7);
    const extra = 0.508 * 600_000 - 300_000;
    const sd = Math.sqrt(600_000 * 0.25);
    states(
      'ab-test-save-for-later-button',
      `16 × ${fixed(p * (1 - p), 4)} / ${fixed(delta ** 2, 6)} ≈ 154,000`,
      `${extra.toLocaleString('en-GB')} extra users is about ${Math.round(extra / sd)} standard deviations (sd ≈ ${Math.round(sd)})`,
    );
  });

  it('accuracy-drop-before-blaming-drift: standard errors of the drop and accuracy under two class mixes', () => {
    const se = (n: number) => 100 * Math.sqrt((0.92 * 0.08) / n + (0.85 * 0.15) / n);
    expect(Math.round(7 / se(400))).toBe(3);
    const accuracy = (positives: number) => 100 * (positives * 0.7 + (1 - positives) * 0.95);
    states(
      'accuracy-drop-before-blaming-drift',
      `about ${fixed(se(400), 1)} points`,
      `about ${fixed(se(100), 1)} points`,
      `= ${fixed(accuracy(0.1), 1)} %`,
      `= ${fixed(accuracy(0.4), 0)} %`,
    );
  });

  it('advise-against-ml-refund-approvals: the monthly refund flow', () => {
    states('advise-against-ml-refund-approvals', `the whole flow is £${(300 * 40).toLocaleString('en-GB')} a month`);
  });

  it('b2b-feature-impact-few-accounts: agents needed per arm', () => {
    const effect = 0.05 * 5.0;
    states('b2b-feature-impact-few-accounts', `16 × 1.5² / ${fixed(effect, 2)}² ≈ ${Math.round((16 * 1.5 ** 2) / effect ** 2)} agents`);
  });

  it('churn-uplift-vs-propensity-targeting: customers saved per 20,000 offered', () => {
    states(
      'churn-uplift-vs-propensity-targeting',
      `about ${Math.round(20_000 * (0.4 - 0.38))} customers saved`,
      `about ${Math.round(20_000 * (0.15 - 0.09)).toLocaleString('en-GB')} saved`,
    );
  });

  it('clicks-up-revenue-down-after-launch: chance hits, the click example and the interval', () => {
    expect(20 * 0.05).toBe(1);
    expect(fixed(5.4 / 5.0 - 1, 2)).toBe('0.08');
    expect((-3.2 + 0.2) / 2).toBe(-1.5);
    states('clicks-up-revenue-down-after-launch', 'up 8 %', 'from 5.0 % to 5.4 %', 'down 1.5 %', 'from −3.2 % to +0.2 %');
  });

  it('clinic-no-show-imbalance-questions: positives and the two action thresholds', () => {
    states(
      'clinic-no-show-imbalance-questions',
      `about ${(40_000 * 0.08).toLocaleString('en-GB')} no-shows`,
      `p above about ${fixed((100 * 2) / (0.25 * 120), 1)} %`,
      `p above ${Math.floor((100 * 60) / (120 + 60))} %`,
    );
  });

  it('demand-forecast-stockouts-promotions: newsvendor quantiles', () => {
    states('demand-forecast-stockouts-promotions', `the ${(100 * 1) / (1 + 3)}th percentile`, `the ${(100 * 2) / (2 + 0.5)}th`);
  });

  it('duplicate-events-inflated-evaluation: split pairs and contaminated test rows', () => {
    const splitPairs = 2 * 0.8 * 0.2;
    const contaminated = (splitPairs * 0.08) / (0.2 * 1.08);
    states('duplicate-events-inflated-evaluation', `= ${fixed(splitPairs, 2)}`, `roughly ${Math.round(100 * contaminated)} % of test rows`);
  });

  it('estimate-lead-scoring-value-first: ceiling, realistic case and increment over the rule', () => {
    const all = 5000 * 0.03;
    const random = 2000 * 0.03;
    const model = 0.7 * all;
    const rule = 0.55 * all;
    states(
      'estimate-lead-scoring-value-first',
      `about ${all} conversions`,
      `gives about ${random}`,
      `+${all - random} conversions, about ${((all - random) * 1200).toLocaleString('en-GB')} a month`,
      `${model} conversions, +${model - random}, about ${((model - random) * 1200).toLocaleString('en-GB')} a month`,
      `${rule} conversions`,
      `${model - rule} conversions, about ${((model - rule) * 1200).toLocaleString('en-GB')} a month`,
    );
  });

  it('few-labels-ticket-classifier: the labels left for training', () => {
    states('few-labels-ticket-classifier', 'only 300 tickets', 'about 100 carefully checked', `on the other ${300 - 100}`);
  });

  it('fraud-new-market-launch-no-labels: fraud exposure against the cost of false declines', () => {
    const frauds = 500_000 * 0.001;
    const falseDeclines = 500_000 * (1 - 0.001) * 0.01;
    const lost = Math.round(falseDeclines / 1000) * 1000 * 0.2 * 200;
    expect(lost / (frauds * 60)).toBeGreaterThan(3);
    states(
      'fraud-new-market-launch-no-labels',
      `${frauds} frauds and at most ${(frauds * 60).toLocaleString('en-GB')} of losses`,
      `about ${(Math.round(falseDeclines / 1000) * 1000).toLocaleString('en-GB')} customers`,
      `that's ${lost.toLocaleString('en-GB')} a month`,
      `about ${(4 * frauds).toLocaleString('en-GB')} frauds`,
    );
  });

  it('gradual-conversion-decline-root-cause: a pure mix shift', () => {
    const rate = (newShare: number) => newShare * 2.0 + (1 - newShare) * 5.75;
    states('gradual-conversion-decline-root-cause', `from ${fixed(rate(0.2), 1)} % to ${fixed(rate(0.36), 1)} %`);
  });

  it('home-services-marketplace-first-model: shrunk ratings', () => {
    states(
      'home-services-marketplace-first-model',
      `(45 + 5) / 11 ≈ ${fixed(50 / 11, 2)}`,
      `(45 + ${40 * 4.8}) / 50 = ${fixed((45 + 40 * 4.8) / 50, 2)}`,
    );
  });

  it('labelling-budget-rare-prohibited-items: random positives and the budget split', () => {
    expect(1200 + 300 + 500).toBe(2000);
    states(
      'labelling-budget-rare-prohibited-items',
      `about ${2000 * 0.005} prohibited ones`,
      `${(1200 + 300).toLocaleString('en-GB')} labels for training and 500`,
    );
  });

  it('moderation-language-false-positives: wrongful removals by language and the slice interval', () => {
    const english = 1e6 * 0.8 * 0.98 * 0.005;
    const others = 1e6 * 0.2 * 0.98 * 0.04;
    expect(fixed(others / (english + others), 3)).toBe(fixed(2 / 3, 3));
    expect(Math.round(100 * 1.96 * Math.sqrt((0.04 * 0.96) / 300))).toBe(2);
    states(
      'moderation-language-false-positives',
      `${english.toLocaleString('en-GB')} wrongful removals in English and ${others.toLocaleString('en-GB')} elsewhere`,
    );
  });

  it('spam-prevalence-shift-after-launch: precision and flag rate at 5 % and 20 % spam, and the odds correction', () => {
    const at = (spam: number) => {
      const caught = spam * 0.9;
      const wrong = (1 - spam) * 0.02;
      return { caught, wrong, precision: caught / (caught + wrong), flagged: caught + wrong };
    };
    const before = at(0.05);
    const after = at(0.2);
    const odds = 0.2 / 0.8 / (0.05 / 0.95);
    expect(Math.round(after.flagged / before.flagged)).toBe(3);
    states(
      'spam-prevalence-shift-after-launch',
      `precision = ${fixed(before.caught, 3)} / (${fixed(before.caught, 3)} + ${fixed(before.wrong, 3)}) ≈ ${Math.round(100 * before.precision)} %, and ${fixed(100 * before.flagged, 1)} %`,
      `precision = ${fixed(after.caught, 2)} / (${fixed(after.caught, 2)} + ${fixed(after.wrong, 3)}) ≈ ${Math.round(100 * after.precision)} %, and ${fixed(100 * after.flagged, 1)} %`,
      `= ${fixed(odds, 2)}`,
      `about ${fixed(odds / (1 + odds), 2)}`,
    );
  });

  it('stakeholder-demands-99-percent-accuracy: recall, precision and accuracy of the useful model', () => {
    const urgent = 10_000 * 0.02;
    const caught = 0.9 * urgent;
    const accuracy = 1 - (400 - caught + (urgent - caught)) / 10_000;
    states(
      'stakeholder-demands-99-percent-accuracy',
      `about ${urgent} urgent ones`,
      `catch ${caught} of them`,
      `at least ${(100 * caught) / 400} % precision`,
      `${fixed(100 * accuracy, 1)} % accuracy`,
      'nearly half of flagged tickets',
    );
  });

  it('valuation-model-rural-overvaluation: true loan-to-value and the bias standard error', () => {
    states('valuation-model-rural-overvaluation', `0.80 × 1.15 ≈ ${Math.round(100 * 0.8 * 1.15)} %`, `about ${25 / Math.sqrt(100)} points`);
  });
});

describe('behavioural worked numbers', () => {
  it('accuracy-vs-interpretability-decision: the yearly cost of the default-rate gap, and half the AUC gap', () => {
    const lost = 50e6 * (0.034 - 0.031) * 0.45;
    expect(Math.round(lost / 10_000) * 10_000).toBe(70_000);
    states('accuracy-vs-interpretability-decision', 'about £70,000 a year', `reaching ${fixed((0.8 + 0.77) / 2, 3)}`);
  });

  it('explaining-forecast-to-non-technical-manager: order lines into pickers', () => {
    states('explaining-forecast-to-non-technical-manager', `is ${9000 / 600} to ${Math.ceil(10_500 / 600)} pickers`);
  });

  it('impact-when-model-was-one-part: two sequential falls in contacts combined', () => {
    states('impact-when-model-was-one-part', `about ${Math.round(100 * (1 - (1 - 0.09) * (1 - 0.14)))} % fewer contacts`);
  });

  it('messy-incomplete-data-decisions: rows recovered and rows excluded', () => {
    const missing = 400_000 * 0.12;
    const recovered = missing * 0.7;
    states(
      'messy-incomplete-data-decisions',
      `recovered ${recovered.toLocaleString('en-GB')} deliveries`,
      `remaining ${(missing - recovered).toLocaleString('en-GB')}, ${fixed((100 * (missing - recovered)) / 400_000, 1)} % of the total`,
    );
  });

  it('model-fell-short-of-expectations: errors on the test set and the shrunk manual queue', () => {
    expect(100 - 65).toBeCloseTo(100 / 3, -1);
    states('model-fell-short-of-expectations', `which is ${Math.round(2000 * (1 - 0.71))} errors`, 'roughly two thirds');
  });

  it('overruled-on-modelling-decision: catalogue size after seven months of 8 % growth', () => {
    states('overruled-on-modelling-decision', `about ${fixed(2.7 * 1.08 ** 7, 1)} million items`);
  });

  it('project-constraint-that-forced-a-decision: a doubled budget still cannot fit the per-request features', () => {
    expect(2 * 40).toBeLessThan(120);
    expect(5 - 4).toBe(1);
    states('project-constraint-that-forced-a-decision', `${2 * 40} ms still cannot fit the 120 ms`, 'about one point');
  });

  it('pushing-back-on-launch-deadline: the launch split covers everyone', () => {
    expect(20 + 10 + 70).toBe(100);
    states('pushing-back-on-launch-deadline', '20 % of customers', '10 % no personalised offer', '70 % the existing');
  });

  it('replacing-complex-model-with-simpler: the relative error gap', () => {
    states('replacing-complex-model-with-simpler', `about ${Math.round((100 * (42.0 - 41.2)) / 41.2)} % worse`);
  });

  it('system-you-would-rebuild-differently: tickets no longer re-routed', () => {
    states('system-you-would-rebuild-differently', `about ${(20_000 * (0.15 - 0.1)).toLocaleString('en-GB')} fewer re-routed tickets`);
  });

  it('telling-leadership-model-will-not-deliver: the interval is centred on the estimate', () => {
    expect((-0.4 + 1.6) / 2).toBeCloseTo(0.6, 10);
    states('telling-leadership-model-will-not-deliver', 'up 0.6 %', 'from minus 0.4 % to plus 1.6 %');
  });
});

describe('numbers repeated in the one-line tldr', () => {
  it('states the same results as the strong answers', () => {
    const perSecondAtPeak = (3 * (10e6 * 5)) / 86_400;
    expect(Math.round(perSecondAtPeak / 100) * 100).toBe(1700);
    states(
      'ann-search-recall-vs-latency',
      `${fixed((50e6 * 768) / 1e9, 0)} billion multiply-adds per query over ${fixed((50e6 * 768 * 4) / 1e9, 0)} GB`,
    );
    states('batch-vs-online-serving-cost', `${(100 * 70) / 80} % of nightly work`, 'about 1,700 requests a second at peak');
    states('two-stage-recommender-funnel', `takes ${(10e6 * 10) / 1e6} seconds a request`);
    states('stakeholder-demands-99-percent-accuracy', `a do-nothing model scores ${100 - 2} %`);
    expect(2000 * 0.005).toBe(10);
    states('labelling-budget-rare-prohibited-items', 'Random labels yield about ten positives');
  });
});
