import { webApi } from '@slack/bolt';
import { sql } from 'kysely';
import { silentLogger } from '../../src/core/log.ts';
import { DISCORD_GLOBAL } from '../../src/platforms/discord/paced-rest.ts';
import { DiscordPlatform } from '../../src/platforms/discord/platform.ts';
import { SLACK_WORKSPACE } from '../../src/platforms/slack/paced-posts.ts';
import { SlackPort } from '../../src/platforms/slack/port.ts';
import { rateSlotsRepo } from '../../src/store/rate-slots-repo.ts';
import { TOKEN } from '../../tests/helpers/discord-harness.ts';
import { FakeDiscord, GUILD } from '../../tests/helpers/fake-discord.ts';
import { DiscordLimits, SlackLimits, sustainedRate } from '../../tests/helpers/fake-limits.ts';
import { FakeSlack } from '../../tests/helpers/fake-slack.ts';
import { type BenchDatabase, benchCore, benchDatabase, progress, type Row } from '../lib.ts';

/** `count` channels of `community`, ids `prefix` + a number from `first`, all due a second ago. */
async function seedDue(db: BenchDatabase, community: string, prefix: string, first: bigint, count: number): Promise<void> {
  const due = new Date(Date.now() - 1000);
  await sql`insert into communities (id, platform, name) values (${community}, ${community.split(':')[0]}, 'b')`.execute(db.store.db);
  await sql`insert into channels (id, community_id, name, timezone, post_time, weekdays, reveal_delay_minutes, next_post_at)
    select ${prefix} || (${String(first)}::numeric + g)::text, ${community}, 'p' || g, 'UTC',
      to_char(${due}::timestamptz at time zone 'UTC', 'HH24:MI'), '{1,2,3,4,5,6,7}', 360, ${due}
    from generate_series(0, ${count - 1}::int) g`.execute(db.store.db);
}

/**
 * Posts at once (MLQ_FANOUT): above the default 16 so that, with the fake and the database on the same two cores, mlq's
 * own work between requests never leaves the limit unused (with Discord ~100 ms away, 16 keeps 50 requests/s busy).
 */
const FANOUT = 48;

/** Scheduler passes until `done` (each pass posts for at most its 45 s budget). */
async function fanOut(mlq: ReturnType<typeof benchCore>['mlq'], done: () => boolean): Promise<number> {
  const started = performance.now();
  for (let passes = 0; !done() && passes < 40; passes++) await mlq.tick({ concurrency: FANOUT });
  return (performance.now() - started) / 1000;
}

/**
 * A Discord fan-out through the real discord.js REST to the fake Discord with its real limits (50 requests a second
 * per bot, message creation 5 per 5 s per channel), the shared slots on Postgres as in a deployment; and a Slack
 * workspace's fan-out through the web client to the fake Slack with its limits (1 a second per channel, 10 a second
 * per workspace).
 */
export async function pace(baseUrl: string | undefined, quick: boolean): Promise<Row[]> {
  return [...(await discordPace(baseUrl, quick)), ...(await slackPace(baseUrl, quick))];
}

async function discordPace(baseUrl: string | undefined, quick: boolean): Promise<Row[]> {
  const channels = quick ? 100 : 10_000;
  const db = await benchDatabase(baseUrl);
  const discord = await new FakeDiscord().start();
  const platform = new DiscordPlatform(
    { token: TOKEN, apiUrl: discord.apiUrl, messageContent: true, guildId: GUILD, shards: 'auto' },
    silentLogger,
    { pace: { shared: baseUrl ? rateSlotsRepo(db.store.db) : undefined } },
  );
  try {
    platform.client.rest.setToken(TOKEN);
    await seedDue(db, `discord:${GUILD}`, `discord:${GUILD}:`, 930_000_000_000_000_000n, channels);
    const { mlq } = benchCore(db.repo, platform.port);
    discord.limits = new DiscordLimits();
    progress(`pace: ${channels} Discord channels due at once, 2 requests each, at most 50 a second`);
    const posted = () => discord.calls.filter((c) => c.status === 200 && c.method === 'POST' && /^\/channels\/\d+\/messages$/.test(c.path));
    const seconds = await fanOut(mlq, () => posted().length >= channels);
    const limits = discord.limits;
    const ratio = sustainedRate(limits.admitted, DISCORD_GLOBAL.limit) / (DISCORD_GLOBAL.limit / DISCORD_GLOBAL.windowMs);
    const refused = limits.refused.length;
    const once = new Set(posted().map((c) => c.path)).size === channels && posted().length === channels;
    const part = `pace (Discord, ${channels} channels${baseUrl ? ', shared slots' : ''})`;
    return [
      { part, metric: 'achieved rate ÷ allowed rate (50 requests/s)', value: ratio, unit: '', target: '≥ 0.9', met: ratio >= 0.9 },
      { part, metric: '429s received', value: refused, unit: '429s', target: '0', met: refused === 0 && platform.requests.refused === 0 },
      {
        part,
        metric: 'time until every channel is posted, once',
        value: seconds,
        unit: 's',
        target: `≈ ${((channels * 2) / 50).toFixed(0)} s (2 requests each at 50/s)`,
        met: once,
      },
    ];
  } finally {
    await platform.stop();
    await discord.stop();
    await db.drop();
  }
}

async function slackPace(baseUrl: string | undefined, quick: boolean): Promise<Row[]> {
  const channels = quick ? 40 : 600;
  const db = await benchDatabase(baseUrl);
  const slack = await new FakeSlack().start();
  try {
    const client = new webApi.WebClient('xoxb-bench', { slackApiUrl: slack.apiUrl });
    await seedDue(db, 'slack:T1', 'slack:T1:C', 1000n, channels);
    const { mlq } = benchCore(db.repo, new SlackPort(client, silentLogger));
    slack.limits = new SlackLimits();
    progress(`pace: ${channels} Slack channels of one workspace due at once, at most 10 posts a second`);
    const posts = () => slack.calls.filter((c) => c.method === 'chat.postMessage' && c.result?.ok);
    const seconds = await fanOut(mlq, () => posts().length >= channels);
    const limits = slack.limits;
    const ratio = sustainedRate(limits.admitted, SLACK_WORKSPACE.limit) / (SLACK_WORKSPACE.limit / SLACK_WORKSPACE.windowMs);
    const once = new Set(posts().map((c) => c.params.channel)).size === channels && posts().length === channels;
    const part = `pace (Slack workspace, ${channels} channels)`;
    return [
      { part, metric: 'achieved rate ÷ allowed rate (10 posts/s)', value: ratio, unit: '', target: '≥ 0.9', met: ratio >= 0.9 },
      { part, metric: '429s received', value: limits.refused.length, unit: '429s', target: '0', met: limits.refused.length === 0 },
      { part, metric: 'time until every channel is posted, once', value: seconds, unit: 's', target: `≈ ${channels / 10} s`, met: once },
    ];
  } finally {
    await slack.stop();
    await db.drop();
  }
}
