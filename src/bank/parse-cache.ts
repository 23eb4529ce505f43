import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const FORMAT = 1;

const keyOf = (source: string) => createHash('sha256').update(source).digest('base64url');

/**
 * YAML parse results kept between starts, keyed by a hash of each file's text, so that an unchanged bank skips YAML
 * parsing (about 0.3 s of a 2 s start). Only the parse is cached: validation runs every time. A cache that cannot
 * be read is treated as empty and one that cannot be written is skipped; neither is an error.
 */
export class ParseCache {
  private dirty = false;
  private readonly used = new Set<string>();

  private constructor(
    private readonly file: string,
    private readonly entries: Map<string, unknown>,
  ) {}

  static open(file: string): ParseCache {
    try {
      const stored = JSON.parse(readFileSync(file, 'utf8')) as { format: number; entries: Record<string, unknown> };
      if (stored.format === FORMAT) return new ParseCache(file, new Map(Object.entries(stored.entries)));
    } catch {
      // A missing or damaged cache is an empty one.
    }
    return new ParseCache(file, new Map());
  }

  get(source: string): unknown {
    const key = keyOf(source);
    this.used.add(key);
    return this.entries.get(key);
  }

  set(source: string, parsed: unknown): void {
    const key = keyOf(source);
    this.used.add(key);
    this.entries.set(key, parsed);
    this.dirty = true;
  }

  /** Writes the cache when it changed, keeping only the entries looked up since it was opened (removed files drop out). */
  save(): void {
    const stale = [...this.entries.keys()].some((k) => !this.used.has(k));
    if (!this.dirty && !stale) return;
    const entries = Object.fromEntries([...this.entries].filter(([k]) => this.used.has(k)));
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      const temp = `${this.file}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify({ format: FORMAT, entries }));
      renameSync(temp, this.file);
      this.dirty = false;
    } catch {
      // A read-only install keeps working, only without the cache.
    }
  }
}
