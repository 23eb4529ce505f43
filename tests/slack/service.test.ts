import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPostgresUrl, TEST_DB } from '../helpers/database.ts';
import { FakeSlack, sendSigned } from '../helpers/fake-slack.ts';
import { FAILED_REPLY, type ServiceProcess, startServing } from '../helpers/process.ts';
import { waitFor } from '../helpers/wait.ts';

const SECRET = 'aaaabbbbccccdddd0000111122223333';

let slack: FakeSlack;
let service: ServiceProcess;
let port: number;
let database: { url: string; drop(): Promise<void> } | null = null;

beforeAll(async () => {
  slack = await new FakeSlack().start();
  slack.admins.add('UADMIN');
  const env: Record<string, string> = {
    HOST: '127.0.0.1',
    MLQ_DATA_DIR: mkdtempSync(join(tmpdir(), 'mlq-slack-')),
    SLACK_BOT_TOKEN: 'xoxb-service-test-token',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    LOG_LEVEL: 'info',
  };
  if (TEST_DB === 'postgres') {
    database = await createPostgresUrl();
    env.DATABASE_URL = database.url;
  }
  ({ service, port } = await startServing(env));
});

let errorsBefore = 0;
beforeEach(() => {
  errorsBefore = service.errors().length;
});

/** Any error-level log line or a "Something went wrong" reply fails the test (the catch-all hides the error otherwise). */
afterEach(() => {
  expect(service.errors().slice(errorsBefore)).toEqual([]);
  expect(JSON.stringify([slack.responses, slack.calls])).not.toMatch(FAILED_REPLY);
});

afterAll(async () => {
  await service.stop();
  await slack.stop();
  await database?.drop();
});

/** Runs `/mlq <text>` in channel C9 and waits for its reply at the response_url. */
async function run(text: string, n: string) {
  const body = new URLSearchParams({
    team_id: 'T1',
    channel_id: 'C9',
    channel_name: 'study',
    user_id: 'UADMIN',
    user_name: 'admin',
    command: '/mlq',
    text,
    response_url: slack.responseUrl(n),
    trigger_id: 't',
  }).toString();
  const result = await sendSigned(`http://127.0.0.1:${port}/slack/events`, SECRET, body, 'application/x-www-form-urlencoded');
  expect(result.status, text).toBe(200);
  // Generous: `stats` loads ECharts on its first chart, seconds on a CI machine running three suites at once.
  return waitFor(() => slack.responses.find((r) => r.url.endsWith(`/respond/${n}`)), 30_000);
}

describe('the service in Slack HTTP mode', () => {
  it('acknowledges /mlq on /slack/events, then posts to the subscribed channel', async () => {
    const reply = await run('start', 'svc-1');
    const post = await waitFor(() => slack.of('chat.postMessage')[0], 10_000);
    expect(post.params.channel).toBe('C9');
    expect(reply.body.response_type).toBe('in_channel');
  });

  it('answers every subcommand without an error', async () => {
    const subs = [
      'start',
      'help',
      'today',
      'ask',
      'solution',
      'streak',
      'leaderboard',
      'leaderboard all',
      'stats',
      'topics',
      'config',
      'away 2',
      'away off',
      'reveal',
      'skip',
      'stop',
    ];
    for (const [i, sub] of subs.entries()) {
      const reply = await run(sub, `svc-sub-${i}`);
      expect(JSON.stringify(reply.body), sub).not.toMatch(FAILED_REPLY);
    }
  });
});
