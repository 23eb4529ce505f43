import { startHttpServer } from '../../src/http-server.ts';
import type { SlackPace } from '../../src/platforms/slack/paced-posts.ts';
import { SlackPlatform } from '../../src/platforms/slack/platform.ts';
import { FakeSlack, type SignedOptions, sendSigned } from './fake-slack.ts';
import { createHarness, type Harness } from './harness.ts';
import { captureLogger, type LogLine } from './process.ts';
import { waitFor } from './wait.ts';

export const SECRET = '8f742231b10e8888abcd99aaabbb85a5';

export interface SlackHarness extends Harness {
  slack: FakeSlack;
  platform: SlackPlatform;
  logs: LogLine[];
  url: string;
  command(user: string, text: string, options?: SignedOptions): Promise<{ status: number; reply: Record<string, unknown> | undefined }>;
  event(event: Record<string, unknown>, options?: SignedOptions & { eventId?: string }): Promise<{ status: number }>;
  interact(payload: Record<string, unknown>): Promise<{ status: number; text: string }>;
  /** Resolves once Bolt has finished every request it received (its listeners run after the HTTP acknowledgement). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

let commandCounter = 0;

/**
 * Slack's posting limits scaled down 50 times (one post per channel each 20 ms), so that tests of conversations do not
 * wait a second between the bot's posts; the pace tests pass `pace: {}` for Slack's own limits.
 */
export const TEST_PACE: SlackPace = { channel: { limit: 1, windowMs: 20 }, workspace: { limit: 10, windowMs: 20 } };

/** The real core, store and Bolt app in HTTP mode, wired as main.ts does, against a fake Slack on 127.0.0.1. */
export async function createSlackHarness(start?: Date, options: { pace?: SlackPace } = {}): Promise<SlackHarness> {
  const h = await createHarness(start);
  const slack = await new FakeSlack().start();
  slack.now = () => h.clock.now();
  const { logger, logs } = captureLogger();
  h.deps.logger = logger;
  const platform = new SlackPlatform(
    { botToken: 'xoxb-test-token-1234', mode: 'http', signingSecret: SECRET, apiUrl: slack.apiUrl },
    logger,
    {
      retry: { minTimeout: 50, maxTimeout: 200, randomize: false },
      pace: options.pace ?? TEST_PACE,
    },
  );
  h.deps.ports.register(platform.port);
  platform.attach(h.mlq);
  let busy = 0;
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
  const http = await startHttpServer({ port: 0, host: '127.0.0.1', healthy: async () => true, handlers: platform.routes });
  const url = `http://127.0.0.1:${http.port}/slack/events`;

  /** Bolt calls processEvent before it acknowledges a request, so once `busy` is back to 0 its listeners are done. */
  const settled = async () => void (await waitFor(() => busy === 0));

  return {
    ...h,
    slack,
    platform,
    logs,
    url,
    settled,
    async command(user, text, options) {
      const n = ++commandCounter;
      const body = slashBody(user, text, slack.responseUrl(n), `trigger-${n}`);
      const result = await sendSigned(url, SECRET, body, 'application/x-www-form-urlencoded', options);
      await settled();
      const reply = slack.responses.find((r) => r.url.endsWith(`/respond/${n}`))?.body;
      return { status: result.status, reply };
    },
    async event(event, options = {}) {
      const body = JSON.stringify({
        token: 'legacy',
        team_id: 'T1',
        api_app_id: 'A1',
        type: 'event_callback',
        event_id: options.eventId ?? `Ev${Math.random().toString(36).slice(2)}`,
        event_time: Math.floor(Date.now() / 1000),
        event,
      });
      const result = await sendSigned(url, SECRET, body, 'application/json', options);
      await settled();
      return { status: result.status };
    },
    async interact(payload) {
      const body = new URLSearchParams({
        payload: JSON.stringify({ team: { id: 'T1', domain: 'study' }, api_app_id: 'A1', ...payload }),
      }).toString();
      const result = await sendSigned(url, SECRET, body, 'application/x-www-form-urlencoded');
      await settled();
      return { status: result.status, text: result.text };
    },
    async close() {
      await http.close();
      await slack.stop();
      await h.close();
    },
  };
}

/** The text of every block of a Slack message, for assertions. */
export function blockText(blocks: unknown): string {
  return JSON.stringify(blocks ?? []).replace(/\\n/g, '\n');
}

/** The form body Slack sends for `/mlq <text>` typed by `user` in channel C1 of team T1. */
export function slashBody(user: string, text: string, responseUrl: string, triggerId: string): string {
  return new URLSearchParams({
    token: 'legacy',
    team_id: 'T1',
    team_domain: 'study',
    channel_id: 'C1',
    channel_name: 'ml-study',
    user_id: user,
    user_name: user.toLowerCase(),
    command: '/mlq',
    text,
    api_app_id: 'A1',
    response_url: responseUrl,
    trigger_id: triggerId,
  }).toString();
}
