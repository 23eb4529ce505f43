import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPostgresUrl, TEST_DB } from '../helpers/database.ts';
import { FakeDiscord } from '../helpers/fake-discord.ts';
import { holds, type Replica, startReplica } from '../helpers/replicas.ts';
import { waitFor } from '../helpers/wait.ts';

const MEMBER = '900000000000000051';
let discord: FakeDiscord;
let database: { url: string; drop(): Promise<void> };
let replicas: Replica[] = [];

beforeEach(async () => {
  discord = await new FakeDiscord().start();
  if (TEST_DB === 'postgres') database = await createPostgresUrl();
});
afterEach(async () => {
  await Promise.all(replicas.map((r) => r.stop()));
  replicas = [];
  await discord.stop();
  await database?.drop();
});

const callbacks = (id: string) => discord.calls.filter((c) => c.method === 'POST' && c.path.startsWith(`/interactions/${id}/`));

/**
 * Runs `/mlq help` `n` times and waits until each was answered; then one more, so that a second answer to any of the
 * first, from a replica that should not have received it, has had the time to arrive.
 */
async function askHelp(n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, () => discord.command(MEMBER, 'help'));
  await waitFor(() => ids.every((id) => callbacks(id).length > 0), 15_000);
  const last = discord.command(MEMBER, 'help');
  await waitFor(() => callbacks(last).length > 0, 15_000);
  return [...ids, last];
}

// Replicas are processes sharing one database: Postgres only (PGlite is one process, which owns every shard).
describe.skipIf(TEST_DB !== 'postgres')('two replicas sharing the Discord shards', () => {
  it('answers each interaction once, and once again from the survivor after the owner is killed', async () => {
    replicas = await Promise.all([startReplica('a', discord, database.url), startReplica('b', discord, database.url)]);
    await waitFor(() => discord.shardConnections().length === 1 && replicas.some((r) => holds(r, 0)), 15_000);
    const owner = replicas.find((r) => holds(r, 0))!;
    const survivor = replicas.find((r) => r !== owner)!;
    expect(discord.shardConnections()).toEqual([{ shard: 0, count: 1 }]);
    for (const id of await askHelp(3)) expect(callbacks(id)).toHaveLength(1);

    owner.child.kill('SIGKILL');
    const killedAt = Date.now();
    await owner.exited;
    await waitFor(() => holds(survivor, 0) && discord.shardConnections().length === 1, 30_000);
    const takeoverMs = Date.now() - killedAt;
    expect(takeoverMs).toBeLessThan(60_000);
    for (const id of await askHelp(3)) expect(callbacks(id)).toHaveLength(1);
    expect(survivor.errors()).toEqual([]);
    process.stdout.write(`shard takeover after kill -9 with DISCORD_SHARD_LEASE=3: ${takeoverMs} ms\n`);
  });

  it('splits two shards one each, and the survivor takes both when the other is killed', async () => {
    const env = { DISCORD_SHARD_COUNT: '2' };
    replicas = await Promise.all([startReplica('a', discord, database.url, env), startReplica('b', discord, database.url, env)]);
    const split = () => replicas.every((r) => holds(r, 0) !== holds(r, 1)) && discord.shardConnections().length === 2;
    await waitFor(split, 20_000);
    expect(discord.shardConnections()).toEqual([
      { shard: 0, count: 2 },
      { shard: 1, count: 2 },
    ]);
    for (const id of await askHelp(3)) expect(callbacks(id)).toHaveLength(1);

    // GUILD is on shard 1 of 2.
    const owner = replicas.find((r) => holds(r, 1))!;
    const survivor = replicas.find((r) => r !== owner)!;
    owner.child.kill('SIGKILL');
    await owner.exited;
    await waitFor(() => holds(survivor, 0) && holds(survivor, 1) && discord.shardConnections().length === 2, 30_000);
    for (const id of await askHelp(3)) expect(callbacks(id)).toHaveLength(1);
  });
});
