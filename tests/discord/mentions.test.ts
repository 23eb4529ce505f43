import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordHarness, type DiscordHarness } from '../helpers/discord-harness.ts';
import { CHANNEL, discordUser, GUILD } from '../helpers/fake-discord.ts';
import { waitFor } from '../helpers/wait.ts';

const ADMIN = '900000000000000050';
const U1 = '900000000000000051';
const EPHEMERAL = 64;

let h: DiscordHarness;
beforeAll(async () => {
  h = await createDiscordHarness();
});
afterAll(async () => {
  await h.close();
});

/** Runs `/mlq <sub>` and resolves with the body of its first answer. */
async function run(user: string, sub: string, options: Record<string, unknown>[] = [], manager = false) {
  const id = h.discord.command(user, sub, options, manager);
  return (await waitFor(() => h.discord.answers(id)[0])).body as { type: number; data?: Record<string, unknown> };
}

/** Every call that sent a message to Discord: posts, edits, replies to interactions and their follow-ups. */
function messagesSent() {
  return h.discord.calls
    .filter((c) => c.method !== 'GET' && c.body)
    .flatMap((c) => {
      if (/\/interactions\/\d+\/[^/]+\/callback$/.test(c.path)) {
        const body = c.body as { type: number; data?: Record<string, unknown> };
        return body.type === 4 ? [{ path: c.path, payload: body.data! }] : [];
      }
      return /^\/channels\/\d+\/messages(\/\d+)?$|^\/webhooks\//.test(c.path) ? [{ path: c.path, payload: c.body! }] : [];
    });
}

describe('Discord messages never ping', () => {
  it('sends every post, reply, edit and interaction answer with allowed mentions off', async () => {
    await run(ADMIN, 'start', [], true);
    const thread = String((await waitFor(() => h.discord.of('POST', /\/threads$/)[0])).result!.id);
    const echoed = await run(
      ADMIN,
      'config',
      [
        { type: 3, name: 'setting', value: 'time' },
        { type: 3, name: 'value', value: '@everyone <@&1> <@900000000000000051>' },
      ],
      true,
    );
    expect(JSON.stringify(echoed.data)).toContain('@everyone');
    await run(U1, 'leaderboard', [{ type: 5, name: 'public', value: true }]);
    const sealed = h.discord.button(U1, 'answer.sealed:1', '1');
    await waitFor(() => h.discord.answers(sealed)[0]);
    const submitted = h.discord.modal(U1, 'mlq.sealed:1', '@everyone read my answer');
    await waitFor(() => h.discord.answers(submitted)[0]);
    h.discord.dispatch('MESSAGE_CREATE', {
      id: h.discord.next(),
      channel_id: thread,
      guild_id: GUILD,
      author: discordUser(ADMIN, 'admin'),
      member: { nick: null, roles: [] },
      content: 'discussion',
      type: 0,
      timestamp: new Date().toISOString(),
      attachments: [],
      embeds: [],
      mentions: [],
    });
    await run(ADMIN, 'reveal', [], true);
    await waitFor(() => h.discord.of('PATCH', new RegExp(`^/channels/${CHANNEL}/messages/\\d+$`)).length > 0);

    const sent = messagesSent();
    expect(sent.filter((m) => m.path.startsWith(`/channels/${CHANNEL}/`)).length).toBeGreaterThanOrEqual(2);
    expect(sent.filter((m) => m.path.startsWith(`/channels/${thread}/`)).length).toBeGreaterThanOrEqual(1);
    expect(sent.filter((m) => m.path.includes('/interactions/')).length).toBeGreaterThanOrEqual(4);
    expect(sent.filter((m) => JSON.stringify(m.payload.allowed_mentions) !== '{"parse":[]}').map((m) => m.path)).toEqual([]);
  });

  it('answers a practice button through the core with a private card, and a stale button with the help', async () => {
    await run(U1, 'ask', [{ type: 3, name: 'level', value: 'junior' }]);
    const reveal = h.discord.button(U1, 'practice.reveal:q', '1');
    const answer = (await waitFor(() => h.discord.answers(reveal)[0])).body as {
      type: number;
      data: { flags: number; embeds: { title?: string }[] };
    };
    expect(answer.type).toBe(4);
    expect(answer.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(answer.data.embeds[0]!.title).toMatch(/^Practice reveal · /);
    const stale = h.discord.button(U1, 'retired.button:7', '1');
    const help = (await waitFor(() => h.discord.answers(stale)[0])).body as { data: { flags: number; embeds: { title?: string }[] } };
    expect(help.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(help.data.embeds[0]!.title).toBe('mlq: a daily ML interview question for your study group');
  });
});
