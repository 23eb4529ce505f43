import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPostgresUrl, TEST_DB } from './helpers/database.ts';
import { FakeSlack, sendSigned } from './helpers/fake-slack.ts';
import { freePort } from './helpers/process.ts';
import { scrape, series } from './helpers/scrape.ts';
import { waitFor } from './helpers/wait.ts';

const SECRET = 'aaaabbbbccccdddd0000111122223333';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

/** The built service as `npm start` runs it, on its own data folder (or its own Postgres database). */
async function startService(extra: Record<string, string>): Promise<{ service: ChildProcess; output: () => string }> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    MLQ_DATA_DIR: mkdtempSync(join(tmpdir(), 'mlq-metrics-')),
    MLQ_CONSOLE: 'off',
    LOG_LEVEL: 'info',
    ...extra,
  };
  if (TEST_DB === 'postgres') {
    const database = await createPostgresUrl();
    env.DATABASE_URL = database.url;
    cleanup.push(() => database.drop());
  }
  let output = '';
  const service = spawn(process.execPath, ['dist/main.js'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  service.stdout!.on('data', (d) => (output += d));
  service.stderr!.on('data', (d) => (output += d));
  cleanup.push(async () => {
    if (service.exitCode === null) {
      service.kill('SIGTERM');
      await new Promise((resolve) => service.once('exit', resolve));
    }
  });
  return { service, output: () => output };
}

describe('the service serves /metrics on its HTTP server', () => {
  it('counts a Slack command and the round it posted, beside /healthz and /slack/events', async () => {
    const slack = await new FakeSlack().start();
    cleanup.push(() => slack.stop());
    slack.admins.add('UADMIN');
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    await startService({
      PORT: String(port),
      SLACK_BOT_TOKEN: 'xoxb-service-test-token',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
    });
    await waitFor(async () => (await fetch(`${base}/metrics`).catch(() => null))?.ok, 45_000);
    await waitFor(async () => ((await scrape(base)).get('mlq_scheduler_pass_duration_seconds_count') ?? 0) >= 1, 20_000);

    const body = new URLSearchParams({
      team_id: 'T1',
      channel_id: 'C9',
      channel_name: 'study',
      user_id: 'UADMIN',
      user_name: 'admin',
      command: '/mlq',
      text: 'start',
      response_url: slack.responseUrl('svc-1'),
      trigger_id: 't',
    }).toString();
    expect((await sendSigned(`${base}/slack/events`, SECRET, body, 'application/x-www-form-urlencoded')).status).toBe(200);
    await waitFor(() => slack.responses.length === 1, 10_000);

    const all = await scrape(base);
    expect(series(all, 'mlq_commands_total')).toEqual({ 'mlq_commands_total{command="start",outcome="ok"}': 1 });
    expect(series(all, 'mlq_rounds_posted_total')).toEqual({ 'mlq_rounds_posted_total{platform="slack"}': 1 });
    expect(series(all, 'mlq_platform_errors_total')).toEqual({});
    expect(all.get('process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('starts no HTTP server, so no /metrics, when PORT is not set and Slack is not in HTTP mode', async () => {
    const { output } = await startService({});
    await waitFor(() => output().includes('mlq is running'), 45_000);
    expect(output()).not.toContain('health check at /healthz');
    expect(output()).not.toContain('/metrics');
  });
});
