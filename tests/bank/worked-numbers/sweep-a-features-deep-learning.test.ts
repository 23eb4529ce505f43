import { describe, expect, it } from 'vitest';
import { fixed } from './question-text.ts';
import { selectionOnNoise, targetEncodingNoise } from './sweep-a-simulations.ts';
import { grouped, near, percent, roundTo, states } from './sweep-a-states.ts';

// Worked numbers of the features and deep-learning questions.
// Each result is computed here from the inputs the question states, then looked for in its text as written.

describe('features', () => {
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
