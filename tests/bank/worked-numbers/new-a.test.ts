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
