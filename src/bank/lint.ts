import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CATEGORIES, type Category, LEVELS, type Level } from '../core/types.ts';
import type { BankProblem, LoadedQuestion } from './load.ts';

const STOPWORDS = new Set(
  'a an and are as at be between by can do does for from how i if in is it its of on or so that the their then this to was what when where which while who why will with would you your we our me my us'.split(
    ' ',
  ),
);

/** The prompt as a set of content words, for near-duplicate detection. */
export function promptTokens(prompt: string): Set<string> {
  return new Set(
    prompt
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
      .split(/[\s-]+/)
      .filter((w) => w.length > 1 && !STOPWORDS.has(w))
      .map((w) => (w.length > 4 && w.endsWith('s') ? w.slice(0, -1) : w)),
  );
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / (a.size + b.size - shared || 1);
}

/** Share of content words two prompts have in common above which they count as near duplicates. */
export const NEAR_DUPLICATE = 0.6;

export function nearDuplicates(questions: LoadedQuestion[]): BankProblem[] {
  const tokens = questions.map((q) => promptTokens(q.question.prompt));
  const problems: BankProblem[] = [];
  for (let i = 0; i < questions.length; i++) {
    for (let j = i + 1; j < questions.length; j++) {
      const score = jaccard(tokens[i]!, tokens[j]!);
      if (score >= NEAR_DUPLICATE) {
        problems.push({
          file: questions[j]!.file,
          line: 1,
          message: `prompt nearly duplicates ${questions[i]!.question.id} (${Math.round(score * 100)} % shared words): ${questions[j]!.question.id} ~ ${questions[i]!.question.id}`,
        });
      }
    }
  }
  return problems;
}

/** Checks questions/SOURCES.md: every id a row names must exist in the bank. */
export function sourcesProblems(dir: string, questions: LoadedQuestion[]): BankProblem[] {
  const path = join(dir, 'SOURCES.md');
  const file = relative(process.cwd(), path) || path;
  if (!existsSync(path)) return [{ file, line: 1, message: 'SOURCES.md is missing: it maps the seed articles to bank ids' }];
  const ids = new Set(questions.map((q) => q.question.id));
  const problems: BankProblem[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((text, index) => {
      const cells = text.split('|').map((c) => c.trim());
      if (cells.length < 5 || !/\.txt$/.test(cells[1] ?? '')) return;
      const named = (cells[3] ?? '')
        .split(/[,\s]+/)
        .map((id) => id.replace(/`/g, ''))
        .filter(Boolean);
      if (named.length === 0) problems.push({ file, line: index + 1, message: 'this source row names no bank id' });
      for (const id of named)
        if (!ids.has(id)) problems.push({ file, line: index + 1, message: `SOURCES.md names ${id}, which is not in the bank` });
    });
  return problems;
}

export type Matrix = Record<Category, Record<Level, number>>;

export function matrix(questions: LoadedQuestion[]): Matrix {
  const counts = Object.fromEntries(CATEGORIES.map((c) => [c, Object.fromEntries(LEVELS.map((l) => [l, 0]))])) as Matrix;
  for (const { question } of questions) counts[question.category][question.level]++;
  return counts;
}

/** The category × level matrix as a text table, with totals. */
export function formatMatrix(counts: Matrix, minimum = 0): string {
  const width = Math.max(...CATEGORIES.map((c) => c.length)) + 2;
  const header = 'category'.padEnd(width) + LEVELS.map((l) => l.padStart(8)).join('') + 'total'.padStart(8);
  const rows = CATEGORIES.map((c) => {
    const cells = LEVELS.map((l) => `${counts[c][l] < minimum ? '!' : ''}${counts[c][l]}`.padStart(8));
    const total = LEVELS.reduce((sum, l) => sum + counts[c][l], 0);
    return c.padEnd(width) + cells.join('') + String(total).padStart(8);
  });
  const totals = LEVELS.map((l) => CATEGORIES.reduce((sum, c) => sum + counts[c][l], 0));
  const footer =
    'total'.padEnd(width) + totals.map((t) => String(t).padStart(8)).join('') + String(totals.reduce((a, b) => a + b, 0)).padStart(8);
  return [header, ...rows, footer].join('\n');
}
