import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TEST_DB } from '../helpers/database.ts';
import { TOKEN } from '../helpers/discord-harness.ts';
import { FakeDiscord } from '../helpers/fake-discord.ts';
import { FakeSlack, sendSigned } from '../helpers/fake-slack.ts';
import { FAILED_REPLY, type ServiceProcess } from '../helpers/process.ts';
import { startTestService, type TestService } from '../helpers/service.ts';
import { waitFor } from '../helpers/wait.ts';

const SECRET = 'aaaabbbbccccdddd0000111122223333';
const ADMIN = '900000000000000050';

let slack: FakeSlack;
let discord: FakeDiscord;
let running: TestService;
let service: ServiceProcess;
let port: number;

beforeAll(async () => {
  slack = await new FakeSlack().start();
  slack.admins.add('UADMIN');
  discord = await new FakeDiscord().start();
  running = await startTestService('both', {
    SLACK_BOT_TOKEN: 'xoxb-service-test-token',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    DISCORD_TOKEN: TOKEN,
    DISCORD_API_URL: discord.apiUrl,
    LOG_LEVEL: 'info',
  });
  ({ service, port } = running);
});

let errorsBefore = 0;
beforeEach(() => {
  errorsBefore = service.errors().length;
});

/** Any error-level log line or a "Something went wrong" reply fails the test (the catch-all hides the error otherwise). */
afterEach(() => {
  expect(service.child.exitCode, `the service ended; its stderr: ${service.stderr().slice(-2000)}`).toBeNull();
  expect(service.errors().slice(errorsBefore)).toEqual([]);
  expect(JSON.stringify([discord.calls.map((c) => c.body), slack.responses, slack.calls])).not.toMatch(FAILED_REPLY);
});

afterAll(async () => {
  await running.close();
  await slack.stop();
  await discord.stop();
});

describe('the service with Slack and Discord in one process', () => {
  it('registers /mlq globally, logs the invite URL, and answers every subcommand', async () => {
    expect(discord.of('PUT', /^\/applications\/\d+\/commands$/)).toHaveLength(1);
    expect(service.stdout()).toMatch(/oauth2\/authorize\?client_id=900000000000000003&scope=bot\+applications\.commands&permissions=\d+/);
    const subs = [
      'start',
      'help',
      'today',
      'ask',
      'solution',
      'streak',
      'leaderboard',
      'stats',
      'topics',
      'config',
      'reveal',
      'skip',
      'stop',
    ];
    for (const sub of subs) {
      const id = discord.command(ADMIN, sub, [], true);
      // Generous: `stats` loads ECharts on its first chart, seconds on a CI machine running three suites at once.
      const first = await waitFor(() => discord.answers(id)[0], 30_000);
      expect([4, 5], sub).toContain((first.body as { type: number }).type);
      const deferred = (first.body as { type: number }).type === 5;
      const answer = deferred ? await waitFor(() => discord.answers(id).find((c) => c.method === 'PATCH'), 30_000) : first;
      expect(JSON.stringify(answer.body), sub).not.toMatch(FAILED_REPLY);
    }
    expect(discord.of('POST', /\/threads$/).length).toBeGreaterThanOrEqual(1);
  });

  it('serves Slack over HTTP from the same process and the same database', async () => {
    const started = discord.command(ADMIN, 'start', [], true);
    await waitFor(() => discord.answers(started)[0], 30_000);
    const body = new URLSearchParams({
      team_id: 'T1',
      channel_id: 'C9',
      channel_name: 'study',
      user_id: 'UADMIN',
      user_name: 'admin',
      command: '/mlq',
      text: 'start',
      response_url: slack.responseUrl('both-1'),
      trigger_id: 't',
    }).toString();
    const result = await sendSigned(`http://127.0.0.1:${port}/slack/events`, SECRET, body, 'application/x-www-form-urlencoded');
    expect(result.status).toBe(200);
    await waitFor(() => slack.of('chat.postMessage')[0], 10_000);
    if (TEST_DB === 'postgres') {
      const client = new pg.Client({ connectionString: running.databaseUrl });
      await client.connect();
      const { rows } = await client.query('select id from channels order by id');
      await client.end();
      expect(rows.map((r) => r.id.split(':')[0])).toEqual(['discord', 'slack']);
    }
  });
});
