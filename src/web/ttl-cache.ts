/**
 * A small in-memory cache whose entries live `ttlMs` (for the group heatmap, which changes slowly and costs the most
 * to read); at most `max` entries, the oldest dropped first. Each replica keeps its own.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { until: number; value: Promise<V> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly max = 1000,
  ) {}

  /** The cached value of `key` at `now`, or the one `load` gives (shared by concurrent callers; a failure is not kept). */
  get(key: string, now: number, load: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && hit.until > now) return hit.value;
    this.entries.delete(key);
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    const value = load();
    this.entries.set(key, { until: now + this.ttlMs, value });
    value.catch(() => this.entries.delete(key));
    return value;
  }
}
