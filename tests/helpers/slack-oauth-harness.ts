import { startHttpServer } from '../../src/http-server.ts';
import type { SlackConfig } from '../../src/platforms/slack/config.ts';
import { SlackPlatform } from '../../src/platforms/slack/platform.ts';
import { FakeSlack, sendSigned } from './fake-slack.ts';
import { createHarness, type Harness } from './harness.ts';
import { captureLogger, type LogLine } from './process.ts';
import { SECRET, slashBody, TEST_PACE } from './slack-harness.ts';
import { waitFor } from './wait.ts';

/** Two 32-byte keys, as base64 and hex, for sealing installations. */
export const KEY_A = Buffer.from('Eg9/wdkXp+mVn1WXdgxqnnjswsA28Twt8g9biSl4PF8=', 'base64');
export const KEY_B = Buffer.from('5f1d3c0a9e8b7a6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c', 'hex');
export const STATE_SECRET = 'state-secret-for-the-tests-0123456789';
export const STATE_COOKIE = 'slack-app-oauth-state';

export interface StartedInstall {
  status: number;
  location: string;
  state: string;
  cookie: string;
}

export interface SlackOAuthService {
  platform: SlackPlatform;
  logs: LogLine[];
  base: string;
  stop(): Promise<void>;
}

export interface SlackOAuthHarness extends Harness {
  slack: FakeSlack;
  service: SlackOAuthService;
  /** Starts mlq's Slack platform (again) on the same database and fake Slack, with these keys. */
  restart(keys?: { key: Buffer; previousKey?: Buffer }): Promise<SlackOAuthService>;
  /** GET /slack/install: the redirect to Slack's consent page, its state parameter and the state cookie. */
  startInstall(): Promise<StartedInstall>;
  /** GET /slack/oauth_redirect with the query Slack would add, and the browser's cookie header. */
  callback(query: Record<string, string>, cookie?: string): Promise<{ status: number; text: string }>;
  /** The whole flow for `team`: install page, consent (a code from the fake), callback with the state cookie. */
  install(team: string): Promise<{ status: number; text: string }>;
  event(team: string, event: Record<string, unknown>): Promise<{ status: number }>;
  command(team: string, channel: string, user: string, text: string): Promise<{ status: number; reply?: Record<string, unknown> }>;
  settled(): Promise<void>;
  close(): Promise<void>;
}

let counter = 0;

/** The real core, store and Bolt app with Slack's OAuth flow, in HTTP mode or Socket Mode, against a fake Slack. */
export async function createSlackOAuthHarness(
  options: { mode?: 'http' | 'socket'; start?: Date; key?: Buffer; previousKey?: Buffer } = {},
): Promise<SlackOAuthHarness> {
  const mode = options.mode ?? 'http';
  const h = await createHarness(options.start);
  const slack = await new FakeSlack().start();
  slack.now = () => h.clock.now();
  let busy = 0;
  let service: SlackOAuthService | undefined;

  async function launch(key: Buffer, previousKey?: Buffer): Promise<SlackOAuthService> {
    const { logger, logs } = captureLogger();
    const config: SlackConfig = {
      mode,
      apiUrl: slack.apiUrl,
      ...(mode === 'http' ? { signingSecret: SECRET } : { appToken: 'xapp-1-A1-test-token' }),
      oauth: { ...slack.oauthApp, stateSecret: STATE_SECRET, secretKey: key, previousKey },
    };
    const platform = new SlackPlatform(config, logger, {
      retry: { retries: 1, minTimeout: 20, maxTimeout: 50, randomize: false },
      installs: h.repo,
      pace: TEST_PACE,
    });
    h.deps.ports.register(platform.port);
    platform.attach(h.mlq);
    const process = platform.app.processEvent.bind(platform.app);
    platform.app.processEvent = async (event) => {
      busy++;
      try {
        await process(event);
      } finally {
        busy--;
      }
    };
    await platform.start();
    if (mode === 'socket') await waitFor(() => slack.connected);
    const http = await startHttpServer({ port: 0, host: '127.0.0.1', healthy: async () => true, handlers: platform.routes });
    return {
      platform,
      logs,
      base: `http://127.0.0.1:${http.port}`,
      async stop() {
        await http.close();
        await platform.stop();
      },
    };
  }

  service = await launch(options.key ?? KEY_A, options.previousKey);
  const settled = async () => void (await waitFor(() => busy === 0));
  const current = () => service!;

  const harness: SlackOAuthHarness = {
    ...h,
    slack,
    get service() {
      return current();
    },
    async restart(keys = { key: KEY_A }) {
      await current().stop();
      service = await launch(keys.key, keys.previousKey);
      return service;
    },
    async startInstall() {
      const response = await fetch(`${current().base}/slack/install`, { redirect: 'manual' });
      await response.text();
      const location = response.headers.get('location') ?? '';
      const state = location ? (new URL(location).searchParams.get('state') ?? '') : '';
      const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
      return { status: response.status, location, state, cookie };
    },
    async callback(query, cookie) {
      const url = `${current().base}/slack/oauth_redirect?${new URLSearchParams(query)}`;
      const response = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
      return { status: response.status, text: await response.text() };
    },
    async install(team) {
      const started = await harness.startInstall();
      return harness.callback({ code: slack.grantCode(team), state: started.state }, started.cookie);
    },
    async event(team, event) {
      const payload = {
        token: 'legacy',
        team_id: team,
        api_app_id: 'A1',
        type: 'event_callback',
        event_id: `Ev${++counter}`,
        event_time: Math.floor(Date.now() / 1000),
        event,
      };
      if (mode === 'socket') {
        await slack.envelope('events_api', payload);
        await settled();
        return { status: 200 };
      }
      const result = await sendSigned(`${current().base}/slack/events`, SECRET, JSON.stringify(payload), 'application/json');
      await settled();
      return { status: result.status };
    },
    async command(team, channel, user, text) {
      const n = `oauth-${++counter}`;
      const fields = new URLSearchParams(slashBody(user, text, slack.responseUrl(n), `trigger-${n}`));
      fields.set('team_id', team);
      fields.set('channel_id', channel);
      const body = fields.toString();
      let status = 200;
      if (mode === 'socket') await slack.envelope('slash_commands', Object.fromEntries(fields));
      else status = (await sendSigned(`${current().base}/slack/events`, SECRET, body, 'application/x-www-form-urlencoded')).status;
      await settled();
      return { status, reply: slack.responses.find((r) => r.url.endsWith(`/respond/${n}`))?.body };
    },
    settled,
    async close() {
      await current().stop();
      await slack.stop();
      await h.close();
    },
  };
  return harness;
}
