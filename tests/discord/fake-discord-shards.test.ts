import { REST, Routes } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { FakeDiscord, GUILD, shardOf } from '../helpers/fake-discord.ts';
import { waitFor } from '../helpers/wait.ts';

/** A guild whose id is GUILD's plus 1 << 22, so it lands on the shard after GUILD's. */
const NEXT_GUILD = String(BigInt(GUILD) + (1n << 22n));

let discord: FakeDiscord;
const sockets: WebSocket[] = [];
beforeEach(async () => {
  discord = await new FakeDiscord().start();
});
afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.terminate();
  await discord.stop();
});

/** A raw gateway connection that identifies as `shard` and keeps every dispatch it receives. */
async function identify(shard?: [number, number]): Promise<{ events: { t: string; d: Record<string, unknown> }[] }> {
  const ws = new WebSocket(`ws://127.0.0.1:${discord.port}/gateway`);
  sockets.push(ws);
  const events: { t: string; d: Record<string, unknown> }[] = [];
  ws.on('message', (data) => {
    const packet = JSON.parse(String(data)) as { op: number; t: string; d: Record<string, unknown> };
    if (packet.op === 0) events.push(packet);
  });
  await new Promise((resolve) => ws.once('open', resolve));
  ws.send(JSON.stringify({ op: 2, d: { token: 'token', intents: 1, properties: {}, ...(shard ? { shard } : {}) } }));
  await waitFor(() => events.some((e) => e.t === 'READY'));
  return { events };
}

const interactions = (c: { events: { t: string; d: Record<string, unknown> }[] }) =>
  c.events.filter((e) => e.t === 'INTERACTION_CREATE').map((e) => e.d.id);

describe('the fake Discord gateway with several shards', () => {
  it('routes a guild to shard (guild_id >> 22) % count', () => {
    expect([shardOf(GUILD, 1), shardOf(GUILD, 2), shardOf(GUILD, 3)]).toEqual([0, 1, 1]);
    expect([shardOf(NEXT_GUILD, 2), shardOf(NEXT_GUILD, 3), shardOf(undefined, 2)]).toEqual([0, 2, 0]);
  });

  it('recommends its shard count on GET /gateway/bot', async () => {
    discord.recommendedShards = 3;
    const rest = new REST({ api: discord.apiUrl, retries: 0 }).setToken('token');
    expect(((await rest.get(Routes.gatewayBot())) as { shards: number }).shards).toBe(3);
  });

  it('sends READY with the shard each connection identified as, and the guild only to its own shard', async () => {
    const zero = await identify([0, 2]);
    const one = await identify([1, 2]);
    const ready = (c: typeof zero) => c.events.find((e) => e.t === 'READY')!.d;
    expect([ready(zero).shard, ready(zero).guilds]).toEqual([[0, 2], []]);
    expect([ready(one).shard, ready(one).guilds]).toEqual([[1, 2], [{ id: GUILD, unavailable: true }]]);
    await waitFor(() => one.events.some((e) => e.t === 'GUILD_CREATE'));
    expect(zero.events.map((e) => e.t)).toEqual(['READY']);
    expect(discord.shardConnections()).toEqual([
      { shard: 0, count: 2 },
      { shard: 1, count: 2 },
    ]);
  });

  it('delivers each guild event to its shard only, and events outside any guild to shard 0', async () => {
    const zero = await identify([0, 2]);
    const one = await identify([1, 2]);
    const inGuild = discord.command('900000000000000051', 'help');
    discord.dispatch('INTERACTION_CREATE', { id: 'next-guild', guild_id: NEXT_GUILD });
    discord.dispatch('INTERACTION_CREATE', { id: 'direct' });
    await waitFor(() => interactions(zero).length === 2 && interactions(one).length === 1);
    expect(interactions(one)).toEqual([inGuild]);
    expect(interactions(zero)).toEqual(['next-guild', 'direct']);
  });

  it('delivers to every connection of a shard, as Discord does when two processes connect the same one', async () => {
    const first = await identify();
    const second = await identify([0, 1]);
    const id = discord.command('900000000000000051', 'help');
    await waitFor(() => interactions(first).length === 1 && interactions(second).length === 1);
    expect([interactions(first), interactions(second)]).toEqual([[id], [id]]);
  });

  it('forgets a connection once it closes', async () => {
    await identify([0, 2]);
    await identify([1, 2]);
    sockets[0]!.close();
    await waitFor(() => discord.shardConnections().length === 1);
    expect(discord.shardConnections()).toEqual([{ shard: 1, count: 2 }]);
  });
});
