import { describe, expect, it } from 'vitest';
import { stopWithin } from '../src/shutdown.ts';
import { captureLogger } from './helpers/process.ts';

describe('stopping within a bounded time', () => {
  it('runs every step in order and reports done', async () => {
    const { logger, logs } = captureLogger();
    const order: string[] = [];
    const step = (name: string) => ({ name, run: async () => void order.push(name) });
    expect(await stopWithin([step('pause'), step('drain'), step('close')], 1000, logger)).toBe('done');
    expect(order).toEqual(['pause', 'drain', 'close']);
    expect(logs).toEqual([]);
  });

  it('logs a failing step and still runs the ones after it', async () => {
    const { logger, logs } = captureLogger();
    const order: string[] = [];
    const outcome = await stopWithin(
      [
        { name: 'pause', run: () => Promise.reject(new Error('socket already closed')) },
        { name: 'close', run: async () => void order.push('close') },
      ],
      1000,
      logger,
    );
    expect([outcome, order]).toEqual(['done', ['close']]);
    expect(logs.map((l) => [l.level, (l.obj as { step: string }).step, l.msg])).toEqual([['error', 'pause', 'a step of stopping failed']]);
  });

  it('gives up after the timeout with one line naming the step still running, and runs no later step', async () => {
    const { logger, logs } = captureLogger();
    const order: string[] = [];
    const outcome = await stopWithin(
      [
        { name: 'closing inbound connections', run: async () => void order.push('pause') },
        { name: 'finishing the scheduler pass', run: () => new Promise(() => undefined) },
        { name: 'closing the store', run: async () => void order.push('close') },
      ],
      50,
      logger,
    );
    expect([outcome, order]).toEqual(['timed-out', ['pause']]);
    expect(logs).toEqual([
      {
        level: 'warn',
        obj: { timeoutSeconds: 0.05, step: 'finishing the scheduler pass' },
        msg: 'stopping took longer than MLQ_STOP_TIMEOUT while finishing the scheduler pass; exiting anyway (leases still held lapse, and another replica retries their work)',
      },
    ]);
  });
});
