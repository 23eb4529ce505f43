import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/core/log.ts';
import { DiscordPlatform } from '../../src/platforms/discord/platform.ts';
import { TOKEN } from '../helpers/discord-harness.ts';
import { freePort } from '../helpers/process.ts';

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

async function failure(apiUrl: string): Promise<string> {
  const platform = new DiscordPlatform({ token: TOKEN, apiUrl, messageContent: true, shards: 'auto' }, silentLogger);
  const error = await platform.start().then(
    () => null,
    (e: unknown) => e,
  );
  await platform.stop().catch(() => undefined);
  expect(error).not.toBeNull();
  return platform.startFailure(error);
}

describe('Discord start-up failures, each in one sentence', () => {
  it('says the network could not reach Discord when nothing listens, without blaming the token', async () => {
    const apiUrl = `http://127.0.0.1:${await freePort()}/api`;
    expect(await failure(apiUrl)).toBe(
      `Discord could not be reached at ${apiUrl} (ECONNREFUSED); ` +
        `the token was not checked. Check the network, a proxy, or DISCORD_API_URL.`,
    );
  });

  it('says DISCORD_TOKEN was refused when Discord answers 401', async () => {
    server = createServer((req, res) => {
      req.resume();
      res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ message: '401: Unauthorized', code: 0 }));
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const apiUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/api`;
    expect(await failure(apiUrl)).toBe(
      'DISCORD_TOKEN was refused by Discord; copy the token from the Bot page of your application in the Developer Portal.',
    );
  });
});
