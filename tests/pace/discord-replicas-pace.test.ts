import { afterEach, describe, expect, it } from 'vitest';
import { Mlq } from '../../src/core/app.ts';
import { Ports } from '../../src/core/port.ts';
import { DiscordPlatform } from '../../src/platforms/discord/platform.ts';
import { rateSlotsRepo } from '../../src/store/rate-slots-repo.ts';
import { TOKEN } from '../helpers/discord-harness.ts';
import { FakeDiscord, GUILD } from '../helpers/fake-discord.ts';
import { DiscordLimits, sustainedRate } from '../helpers/fake-limits.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { addDueChannels } from '../helpers/replicas.ts';

/** Discord's global limit scaled down (40 a second rather than 50), shared by the two replicas. */
const GLOBAL = { limit: 40, windowMs: 1000 };
const CHANNELS = 160;
const channelIds = Array.from({ length: CHANNELS }, (_, i) => String(920_000_000_000_000_000n + BigInt(i)));

let h: Harness | undefined;
let discord: FakeDiscord | undefined;
const platforms: DiscordPlatform[] = [];
afterEach(async () => {
  for (const platform of platforms.splice(0)) await platform.stop();
  await discord?.stop();
  await h?.close();
  h = discord = undefined;
});

describe('two replicas fanning out together on one database', () => {
  it('stay under the one global limit of the bot together: no 429, every channel posted once, by both', async () => {
    h = await createHarness(new Date());
    discord = await new FakeDiscord().start();
    const shared = rateSlotsRepo(h.database.store.db);
    /** A replica: its own discord.js client (and pacer) and its own core, on the same database and shared bucket. */
    const replica = () => {
      const platform = new DiscordPlatform(
        { token: TOKEN, apiUrl: discord!.apiUrl, messageContent: true, guildId: GUILD, shards: 'auto' },
        h!.deps.logger,
        { pace: { ...GLOBAL, shared } },
      );
      platform.client.rest.setToken(TOKEN);
      platforms.push(platform);
      const ports = new Ports();
      ports.register(platform.port);
      return { platform, mlq: new Mlq({ ...h!.deps, ports }) };
    };
    const [a, b] = [replica(), replica()];
    await addDueChannels(h.database.store, channelIds);
    discord.limits = new DiscordLimits({ global: GLOBAL });

    const [first, second] = await Promise.all([a!.mlq.tick({ concurrency: 48, batch: 20 }), b!.mlq.tick({ concurrency: 48, batch: 20 })]);
    expect(first.posted + second.posted).toBe(CHANNELS);
    expect(first.posted).toBeGreaterThan(0);
    expect(second.posted).toBeGreaterThan(0);

    const limits = discord.limits;
    expect(limits.refused).toEqual([]);
    expect(a!.platform.requests.refused + b!.platform.requests.refused).toBe(0);
    const posts = discord.calls.filter((c) => c.method === 'POST' && /^\/channels\/\d+\/messages$/.test(c.path) && c.status === 200);
    expect(new Set(posts.map((p) => p.path)).size).toBe(CHANNELS);
    expect(posts).toHaveLength(CHANNELS);
    expect(limits.busiest(GLOBAL.windowMs)).toBeLessThanOrEqual(GLOBAL.limit);
    // Their rate together is not asserted: on PGlite the shared slots queue behind both cores' work on one connection.
    expect(sustainedRate(limits.admitted, GLOBAL.limit, 'median') / (GLOBAL.limit / GLOBAL.windowMs)).toBeLessThanOrEqual(1);
  }, 60_000);
});
