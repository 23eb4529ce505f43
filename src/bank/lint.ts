import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CATEGORIES, type Category, LEVELS, type Level } from '../core/types.ts';
import type { BankProblem, LoadedQuestion } from './load.ts';

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

/** The retired ids: one a line in questions/retired.txt, `#` starting a comment; none when the file is absent. */
export function retiredIds(dir: string): { ids: Map<string, number>; problems: BankProblem[] } {
  const path = join(dir, 'retired.txt');
  const file = relative(process.cwd(), path) || path;
  const ids = new Map<string, number>();
  const problems: BankProblem[] = [];
  if (!existsSync(path)) return { ids, problems };
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((text, index) => {
      const id = text.replace(/#.*/, '').trim();
      if (!id) return;
      if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id))
        problems.push({ file, line: index + 1, message: `"${id.slice(0, 60)}" is not a question id` });
      else if (ids.has(id)) problems.push({ file, line: index + 1, message: `${id} is retired already on line ${ids.get(id)}` });
      else ids.set(id, index + 1);
    });
  return { ids, problems };
}

/** The line of a question file's `id:` field. */
function idLine(file: string): number {
  const index = readFileSync(file, 'utf8')
    .split('\n')
    .findIndex((line) => /^id\s*:/.test(line));
  return index + 1 || 1;
}

/** A problem for every question that uses a retired id: rounds and answers refer to it, so it is never used again. */
export function retiredProblems(dir: string, questions: LoadedQuestion[]): BankProblem[] {
  const { ids, problems } = retiredIds(dir);
  for (const { question, file } of questions) {
    const at = ids.get(question.id);
    if (at)
      problems.push({
        file,
        line: idLine(file),
        message: `id ${question.id} is retired (retired.txt line ${at}); give this question a new id`,
      });
  }
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
