import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { BankProblem } from './load.ts';

/** The key of an unordered pair of question ids. */
export const pairKey = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);

/**
 * The pairs a reviewer judged distinct although the near-duplicate check scores them alike: questions/distinct.txt,
 * one pair a line (`id-a id-b # why they differ`, the reason required), so that only a new pair fails the lint.
 */
export function distinctPairs(dir: string, known: Set<string>): { pairs: Set<string>; problems: BankProblem[] } {
  const path = join(dir, 'distinct.txt');
  const file = relative(process.cwd(), path) || path;
  const pairs = new Set<string>();
  const problems: BankProblem[] = [];
  if (!existsSync(path)) return { pairs, problems };
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((text, index) => {
      const [body = '', ...why] = text.split('#');
      const ids = body.trim().split(/\s+/).filter(Boolean);
      if (ids.length === 0) return;
      const unknown = ids.find((id) => !known.has(id));
      const message =
        ids.length !== 2
          ? 'a line names two question ids, then # and why they differ'
          : !why.join('#').trim()
            ? `say after # why ${ids[0]} and ${ids[1]} differ`
            : unknown
              ? `${unknown} is not in the bank`
              : null;
      if (message) problems.push({ file, line: index + 1, message });
      else pairs.add(pairKey(ids[0]!, ids[1]!));
    });
  return { pairs, problems };
}
