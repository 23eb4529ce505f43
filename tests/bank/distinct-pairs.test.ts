import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { distinctPairs, pairKey } from '../../src/bank/distinct-pairs.ts';

const folder = (text: string) => {
  const dir = mkdtempSync(join(tmpdir(), 'mlq-distinct-'));
  writeFileSync(join(dir, 'distinct.txt'), text);
  return dir;
};
const known = new Set(['alpha-question', 'beta-question', 'gamma-question']);

describe('questions/distinct.txt: pairs reviewed as different questions', () => {
  it('reads pairs in either order, skipping comments and blank lines', () => {
    const { pairs, problems } = distinctPairs(folder('# header\n\nbeta-question alpha-question # design vs concept\n'), known);
    expect(problems).toEqual([]);
    expect([...pairs]).toEqual(['alpha-question beta-question']);
    expect(pairs.has(pairKey('alpha-question', 'beta-question'))).toBe(true);
    expect(pairs.has(pairKey('beta-question', 'alpha-question'))).toBe(true);
  });

  it('names the line of a pair without a reason, with one or three ids, or with an id not in the bank', () => {
    const dir = folder(
      [
        'alpha-question beta-question',
        'alpha-question # one id',
        'alpha-question beta-question gamma-question # three',
        'alpha-question delta-question # unknown',
        'alpha-question gamma-question #   ',
      ].join('\n'),
    );
    const { pairs, problems } = distinctPairs(dir, known);
    expect(pairs.size).toBe(0);
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [1, 'say after # why alpha-question and beta-question differ'],
      [2, 'a line names two question ids, then # and why they differ'],
      [3, 'a line names two question ids, then # and why they differ'],
      [4, 'delta-question is not in the bank'],
      [5, 'say after # why alpha-question and gamma-question differ'],
    ]);
    expect(problems[0]!.file).toMatch(/distinct\.txt$/);
  });

  it('is empty when the file is absent', () => {
    expect(distinctPairs(mkdtempSync(join(tmpdir(), 'mlq-distinct-')), known)).toEqual({ pairs: new Set(), problems: [] });
  });
});
