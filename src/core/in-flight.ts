/** Counts the handlers running now, so that stopping waits for those already started (and their replies). */
export class InFlight {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  /** Runs `work`, counted while it runs; its result or failure passes through unchanged. */
  async track<T>(work: () => Promise<T>): Promise<T> {
    this.running++;
    try {
      return await work();
    } finally {
      this.running--;
      if (this.running === 0) for (const resolve of this.waiting.splice(0)) resolve();
    }
  }

  /** How many handlers run now. */
  get size(): number {
    return this.running;
  }

  /** Resolves once no handler is running (at once when none is). */
  idle(): Promise<void> {
    return this.running === 0 ? Promise.resolve() : new Promise((resolve) => this.waiting.push(resolve));
  }
}
