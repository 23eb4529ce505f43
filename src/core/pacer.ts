import { AsyncLocalStorage } from 'node:async_hooks';

/** Interactive work (answers to members) goes before bulk work (the scheduler's fan-out). */
export type Priority = 'interactive' | 'bulk';

export interface PacerOptions {
  /** At most this many requests in flight or answered within the last `windowMs`. */
  limit: number;
  windowMs: number;
  /** Added to the window, for timers that fire a little early and clocks that differ a little. */
  guardMs?: number;
  now?: () => number;
  /** Calls `fire` after `ms`; injected so tests can run the pacer on a fake clock. */
  setTimer?: (fire: () => void, ms: number) => void;
}

interface Waiter {
  grant(): void;
}

/**
 * A sliding window on completions: a slot is taken when a request leaves and given back `windowMs` (+ the guard) after
 * its answer came back. Request i+limit can then only leave after request i reached the server and a whole window
 * passed, so no window the server counts (fixed or sliding, from whenever it starts) ever holds more than `limit`,
 * whatever the network delays; the rate is limit per (window + round trip). Interactive requests wait only for the
 * next free slot; bulk requests wait for every interactive one queued before them to go.
 */
export class Pacer {
  private readonly queues: Record<Priority, Waiter[]> = { interactive: [], bulk: [] };
  /** When each answered request's slot comes free, oldest first. */
  private readonly freeAt: number[] = [];
  private inFlight = 0;
  private timerAt: number | null = null;
  private readonly now: () => number;
  private readonly setTimer: (fire: () => void, ms: number) => void;
  private readonly holdMs: number;

  constructor(private readonly options: PacerOptions) {
    this.now = options.now ?? (() => performance.now());
    this.setTimer = options.setTimer ?? ((fire, ms) => setTimeout(fire, ms).unref());
    this.holdMs = options.windowMs + (options.guardMs ?? 20);
  }

  /** Requests queued and not yet let go. */
  get waiting(): number {
    return this.queues.interactive.length + this.queues.bulk.length;
  }

  /** Whether nothing waits, runs or holds a slot: the pacer can be dropped and made anew without breaking the limit. */
  idle(): boolean {
    const now = this.now();
    return this.waiting === 0 && this.inFlight === 0 && (this.freeAt.at(-1) ?? 0) <= now;
  }

  /** Runs `work` (one request) once a slot is free, holding the slot until a window after it settles. */
  async run<T>(work: () => Promise<T>, priority: Priority = currentPriority()): Promise<T> {
    await this.take(priority);
    try {
      return await work();
    } finally {
      this.settle();
    }
  }

  /** Waits for a slot; the caller must call `settle` once the request's answer came back (or it failed). */
  take(priority: Priority = currentPriority()): Promise<void> {
    return new Promise<void>((resolve) => {
      this.queues[priority].push({ grant: resolve });
      this.pump();
    });
  }

  /** The request's answer came back: its slot comes free a window from now. */
  settle(): void {
    this.inFlight--;
    this.freeAt.push(this.now() + this.holdMs);
    this.pump();
  }

  private pump(): void {
    const now = this.now();
    while (this.freeAt.length > 0 && this.freeAt[0]! <= now) this.freeAt.shift();
    while (this.waiting > 0 && this.inFlight + this.freeAt.length < this.options.limit) {
      const next = this.queues.interactive.shift() ?? this.queues.bulk.shift()!;
      this.inFlight++;
      next.grant();
    }
    if (this.waiting === 0 || this.freeAt.length === 0) return;
    const at = this.freeAt[0]!;
    if (this.timerAt !== null && this.timerAt <= at) return;
    this.timerAt = at;
    this.setTimer(
      () => {
        if (this.timerAt === at) this.timerAt = null;
        this.pump();
      },
      Math.max(0, at - now),
    );
  }
}

const priority = new AsyncLocalStorage<Priority>();

/** Runs `work` as bulk work: the requests it makes wait behind interactive ones (the scheduler's fan-out). */
export const asBulk = <T>(work: () => Promise<T>): Promise<T> => priority.run('bulk', work);

/** The priority of the work running now: bulk inside `asBulk`, interactive otherwise. */
export const currentPriority = (): Priority => priority.getStore() ?? 'interactive';
