import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../src/bank/load.ts';
import { runSolutions } from '../../src/bank/run-solutions.ts';

const python = spawnSync('python3', ['-c', 'import numpy']).status === 0;

/** A copy of the coding fixture whose solution code lines are replaced by `code` (indented as the file has them). */
function bankWithCode(code: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'mlq-solutions-'));
  cpSync(resolve('tests/fixtures/bank-coding'), dir, { recursive: true });
  const file = join(dir, 'coding', 'roc-auc-from-scores.yaml');
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf('  code: |-\n') + '  code: |-\n'.length;
  const end = text.indexOf('  complexity:');
  writeFileSync(file, `${text.slice(0, start)}${code.map((l) => `    ${l}`.trimEnd()).join('\n')}\n${text.slice(end)}`);
  return dir;
}
const relativeLine = (p: { file: string; line: number; message: string }) =>
  `${p.file.slice(p.file.indexOf('coding/'))}:${p.line}: ${p.message}`;

describe.runIf(python)('running the coding solutions with python3', () => {
  it('reports a solution that raises at the YAML line of the code line that raised', () => {
    // `code: |-` is line 28 of the fixture, so code line 3 is YAML line 31, and the three tests follow on 37 to 39.
    const dir = bankWithCode(['def roc_auc(scores, labels):', '    """Broken on purpose."""', '    raise ValueError("no")']);
    const { questions } = loadBank(dir);
    const run = runSolutions(questions);
    expect(run.problems.map(relativeLine)).toEqual([
      'coding/roc-auc-from-scores.yaml:37: solution test failed: assert roc_auc([0.1, 0.9], [0, 1]) == 1.0 (ValueError: no; raised at line 31 in solution.code)',
      'coding/roc-auc-from-scores.yaml:38: solution test failed: assert roc_auc([0.5, 0.5], [0, 1]) == 0.5 (ValueError: no; raised at line 31 in solution.code)',
      'coding/roc-auc-from-scores.yaml:39: solution test failed: assert abs(roc_auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]) - 0.75) < 1e-9 (ValueError: no; raised at line 31 in solution.code)',
    ]);
  });

  it('reports code that does not run at all at its own line, and skips its tests', () => {
    const dir = bankWithCode(['import numpy as np', 'x = 1 / 0']);
    expect(runSolutions(loadBank(dir).questions).problems.map(relativeLine)).toEqual([
      'coding/roc-auc-from-scores.yaml:30: solution.code raised ZeroDivisionError: division by zero',
    ]);
  });

  it('runs nothing when python3 runs but cannot import NumPy', () => {
    const wrapper = join(mkdtempSync(join(tmpdir(), 'mlq-python-')), 'python-without-site');
    writeFileSync(wrapper, '#!/bin/sh\nexec python3 -S "$@"\n', { mode: 0o755 });
    const { questions } = loadBank(resolve('tests/fixtures/bank-coding-failing'));
    expect(runSolutions(questions, wrapper)).toEqual({
      ran: false,
      count: 1,
      reason: `${wrapper} with NumPy is not installed`,
      problems: [],
    });
  });

  it('stops a solution that runs past the timeout and names it', () => {
    const dir = bankWithCode(['while True:', '    pass']);
    const run = runSolutions(loadBank(dir).questions, 'python3', 2_000);
    expect(run.problems.map(relativeLine)).toEqual([
      'coding/roc-auc-from-scores.yaml:28: python3 did not finish within 2 s while running this solution',
    ]);
  });
});

describe('without python3', () => {
  it('runs nothing and says why', () => {
    const { questions } = loadBank(resolve('tests/fixtures/bank-coding-failing'));
    expect(runSolutions(questions, 'no-such-python3')).toEqual({
      ran: false,
      count: 1,
      reason: 'no-such-python3 with NumPy is not installed',
      problems: [],
    });
  });

  it('has nothing to run in a bank without coding questions', () => {
    expect(runSolutions(loadBank(resolve('tests/fixtures/bank-duplicates')).questions, 'no-such-python3')).toEqual({
      ran: true,
      count: 0,
      problems: [],
    });
  });
});
