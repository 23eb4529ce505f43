import { execFile, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const CLI = resolve('dist/bank-cli.js');

/** The bank tool as `npm run bank` runs it (the built dist/bank-cli.js), from `cwd`, with only PATH and HOME besides `env`. */
function bank(args: string[], cwd: string, env: Record<string, string> = {}): Promise<Run> {
  return new Promise((done) => {
    const options = { cwd, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } };
    execFile(process.execPath, [CLI, ...args], options, (error, stdout, stderr) =>
      done({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

/** A folder with a one-question bank in `bank/` whose question misses a field. */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mlq-bank-cli-'));
  cpSync(resolve('tests/fixtures/bank-missing-field'), join(dir, 'bank'), { recursive: true });
  return dir;
}

describe('npm run bank', () => {
  it('--help exits 0 and lists the commands and the folder argument', async () => {
    const run = await new Promise<Run>((done) =>
      execFile('npm', ['run', '--silent', 'bank', '--', '--help'], (error, stdout, stderr) =>
        done({ code: error ? Number(error.code) : 0, stdout, stderr }),
      ),
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm run bank -- <command> \[folder\]\n/);
    expect(run.stdout).toContain('\n  lint    ');
    expect(run.stdout).toContain('\n  stats   ');
    expect(run.stdout).toContain('\n  folder  the question bank folder; by default MLQ_QUESTIONS_DIR');
  });

  it('reads MLQ_QUESTIONS_DIR from .env as start-up does, and prints paths relative to where it runs, with the line', async () => {
    const dir = project();
    writeFileSync(join(dir, '.env'), 'MLQ_QUESTIONS_DIR=bank\nMLQ_BANK_MIN_PER_CELL=0\n');
    const run = await bank(['lint'], dir);
    expect(run.stderr).toBe(
      'bank/fundamentals/bias-variance-diagnosis.yaml:1: missing field weak_answer\n' +
        'bank/SOURCES.md:1: SOURCES.md is missing: it maps the seed articles to bank ids\n',
    );
    expect(run.stdout).toBe('0 questions checked, 2 problems.\n');
    expect(run.code).toBe(1);
  });

  it('takes the folder argument over the settings, and names a missing folder as a folder', async () => {
    const dir = project();
    writeFileSync(join(dir, '.env'), 'MLQ_QUESTIONS_DIR=elsewhere\n');
    const missing = await bank(['stats'], dir);
    expect(missing).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'mlq: MLQ_QUESTIONS_DIR in .env is "elsewhere", which does not exist; set it to the question bank folder, ' +
        'for example MLQ_QUESTIONS_DIR=questions.\n',
    });
    const argument = await bank(['lint', 'nowhere'], dir);
    expect(argument).toEqual({
      code: 1,
      stdout: '',
      stderr: 'mlq: the folder "nowhere" does not exist; give the question bank folder, for example npm run bank -- lint questions.\n',
    });
    const given = await bank(['lint', 'bank'], dir, { MLQ_BANK_MIN_PER_CELL: '0' });
    expect(given.stderr.split('\n')[0]).toBe('bank/fundamentals/bias-variance-diagnosis.yaml:1: missing field weak_answer');
  });

  it('stops on a wrong setting with the same sentence as start-up', async () => {
    const dir = project();
    writeFileSync(join(dir, '.env'), 'MLQ_TIMEZONE=Mars/Olympus\n');
    const run = await bank(['lint', 'bank'], dir);
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: 'mlq: MLQ_TIMEZONE in .env must be an IANA time zone name (got "Mars/Olympus"); for example MLQ_TIMEZONE=Europe/Berlin.\n',
    });
  });

  it('refuses an unknown command with the usage, exit 1', async () => {
    const run = await bank(['lnt'], project());
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n').slice(0, 3)).toEqual([
      'mlq: there is no bank command "lnt"; lint and stats are.',
      '',
      'Usage: npm run bank -- <command> [folder]',
    ]);
  });
});

describe('npm run bank -- lint on coding questions', () => {
  /** A project whose bank is a copy of `fixture`, with its cells not counted and a SOURCES.md without rows. */
  function codingProject(fixture: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'mlq-bank-coding-'));
    cpSync(resolve(fixture), join(dir, 'bank'), { recursive: true });
    writeFileSync(join(dir, 'bank', 'SOURCES.md'), '| article | question | ids |\n|---|---|---|\n');
    return dir;
  }
  const python = spawnSync('python3', ['-c', 'import numpy']).status === 0;

  it.runIf(python)('runs the solutions and names the YAML line of a failing test', async () => {
    const run = await bank(['lint', 'bank'], codingProject('tests/fixtures/bank-coding-failing'), { MLQ_BANK_MIN_PER_CELL: '0' });
    expect(run).toEqual({
      code: 1,
      stdout: 'Ran the tests of 1 coding solutions with python3.\n1 questions checked, 1 problem.\n',
      stderr: 'bank/coding/roc-auc-wrong-test.yaml:54: solution test failed: assert roc_auc([0.5, 0.5], [0, 1]) == 0.25 (AssertionError)\n',
    });
  });

  it.runIf(python)('passes a bank whose solutions pass their tests', async () => {
    const run = await bank(['lint', 'bank'], codingProject('tests/fixtures/bank-coding'), { MLQ_BANK_MIN_PER_CELL: '0' });
    expect(run).toEqual({
      code: 0,
      stdout: 'Ran the tests of 1 coding solutions with python3.\n1 questions checked, 0 problems.\n',
      stderr: '',
    });
  });

  it('says in one line that it skipped the solutions when python3 is not on the PATH', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'mlq-no-python-'));
    const run = await bank(['lint', 'bank'], codingProject('tests/fixtures/bank-coding-failing'), {
      PATH: empty,
      MLQ_BANK_MIN_PER_CELL: '0',
    });
    expect(run).toEqual({
      code: 0,
      stdout: 'Skipped the tests of 1 coding solutions: python3 with NumPy is not installed.\n1 questions checked, 0 problems.\n',
      stderr: '',
    });
  });

  it('wants 8 questions in every cell unless MLQ_BANK_MIN_PER_CELL says otherwise', async () => {
    const dir = codingProject('tests/fixtures/bank-coding');
    const run = await bank(['lint', 'bank'], dir, { PATH: mkdtempSync(join(tmpdir(), 'mlq-no-python-')) });
    const cells = run.stderr.split('\n').filter((l) => l.includes(' × '));
    expect(cells).toHaveLength(30);
    expect(cells).toContain('bank/: coding × mid has 1 questions; it needs at least 8');
    expect(cells).toContain('bank/: fundamentals × junior has 0 questions; it needs at least 8');
    const seven = await bank(['lint', 'bank'], dir, { PATH: mkdtempSync(join(tmpdir(), 'mlq-no-python-')), MLQ_BANK_MIN_PER_CELL: '1' });
    expect(seven.stderr.split('\n').filter((l) => l.includes(' × '))).toHaveLength(29);
  });

  it('stats prints the median and the longest reveal in characters', async () => {
    const run = await bank(['stats', 'bank'], codingProject('tests/fixtures/bank-coding'));
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').at(-2)).toBe('Reveal length in characters: median 3357, maximum 3357 (roc-auc-from-scores).');
  });
});
