import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresUrl, TEST_DB } from './helpers/database.ts';
import { freePort } from './helpers/process.ts';
import { waitFor } from './helpers/wait.ts';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  stop(): void;
}

const MAIN = resolve('dist/main.js');
let database: { url: string; drop(): Promise<void> } | null = null;

/** The built service started as an operator would, with only `env` (plus PATH and HOME) and `cwd`. */
function start(env: Record<string, string | undefined>, cwd = process.cwd()): Run & { exited: Promise<Run> } {
  const all: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    MLQ_DATA_DIR: mkdtempSync(join(tmpdir(), 'mlq-settings-')),
    MLQ_QUESTIONS_DIR: resolve('questions'),
    ...(database ? { DATABASE_URL: database.url } : {}),
    ...env,
  };
  const child = spawn(process.execPath, [MAIN], {
    cwd,
    env: Object.fromEntries(Object.entries(all).filter(([, value]) => value !== undefined)),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const run: Run = { code: null, stdout: '', stderr: '', stop: () => child.kill('SIGTERM') };
  child.stdout.on('data', (d) => (run.stdout += d));
  child.stderr.on('data', (d) => (run.stderr += d));
  const exited = new Promise<Run>((done) => child.on('close', (code) => done(Object.assign(run, { code }))));
  return Object.assign(run, { exited });
}

beforeAll(async () => {
  if (TEST_DB === 'postgres') database = await createPostgresUrl();
});
afterAll(async () => {
  await database?.drop();
});

describe('a service with no chat platform and no terminal', () => {
  it('warns at start-up which variables would connect it, then keeps running', async () => {
    const run = start({ MLQ_CONSOLE: 'off' });
    await waitFor(() => run.stdout.includes('"msg":"mlq is running"') || run.code !== null, 45_000);
    run.stop();
    await run.exited;
    const warnings = run.stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { level: number; msg: string })
      .filter((line) => line.level === 40)
      .map((line) => line.msg);
    expect(warnings).toEqual([
      'no chat platform is configured, so mlq posts nowhere: set SLACK_BOT_TOKEN with SLACK_APP_TOKEN (Socket Mode) or ' +
        'SLACK_SIGNING_SECRET (HTTP mode) for Slack, or DISCORD_TOKEN for Discord',
    ]);
    expect(run.stdout).toContain('"msg":"mlq is running"');
  });
});

describe('the HTTP server that cannot listen names the setting at fault', () => {
  it('HOST, for an address this machine does not have', async () => {
    const port = await freePort();
    const run = await start({ MLQ_CONSOLE: 'off', HOST: '192.0.2.1', PORT: String(port) }).exited;
    expect(run.stderr).toBe(
      'mlq: HOST (192.0.2.1) is not an address of this machine; use one it has, for example HOST=127.0.0.1, or HOST=0.0.0.0 for all of ' +
        'them.\n',
    );
    expect(run.code).toBe(1);
  });

  it('PORT, for a port another program holds', async () => {
    const port = await freePort();
    const holder: Server = await new Promise((done) => {
      const server = createServer().listen(port, '127.0.0.1', () => done(server));
    });
    try {
      const run = await start({ MLQ_CONSOLE: 'off', HOST: '127.0.0.1', PORT: String(port) }).exited;
      expect(run.stderr).toBe(
        `mlq: PORT (${port}) is already in use on 127.0.0.1; stop what uses it or choose another port, for example PORT=3000.\n`,
      );
      expect(run.code).toBe(1);
    } finally {
      holder.close();
    }
  });
});

describe('settings read from .env', () => {
  const folder = () => mkdtempSync(join(tmpdir(), 'mlq-dotenv-'));

  it('say that a wrong value came from .env, and a real variable wins over the file', async () => {
    const dir = folder();
    writeFileSync(join(dir, '.env'), 'PORT=abc\nMLQ_TIMEZONE="Mars/Olympus"\n');
    const fromFile = await start({}, dir).exited;
    expect(fromFile.stderr).toBe('mlq: PORT in .env must be a port number from 1 to 65535 (got "abc"); for example PORT=3000.\n');
    expect(fromFile.code).toBe(1);
    const overridden = await start({ PORT: '99999' }, dir).exited;
    expect(overridden.stderr).toBe('mlq: PORT must be a port number from 1 to 65535 (got "99999"); for example PORT=3000.\n');
    const next = await start({ PORT: '3000' }, dir).exited;
    expect(next.stderr).toBe(
      'mlq: MLQ_TIMEZONE in .env must be an IANA time zone name (got "Mars/Olympus"); for example ' + 'MLQ_TIMEZONE=Europe/Berlin.\n',
    );
  });

  it('names a Slack token from .env as from .env', async () => {
    const dir = folder();
    writeFileSync(join(dir, '.env'), 'SLACK_BOT_TOKEN=xoxb-1\nSLACK_APP_TOKEN=xapp-1-A0123-4567-abcdef\n');
    const run = await start({}, dir).exited;
    expect(run.stderr).toBe(
      'mlq: SLACK_BOT_TOKEN in .env is too short: it starts with xoxb- as it should, but only 1 character follows where a real token has ' +
        'about 50 (got 6 characters); copy the Bot User OAuth Token from the app’s OAuth & Permissions page; for example ' +
        'SLACK_BOT_TOKEN=xoxb-1234-5678-abcdef.\n',
    );
  });
});

describe('a question folder that cannot be used is named as MLQ_QUESTIONS_DIR and a folder', () => {
  it('when it does not exist, when it is a file, and when .env names it', async () => {
    const missing = await start({ MLQ_QUESTIONS_DIR: 'no-such-questions' }).exited;
    expect(missing.stderr).toBe(
      'mlq: MLQ_QUESTIONS_DIR is "no-such-questions", which does not exist; set it to the question bank folder, for example ' +
        'MLQ_QUESTIONS_DIR=questions.\n',
    );
    expect(missing.code).toBe(1);
    const file = await start({ MLQ_QUESTIONS_DIR: 'package.json' }).exited;
    expect(file.stderr).toBe(
      'mlq: MLQ_QUESTIONS_DIR is "package.json", which is a file, not a folder; set it to the question bank folder, for example ' +
        'MLQ_QUESTIONS_DIR=questions.\n',
    );
    const dir = mkdtempSync(join(tmpdir(), 'mlq-dotenv-'));
    writeFileSync(join(dir, '.env'), 'MLQ_QUESTIONS_DIR=bank\n');
    const run = await start({ MLQ_QUESTIONS_DIR: undefined }, dir).exited;
    expect(run.stderr).toBe(
      'mlq: MLQ_QUESTIONS_DIR in .env is "bank", which does not exist; set it to the question bank folder, for example ' +
        'MLQ_QUESTIONS_DIR=questions.\n',
    );
  });
});
