import { describe, expect, it } from 'vitest';
import { asBulk, currentPriority, Pacer } from '../../src/core/pacer.ts';

/** A fake clock whose timers fire, in order, as `advance` moves it on. */
function fakeClock() {
  let now = 0;
  const timers: { at: number; fire: () => void }[] = [];
  const flush = async () => {
    for (let i = 0; i < 10; i++) await Promise.resolve();
  };
  return {
    now: () => now,
    setTimer: (fire: () => void, ms: number) => void timers.push({ at: now + ms, fire }),
    async advance(ms: number) {
      const end = now + ms;
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        const next = timers[0];
        if (!next || next.at > end) break;
        timers.shift();
        now = next.at;
        next.fire();
        await flush();
      }
      now = end;
      await flush();
    },
    flush,
  };
}

/** Requests whose answers the test sends back itself; `sent` records when each left and in what order. */
function requests(clock: ReturnType<typeof fakeClock>, pacer: Pacer) {
  const sent: { name: string; at: number }[] = [];
  const answers = new Map<string, () => void>();
  const start = (name: string, priority?: 'interactive' | 'bulk') =>
    pacer.run(
      () =>
        new Promise<void>((resolve) => {
          sent.push({ name, at: clock.now() });
          answers.set(name, resolve);
        }),
      priority,
    );
  const answer = async (...names: string[]) => {
    for (const name of names) answers.get(name)!();
    await clock.flush();
  };
  return { sent, start, answer };
}

describe('the pacer: a sliding window on completions', () => {
  it('lets `limit` requests go at once (at the limit) and holds the next (above) until a window after the first answer', async () => {
    const clock = fakeClock();
    const pacer = new Pacer({ limit: 3, windowMs: 1000, guardMs: 20, now: clock.now, setTimer: clock.setTimer });
    const { sent, start, answer } = requests(clock, pacer);
    for (const name of ['a', 'b', 'c', 'd']) void start(name, 'bulk');
    await clock.flush();
    expect(sent.map((s) => s.name)).toEqual(['a', 'b', 'c']);
    expect(pacer.waiting).toBe(1);
    await clock.advance(100);
    await answer('a', 'b', 'c');
    await clock.advance(1019);
    expect(sent.map((s) => s.name)).toEqual(['a', 'b', 'c']);
    await clock.advance(1);
    expect(sent).toEqual([
      { name: 'a', at: 0 },
      { name: 'b', at: 0 },
      { name: 'c', at: 0 },
      { name: 'd', at: 1120 },
    ]);
  });

  it('below the limit every request goes at once', async () => {
    const clock = fakeClock();
    const pacer = new Pacer({ limit: 3, windowMs: 1000, now: clock.now, setTimer: clock.setTimer });
    const { sent, start, answer } = requests(clock, pacer);
    void start('a');
    void start('b');
    await clock.flush();
    await answer('a', 'b');
    expect(sent.map((s) => s.at)).toEqual([0, 0]);
    expect(pacer.waiting).toBe(0);
  });

  it('a slow answer delays its slot: the next request leaves a window after that answer, not after the request', async () => {
    const clock = fakeClock();
    const pacer = new Pacer({ limit: 1, windowMs: 500, guardMs: 0, now: clock.now, setTimer: clock.setTimer });
    const { sent, start, answer } = requests(clock, pacer);
    void start('slow');
    void start('next');
    await clock.flush();
    await clock.advance(2000);
    expect(sent.map((s) => s.name)).toEqual(['slow']);
    await answer('slow');
    await clock.advance(499);
    expect(sent.map((s) => s.name)).toEqual(['slow']);
    await clock.advance(1);
    expect(sent).toEqual([
      { name: 'slow', at: 0 },
      { name: 'next', at: 2500 },
    ]);
  });

  it('interactive requests go before bulk ones queued earlier, waiting only for the next free slot', async () => {
    const clock = fakeClock();
    const pacer = new Pacer({ limit: 1, windowMs: 100, guardMs: 0, now: clock.now, setTimer: clock.setTimer });
    const { sent, start, answer } = requests(clock, pacer);
    void start('bulk-1', 'bulk');
    void start('bulk-2', 'bulk');
    void start('bulk-3', 'bulk');
    await clock.flush();
    void start('reply', 'interactive');
    await answer('bulk-1');
    await clock.advance(100);
    await answer('reply');
    await clock.advance(100);
    expect(sent).toEqual([
      { name: 'bulk-1', at: 0 },
      { name: 'reply', at: 100 },
      { name: 'bulk-2', at: 200 },
    ]);
  });

  it('a failed request gives its slot back a window later too, and its error reaches the caller', async () => {
    const clock = fakeClock();
    const pacer = new Pacer({ limit: 1, windowMs: 100, guardMs: 0, now: clock.now, setTimer: clock.setTimer });
    await expect(pacer.run(() => Promise.reject(new Error('429')))).rejects.toThrow('429');
    let second = -1;
    void pacer.run(async () => void (second = clock.now()));
    await clock.advance(99);
    expect(second).toBe(-1);
    await clock.advance(1);
    expect(second).toBe(100);
  });

  it('holds a slot 20 ms past the window when no guard is given', async () => {
    const clock = fakeClock();
    const pacer = new Pacer({ limit: 1, windowMs: 100, now: clock.now, setTimer: clock.setTimer });
    const { sent, start, answer } = requests(clock, pacer);
    void start('a');
    void start('b');
    await clock.flush();
    await answer('a');
    await clock.advance(119);
    expect(sent.map((s) => s.name)).toEqual(['a']);
    await clock.advance(1);
    expect(sent).toEqual([
      { name: 'a', at: 0 },
      { name: 'b', at: 120 },
    ]);
  });

  it('is idle only when nothing waits, nothing is in flight and the last slot has come free', async () => {
    const clock = fakeClock();
    const pacer = new Pacer({ limit: 1, windowMs: 100, guardMs: 0, now: clock.now, setTimer: clock.setTimer });
    const { start, answer } = requests(clock, pacer);
    expect(pacer.idle()).toBe(true);
    void start('a');
    void start('b');
    await clock.flush();
    expect([pacer.idle(), pacer.waiting]).toEqual([false, 1]);
    await answer('a');
    await clock.advance(100);
    expect([pacer.idle(), pacer.waiting]).toEqual([false, 0]);
    await answer('b');
    await clock.advance(99);
    expect(pacer.idle()).toBe(false);
    await clock.advance(1);
    expect(pacer.idle()).toBe(true);
  });

  it('work is interactive unless run as bulk, and bulk work passes its priority on to what it awaits', async () => {
    expect(currentPriority()).toBe('interactive');
    const seen = await asBulk(async () => {
      await Promise.resolve();
      return currentPriority();
    });
    expect(seen).toBe('bulk');
    expect(currentPriority()).toBe('interactive');
  });
});
