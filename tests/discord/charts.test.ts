import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chartMaker } from '../../src/charts/chart-maker.ts';
import { createDiscordHarness, type DiscordHarness } from '../helpers/discord-harness.ts';
import { CHANNEL, discordUser, GUILD } from '../helpers/fake-discord.ts';
import { waitFor } from '../helpers/wait.ts';

const ADMIN = '900000000000000050';
const U1 = '900000000000000051';
const EPHEMERAL = 64;
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const ANSWER = 'Bias is systematic error from wrong assumptions; variance is sensitivity to the particular training sample.';

let h: DiscordHarness | undefined;
// ECharts loads on the first chart (about 0.4 s, far more on a busy machine): loaded once here, outside the interactions.
beforeAll(async () => void (await chartMaker.render({ kind: 'heatmap', who: 'warm-up', today: '2026-11-23', counts: {} })));
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Subscribes the channel, U1 answers in the question's thread, the admin reveals; returns the thread id. */
async function answeredRound(): Promise<string> {
  const started = h!.discord.command(ADMIN, 'start', [], true);
  await waitFor(() => h!.discord.answers(started)[0]);
  const thread = String((await waitFor(() => h!.discord.of('POST', /\/threads$/)[0])).result!.id);
  h!.discord.dispatch('MESSAGE_CREATE', {
    id: h!.discord.next(),
    channel_id: thread,
    guild_id: GUILD,
    author: discordUser(U1, 'user51'),
    member: { nick: null, roles: [] },
    content: ANSWER,
    type: 0,
    timestamp: new Date().toISOString(),
    attachments: [],
    embeds: [],
    mentions: [],
  });
  await waitFor(() => h!.discord.of('PUT', /reactions/).length === 1);
  const reveal = h!.discord.command(ADMIN, 'reveal', [], true);
  await waitFor(() => h!.discord.answers(reveal).length > 0);
  await waitFor(async () => (await h!.mlq.currentRound(`discord:${GUILD}:${CHANNEL}`))?.status === 'revealed');
  return thread;
}

describe('charts in Discord', () => {
  it('/mlq stats replies privately with the charts attached, each described by its alt text', async () => {
    h = await createDiscordHarness({ start: new Date('2026-11-23T08:00:00Z') });
    h.deps.charts = chartMaker;
    await answeredRound();
    const id = h.discord.command(U1, 'stats');
    await waitFor(
      () => h!.discord.attachments.filter((a) => a.path.includes(`/interactions/${id}/`) || a.path.includes('/webhooks/')).length === 2,
      20_000,
    );
    const reply = h.discord.answers(id).at(-1)!;
    const flags =
      (reply.body as { data?: { flags?: number }; flags?: number }).data?.flags ?? (reply.body as { flags?: number }).flags ?? 0;
    expect(flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(h.discord.attachments.map((a) => [a.name, a.description])).toEqual([
      [
        'mlq-activity-2026-11-23.png',
        'Activity heatmap of user51 from 2026-06-01 to 2026-11-23: 1 answer on 1 day, the busiest 2026-11-23 with 1 answer.',
      ],
      [
        'mlq-points-2026-11-23.png',
        'Points of user51 against the group median over 12 periods: 10 at 23 Nov against a median of 10, level with it.',
      ],
    ]);
    for (const a of h.discord.attachments) expect([...a.bytes.subarray(0, 8)]).toEqual(PNG);
  });

  it('the digest’s group chart is attached to a message in the digest’s thread', async () => {
    h = await createDiscordHarness({ start: new Date('2026-11-23T08:00:00Z') });
    h.deps.charts = chartMaker;
    await answeredRound();
    const channel = (await h.repo.getChannel(`discord:${GUILD}:${CHANNEL}`))!;
    await h.repo.saveChannel({ ...channel, digestWeekday: 1, digestTime: '16:00', nextDigestAt: new Date('2026-11-23T16:00:00Z') });
    h.clock.set(new Date('2026-11-23T16:00:30Z'));
    expect(await h.mlq.tick()).toMatchObject({ digests: 1 });
    const threads = h.discord.of('POST', /\/threads$/).map((c) => String(c.result!.id));
    const digestThread = threads.at(-1)!;
    expect(h.discord.attachments.map((a) => [a.path, a.name])).toEqual([
      [`/channels/${digestThread}/messages`, 'mlq-digest-2026-11-23.png'],
    ]);
    expect(h.discord.attachments[0]!.description).toMatch(
      /^Answers in #.+, week of 23 Nov: 1 round with 1 answer, the most on Mon 23 \(1\); most answered category .+ \(1 of 1\)\.$/,
    );
    expect([...h.discord.attachments[0]!.bytes.subarray(0, 8)]).toEqual(PNG);
  });

  it('files still arrive when another copy of undici installed the process-wide dispatcher (as Bolt’s Socket Mode does)', async () => {
    // The undici at the top of node_modules is the one @slack/socket-mode loads (7.x); discord.js brings its own 6.x.
    const undici = await import('undici');
    const keys = [Symbol.for('undici.globalDispatcher.1'), Symbol.for('undici.globalDispatcher.2')];
    const before = keys.map((key) => (globalThis as Record<symbol, unknown>)[key]);
    undici.setGlobalDispatcher(new undici.Agent());
    try {
      h = await createDiscordHarness({ start: new Date('2026-11-23T08:00:00Z') });
      h.deps.charts = chartMaker;
      await answeredRound();
      const id = h.discord.command(U1, 'stats');
      await waitFor(() => h!.discord.attachments.length === 2, 20_000);
      expect(h.discord.attachments.map((a) => [a.path.includes(`/interactions/${id}/`) || a.path.includes('/webhooks/'), a.name])).toEqual([
        [true, 'mlq-activity-2026-11-23.png'],
        [true, 'mlq-points-2026-11-23.png'],
      ]);
      for (const a of h.discord.attachments) expect([...a.bytes.subarray(0, 8)]).toEqual(PNG);
    } finally {
      keys.forEach((key, i) => {
        (globalThis as Record<symbol, unknown>)[key] = before[i];
      });
    }
  });
});
