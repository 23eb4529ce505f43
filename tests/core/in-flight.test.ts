import { describe, expect, it } from 'vitest';
import { InFlight } from '../../src/core/in-flight.ts';

/** A promise with its resolve and reject outside. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('handlers in flight', () => {
  it('is idle at once when nothing runs', async () => {
    const flight = new InFlight();
    expect(flight.size).toBe(0);
    await expect(flight.idle()).resolves.toBeUndefined();
  });

  it('waits for every handler, whether it succeeds or fails, and passes results through', async () => {
    const flight = new InFlight();
    const first = deferred<string>();
    const second = deferred<string>();
    const a = flight.track(() => first.promise);
    const b = flight.track(() => second.promise);
    expect(flight.size).toBe(2);
    let idle = false;
    void flight.idle().then(() => {
      idle = true;
    });
    first.resolve('answered');
    await expect(a).resolves.toBe('answered');
    expect([flight.size, idle]).toEqual([1, false]);
    second.reject(new Error('Slack refused'));
    await expect(b).rejects.toThrow('Slack refused');
    await flight.idle();
    expect([flight.size, idle]).toEqual([0, true]);
  });

  it('counts a handler that throws before its first await', async () => {
    const flight = new InFlight();
    await expect(
      flight.track(async () => {
        throw new Error('bad payload');
      }),
    ).rejects.toThrow('bad payload');
    expect(flight.size).toBe(0);
  });
});
