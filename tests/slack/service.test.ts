import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresUrl, TEST_DB } from '../helpers/database.ts';
import { FakeSlack, sendSigned } from '../helpers/fake-slack.ts';
import { freePort } from '../helpers/process.ts';
import { waitFor } from '../helpers/wait.ts';

const SECRET = 'aaaabbbbccccdddd0000111122223333';


let slack: FakeSlack;
let service: ChildProcess;
let port: number;
let database: { url: string; drop(): Promise<void> } | null = null;
let stderr = '';

beforeAll(async () => {
  slack = await new FakeSlack().start();
  slack.admins.add('UADMIN');
  port = await freePort();
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    PORT: String(port),
    HOST: '127.0.0.1',
    MLQ_DATA_DIR: mkdtempSync(join(tmpdir(), 'mlq-slack-')),
    SLACK_BOT_TOKEN: 'xoxb-service-test-token',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    LOG_LEVEL: 'warn',
  };
  if (TEST_DB === 'postgres') {
    database = await createPostgresUrl();
    env.DATABASE_URL = database.url;
  }
  service = spawn(process.execPath, ['dist/main.js'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  service.stderr!.on('data', (d) => (stderr += d));
  await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null))?.ok, 30_000);
});

afterAll(async () => {
  service.kill('SIGTERM');
  await new Promise((resolve) => service.once('exit', resolve));
  await slack.stop();
  await database?.drop();
});

describe('the service in Slack HTTP mode', () => {
  it('acknowledges /mlq on /slack/events, then posts to the subscribed channel', async () => {
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
    const result = await sendSigned(`http://127.0.0.1:${port}/slack/events`, SECRET, body, 'application/x-www-form-urlencoded');
    expect(result.status).toBe(200);
    const post = await waitFor(() => slack.of('chat.postMessage')[0], 10_000);
    expect(post.params.channel).toBe('C9');
    await waitFor(() => slack.responses.length === 1);
    expect(slack.responses[0]!.body.response_type).toBe('in_channel');
    expect(stderr).toBe('');
  });
});
