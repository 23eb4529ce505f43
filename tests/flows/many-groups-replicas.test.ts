import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type StoreConnection } from '../../src/store/connect.ts';
import { createPostgresUrl, TEST_DB } from '../helpers/database.ts';
import { FakeDiscord, GUILD } from '../helpers/fake-discord.ts';
import { FakeSlack } from '../helpers/fake-slack.ts';
import { addDueChannels, guildCommand, installThrough, OTHER_GUILD, slackCommand } from '../helpers/many-groups.ts';
import { holds, type Replica, startReplica } from '../helpers/replicas.ts';
import { waitFor } from '../helpers/wait.ts';

const SIGNING = 'aaaabbbbccccdddd0000111122223333';
const KEY = 'Eg9/wdkXp+mVn1WXdgxqnnjswsA28Twt8g9biSl4PF8=';
const MEMBER = '900000000000000051';
/** The channel of OTHER_GUILD (shard 0) its members run commands in. */
const OTHER_CHANNEL = '900000000000000102';
const ALPHA = ['CA1', 'CA2', 'CA3'];
const BETA = ['CB1', 'CB2', 'CB3'];
/** Discord channels of GUILD (shard 1 of 2) and of OTHER_GUILD (shard 0). */
const ON_ONE = ['950000000000000001', '950000000000000002', '950000000000000003'];
const ON_ZERO = ['950000000000000011', '950000000000000012', '950000000000000013'];
const CHANNEL_IDS = [
  ...ALPHA.map((c) => `slack:TALPHA:${c}`),
  ...BETA.map((c) => `slack:TBETA:${c}`),
  ...ON_ONE.map((c) => `discord:${GUILD}:${c}`),
  ...ON_ZERO.map((c) => `discord:${OTHER_GUILD}:${c}`),
];

let slack: FakeSlack;
let discord: FakeDiscord;
let database: { url: string; drop(): Promise<void> };
let store: StoreConnection;
let replicas: Replica[] = [];

beforeAll(async () => {
  if (TEST_DB !== 'postgres') return;
  slack = await new FakeSlack().start();
  slack.workspace('TALPHA', 'Alpha Study', ALPHA);
  slack.workspace('TBETA', 'Beta Study', BETA);
  discord = await new FakeDiscord().start();
  database = await createPostgresUrl();
  store = await connect({ databaseUrl: database.url, poolSize: 2 });
});
afterAll(async () => {
  if (TEST_DB !== 'postgres') return;
  await Promise.all(replicas.map((r) => r.stop()));
  await store.close();
  await slack.stop();
  await discord.stop();
  await database.drop();
});

const base = (r: Replica) => `http://127.0.0.1:${r.port}`;
const callbacks = (id: string) => discord.calls.filter((c) => c.method === 'POST' && c.path.startsWith(`/interactions/${id}/`));
const responses = (n: string) => slack.responses.filter((r) => r.url.endsWith(`/respond/${n}`));
const slackPosts = (channel: string) => slack.messages.filter((m) => m.channel === channel && !m.thread_ts);
const tokenOf = (team: string) => [...slack.workspaces.get(team)!.tokens];
const rounds = () =>
  store.db.selectFrom('rounds').select(['channel_id', 'local_date', 'status']).orderBy('channel_id').orderBy('id').execute();

/**
 * Slack calls that did not carry their own workspace's bot token (a member's users.info, a channel's post), carried
 * none (but the OAuth exchange), or that Slack refused.
 */
function wrongTokens(): unknown[] {
  const teamOf = (c: { params: Record<string, unknown> }) =>
    slack.channelTeams.get(String(c.params.channel ?? '')) ?? /^U(T[A-Z]+)1$/.exec(String(c.params.user ?? ''))?.[1];
  return slack.calls.filter((c) => {
    if (c.method === 'oauth.v2.access') return false;
    const own = slack.workspaceOf(c.token)?.team;
    return !own || c.result?.ok !== true || (teamOf(c) ?? own) !== own;
  });
}

let sent = 0;
/** `/mlq help` from a member of `team` in its first channel, to `replica`; the response URL's name. */
async function slackHelp(replica: Replica, team: 'TALPHA' | 'TBETA'): Promise<string> {
  const n = `${team}-${++sent}`;
  const channel = team === 'TALPHA' ? ALPHA[0]! : BETA[0]!;
  const result = await slackCommand(base(replica), SIGNING, slack, { team, channel, user: `U${team}1`, text: 'help', n });
  expect(result.status).toBe(200);
  return n;
}

/** `/mlq help` on shard 1 (GUILD) or shard 0 (OTHER_GUILD); the interaction's id. */
const discordHelp = (shard: 0 | 1) =>
  shard === 1 ? discord.command(MEMBER, 'help') : guildCommand(discord, OTHER_GUILD, OTHER_CHANNEL, MEMBER, 'help');

/**
 * Waits until every interaction was answered, then runs one more on each shard and waits for those: a second answer
 * to any of the first, from a replica that should not have received it, has had the time to arrive.
 */
async function settleInteractions(ids: string[]): Promise<string[]> {
  await waitFor(() => ids.every((id) => callbacks(id).length > 0), 30_000);
  const last = [discordHelp(0), discordHelp(1)];
  await waitFor(() => last.every((id) => callbacks(id).length > 0), 30_000);
  return [...ids, ...last];
}

// Replicas are processes sharing one database: Postgres only (PGlite is one process, which owns every shard).
describe.skipIf(TEST_DB !== 'postgres')('two replicas serving two Slack workspaces and a sharded Discord bot', () => {
  it('answers every command and interaction once, posts every round once, and the survivor of a kill -9 serves all', async () => {
    const env = {
      DISCORD_SHARD_COUNT: '2',
      HOST: '127.0.0.1',
      SLACK_CLIENT_ID: slack.oauthApp.clientId,
      SLACK_CLIENT_SECRET: slack.oauthApp.clientSecret,
      SLACK_STATE_SECRET: 'state-secret-shared-by-the-replicas',
      SLACK_SIGNING_SECRET: SIGNING,
      SLACK_API_URL: slack.apiUrl,
      MLQ_SECRET_KEY: KEY,
    };
    replicas = await Promise.all([startReplica('a', discord, database.url, env), startReplica('b', discord, database.url, env)]);
    const [a, b] = replicas as [Replica, Replica];
    expect(await installThrough(base(a), slack, 'TALPHA')).toBe(200);
    expect(await installThrough(base(b), slack, 'TBETA')).toBe(200);
    expect([tokenOf('TALPHA').length, tokenOf('TBETA').length]).toEqual([1, 1]);
    await addDueChannels(store, [
      { community: 'slack:TALPHA', name: 'Alpha Study', channels: CHANNEL_IDS.slice(0, 3) },
      { community: 'slack:TBETA', name: 'Beta Study', channels: CHANNEL_IDS.slice(3, 6) },
      { community: `discord:${GUILD}`, name: 'ML study', channels: CHANNEL_IDS.slice(6, 9) },
      { community: `discord:${OTHER_GUILD}`, name: 'Other study', channels: CHANNEL_IDS.slice(9) },
    ]);

    const split = () => replicas.every((r) => holds(r, 0) !== holds(r, 1)) && discord.shardConnections().length === 2;
    await waitFor(split, 30_000);
    expect(discord.shardConnections()).toEqual([
      { shard: 0, count: 2 },
      { shard: 1, count: 2 },
    ]);

    // Each workspace's commands go to both replicas in turn, whichever installed it.
    const commands: string[] = [];
    for (const team of ['TALPHA', 'TBETA'] as const) for (const r of [a, b, a, b]) commands.push(await slackHelp(r, team));
    const interactions = await settleInteractions([0, 1, 0, 1, 0, 1].map((s) => discordHelp(s as 0 | 1)));
    await waitFor(() => commands.every((n) => responses(n).length > 0), 30_000);
    expect(commands.map((n) => responses(n).length)).toEqual(Array(8).fill(1));
    expect(interactions.map((id) => callbacks(id).length)).toEqual(Array(8).fill(1));

    // Both replicas' passes of the next minute find the 12 channels due; the first to claim them (64 at a time) posts
    // each question once, the other finds them claimed.
    const posted = async () => (await rounds()).filter((r) => r.status === 'posted').length === 12;
    await waitFor(posted, 75_000);
    expect([...ALPHA, ...BETA].map((c) => slackPosts(c).length)).toEqual([1, 1, 1, 1, 1, 1]);
    expect([...ON_ONE, ...ON_ZERO].map((c) => discord.messagesIn(c).length)).toEqual([1, 1, 1, 1, 1, 1]);
    const postedBy = () => replicas.map((r) => r.lines().filter((l) => l.msg === 'round posted').length);
    await waitFor(() => postedBy()[0]! + postedBy()[1]! >= 12, 30_000);
    const shares = postedBy();
    expect(shares[0]! + shares[1]!).toBe(12);
    const today = new Date().toISOString().slice(0, 10);
    expect(await rounds()).toEqual([...CHANNEL_IDS].sort().map((channel_id) => ({ channel_id, local_date: today, status: 'posted' })));

    // Each workspace's calls carry its own bot token, and Slack refused none of them.
    const [alpha, beta] = [tokenOf('TALPHA')[0]!, tokenOf('TBETA')[0]!];
    const posts = slack.of('chat.postMessage').map((c) => `${c.params.channel} ${c.token}`);
    expect(posts.sort()).toEqual([...ALPHA.map((c) => `${c} ${alpha}`), ...BETA.map((c) => `${c} ${beta}`)]);
    expect(wrongTokens()).toEqual([]);
    const installs = await store.db.selectFrom('installs').select(['platform', 'workspace_id']).orderBy('workspace_id').execute();
    expect(installs).toEqual([
      { platform: 'slack', workspace_id: 'TALPHA' },
      { platform: 'slack', workspace_id: 'TBETA' },
    ]);

    // a, which installed TALPHA, dies without a word; b takes its shard and serves TALPHA alone.
    expect([a.errors(), b.errors()]).toEqual([[], []]);
    const shard = holds(a, 0) ? 0 : 1;
    a.child.kill('SIGKILL');
    const killedAt = Date.now();
    await a.exited;
    await waitFor(() => holds(b, 0) && holds(b, 1) && discord.shardConnections().length === 2, 30_000);
    const takeoverMs = Date.now() - killedAt;
    const after = await settleInteractions([discordHelp(shard)]);
    expect(after.map((id) => callbacks(id).length)).toEqual([1, 1, 1]);
    const late = [await slackHelp(b, 'TALPHA'), await slackHelp(b, 'TBETA')];
    await waitFor(() => late.every((n) => responses(n).length > 0), 30_000);
    expect(late.map((n) => responses(n).length)).toEqual([1, 1]);
    expect(wrongTokens()).toEqual([]);
    expect(b.errors()).toEqual([]);
    expect((await rounds()).length).toBe(12);
    process.stdout.write(`rounds posted by a and b: ${shares.join(' and ')}; shard ${shard} taken over ${takeoverMs} ms after kill -9\n`);
  });
});
