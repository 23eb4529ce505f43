import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Mlq } from '../../src/core/app.ts';
import { Ports } from '../../src/core/port.ts';
import { DiscordPlatform, MessageContentRefusedError } from '../../src/platforms/discord/platform.ts';
import { leasesRepo } from '../../src/store/leases-repo.ts';
import { TOKEN } from '../helpers/discord-harness.ts';
import { APP, FakeDiscord } from '../helpers/fake-discord.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { captureLogger } from '../helpers/process.ts';
import { waitFor } from '../helpers/wait.ts';

let h: Harness;
let discord: FakeDiscord;
let platform: DiscordPlatform | undefined;

beforeEach(async () => {
  h = await createHarness(new Date());
  discord = await new FakeDiscord().start();
});
afterEach(async () => {
  await platform?.stop();
  platform = undefined;
  await discord.stop();
  await h.close();
});

/** The platform as main.ts builds it: shards owned through leases in the store. */
function leased(env: { shards?: { ids: number[]; count: number } } = {}): DiscordPlatform {
  const { logger } = captureLogger();
  platform = new DiscordPlatform({ token: TOKEN, apiUrl: discord.apiUrl, messageContent: true, shards: env.shards ?? 'auto' }, logger, {
    sharding: { leases: leasesRepo(h.database.store.db), owner: 'replica-1', leaseMs: 30_000 },
  });
  const ports = new Ports();
  ports.register(platform.port);
  platform.attach(new Mlq({ ...h.deps, ports }));
  return platform;
}

const leaseNames = async () => (await h.database.store.db.selectFrom('leases').select('name').orderBy('name').execute()).map((r) => r.name);

describe('Discord with shards owned through leases', () => {
  it('connects every shard Discord recommends, registers /mlq once and reports the same invite as a plain login', async () => {
    discord.recommendedShards = 2;
    const started = await leased().start();
    expect(started.message).toBe(
      `connected to Discord (shards 0, 1 of 2); invite mlq to a server with ${discord.apiUrl}/oauth2/authorize?client_id=${APP}&scope=bot+applications.commands&permissions=${String(started.fields.invite).split('permissions=')[1]}`,
    );
    expect(started.fields).toMatchObject({ application: APP, shards: [0, 1], shardCount: 2 });
    expect(discord.shardConnections()).toEqual([
      { shard: 0, count: 2 },
      { shard: 1, count: 2 },
    ]);
    expect(discord.of('PUT', /^\/applications\/\d+\/commands$/)).toHaveLength(1);
    expect(await leaseNames()).toEqual(['discord-replica:replica-1', 'discord-shard:0/2', 'discord-shard:1/2']);

    const id = discord.command('900000000000000051', 'help');
    await waitFor(() => discord.answers(id).length > 0);
    expect(discord.answers(id)).toHaveLength(1);
  });

  it('uses DISCORD_SHARD_COUNT over the recommendation, and pause gives every lease back and closes the gateways', async () => {
    discord.recommendedShards = 1;
    const p = leased({ shards: { ids: [0, 1, 2], count: 3 } });
    expect((await p.start()).fields).toMatchObject({ shards: [0, 1, 2], shardCount: 3 });
    await p.pause();
    expect(await leaseNames()).toEqual([]);
    await waitFor(() => discord.shardConnections().length === 0);
  });

  it('refuses start-up in one sentence when the gateway refuses Message Content, giving the shard back', async () => {
    discord.refuseMessageContent = true;
    const p = leased();
    const error = await p.start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MessageContentRefusedError);
    expect(p.startFailure(error)).toBe(new MessageContentRefusedError().message);
    expect(await leaseNames()).toEqual(['discord-replica:replica-1']);
  });

  it('says DISCORD_TOKEN was refused when Discord answers 401', async () => {
    discord.inject('GET /gateway/bot', { status: 401, body: { message: '401: Unauthorized', code: 0 } });
    const p = leased();
    const error = await p.start().catch((e: unknown) => e);
    expect(p.startFailure(error)).toBe(
      'DISCORD_TOKEN was refused by Discord; copy the token from the Bot page of your application in the Developer Portal.',
    );
  });
});
