import { DiscordAPIError, REST, Routes } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNEL, FakeDiscord } from '../helpers/fake-discord.ts';

const U1 = '900000000000000051';
const U2 = '900000000000000052';

let discord: FakeDiscord;
let rest: REST;
beforeEach(async () => {
  discord = await new FakeDiscord().start();
  rest = new REST({ api: discord.apiUrl, retries: 0 }).setToken('token');
});
afterEach(async () => {
  await discord.stop();
});

describe('the fake Discord', () => {
  it('reads paths as Discord does, percent-decoded: a deferred reply edited at %40original (with files) is @original', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
    const edited = (await rest.patch('/webhooks/900000000000000003/token-1/messages/%40original', {
      body: { content: 'your stats' },
      files: [{ name: 'heatmap.png', data: png }],
    })) as { content: string };
    expect(edited.content).toBe('your stats');
    expect(discord.attachments.map((a) => a.path)).toEqual(['/webhooks/900000000000000003/token-1/messages/@original']);
  });

  it('opens one direct-message channel per member, whose messages belong to no server', async () => {
    const first = (await rest.post(Routes.userChannels(), { body: { recipient_id: U1 } })) as { id: string; type: number };
    const again = (await rest.post(Routes.userChannels(), { body: { recipient_id: U1 } })) as { id: string };
    const other = (await rest.post(Routes.userChannels(), { body: { recipient_id: U2 } })) as { id: string };
    expect(first.type).toBe(1);
    expect(again.id).toBe(first.id);
    expect(other.id).not.toBe(first.id);
    const sent = (await rest.post(Routes.channelMessages(first.id), { body: { content: 'hi' } })) as Record<string, unknown>;
    expect(sent.guild_id).toBeUndefined();
    const inServer = (await rest.post(Routes.channelMessages(CHANNEL), { body: { content: 'hi' } })) as Record<string, unknown>;
    expect(inServer.guild_id).toBe('900000000000000001');
  });

  it('refuses a message to a member who closed their DMs with 50007, but still opens the channel', async () => {
    discord.refuseDms.add(U1);
    const dm = (await rest.post(Routes.userChannels(), { body: { recipient_id: U1 } })) as { id: string };
    const error = await rest.post(Routes.channelMessages(dm.id), { body: { content: 'hi' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(50007);
    expect((error as DiscordAPIError).message).toBe('Cannot send messages to this user');
    expect(discord.messagesIn(dm.id)).toEqual([]);
  });

  it('creates a private thread without a message and adds members to it', async () => {
    const thread = (await rest.post(Routes.threads(CHANNEL), { body: { name: 'Mock interview', type: 12, invitable: false } })) as {
      id: string;
      type: number;
      parent_id: string;
    };
    expect([thread.type, thread.parent_id]).toEqual([12, CHANNEL]);
    await rest.put(Routes.threadMembers(thread.id, U1));
    expect(discord.standaloneThreads.get(thread.id)).toMatchObject({ type: 12, invitable: false, parent: CHANNEL, members: new Set([U1]) });
    const missing = await rest.put(Routes.threadMembers('900000000000000999', U1)).catch((e: unknown) => e);
    expect((missing as DiscordAPIError).code).toBe(10003);
  });
});
