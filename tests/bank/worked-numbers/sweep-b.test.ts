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
