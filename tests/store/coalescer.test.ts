import { describe, expect, it } from 'vitest';
import { Coalescer } from '../../src/store/coalescer.ts';

/** A batch function that records the batches it saw and resolves them when told. */
function recorder(fail: (item: string) => boolean = () => false) {
  const batches: string[][] = [];
  const gates: (() => void)[] = [];
  const run = async (items: string[]) => {
    batches.push(items);
    await new Promise<void>((resolve) => gates.push(resolve));
    if (items.some(fail)) throw new Error(`bad item in ${items.join(',')}`);
    return items.map((i) => i.toUpperCase());
  };
  const release = async () => {
    while (gates.length) gates.shift()!();
    await new Promise((r) => setImmediate(r));
  };
  return { batches, run, release };
}

describe('Coalescer', () => {
  it('runs a lone call at once and groups the calls that arrive while it runs', async () => {
    const r = recorder();
    const c = new Coalescer(r.run, (x) => x, { maxBatch: 10, maxInflight: 1 });
    const first = c.submit('a');
    const rest = ['b', 'c', 'd'].map((x) => c.submit(x));
    expect(r.batches).toEqual([['a']]);
    await r.release();
    expect(await first).toBe('A');
    expect(r.batches).toEqual([['a'], ['b', 'c', 'd']]);
    await r.release();
    expect(await Promise.all(rest)).toEqual(['B', 'C', 'D']);
  });

  it('never puts the same key twice in a batch and respects the batch size', async () => {
    const r = recorder();
    const c = new Coalescer(r.run, (x) => x, { maxBatch: 2, maxInflight: 1 });
    const all = ['a', 'b', 'b', 'c', 'd'].map((x) => c.submit(x));
    for (let i = 0; i < 4; i++) await r.release();
    expect(r.batches).toEqual([['a'], ['b', 'c'], ['b', 'd']]);
    expect(await Promise.all(all)).toEqual(['A', 'B', 'B', 'C', 'D']);
  });

  it('retries a failed batch item by item, so only the bad item fails', async () => {
    const r = recorder((x) => x === 'bad');
    const c = new Coalescer(r.run, (x) => x, { maxBatch: 10, maxInflight: 1 });
    const first = c.submit('a');
    const results = ['b', 'bad', 'c'].map((x) =>
      c.submit(x).then(
        (v) => v,
        (e: Error) => `failed: ${e.message}`,
      ),
    );
    for (let i = 0; i < 6; i++) await r.release();
    expect(await first).toBe('A');
    expect(await Promise.all(results)).toEqual(['B', 'failed: bad item in bad', 'C']);
  });
});
