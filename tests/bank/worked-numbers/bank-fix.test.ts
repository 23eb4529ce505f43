// Worked numbers of the questions the bank-fix branch corrected, re-angled or added, recomputed from their stated inputs.
import { describe, expect, it } from 'vitest';
import { fixed, questionText } from './question-text.ts';

/** Asserts that question `id` states each recomputed result exactly as written. */
const states = (id: string, ...results: string[]) => {
  const text = questionText(id);
  for (const result of results) expect(text, `${id} should state ${result}`).toContain(result);
};

/** Asserts that every match of `pattern` in question `id` captures `expected`, so a number repeated in a key point cannot hide a wrong copy. */
const statesEverywhere = (id: string, pattern: RegExp, expected: string) => {
  const found = [...questionText(id).matchAll(pattern)].map((m) => m[1]);
  expect(found.length, `${id} should match ${pattern}`).toBeGreaterThan(0);
  for (const value of found) expect(value, `${id}: ${pattern}`).toBe(expected);
};

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const softmax = (logits: number[], temperature: number) => {
  const e = logits.map((z) => Math.exp(z / temperature));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
};
const percent = (share: number, decimals = 0) => `${fixed(share * 100, decimals)} %`;
const grouped = (n: number) => n.toLocaleString('en-GB');

describe('corrected questions', () => {
  it('calibration-check-and-fix: temperature reorders two rows on class 0 without changing their top class', () => {
    const a = [1, 0, 0];
    const b = [2, 1.9, -2];
    for (const row of [a, b]) expect(row.indexOf(Math.max(...row))).toBe(0);
    const [a1, b1, a2, b2] = [softmax(a, 1)[0]!, softmax(b, 1)[0]!, softmax(a, 2)[0]!, softmax(b, 2)[0]!];
    expect(a1).toBeGreaterThan(b1);
    expect(a2).toBeLessThan(b2);
    states(
      'calibration-check-and-fix',
      `give class 0 ${fixed(a1, 2)} and ${fixed(b1, 2)} at T = 1, then ${fixed(a2, 2)} and ${fixed(b2, 2)} at T = 2`,
    );
  });

  it('calibration-check-and-fix: prior correction after keeping one negative in ten', () => {
    const odds = (0.5 / (1 - 0.5)) * 0.1;
    states('calibration-check-and-fix', `becomes 0.1 / 1.1, about ${fixed(odds / (1 + odds), 2)}`);
  });

  it('the four corrected claims are gone', () => {
    expect(questionText('calibration-check-and-fix')).not.toContain('pushing scores to the extremes');
    expect(questionText('calibration-check-and-fix')).not.toContain('strictly monotonic, so the ranking and AUC stay the same');
    expect(questionText('random-forest-vs-gradient-boosting')).not.toContain('training error is already low');
    expect(() => questionText('detecting-overfitting-after-deployment')).toThrow();
    states('offline-online-gap-diagnosis', 'a score on clean held-out data already includes overfitting');
  });

  it('cost-based-threshold-selection: thresholds, expected losses and the value of a review slot', () => {
    expect(400 / 8).toBe(50);
    states(
      'cost-based-threshold-selection',
      `p > ${fixed(8 / 400, 2)}`,
      'a miss costs fifty times a review',
      `(expected loss €${3000 * 0.05})`,
      `(€${50 * 0.3})`,
      `0.09 × 400 − 8 = €${0.09 * 400 - 8}`,
      `Thresholds of ${fixed(8 / 200, 2)} down to ${fixed(8 / 800, 2)}`,
      `the threshold rises to about ${fixed(8 / (0.85 * 400), 3)}`,
    );
  });

  it('overfitting-remediation-plan: the smaller gap hides a worse validation score', () => {
    expect(0.85 - 0.79).toBeLessThan(0.99 - 0.8);
    expect(0.79).toBeLessThan(0.8);
    states('overfitting-remediation-plan', 'from 0.99/0.80 to 0.85/0.79');
  });
});

describe('re-angled questions', () => {
  it('batch-scoring-publish-checks: dropped customers and the jump in contacts', () => {
    expect(11 / 4).toBeCloseTo(2.75);
    states('batch-scoring-publish-checks', `means a join dropped ${percent(1 - 4.1 / 5)} of customers`, 'nearly three times as many');
  });

  it('new-entity-performance-gap: the blended recall hides the cold cohort', () => {
    states('new-entity-performance-gap', `0.9 × 0.80 + 0.1 × 0.45 = ${fixed(0.9 * 0.8 + 0.1 * 0.45, 3)}`);
  });

  it('chargeback-fraud-labels: fraud labelled legitimate before chargebacks arrive', () => {
    states('chargeback-fraud-labels', 'only 55 % of eventual chargebacks', `labels ${100 - 55} % of its fraud as legitimate`);
  });

  it('retiring-models-to-cut-maintenance: upkeep against value, and the people freed', () => {
    const days = 6 * 4;
    const cost = days * 600;
    expect(cost).toBeGreaterThan(10_000);
    states(
      'retiring-models-to-cut-maintenance',
      `costs ${days} days a year`,
      `£${grouped(cost)}`,
      `is ${0.7 * 5} people on upkeep`,
      `about ${fixed((0.7 * 5) / 3, 1)} people`,
    );
  });

  it('overparameterised-net-generalisation: parameters per training image', () => {
    states('overparameterised-net-generalisation', `At ${300e6 / 1e6} parameters per image`);
  });
});

describe('new questions', () => {
  it('linear-regression-assumptions: log-scale back-transform bias', () => {
    const factor = Math.exp(0.5 ** 2 / 2);
    states('linear-regression-assumptions', `≈ ${fixed(factor, 2)} times`, `about ${percent(1 - 1 / factor)} low`);
  });

  it('logistic-regression-odds-ratios: odds ratios and probability changes at two baselines', () => {
    const ratio = Math.exp(0.4);
    const low = (0.1 / 0.9) * ratio;
    const mid = 1 * ratio;
    const lowP = low / (1 + low);
    const midP = mid / (1 + mid);
    expect(midP - 0.5).toBeGreaterThan(0.095);
    expect(midP - 0.5).toBeLessThan(0.1);
    states(
      'logistic-regression-odds-ratios',
      `exp(0.4) ≈ ${fixed(ratio, 2)}`,
      `exp(−0.9) ≈ ${fixed(Math.exp(-0.9), 2)}`,
      `about ${percent(1 - Math.exp(-0.9))} lower odds`,
      `(odds ${fixed(0.1 / 0.9, 3)})`,
      `odds of ${fixed(low, 3)}`,
      `about ${percent(lowP, 1)}: ${fixed((lowP - 0.1) * 100, 1)} points`,
      `about ${percent(midP, 1)}, almost 10 points`,
    );
    statesEverywhere('logistic-regression-odds-ratios', /(\d\.\d+) per ticket/g, fixed(ratio, 2));
  });

  it('logistic-regression-separation: half a count per cell under Firth', () => {
    states('logistic-regression-separation', `40.5 / 41 ≈ ${fixed(40.5 / 41, 3)}`);
    expect(500 / 800).toBeGreaterThan(0.5);
  });

  it('explore-exploit-bandits: epsilon-greedy traffic shares and the cost of exploring', () => {
    const epsilon = 0.1;
    const arms = 5;
    const leader = 1 - epsilon + epsilon / arms;
    const others = 1 - leader;
    const lostPerImpression = others * (0.05 - 0.04);
    states(
      'explore-exploit-bandits',
      `the leader gets ${percent(leader)} of impressions and every other variant ${percent(epsilon / arms)}`,
      `those ${percent(others)} of exploring impressions cost ${fixed(lostPerImpression * 100, 2)} clicks per 100 impressions, ${Math.round(lostPerImpression * 1e6)} clicks per million`,
      'four fifths of traffic',
    );
  });

  it('isolation-forest-anomaly-scores: c(256) and the scores for 4 and 10 splits', () => {
    const n = 256;
    const c = 2 * (Math.log(n - 1) + 0.5772156649) - (2 * (n - 1)) / n;
    const score = (h: number) => 2 ** (-h / c);
    states(
      'isolation-forest-anomaly-scores',
      `c is about ${fixed(c, 1)}`,
      `4 splits on average scores about ${fixed(score(4), 2)}`,
      `10 splits about ${fixed(score(10), 2)}`,
    );
  });

  it('server-anomaly-alerts-without-labels: windows a day, pages and the rate the budget allows', () => {
    const windows = 3000 * 1440;
    states(
      'server-anomaly-alerts-without-labels',
      `is ${windows / 1e6} million scored windows a day`,
      `would page ${grouped(windows * 0.001)} times`,
      `about ${fixed((10 / windows) * 1e6, 1)} false alarms per million windows`,
      `recall on known incidents is ${percent(9 / 12)}`,
    );
  });

  it('off-policy-evaluation-ips-doubly-robust: logging probabilities, matches, weights and effective sample size', () => {
    const top = 0.95 + 0.05 / 10;
    const other = 0.05 / 10;
    const visits = 1_000_000;
    const agreeMatches = visits * 0.6 * top;
    const disagreeMatches = visits * 0.4 * other;
    const sumW = agreeMatches / top + disagreeMatches / other;
    const sumW2 = agreeMatches / top ** 2 + disagreeMatches / other ** 2;
    const ess = sumW ** 2 / sumW2;
    expect(sumW).toBeCloseTo(visits, 3);
    expect(Math.round(ess / 100) * 100).toBe(12_400);
    states(
      'off-policy-evaluation-ips-doubly-robust',
      `its top pick has probability ${top} and each other candidate ${other}`,
      `about ${grouped(Math.round(disagreeMatches))} matches, each weighted ${1 / other}, stand in for ${grouped(visits * 0.4)} visits`,
      'is about 12,400',
    );
  });

  it('difference-in-differences-parallel-trends: additive and proportional estimates', () => {
    const additive = 1150 - 1000 - (880 - 800);
    const proportional = 1150 - 1000 * (880 / 800);
    states(
      'difference-in-differences-parallel-trends',
      `150 − 80 = ${additive}`,
      `${percent(additive / 1000)} of the launch city's pre-launch level`,
      `The comparison city grew ${percent(880 / 800 - 1)}`,
      `would have reached ${grouped(1000 * (880 / 800))} anyway and the effect is ${Math.round(proportional)}, not ${additive}`,
      `The count-based answer is ${percent(additive / proportional - 1)} larger`,
      `Orders rose ${percent(150 / 1000)} in the launch city`,
      `so ${1150 - 880} more orders`,
    );
    statesEverywhere('difference-in-differences-parallel-trends', /150 − 80 = (\d+)/g, String(additive));
  });

  it('shap-lime-explanation-pitfalls: log-odds contributions are not additive in probability', () => {
    const start = sigmoid(-3);
    const middle = sigmoid(-1.5);
    states(
      'shap-lime-explanation-pitfalls',
      `from ${fixed(start, 3)} to ${sigmoid(0)}`,
      `the first one counted moves it ${fixed(middle - start, 3)} and the second ${fixed(0.5 - middle, 3)}`,
    );
  });

  it('annotator-agreement-cohens-kappa: chance agreement, kappa and agreement on urgent tickets', () => {
    const chance = 0.9 * 0.9 + 0.1 * 0.1;
    const kappa = (0.9 - chance) / (1 - chance);
    const disagreements = Math.round(1000 * (1 - 0.9));
    const onlyA = disagreements / 2;
    const bothUrgent = 100 - onlyA;
    states(
      'annotator-agreement-cohens-kappa',
      `0.9 × 0.9 + 0.1 × 0.1 = ${percent(chance)}`,
      `(0.90 − 0.82) / 0.18 ≈ ${fixed(kappa, 2)}`,
      `has ${onlyA} urgent calls the other rejects, so they agree on only ${bothUrgent} urgent tickets`,
      'the other confirms half',
    );
    expect(bothUrgent / 100).toBe(0.5);
    statesEverywhere('annotator-agreement-cohens-kappa', /\/ 0\.18 ≈ (\d\.\d+)/g, fixed(kappa, 2));
    states('annotator-agreement-cohens-kappa', `chance alone gives ${percent(chance)} agreement, so kappa is only ${fixed(kappa, 2)}`);
  });

  it('machine-unlearning-deletion-requests: retraining cost and shards left untouched by a batch', () => {
    states(
      'machine-unlearning-deletion-requests',
      `costs ${grouped(300 * 8)} GPU-hours a month`,
      `only ${fixed(10 * 0.9 ** 30, 1)} of 10 shards untouched`,
    );
  });

  it('membership-inference-differential-privacy: the attack bound at two values of epsilon', () => {
    states(
      'membership-inference-differential-privacy',
      `at most ${percent(Math.E * 0.01, 1)} true positives`,
      `e^ε is about ${grouped(Math.round(Math.exp(8)))}`,
    );
  });
});
