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
  it('contrastive-in-batch-negatives-temperature: negatives per query and softmax weight ratios', () => {
    expect(grouped(1024 - 1)).toBe('1,023');
    expect(fixed(Math.exp((0.6 - 0.2) / 1), 2)).toBe('1.49');
    expect(grouped(Math.exp((0.6 - 0.2) / 0.05))).toBe('2,981');
    states(
      'contrastive-in-batch-negatives-temperature',
      'B = 1,024 each query sees 1,023',
      'about 1.49 at τ = 1',
      'e^8 ≈ 2,981 at τ = 0.05',
    );
  });

  it('bi-encoder-vs-cross-encoder: cost of scoring a whole corpus', () => {
    const seconds = 10_000_000 / 1000;
    expect(grouped(seconds)).toBe('10,000');
    expect(fixed(seconds / 3600, 1)).toBe('2.8');
    expect(fixed(100 / 1000, 1)).toBe('0.1');
    states('bi-encoder-vs-cross-encoder', '10,000 seconds, nearly 2.8 hours', 'about 0.1 seconds');
  });

  it('hybrid-lexical-dense-product-search: reciprocal rank fusion with k = 60', () => {
    const rrf = (...ranks: number[]) => ranks.reduce((sum, rank) => sum + 1 / (60 + rank), 0);
    expect(fixed(rrf(1, 3), 4)).toBe('0.0323');
    expect(fixed(rrf(1), 4)).toBe('0.0164');
    states('hybrid-lexical-dense-product-search', '1/61 + 1/63 ≈ 0.0323', '1/61 ≈ 0.0164');
  });

  it('recall-at-k-mrr-worked-example: recall@5, recall@10, MRR@10 and hit rate@5', () => {
    const queries = [
      { relevant: 2, ranks: [1, 4] },
      { relevant: 1, ranks: [3] },
      { relevant: 1, ranks: [] },
      { relevant: 3, ranks: [2, 6, 12] },
    ];
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    const recall = (k: number) => mean(queries.map((q) => q.ranks.filter((r) => r <= k).length / q.relevant));
    const mrr = mean(queries.map((q) => (q.ranks.some((r) => r <= 10) ? 1 / Math.min(...q.ranks) : 0)));
    const hit5 = mean(queries.map((q) => (q.ranks.some((r) => r <= 5) ? 1 : 0)));
    expect(fixed(recall(5) * 4, 3)).toBe('2.333');
    expect(fixed(recall(10) * 4, 3)).toBe('2.667');
    expect(fixed(mrr * 4, 3)).toBe('1.833');
    states(
      'recall-at-k-mrr-worked-example',
      `2.333 / 4 ≈ ${fixed(recall(5), 2)}`,
      `2.667 / 4 ≈ ${fixed(recall(10), 2)}`,
      `1.833 / 4 ≈ ${fixed(mrr, 2)}`,
      `3/4 = ${fixed(hit5, 2)}`,
    );
  });

  it('billion-vector-index-memory-budget: memory per design', () => {
    const n = 1e9;
    const raw = 1024 * 4;
    const links = 32 * 2 * 4;
    expect(grouped(raw)).toBe('4,096');
    expect(links).toBe(256);
    expect(fixed((n * raw) / 1e12, 1)).toBe('4.1');
    expect(fixed((n * (raw + links)) / 1e12, 2)).toBe('4.35');
    expect(Math.ceil((n * (raw + links)) / 512e9)).toBe(9);
    expect((n * 1024) / 1e12).toBe(1.024);
    expect((n * 128) / 1e9).toBe(128);
    expect(raw / 128).toBe(32);
    expect(raw / 1024).toBe(4);
    expect(1024 / 8).toBe(128);
    expect(fixed((300 * raw) / 1e6, 1)).toBe('1.2');
    states(
      'billion-vector-index-memory-budget',
      '4,096 bytes, so 1 billion of them take about 4.1 TB',
      'another 256 bytes, 256 GB in total',
      'about 4.35 TB of RAM per replica, at least nine 512 GB servers',
      '1,024 bytes per vector, about 1 TB, a 4x saving',
      '128 bytes per vector, about 128 GB, a 32x saving',
      'one bit per dimension, also 128 bytes',
      'about 1.2 MB of reads per query',
    );
  });
  it('training-memory-per-parameter-adam: 16 bytes per parameter', () => {
    const bytes = 2 + 2 + 4 + 4 + 4;
    expect(bytes).toBe(16);
    expect((7e9 * bytes) / 1e9).toBe(112);
    expect((7e9 * 2) / 1e9).toBe(14);
    expect((70e9 * bytes) / 1e9).toBe(1120);
    expect(Math.ceil(1120 / 80)).toBe(14);
    expect(bytes + 2).toBe(18);
    states(
      'training-memory-per-parameter-adam',
      '7 × 10^9 × 16 = 112 GB',
      'only 14 GB',
      '1,120 GB, at least 14 such GPUs',
      'fp32 makes it 18',
    );
  });

  it('data-tensor-pipeline-parallelism: pipeline bubble share', () => {
    const bubble = (p: number, m: number) => (p - 1) / (m + p - 1);
    expect(percent(bubble(4, 16))).toBe('16 %');
    expect(percent(bubble(4, 4))).toBe('43 %');
    states('data-tensor-pipeline-parallelism', `3/19 ≈ ${percent(bubble(4, 16))}`, `3/7 ≈ ${percent(bubble(4, 4))}`);
  });

  it('zero-fsdp-sharding-stages: per-GPU model state at 64 GPUs', () => {
    const psi = 7.5;
    const n = 64;
    expect(psi * 16).toBe(120);
    expect(fixed((12 * psi) / n, 1)).toBe('1.4');
    states(
      'zero-fsdp-sharding-stages',
      '120 GB per GPU',
      `15 + 15 + 1.4 = **${fixed(2 * psi + 2 * psi + (12 * psi) / n, 1)} GB**`,
      `2Ψ + 14Ψ / 64 ≈ **${fixed(2 * psi + (14 * psi) / n, 1)} GB**`,
      `16Ψ / 64 ≈ **${fixed((16 * psi) / n, 1)} GB**`,
    );
  });

  it('activation-checkpointing-trade-off: sqrt(n) segments and the extra forward pass', () => {
    const n = 64;
    const k = 8;
    expect(k).toBe(Math.sqrt(n));
    expect(n / k + k).toBe(16);
    expect(n / (n / k + k)).toBe(4);
    expect(percent(4 / 3 - 1)).toBe('33 %');
    states('activation-checkpointing-trade-off', '8 + 8 = 16 layers', 'instead of 64, a fourfold saving', 'from 3 units to 4, about 33 %');
  });

  it('checkpointing-restarts-large-training: Young interval and expected waste', () => {
    const interval = (delta: number, mtbf: number) => Math.sqrt(2 * delta * mtbf);
    const waste = (delta: number, mtbf: number) => delta / interval(delta, mtbf) + interval(delta, mtbf) / (2 * mtbf);
    expect(2 * 2 * 180).toBe(720);
    expect(Math.round(interval(2, 180))).toBe(27);
    expect(fixed((2 / interval(2, 180)) * 100, 1)).toBe('7.5');
    expect(Math.round(waste(2, 180) * 100)).toBe(15);
    expect(fixed(interval(0.25, 180), 1)).toBe('9.5');
    expect(Math.round(waste(0.25, 180) * 100)).toBe(5);
    expect(fixed((54 * 24) / 419, 1)).toBe('3.1');
    states(
      'checkpointing-restarts-large-training',
      'T ≈ √720 ≈ 27 minutes',
      '≈ 7.5 % + 7.5 % ≈ 15 %',
      'T ≈ 9.5 minutes and waste near 5 %',
      '419 unexpected interruptions in 54 days',
      'roughly one every three hours',
    );
  });
  it('rlhf-sft-reward-model-ppo: Bradley-Terry preference from a reward gap', () => {
    const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
    states('rlhf-sft-reward-model-ppo', `σ(1) ≈ ${fixed(sigmoid(1), 2)}`);
  });

  it('dpo-vs-ppo-preference-tuning: DPO loss at the start and at a margin of 0.2', () => {
    const loss = (margin: number) => Math.log(1 + Math.exp(-margin));
    const beta = 0.1;
    const margin = beta * (1 - -1);
    expect(fixed(margin, 1)).toBe('0.2');
    states(
      'dpo-vs-ppo-preference-tuning',
      `ln 2 ≈ ${fixed(loss(0), 3)}`,
      `the margin is ${fixed(margin, 1)} and the loss −log σ(0.2) ≈ ${fixed(loss(margin), 3)}`,
    );
  });

  it('evaluating-tool-using-agents: consistency over trials and compounding over steps', () => {
    states('evaluating-tool-using-agents', `0.8^4 ≈ ${fixed(0.8 ** 4, 2)}`, `0.95^10 ≈ ${fixed(0.95 ** 10, 2)}`);
  });

  it('pretraining-data-filtering-dedup-mixture: share of tokens FineWeb-Edu keeps', () => {
    expect(percent(1.3 / 15)).toBe('9 %');
    states('pretraining-data-filtering-dedup-mixture', "1.3 trillion of FineWeb's 15 trillion tokens, roughly 9 %");
  });

  it('chinchilla-compute-optimal-scaling: compute-optimal size for 10^23 FLOPs', () => {
    const budget = 1e23;
    const n = Math.sqrt(budget / 120);
    const d = 20 * n;
    expect(6 * 20).toBe(120);
    expect(fixed(n / 1e10, 1)).toBe('2.9');
    expect(Math.round(n / 1e9)).toBe(29);
    expect(fixed(d / 1e11, 1)).toBe('5.8');
    expect(Math.round(d / 1e10) * 10).toBe(580);
    expect(Math.abs((6 * 2.89e10 * 5.77e11) / budget - 1)).toBeLessThan(0.01);
    expect(70e9 * 20).toBe(1.4e12);
    expect(Math.round(15e12 / 8e9 / 100) * 100).toBe(1900);
    states(
      'chinchilla-compute-optimal-scaling',
      'C = 120N²',
      '≈ 2.9 × 10^10, about **29 billion parameters**',
      'D ≈ 5.8 × 10^11, about **580 billion tokens**',
      '6 × 2.89 × 10^10 × 5.77 × 10^11 ≈ 10^23',
      '70B Chinchilla, trained on 1.4 trillion tokens',
      'over 15 trillion tokens, nearly 1,900 per parameter',
    );
  });

  it('inference-aware-model-sizing: lifetime inference against the training budget', () => {
    const budget = 1e23;
    const lifetimeTokens = 2e13;
    const big = 2 * 2.9e10 * lifetimeTokens;
    const small = 2 * 1.3e10 * lifetimeTokens;
    expect(fixed(big / 1e24, 1)).toBe('1.2');
    expect(big / budget).toBeGreaterThan(10);
    expect(fixed(small / 1e23, 1)).toBe('5.2');
    expect(Math.round((big - small) / 1e23)).toBe(6);
    states(
      'inference-aware-model-sizing',
      '2 × 2.9 × 10^10 × 2 × 10^13 ≈ 1.2 × 10^24',
      'more than ten times its training budget',
      'about 5.2 × 10^23',
      'roughly 6 × 10^23, is six times the whole training budget',
      'roughly 29B parameters on 580B tokens',
    );
  });
});
