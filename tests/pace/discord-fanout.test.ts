import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordHarness, type DiscordHarness } from '../helpers/discord-harness.ts';
import { DiscordLimits, sustainedRate } from '../helpers/fake-limits.ts';
import { addDueChannels } from '../helpers/replicas.ts';

/** Discord's global limit scaled down (40 a second rather than 50) so a few hundred channels post in seconds. */
const GLOBAL = { limit: 40, windowMs: 1000 };
const CHANNELS = 200;
const channelIds = Array.from({ length: CHANNELS }, (_, i) => String(910_000_000_000_000_000n + BigInt(i)));

let h: DiscordHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('a Discord fan-out at the global limit, through discord.js REST against the fake with its limits on', () => {
  // How close to the allowed rate it posts is a timing, measured by the bench (pace part, target ≥ 0.9), not asserted here.
  it('posts every channel once, with no 429, never above the allowed rate', async () => {
    h = await createDiscordHarness({ pace: GLOBAL });
    await addDueChannels(h.database.store, channelIds);
    h.discord.limits = new DiscordLimits({ global: GLOBAL });
    const report = await h.mlq.tick({ concurrency: 48 });
    expect(report.posted).toBe(CHANNELS);

    const limits = h.discord.limits;
    expect(limits.refused).toEqual([]);
    expect(h.platform.requests.refused).toBe(0);
    const posts = h.discord.calls.filter((c) => c.method === 'POST' && /^\/channels\/\d+\/messages$/.test(c.path) && c.status === 200);
    const perChannel = new Map<string, number>();
    for (const post of posts) perChannel.set(post.path, (perChannel.get(post.path) ?? 0) + 1);
    expect(perChannel.size).toBe(CHANNELS);
    expect([...perChannel.values()].every((n) => n === 1)).toBe(true);
    expect(limits.admitted).toHaveLength(2 * CHANNELS);
    expect(limits.busiest(GLOBAL.windowMs)).toBeLessThanOrEqual(GLOBAL.limit);
    expect(sustainedRate(limits.admitted, GLOBAL.limit, 'median') / (GLOBAL.limit / GLOBAL.windowMs)).toBeLessThanOrEqual(1);
  }, 60_000);
});
