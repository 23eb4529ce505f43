/** How a coalescer groups calls: the largest batch and how many batches may run at once. */
export interface CoalescerOptions {
  maxBatch: number;
  maxInflight: number;
}

interface Pending<In, Out> {
  item: In;
  resolve: (out: Out) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for one kind of write: calls that arrive while `maxInflight` batches are running wait and go out
 * together as the next batch, so a burst costs one statement and one commit per batch instead of one per call. A
 * lone call on an idle coalescer runs at once (no timer, no added latency). Items with the same key never share a
 * batch, so the batch function may rely on unique keys; a failed batch is retried one item at a time, so one bad
 * item fails only its own caller.
 */
export class Coalescer<In, Out> {
  private readonly queue: Pending<In, Out>[] = [];
  private inflight = 0;

  constructor(
    private readonly run: (items: In[]) => Promise<Out[]>,
    private readonly key: (item: In) => string,
    private readonly options: CoalescerOptions,
  ) {}

  submit(item: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.drain();
    });
  }

  private drain(): void {
    while (this.inflight < this.options.maxInflight && this.queue.length > 0) {
      const batch = this.take();
      this.inflight++;
      void this.execute(batch).finally(() => {
        this.inflight--;
        this.drain();
      });
    }
  }

  private take(): Pending<In, Out>[] {
    const batch: Pending<In, Out>[] = [];
    const keys = new Set<string>();
    const rest: Pending<In, Out>[] = [];
    for (const pending of this.queue) {
      const key = this.key(pending.item);
      if (batch.length < this.options.maxBatch && !keys.has(key)) {
        keys.add(key);
        batch.push(pending);
      } else rest.push(pending);
    }
    this.queue.splice(0, this.queue.length, ...rest);
    return batch;
  }

  private async execute(batch: Pending<In, Out>[]): Promise<void> {
    try {
      const outs = await this.run(batch.map((p) => p.item));
      for (const [i, p] of batch.entries()) p.resolve(outs[i]!);
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      for (const pending of batch) {
        await this.run([pending.item]).then(([out]) => pending.resolve(out!), pending.reject);
      }
    }
  }
}
