import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresUrl, TEST_DB } from './helpers/database.ts';

/** `/mlq web`'s usage, whose `public` makes the web page public: not a public reply, which the terminal lacks. */
const WEB_USAGE = /\/mlq web \[public on\|off\|rotate\]`?/g;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts the real service the way the README does, with piped input, and waits for it to exit. */
function start(input: string, env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['dist/main.js'], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, MLQ_CONSOLE_USER: 'tester', TZ: 'UTC', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

const ANSWER = 'Bias is the error from wrong assumptions in the model, variance is sensitivity to the particular training sample.';
const SESSION = `/mlq today\n${ANSWER}\n/mlq today\n/mlq reveal\n/mlq streak\n/mlq leaderboard\n`;

/** Tomorrow's date in UTC as the terminal writes it, such as "Tue 1 Dec". */
function tomorrowUtc(): string {
  const day = new Date(Date.now() + 24 * 3_600_000);
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][day.getUTCDay()];
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][day.getUTCMonth()];
  return `${weekday} ${day.getUTCDate()} ${month}`;
}

/** The output with its line wrapping undone. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('the console channel, as a newcomer runs it', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mlq-console-'));
  let database: { url: string; drop(): Promise<void> } | null = null;
  const env: Record<string, string> = { MLQ_DATA_DIR: dataDir };

  beforeAll(async () => {
    if (TEST_DB === 'postgres') {
      database = await createPostgresUrl();
      env.DATABASE_URL = database.url;
    }
  });
  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await database?.drop();
  });

  it('plays a whole round from piped input, then remembers it on the next run', async () => {
    const first = await start(SESSION, env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).not.toContain('you ›');
    expect(Math.max(...first.stdout.split('\n').map((line) => stringWidth(line)))).toBeLessThanOrEqual(80);
    const prompt = /▌ Question of the day · [^\n]+\n\n([^\n]+)/.exec(first.stdout)?.[1];
    expect(prompt).toBeTruthy();
    expect(first.stdout).toContain('✓ Answer recorded');
    expect(flat(first.stdout)).toContain('Your answer is in: it counts when the round is revealed on');
    expect(first.stdout).toContain('What a strong answer covers');
    expect(first.stdout).toContain('Follow-up probes an interviewer would ask next');
    expect(flat(first.stdout)).toContain(`▌ Your answer · 10 points ${ANSWER}`);
    expect(first.stdout).toContain('Your streak: 1 round in a row');
    expect(first.stdout).toMatch(/Leaderboard · week of [\d-]+\n\n\s+• 🥇 tester · 10 pts/);

    const probe = 'I would plot training and validation error as the data grows to see which one dominates.';
    const second = await start(`/mlq today\n/mlq reveal\n${probe}\n/mlq streak\n/mlq leaderboard\n/mlq stats\n/mlq config\n`, env);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(prompt!);
    expect(second.stdout).toMatch(/leaves\.\n\n▌ Today's question · [^\n]+ · revealed\n/);
    expect(flat(second.stdout)).toContain(`Your answer · 10 points in this round ${ANSWER}`);
    expect(second.stdout).toContain('There is no open round to reveal.');
    expect(second.stdout).toContain('Your streak: 1 round in a row');
    expect(second.stdout).toContain('★ Probe reply: bonus points added.');
    expect(second.stdout).toContain('Answers: 1');
    expect(second.stdout).toContain('tester · 15 pts');
    expect(second.stdout).toContain(`Next question: ${tomorrowUtc()} 09:00 (UTC).`);
  });

  it('answers a wrong command with a short helpful reply and carries on', async () => {
    const run = await start('/mlq lederboard\n/mlq config reveal soon\n/mlq help\n/mlq ask calibration\n/mlq ask qwertyuiop\n', {
      MLQ_DATA_DIR: mkdtempSync(join(tmpdir(), 'mlq-console-')),
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("I don't know lederboard. Did you mean /mlq leaderboard?");
    expect(run.stdout).toContain('soon is not a delay or a time; write it like 6h, 90m or at 17:00');
    expect(run.stdout).toContain('Points and streaks');
    expect(run.stdout).toContain('▌ Practice · ');
    expect(run.stdout).toContain('No question matches “qwertyuiop”');
  });

  it('documents quit and leaves out what the terminal cannot do', async () => {
    const run = await start('/mlq help\n', { MLQ_DATA_DIR: mkdtempSync(join(tmpdir(), 'mlq-console-')) });
    expect(run.code).toBe(0);
    const banner = "Type your answer to today's question and press Enter; /mlq help lists the commands; quit (or Ctrl-D) leaves.";
    expect(flat(run.stdout)).toMatch(/^mlq · a terminal study channel \(.+\)\. Type/);
    expect(flat(run.stdout)).toContain(banner);
    expect(flat(run.stdout)).toContain('Type quit (or press Ctrl-D) to leave the terminal.');
    expect(flat(run.stdout)).toContain("/mlq leaderboard [week|month|season|all]: This week's, month's, season's or all-time leaderboard ");
    // The help alone: the day's question above it may well mention a public leaderboard or a reaction.
    const help = run.stdout.slice(run.stdout.indexOf('▌ mlq: a daily ML interview question'));
    expect(help).toContain('Points and streaks');
    expect(help.replace(WEB_USAGE, '')).not.toContain('public');
    expect(help).not.toContain('reaction');
  });
});

describe('start-up stops with one clear sentence', () => {
  it('for a malformed DATABASE_URL', async () => {
    const run = await start('', { DATABASE_URL: 'nonsense' });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'mlq: DATABASE_URL must be a Postgres connection URL; for example DATABASE_URL=postgres://mlq:secret@localhost:5432/mlq.\n',
    );
    expect(run.stdout).toBe('');
  });

  it('for a question file with a missing field, naming the file and line', async () => {
    const run = await start('', {
      MLQ_QUESTIONS_DIR: 'tests/fixtures/bank-missing-field',
      MLQ_DATA_DIR: mkdtempSync(join(tmpdir(), 'mlq-console-')),
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'mlq: a question file is malformed: tests/fixtures/bank-missing-field/fundamentals/bias-variance-diagnosis.yaml:1: missing field weak_answer.\n',
    );
  });
});
