import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/core/log.ts';
import type { SlackConfig } from '../../src/platforms/slack/config.ts';
import { SlackPlatform } from '../../src/platforms/slack/platform.ts';
import { freePort } from '../helpers/process.ts';

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

/** A Slack Web API that answers every method from `answers` (default: ok), so a token can be refused. */
async function refusingSlack(answers: Record<string, Record<string, unknown>>): Promise<string> {
  server = createServer((req, res) => {
    req.resume();
    const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0]!;
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify(answers[method] ?? { ok: true, user_id: 'UBOT', team_id: 'T1' }));
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}/api/`;
}

async function failure(config: Partial<SlackConfig>): Promise<string> {
  const platform = new SlackPlatform(
    { botToken: 'xoxb-test-token-1234', mode: 'http', signingSecret: 'abcdef0123456789', ...config },
    silentLogger,
  );
  const error = await platform.start().then(
    () => null,
    (e: unknown) => e,
  );
  await platform.stop();
  expect(error).not.toBeNull();
  return platform.startFailure(error);
}

describe('Slack start-up failures, each in one sentence', () => {
  it('says the network could not reach Slack when nothing listens, within seconds, without blaming the tokens', async () => {
    const apiUrl = `http://127.0.0.1:${await freePort()}/api/`;
    const started = Date.now();
    expect(await failure({ apiUrl })).toBe(
      `Slack could not be reached at ${apiUrl} (ECONNREFUSED); the tokens were not checked. Check the network, a proxy, or SLACK_API_URL.`,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('says SLACK_BOT_TOKEN was refused when Slack answers invalid_auth', async () => {
    const apiUrl = await refusingSlack({ 'auth.test': { ok: false, error: 'invalid_auth' } });
    expect(await failure({ apiUrl })).toBe(
      'SLACK_BOT_TOKEN was refused by Slack (invalid_auth); ' +
        "copy the Bot User OAuth Token (xoxb-…) from the app's OAuth & Permissions page.",
    );
  });

  it('says SLACK_APP_TOKEN was refused when only Socket Mode’s connection is refused', async () => {
    const apiUrl = await refusingSlack({ 'apps.connections.open': { ok: false, error: 'invalid_auth' } });
    expect(await failure({ apiUrl, mode: 'socket', appToken: 'xapp-1-A1-test-token' })).toBe(
      'SLACK_APP_TOKEN was refused by Slack (invalid_auth); ' +
        "copy an app-level token (xapp-…) with the connections:write scope from the app's Basic Information page.",
    );
  });

  it('stops the service with that sentence on stderr and exit code 1', async () => {
    const apiUrl = `http://127.0.0.1:${await freePort()}/api/`;
    const child = spawn(process.execPath, ['dist/main.js'], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        MLQ_DATA_DIR: mkdtempSync(join(tmpdir(), 'mlq-slack-down-')),
        SLACK_BOT_TOKEN: 'xoxb-service-test-token',
        SLACK_SIGNING_SECRET: 'aaaabbbbccccdddd0000111122223333',
        SLACK_API_URL: apiUrl,
        PORT: String(await freePort()),
        LOG_LEVEL: 'error',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect({ code, stderr }).toEqual({
      code: 1,
      stderr:
        `mlq: Slack could not be reached at ${apiUrl} (ECONNREFUSED); ` +
        `the tokens were not checked. Check the network, a proxy, or SLACK_API_URL.\n`,
    });
  });
});
