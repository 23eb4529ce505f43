import { resolve } from 'node:path';
import { loadBank } from '../../src/bank/load.ts';
import type { Question } from '../../src/core/types.ts';

/** The coding fixture question (roc-auc-from-scores), valid as the bank lint reads it. */
export const CODING_QUESTION: Question = loadBank(resolve('tests/fixtures/bank-coding')).questions[0]!.question;

/**
 * Python of `lines` lines, every one `columns` characters wide and numbered (`# 07 xxxx…`), so that a test can see a
 * line was kept whole; `fill` supplies the filler character of line i (default `x`).
 */
export function wideCode(lines = 40, columns = 72, fill: (i: number) => string = () => 'x'): string {
  return Array.from({ length: lines }, (_, i) => {
    const head = `# ${String(i + 1).padStart(2, '0')} `;
    return head + fill(i).repeat(columns - head.length);
  }).join('\n');
}

/** The coding fixture question with `code` as its solution. */
export const withCode = (code: string): Question => ({ ...CODING_QUESTION, solution: { ...CODING_QUESTION.solution!, code } });
