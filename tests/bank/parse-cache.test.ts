import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../src/bank/load.ts';
import { ParseCache } from '../../src/bank/parse-cache.ts';

const copyOfBank = () => {
  const dir = mkdtempSync(join(tmpdir(), 'mlq-bank-cache-'));
  cpSync(resolve('questions/statistics'), join(dir, 'bank', 'statistics'), { recursive: true });
  return { bank: join(dir, 'bank'), cache: join(dir, 'cache', 'bank-parse.json') };
};

describe('the bank parse cache', () => {
  it('gives the same questions and hashes as a plain load, from the cache on the second load', () => {
    const { bank, cache } = copyOfBank();
    const plain = loadBank(bank);
    const first = loadBank(bank, ParseCache.open(cache));
    const stored = JSON.parse(readFileSync(cache, 'utf8')) as { entries: Record<string, unknown> };
    expect(Object.keys(stored.entries)).toHaveLength(plain.questions.length);
    const second = loadBank(bank, ParseCache.open(cache));
    for (const loaded of [first, second]) {
      expect(loaded.problems).toEqual([]);
      expect(loaded.questions.map((q) => [q.question.id, q.hash])).toEqual(plain.questions.map((q) => [q.question.id, q.hash]));
    }
  });

  it('re-reads an edited file and still reports a broken one with its file and line', () => {
    const { bank, cache } = copyOfBank();
    loadBank(bank, ParseCache.open(cache));
    const file = join(bank, 'statistics', `${plainIds(bank)[0]!}.yaml`);
    const source = readFileSync(file, 'utf8');
    writeFileSync(file, source.replace(/^level: .*$/m, 'level: "expert"'));
    const edited = loadBank(bank, ParseCache.open(cache));
    expect(edited.problems).toHaveLength(1);
    expect(resolve(edited.problems[0]!.file)).toBe(file);
    expect(edited.problems[0]!.line).toBe(lineOf(source, 'level:'));
    expect(edited.problems[0]!.message).toMatch(/level|junior/);
    writeFileSync(file, source);
    expect(loadBank(bank, ParseCache.open(cache)).problems).toEqual([]);
  });

  it('treats a damaged cache file as empty', () => {
    const { bank, cache } = copyOfBank();
    loadBank(bank, ParseCache.open(cache));
    writeFileSync(cache, '{ not json');
    const loaded = loadBank(bank, ParseCache.open(cache));
    expect(loaded.problems).toEqual([]);
    expect(loaded.questions.length).toBeGreaterThan(5);
  });
});

function plainIds(bank: string): string[] {
  return loadBank(bank).questions.map((q) => q.question.id);
}

function lineOf(source: string, start: string): number {
  return source.split('\n').findIndex((l) => l.startsWith(start)) + 1;
}
