import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPostgresUrl, TEST_DB } from '../helpers/database.ts';
import { FakeSlack, sendSigned } from '../helpers/fake-slack.ts';
import { freePort, type ServiceProcess, startService, startServing } from '../helpers/process.ts';
import { slashBody } from '../helpers/slack-harness.ts';
import { waitFor } from '../helpers/wait.ts';

const SIGNING = 'aaaabbbbccccdddd0000111122223333';
const KEY = 'Eg9/wdkXp+mVn1WXdgxqnnjswsA28Twt8g9biSl4PF8=';

let slack: FakeSlack | undefined;
let service: ServiceProcess | undefined;
let database: { url: string; drop(): Promise<void> } | null = null;
afterEach(async () => {
  await service?.stop();
  await slack?.stop();
  await database?.drop();
  database = null;
});

async function settings(port: number): Promise<Record<string, string>> {
  slack = await new FakeSlack().start();
  const env: Record<string, string> = {
    PORT: String(port),
    HOST: '127.0.0.1',
    MLQ_DATA_DIR: mkdtempSync(join(tmpdir(), 'mlq-oauth-')),
    SLACK_CLIENT_ID: slack.oauthApp.clientId,
    SLACK_CLIENT_SECRET: slack.oauthApp.clientSecret,
    SLACK_STATE_SECRET: 'state-secret-for-the-service-test',
    MLQ_SECRET_KEY: KEY,
    SLACK_SIGNING_SECRET: SIGNING,
    SLACK_API_URL: slack.apiUrl,
    LOG_LEVEL: 'info',
  };
  if (TEST_DB === 'postgres') {
    database = await createPostgresUrl();
    env.DATABASE_URL = database.url;
  }
  return env;
}

describe('the service with Slack OAuth settings', () => {
  it('serves the install flow on PORT and answers the installed workspace with its token', async () => {
    const { service: running, port } = await startServing(await settings(0));
    service = running;
    const base = `http://127.0.0.1:${port}`;
    slack!.workspace('TALPHA', 'Alpha Study', ['CA1']);

    const install = await fetch(`${base}/slack/install`, { redirect: 'manual' });
    expect(install.status).toBe(302);
    const state = new URL(install.headers.get('location')!).searchParams.get('state')!;
    const cookie = install.headers.get('set-cookie')!.split(';')[0]!;
    const query = new URLSearchParams({ code: slack!.grantCode('TALPHA'), state });
    const done = await fetch(`${base}/slack/oauth_redirect?${query}`, { headers: { cookie } });
    expect(done.status).toBe(200);

    const body = new URLSearchParams(slashBody('UA1', 'start', slack!.responseUrl('svc-1'), 'trigger-svc-1'));
    body.set('team_id', 'TALPHA');
    body.set('channel_id', 'CA1');
    const sent = await sendSigned(`${base}/slack/events`, SIGNING, body.toString(), 'application/x-www-form-urlencoded');
    expect(sent.status).toBe(200);
    const post = await waitFor(() => slack!.of('chat.postMessage').find((c) => c.params.channel === 'CA1'), 30_000);
    expect(post.token).toBe([...slack!.workspaces.get('TALPHA')!.tokens][0]);
    expect(running.errors()).toEqual([]);
  });

  it('stops at start-up with one sentence naming MLQ_SECRET_KEY when it is too short', async () => {
    const env = await settings(await freePort());
    service = startService({ ...env, MLQ_SECRET_KEY: Buffer.alloc(16, 1).toString('base64') });
    expect(await service.exited).toBe(1);
    expect(service.stderr()).toBe(
      'mlq: MLQ_SECRET_KEY is 16 bytes of base64, not 32 (44 characters) (got "AQEBA…", 24 characters); ' +
        'generate one with `openssl rand -base64 32`; for example MLQ_SECRET_KEY=Eg9/wdkXp+mVn1WXdgxqnnjswsA28Twt8g9biSl4PF8=.\n',
    );
  });
});
