import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Mlq } from '../../src/core/app.ts';
import { Ports } from '../../src/core/port.ts';
import { DiscordPlatform } from '../../src/platforms/discord/platform.ts';
import { createDiscordHarness, type DiscordHarness, TOKEN } from '../helpers/discord-harness.ts';
import { CHANNEL, GUILD } from '../helpers/fake-discord.ts';
import { waitFor } from '../helpers/wait.ts';

const ADMIN = '900000000000000050';
let h: DiscordHarness;
let replica: DiscordPlatform | undefined;

const rounds = () =>
  h.database.store.db.selectFrom('rounds').select(['local_date', 'status', 'attempts', 'message_id', 'thread_id']).orderBy('id').execute();
const channelPosts = () => h.discord.of('POST', new RegExp(`^/channels/${CHANNEL}/messages$`));

/** Another replica: the same database, its own discord.js REST client (a crashed process's client is gone with it). */
function survivor(): Mlq {
  replica = new DiscordPlatform(
    { token: TOKEN, apiUrl: h.discord.apiUrl, messageContent: true, guildId: GUILD, shards: 'auto' },
    h.deps.logger,
  );
  replica.client.rest.setToken(TOKEN);
  const ports = new Ports();
  ports.register(replica.port);
  return new Mlq({ ...h.deps, ports });
}

beforeEach(async () => {
  h = await createDiscordHarness({ start: new Date('2026-11-23T08:00:00Z') });
  h.discord.command(ADMIN, 'start', [], true);
  await waitFor(() => h.discord.of('POST', /\/threads$/)[0]);
  await waitFor(async () => (await rounds())[0]?.status === 'posted');
});
afterEach(async () => {
  await replica?.client.destroy();
  replica = undefined;
  await h.close();
});

describe('a crash between posting to Discord and recording it', () => {
  it('posts the round again with the same nonce, so Discord returns the first message instead of a second', async () => {
    h.clock.set(new Date('2026-11-23T14:00:30Z'));
    expect(await h.mlq.tick()).toMatchObject({ revealed: 1 });
    const held = h.discord.hold('POST /channels/:id/messages');
    h.clock.set(new Date('2026-11-24T09:00:30Z'));
    const stalled = h.mlq.tick();
    stalled.catch(() => undefined);
    const { release } = await held;

    const other = survivor();
    h.clock.set(new Date('2026-11-24T09:02:00Z'));
    expect(await other.tick()).toMatchObject({ posted: 0 });
    h.clock.set(new Date('2026-11-24T09:03:30Z'));
    expect(await other.tick()).toMatchObject({ posted: 1 });

    const [first, second] = h.discord.messagesIn(CHANNEL);
    expect(h.discord.messagesIn(CHANNEL)).toHaveLength(2);
    const posts = channelPosts();
    expect(posts).toHaveLength(3);
    expect(posts[1]!.body!.nonce).toBe(posts[2]!.body!.nonce);
    expect(posts[2]!.body!.enforce_nonce).toBe(true);
    expect(posts[2]!.result!.id).toBe(second!.id);
    release();
    await stalled;
    expect(h.discord.messagesIn(CHANNEL)).toHaveLength(2);
    expect(h.discord.of('POST', /\/threads$/).map((c) => c.status)).toEqual([201, 201, 400]);
    expect(await rounds()).toEqual([
      {
        local_date: '2026-11-23',
        status: 'revealed',
        attempts: 1,
        message_id: `discord:${GUILD}:${CHANNEL}:${first!.id}`,
        thread_id: `discord:${GUILD}:${first!.id}`,
      },
      {
        local_date: '2026-11-24',
        status: 'posted',
        attempts: 2,
        message_id: `discord:${GUILD}:${CHANNEL}:${second!.id}`,
        thread_id: `discord:${GUILD}:${second!.id}`,
      },
    ]);
  });

  it('reveals again with the same nonce, so the thread gets one reveal', async () => {
    const thread = String(h.discord.messagesIn(CHANNEL)[0]!.id);
    const held = h.discord.hold('POST /channels/:id/messages');
    h.clock.set(new Date('2026-11-23T14:00:30Z'));
    const stalled = h.mlq.tick();
    stalled.catch(() => undefined);
    const { release } = await held;

    const other = survivor();
    h.clock.set(new Date('2026-11-23T14:03:30Z'));
    expect(await other.tick()).toMatchObject({ revealed: 1 });
    release();
    await stalled;
    const inThread = h.discord.of('POST', new RegExp(`^/channels/${thread}/messages$`));
    expect(inThread.map((c) => c.body!.nonce)).toEqual(['vSSbH9V78rwbsZBx0_RMOyRsz', 'vSSbH9V78rwbsZBx0_RMOyRsz']);
    expect(h.discord.messagesIn(thread).map((m) => m.nonce)).toEqual(['vSSbH9V78rwbsZBx0_RMOyRsz']);
    expect(await rounds()).toEqual([
      {
        local_date: '2026-11-23',
        status: 'revealed',
        attempts: 2,
        message_id: `discord:${GUILD}:${CHANNEL}:${thread}`,
        thread_id: `discord:${GUILD}:${thread}`,
      },
    ]);
  });
});
