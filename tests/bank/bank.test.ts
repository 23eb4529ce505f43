import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { distinctPairs } from '../../src/bank/distinct-pairs.ts';
import { matrix, retiredIds, retiredProblems, sourcesProblems } from '../../src/bank/lint.ts';
import { formatProblem, loadBank } from '../../src/bank/load.ts';
import { nearDuplicates } from '../../src/bank/near-duplicates.ts';
import { CATEGORIES, LEVELS } from '../../src/core/types.ts';

describe('the shipped bank', () => {
  const bank = loadBank(resolve('questions'));

  it('loads without a problem and covers every category × level cell', () => {
    expect(bank.problems.map(formatProblem)).toEqual([]);
    const counts = matrix(bank.questions);
    for (const c of CATEGORIES) for (const l of LEVELS) expect(counts[c][l], `${c} × ${l}`).toBeGreaterThanOrEqual(1);
  });

  it('has no near-duplicate questions but the pairs a reviewer listed as distinct, each with its reason', () => {
    const distinct = distinctPairs(resolve('questions'), new Set(bank.questions.map((q) => q.question.id)));
    expect(distinct.problems).toEqual([]);
    expect(distinct.pairs.size).toBe(9);
    expect(nearDuplicates(bank.questions, undefined, distinct.pairs).map(formatProblem)).toEqual([]);
  });

  it('has at least 8 questions in every category × level cell, coding included, and a tldr on every question', () => {
    const counts = matrix(bank.questions);
    for (const c of CATEGORIES) for (const l of LEVELS) expect(counts[c][l], `${c} × ${l}`).toBeGreaterThanOrEqual(8);
    expect(bank.questions.filter((q) => !q.question.tldr).map((q) => q.question.id)).toEqual([]);
  });
});

describe('problems name the file and the line', () => {
  it('reports a missing field', () => {
    const bank = loadBank(resolve('tests/fixtures/bank-missing-field'));
    expect(bank.problems.map(formatProblem)).toEqual([
      'tests/fixtures/bank-missing-field/fundamentals/bias-variance-diagnosis.yaml:1: missing field weak_answer',
    ]);
  });

  it('reports broken YAML at its line', () => {
    const [problem] = loadBank(resolve('tests/fixtures/bank-bad-yaml')).problems;
    expect(problem!.file).toBe('tests/fixtures/bank-bad-yaml/fundamentals/broken-indent.yaml');
    expect(problem!.line).toBe(5);
  });

  it('reports a short strong answer, a probe without guidance and a wrong folder at their lines', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlq-bank-'));
    mkdirSync(join(dir, 'statistics'));
    const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
    writeFileSync(
      join(dir, 'statistics', 'short-one.yaml'),
      [
        'id: "short-one"',
        'category: "fundamentals"',
        'level: "junior"',
        'prompt: "What is a p-value?"',
        `strong_answer: "${words(50)}"`,
        `weak_answer: "${words(50)}"`,
        'key_points: ["a", "b", "c"]',
        'probes:',
        '  - question: "Why?"',
        '  - question: "How?"',
        '    guidance: "Because."',
        'tags: ["p-value", "testing"]',
      ].join('\n'),
    );
    const problems = loadBank(dir).problems.map((p) => `${p.line}: ${p.message}`);
    expect(problems).toContain('5: strong_answer has 50 words; it needs 120 to 300');
    expect(problems).toContain('9: missing field probes.0.guidance');
  });
});

describe('lint measures', () => {
  it('flags a SOURCES.md row that names an unknown id', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlq-sources-'));
    writeFileSync(join(dir, 'SOURCES.md'), '| article | question | ids |\n|---|---|---|\n| 000_x.txt | Bias and variance | no-such-id |\n');
    expect(sourcesProblems(dir, []).map((p) => `${p.line}: ${p.message}`)).toEqual([
      '3: SOURCES.md names no-such-id, which is not in the bank',
    ]);
  });
});

describe('a bank folder that cannot be used is a folder problem, not a file problem', () => {
  it('missing, a file, or without question files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlq-bank-folder-'));
    const none = { questions: [], problems: [] };
    expect(loadBank(join(dir, 'missing'))).toEqual({ ...none, folder: { kind: 'missing', reason: 'does not exist' } });
    writeFileSync(join(dir, 'notes.txt'), 'not a bank');
    expect(loadBank(join(dir, 'notes.txt'))).toEqual({ ...none, folder: { kind: 'not-a-folder', reason: 'is a file, not a folder' } });
    expect(loadBank(join(dir, 'notes.txt', 'below'))).toEqual({ ...none, folder: { kind: 'missing', reason: 'does not exist' } });
    expect(loadBank(dir)).toEqual({ ...none, folder: { kind: 'empty', reason: 'holds no .yaml question files' } });
  });
});

describe('retired ids', () => {
  /** A copy of the one-question coding fixture, with a retired.txt of `lines`. */
  function bankWith(lines: string[]): string {
    const dir = mkdtempSync(join(tmpdir(), 'mlq-retired-'));
    cpSync(resolve('tests/fixtures/bank-coding'), dir, { recursive: true });
    writeFileSync(join(dir, 'retired.txt'), lines.join('\n'));
    return dir;
  }

  it('reads one id a line, skipping comments and blank lines', () => {
    const dir = bankWith(['# header', '', 'old-question  # merged into another', 'another-one']);
    expect([...retiredIds(dir).ids]).toEqual([
      ['old-question', 3],
      ['another-one', 4],
    ]);
  });

  it('fails a question file that uses a retired id, at the line of its id', () => {
    const dir = bankWith(['# header', 'roc-auc-from-scores']);
    const bank = loadBank(dir);
    expect(retiredProblems(dir, bank.questions).map((p) => `${p.file.split('/').slice(-2).join('/')}:${p.line}: ${p.message}`)).toEqual([
      'coding/roc-auc-from-scores.yaml:1: id roc-auc-from-scores is retired (retired.txt line 2); give this question a new id',
    ]);
  });

  it('names a malformed or repeated line of retired.txt', () => {
    const dir = bankWith(['Not An Id', 'gone-question', 'gone-question']);
    expect(retiredProblems(dir, []).map((p) => `${p.line}: ${p.message}`)).toEqual([
      '1: "Not An Id" is not a question id',
      '3: gone-question is retired already on line 2',
    ]);
  });

  it('the shipped list parses and no shipped question uses a retired id', () => {
    const dir = resolve('questions');
    expect(retiredIds(dir).problems).toEqual([]);
    expect(retiredProblems(dir, loadBank(dir).questions)).toEqual([]);
  });
});
