import { describe, expect, it } from 'vitest';
import { TtlCache } from '../../src/web/ttl-cache.ts';

describe('the web page’s TTL cache', () => {
  it('reuses a value until its TTL is up (at the limit it loads again), and keeps at most max entries', async () => {
    const cache = new TtlCache<number>(1000, 2);
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.get('a', 0, load)).toBe(1);
    expect(await cache.get('a', 999, load)).toBe(1);
    expect(await cache.get('a', 1000, load)).toBe(2);
    expect(await cache.get('a', 1999, load)).toBe(2);
    expect(await cache.get('a', 2001, load)).toBe(3);
    expect(await cache.get('b', 2001, load)).toBe(4);
    expect(await cache.get('c', 2001, load)).toBe(5);
    expect(await cache.get('b', 2002, load)).toBe(4);
    expect(await cache.get('a', 2002, load)).toBe(6);
  });

  it('shares one load between concurrent callers and does not keep a failure', async () => {
    const cache = new TtlCache<string>(1000);
    let loads = 0;
    const slow = () => new Promise<string>((resolve) => setImmediate(() => resolve(`v${++loads}`)));
    expect(await Promise.all([cache.get('k', 0, slow), cache.get('k', 1, slow)])).toEqual(['v1', 'v1']);
    await expect(cache.get('x', 0, () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('x', 1, async () => 'up')).toBe('up');
  });
});
