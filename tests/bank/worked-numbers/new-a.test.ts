import { describe, expect, it } from 'vitest';
import { fixed, questionText } from './question-text.ts';

/** A whole number with thousands separators, as the bank writes 131,072. */
const grouped = (value: number) => Math.round(value).toLocaleString('en-GB');
const kvBytesPerToken = (layers: number, kvHeads: number, headDim: number, bytes: number) => 2 * layers * kvHeads * headDim * bytes;
const GB = 1e9;

describe('LLM inference cost and latency', () => {
  it('kv-cache-concurrent-users-per-gpu', () => {
    const text = questionText('kv-cache-concurrent-users-per-gpu');
    const perToken = kvBytesPerToken(32, 8, 128, 2);
    expect(perToken).toBe(131_072);
    expect(text).toContain(`= ${grouped(perToken)} bytes, ${perToken / 1024} KiB per token`);
    const perChat = perToken * 8000;
    expect(text).toContain(`about ${fixed(perChat / GB, 2)} GB`);
    const weights = (8e9 * 2) / GB;
    const free = 80 - weights - 8;
    expect(text).toContain(`${weights} GB of weights`);
    expect(text).toContain(`about ${free} GB, or ${Math.floor((free * GB) / perChat)} conversations`);
    expect(text).toContain(`about ${Math.floor((free * GB) / (perToken * 2000))} fit`);
    expect(text).toContain(`about ${Math.floor((free * GB) / (perChat / 2))} full-length conversations`);
    const int4 = (8e9 * 4.5) / 8 / GB;
    expect(text).toContain(`about ${int4} GB with scales, freeing about ${weights - int4} GB`);
    const mha = kvBytesPerToken(32, 32, 128, 2);
    expect(text).toContain(`${mha / 1024} KiB per token, about ${fixed((mha * 8000) / GB, 2)} GB`);
    expect(text).toContain(`so about ${Math.floor((free * GB) / (mha * 8000))} in ${free} GB`);
  });

  it('prefill-vs-decode-bottlenecks', () => {
    const text = questionText('prefill-vs-decode-bottlenecks');
    const bandwidth = 3.35e12;
    const flops = 989e12;
    const stepSeconds = (8e9 * 2) / bandwidth;
    expect(text).toContain(`at least ${fixed(stepSeconds * 1000, 1)} ms`);
    expect(text).toContain(`about ${Math.floor(1 / stepSeconds)} tokens per second`);
    expect(text).toContain(`${fixed(((2 * 8e9) / flops) * 1000, 3)} ms`);
    const prefill = 2 * 8e9 * 2000;
    expect(text).toContain(`= ${prefill / 1e12} TFLOPs: about ${Math.round((prefill / flops) * 1000)} ms at peak`);
    expect(text).toContain(`about ${Math.round(flops / bandwidth)} FLOPs per byte`);
  });

  it('continuous-batching-llm-throughput', () => {
    const text = questionText('continuous-batching-llm-throughput');
    const useful = 15 * 60 + 500;
    const slots = 16 * 500;
    expect(text).toContain(`15 × 60 + 500 = ${grouped(useful)} of the 16 × 500 = ${grouped(slots)} slot-steps`);
    expect(text).toContain(`${fixed((useful / slots) * 100, 1)} % utilisation`);
    expect(Math.round(500 / 60)).toBe(8);
    expect(text).toContain('about eight times later');
  });

  it('ttft-tpot-latency-metrics', () => {
    const text = questionText('ttft-tpot-latency-metrics');
    expect(text).toContain(`0.4 + 0.03 × 249 = ${fixed(0.4 + 0.03 * 249, 2)} s`);
    expect(text).toContain(`about ${Math.floor(1 / 0.03)} tokens per second`);
  });

  it('speculative-decoding-speedup-limits', () => {
    const text = questionText('speculative-decoding-speedup-limits');
    const tokensPerPass = (alpha: number, k: number) => (1 - alpha ** (k + 1)) / (1 - alpha);
    const cost = 4 * 0.05 + 1;
    expect(text).toContain(`each iteration costs ${cost} target passes`);
    expect(text).toContain(`that is ${fixed(tokensPerPass(0.8, 4), 2)} tokens`);
    expect(text).toContain(`speedup is about ${fixed(tokensPerPass(0.8, 4) / cost, 1)}`);
    expect(text).toContain(
      `yield falls to ${fixed(tokensPerPass(0.5, 4), 2)} tokens and the speedup to about ${fixed(tokensPerPass(0.5, 4) / cost, 1)}`,
    );
  });

  it('llm-weight-vs-activation-quantisation', () => {
    const text = questionText('llm-weight-vs-activation-quantisation');
    const params = 70e9;
    const bits = 4 + 16 / 128;
    expect(text).toContain(`16-bit weights take ${(params * 2) / GB} GB, 8-bit ${params / GB} GB`);
    expect(text).toContain(`about ${bits} bits per weight, ${fixed((params * bits) / 8 / GB, 1)} GB`);
  });

  it('llm-routing-and-caching-costs', () => {
    const text = questionText('llm-routing-and-caching-costs');
    const call = (input: number, cached: number, output: number, inPrice: number, outPrice: number, cachedShare: number) =>
      (input * inPrice + cached * inPrice * cachedShare + output * outPrice) / 1e6;
    const large = call(3000, 0, 300, 3, 15, 0);
    const small = call(3000, 0, 300, 0.25, 1.25, 0);
    expect(text).toContain(`$${large} a call, $${grouped(large * 2e6)} a day`);
    expect(text).toContain(`costs $${small} a call`);
    expect(text).toContain(`about $${grouped((0.3 * large + 0.7 * small) * 2e6)} a day`);
    const largeCached = call(1000, 2000, 300, 3, 15, 0.1);
    const smallCached = call(1000, 2000, 300, 0.25, 1.25, 0.1);
    expect(text).toContain(`the day costs about $${grouped((0.3 * largeCached + 0.7 * smallCached) * 2e6)}`);
  });
});

/** Half-width of a 95 % normal-approximation interval for a pass rate, in percentage points. */
const halfWidth = (rate: number, n: number) => 1.96 * Math.sqrt((rate * (1 - rate)) / n) * 100;

/** Two-sided sign-test p-value for `wins` against `losses` among the items that changed. */
function signTest(wins: number, losses: number): number {
  const n = wins + losses;
  let tail = 0;
  for (let k = Math.max(wins, losses); k <= n; k++) tail += choose(n, k) / 2 ** n;
  return Math.min(1, 2 * tail);
}
const choose = (n: number, k: number): number => (k === 0 ? 1 : (choose(n, k - 1) * (n - k + 1)) / k);

/** ROUGE-1 recall, precision and F1 between whitespace-split lower-case texts. */
function rouge1(candidate: string, reference: string) {
  const cand = candidate.split(' ');
  const ref = reference.split(' ');
  const left = [...ref];
  let overlap = 0;
  for (const word of cand) {
    const at = left.indexOf(word);
    if (at >= 0) {
      overlap++;
      left.splice(at, 1);
    }
  }
  const recall = overlap / ref.length;
  const precision = overlap / cand.length;
  return { overlap, recall, precision, f1: (2 * recall * precision) / (recall + precision) };
}

describe('Evaluating generative models', () => {
  it('llm-golden-set-construction', () => {
    const text = questionText('llm-golden-set-construction');
    expect(text).toContain(`about ±${fixed(halfWidth(0.8, 200), 1)} points (1.96 × sqrt(0.8 × 0.2 / 200))`);
    expect(text).toContain(`1,000 items bring it to about ±${fixed(halfWidth(0.8, 1000), 1)}`);
    expect(text).toContain(`about ±${Math.round(halfWidth(0.8, 50))} points at an 80 % pass rate`);
    expect(text).toContain(`200 items at 80 % give about ±${fixed(halfWidth(0.8, 200), 1)} points`);
    expect(text).toContain(`those ${14 + 8} gives p about ${fixed(signTest(14, 8), 2)}`);
  });

  it('llm-as-judge-bias-controls', () => {
    const text = questionText('llm-as-judge-bias-controls');
    expect(text).toContain(`is a kappa of ${fixed((0.8 - 0.5) / (1 - 0.5), 1)}`);
  });

  it('rag-retrieval-vs-generation-errors', () => {
    const text = questionText('rag-retrieval-vs-generation-errors');
    const withEvidence = 0.8 * 500;
    const correct = 340 + 20;
    const wrong = 500 - correct;
    expect(text).toContain(`${withEvidence} of the 500 questions had the evidence`);
    expect(text).toContain(`That gives ${correct} correct, the ${(correct / 500) * 100} %, and ${wrong} wrong`);
    expect(text).toContain(
      `${500 - withEvidence - 20} where the evidence was missing (${Math.round(((500 - withEvidence - 20) / wrong) * 100)} % of errors`,
    );
    expect(text).toContain(
      `${withEvidence - 340} where it was present (${Math.round(((withEvidence - 340) / wrong) * 100)} %, generation)`,
    );
    expect(text).toContain(`near the ${(340 / withEvidence) * 100} % it already scores`);
  });

  it('perplexity-what-it-misses', () => {
    const text = questionText('perplexity-what-it-misses');
    expect(text).toContain(`average losses of ${fixed(Math.log(8.1), 2)} and ${fixed(Math.log(9.4), 2)} nats per token`);
  });

  it('bleu-rouge-limits-for-llm-output', () => {
    const text = questionText('bleu-rouge-limits-for-llm-output');
    const reference = 'the refund window is 14 days';
    const wrong = rouge1('the refund window is 30 days', reference);
    expect(text).toContain(`shares ${wrong.overlap} of 6 words: F1 ${fixed(wrong.f1, 2)}`);
    const right = rouge1('you can get your money back within 14 days', reference);
    expect(text).toContain(
      `shares ${right.overlap} words: recall ${fixed(right.recall, 2)}, precision ${fixed(right.precision, 2)}, F1 ${fixed(right.f1, 2)}`,
    );
  });

  it('llm-feature-online-feedback-signals', () => {
    const text = questionText('llm-feature-online-feedback-signals');
    expect(text).toContain(`only about ${40 * (1 - 0.5)} % of suggestions were usable`);
  });
});

const softmax = (logits: number[], temperature = 1) => {
  const exps = logits.map((l) => Math.exp(l / temperature));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
};

describe('Transformer internals', () => {
  it('attention-mask-and-scaling-bugs', () => {
    const text = questionText('attention-mask-and-scaling-bugs');
    expect(text).toContain(`at d_k = 128 its standard deviation is about ${fixed(Math.sqrt(128), 1)}`);
  });

  it('gqa-mqa-kv-heads-trade-off', () => {
    const text = questionText('gqa-mqa-kv-heads-trade-off');
    const mha = kvBytesPerToken(80, 64, 128, 2);
    const gqa = kvBytesPerToken(80, 8, 128, 2);
    const mqa = kvBytesPerToken(80, 1, 128, 2);
    expect(text).toContain(`2 × 80 × 64 × 128 × 2 = ${grouped(mha)} bytes, ${mha / 2 ** 20} MiB per token`);
    expect(text).toContain(`${grouped(gqa)} bytes, ${gqa / 1024} KiB`);
    expect(text).toContain(`${grouped(mqa)} bytes, ${mqa / 1024} KiB`);
    const tokens = 32 * 4096;
    expect(text).toContain(
      `${grouped(tokens)} tokens in all, that is about ${Math.round((mha * tokens) / GB)} GB, ${Math.round((gqa * tokens) / GB)} GB and ${fixed((mqa * tokens) / GB, 1)} GB`,
    );
    const weights = (70e9 * 2) / GB;
    const mhaTotal = Math.round(weights + (mha * tokens) / GB);
    const gqaTotal = Math.round(weights + (gqa * tokens) / GB);
    expect(Math.floor(mhaTotal / 80)).toBe(6);
    expect(text).toContain(`${weights} GB of 16-bit weights on top, multi-head needs about ${mhaTotal} GB, more than six 80 GB GPUs`);
    expect(Math.ceil(gqaTotal / 80)).toBe(3);
    expect(text).toContain(`grouped-query needs about ${gqaTotal} GB, three GPUs`);
  });

  it('temperature-top-k-top-p-sampling', () => {
    const text = questionText('temperature-top-k-top-p-sampling');
    const t1 = softmax([2, 1, 0]);
    const t05 = softmax([2, 1, 0], 0.5);
    const three = (p: number[]) => `${fixed(p[0]!, 3)}, ${fixed(p[1]!, 3)} and ${fixed(p[2]!, 3)}`;
    expect(text).toContain(`T = 1 gives probabilities ${three(t1)}`);
    expect(text).toContain(`T = 0.5 gives ${three(t05)}`);
    const nucleus = t1[0]! + t1[1]!;
    expect(nucleus).toBeGreaterThanOrEqual(0.9);
    expect(t1[0]!).toBeLessThan(0.9);
    expect(text).toContain(`the first two tokens reach ${fixed(nucleus, 3)}`);
    expect(text).toContain(`renormalised to ${fixed(t1[0]! / nucleus, 3)} and ${fixed(t1[1]! / nucleus, 3)}`);
  });

  it('beam-search-failure-modes', () => {
    const text = questionText('beam-search-failure-modes');
    expect(text).toContain(`averaging −0.5 per token scores −${fixed(5 * 0.5, 1)}`);
    expect(text).toContain(`averaging −0.3 scores −${fixed(12 * 0.3, 1)}`);
  });

  it('mixture-of-experts-memory-vs-compute', () => {
    const text = questionText('mixture-of-experts-memory-vs-compute');
    expect(text).toContain(`2 × 13 billion = ${(2 * 13e9) / 1e9} GFLOPs, against ${(2 * 47e9) / 1e9} GFLOPs`);
    expect(text).toContain(`about ${(47e9 * 2) / GB} GB in 16-bit`);
    expect(text).toContain(`is 0.75^32, about ${fixed((6 / 8) ** 32 * 100, 2)} %`);
  });
});

/** LoRA parameters of rank r on every linear layer of a Llama-style block, times the number of layers. */
function loraParams(rank: number, layers: number, hidden: number, kvDim: number, ffn: number): number {
  const matrices: [number, number][] = [
    [hidden, hidden],
    [hidden, kvDim],
    [hidden, kvDim],
    [hidden, hidden],
    [hidden, ffn],
    [hidden, ffn],
    [ffn, hidden],
  ];
  return layers * matrices.reduce((sum, [din, dout]) => sum + rank * (din + dout), 0);
}

describe('Prompting, RAG, fine-tuning, distillation and forgetting', () => {
  it('multi-tenant-lora-adapter-serving', () => {
    const text = questionText('multi-tenant-lora-adapter-serving');
    const perLayer = loraParams(16, 1, 4096, 1024, 14336);
    const total = loraParams(16, 32, 4096, 1024, 14336);
    expect(text).toContain(
      `about ${fixed(perLayer / 1e6, 1)} million per layer and ${Math.round(total / 1e6)} million in all, about ${Math.round((total * 2) / 1e6)} MB in 16-bit`,
    );
    expect(text).toContain(`all 300 adapters take about ${Math.round((300 * total * 2) / GB)} GB`);
    expect(text).toContain(`16 GB of 16-bit weights each, ${(300 * 16) / 1000} TB for 300`);
    expect(text).toContain(`around ${fixed((total / 8e9) * 100, 1)} % of the base's`);
  });

  it('distil-llm-api-into-small-model', () => {
    const text = questionText('distil-llm-api-into-small-model');
    const call = (1200 * 3 + 150 * 15) / 1e6;
    const day = call * 1.5e6;
    expect(text).toContain(`$${call} a call, about $${grouped(day)} a day`);
    expect(text).toContain(`averages about ${Math.round(1.5e6 / 86_400)} requests a second`);
    expect(text).toContain(`hosting costs about $${4 * 2.5 * 24} a day`);
    expect(text).toContain(`at a 20 % fallback rate, $${grouped(0.2 * day)} a day of API calls remain`);
  });

  it('qlora-fine-tuning-memory-budget', () => {
    const text = questionText('qlora-fine-tuning-memory-budget');
    const params = 70e9;
    const full = (params * (2 + 2 + 4 + 8)) / GB;
    expect(text).toContain(`that is ${grouped(full)} GB, fourteen 80 GB GPUs`);
    expect(full / 80).toBe(14);
    expect(text).toContain(`frozen 16-bit weights alone take ${(params * 2) / GB} GB`);
    const plainScales = 32 / 64;
    const doubleScales = 8 / 64 + 32 / (64 * 256);
    expect(text).toContain(
      `from ${plainScales} to about ${fixed(doubleScales, 3)} bits per weight: about ${fixed(4 + doubleScales, 3)} bits in all, ${fixed((params * (4 + doubleScales)) / 8 / GB, 1)} GB`,
    );
    const adapters = loraParams(16, 80, 8192, 1024, 28672);
    expect(text).toContain(
      `about ${Math.round(adapters / 1e6)} million parameters, about ${fixed((adapters * 16) / GB, 1)} GB even at 16 bytes each`,
    );
  });
});
