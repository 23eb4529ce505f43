import { REST } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordHarness, type DiscordHarness, TOKEN } from '../helpers/discord-harness.ts';
import { BOT, CHANNEL, discordUser, FakeDiscord, GUILD, MANAGE_ROLES } from '../helpers/fake-discord.ts';
import { waitFor } from '../helpers/wait.ts';

const ADMIN = '900000000000000050';
const U1 = '900000000000000051';
const U2 = '900000000000000052';
const ROLE = '900000000000000070';
const BOT_ROLE = '900000000000000071';
const EPHEMERAL = 64;
const ANSWER = 'My answer: more data lowers variance, so an overfit model usually improves with it, and regularise too.';

let h: DiscordHarness | undefined;
let fake: FakeDiscord | undefined;
afterEach(async () => {
  await h?.close();
  await fake?.stop();
  h = undefined;
  fake = undefined;
});

const member = (id: string) => `discord:${GUILD}:${id}`;
const channelId = `discord:${GUILD}:${CHANNEL}`;

async function run(user: string, sub: string, options: Record<string, unknown>[] = [], manager = false) {
  const id = h!.discord.command(user, sub, options, manager);
  const first = await waitFor(() => h!.discord.answers(id)[0]);
  const body = first.body as { type: number; data?: { flags?: number } };
  if (body.type === 5) {
    const edit = await waitFor(() => h!.discord.answers(id).find((c) => c.method === 'PATCH'));
    return { flags: body.data?.flags ?? 0, text: JSON.stringify(edit.body) };
  }
  return { flags: body.data?.flags ?? 0, text: JSON.stringify(body.data) };
}

function answer(user: string, thread: string) {
  h!.discord.dispatch('MESSAGE_CREATE', {
    id: h!.discord.next(),
    channel_id: thread,
    guild_id: GUILD,
    author: discordUser(user, `user${user.slice(-2)}`),
    member: { nick: null, roles: [] },
    content: ANSWER,
    type: 0,
    timestamp: new Date().toISOString(),
    attachments: [],
    embeds: [],
    mentions: [],
  });
}

/** A channel subscribed on 31 December (UTC) whose champion role is set, with U1's answer revealed. */
async function quarterWithChampion(botMayManageRoles: boolean) {
  h = await createDiscordHarness({ start: new Date('2026-12-31T08:00:00Z') });
  h.discord.addRole({ id: ROLE, name: 'Champion', permissions: '0', position: 1 });
  if (botMayManageRoles) h.discord.addRole({ id: BOT_ROLE, name: 'mlq', permissions: String(MANAGE_ROLES), position: 2 }, true);
  await run(ADMIN, 'start', [], true);
  await h.mlq.tick();
  const saved = await run(
    ADMIN,
    'config',
    [
      { type: 3, name: 'setting', value: 'champion-role' },
      { type: 3, name: 'value', value: `<@&${ROLE}>` },
    ],
    true,
  );
  expect(saved.text).toContain(`champion-role is now role ${ROLE}`);
  const thread = String((await waitFor(() => h!.discord.of('POST', /\/threads$/)[0])).result!.id);
  answer(U1, thread);
  await waitFor(() => h!.discord.of('PUT', /reactions/).length === 1);
  h.clock.set(new Date('2026-12-31T15:00:00Z'));
  await run(ADMIN, 'reveal', [], true);
  h.clock.set(new Date('2027-01-01T00:00:30Z'));
  expect(await h.mlq.tick()).toMatchObject({ seasons: 1 });
  return h.discord
    .messagesIn(CHANNEL)
    .map((m) => JSON.stringify(m))
    .find((m) => m.includes('Season results'))!;
}

describe('the fake Discord: guild roles', () => {
  it('gives and takes roles only when the bot has Manage Roles and a higher role, as Discord does', async () => {
    fake = await new FakeDiscord().start();
    const rest = new REST({ api: fake.apiUrl }).setToken(TOKEN);
    fake.addRole({ id: ROLE, name: 'Champion', permissions: '0', position: 1 });
    await expect(rest.put(`/guilds/${GUILD}/members/${U1}/roles/${ROLE}`)).rejects.toMatchObject({ code: 50013, status: 403 });
    fake.addRole({ id: BOT_ROLE, name: 'mlq', permissions: String(MANAGE_ROLES), position: 1 }, true);
    // a role at the same position as the bot's highest is still out of reach
    await expect(rest.put(`/guilds/${GUILD}/members/${U1}/roles/${ROLE}`)).rejects.toMatchObject({ code: 50013 });
    fake.roles.find((r) => r.id === BOT_ROLE)!.position = 2;
    await rest.put(`/guilds/${GUILD}/members/${U1}/roles/${ROLE}`);
    expect([...fake.memberRoles.get(U1)!]).toEqual([ROLE]);
    expect(await rest.get(`/guilds/${GUILD}/members/${U1}`)).toMatchObject({ roles: [ROLE] });
    expect(await rest.get(`/guilds/${GUILD}/members/${BOT}`)).toMatchObject({ roles: [BOT_ROLE] });
    expect(((await rest.get(`/guilds/${GUILD}/roles`)) as { id: string }[]).map((r) => r.id)).toEqual([GUILD, ROLE, BOT_ROLE]);
    await rest.delete(`/guilds/${GUILD}/members/${U1}/roles/${ROLE}`);
    expect([...fake.memberRoles.get(U1)!]).toEqual([]);
    await expect(rest.put(`/guilds/${GUILD}/members/${U1}/roles/${U2}`)).rejects.toMatchObject({ code: 10011, status: 404 });
  });
});

describe('season results on Discord', () => {
  it('gives the champion role where the bot may manage roles, and says so in the post', async () => {
    const post = await quarterWithChampion(true);
    expect(post).toContain('Season results · Q4 2026 (October to December)');
    expect(post).toContain('🏆 Champion: **user51** with 10 pts. 1 answer this season.');
    expect(post).toContain('The champion role has moved to this season’s champion.');
    expect(h!.discord.of('PUT', /\/roles\//).map((c) => c.path)).toEqual([`/guilds/${GUILD}/members/${U1}/roles/${ROLE}`]);
    expect([...h!.discord.memberRoles.get(U1)!]).toEqual([ROLE]);
  });

  it('skips the role and says why when the bot lacks Manage Roles', async () => {
    const post = await quarterWithChampion(false);
    expect(post).toContain('🏆 Champion: **user51** with 10 pts.');
    expect(post).toContain('The champion role was not given: mlq needs the Manage Roles permission');
    expect(h!.discord.of('PUT', /\/roles\//)).toEqual([]);
    expect(h!.discord.memberRoles.get(U1)).toBeUndefined();
  });

  it('takes the role from the previous champion when it gives it to the new one', async () => {
    h = await createDiscordHarness({ start: new Date('2026-12-31T08:00:00Z') });
    h.discord.addRole({ id: ROLE, name: 'Champion', permissions: '0', position: 1 });
    h.discord.addRole({ id: BOT_ROLE, name: 'mlq', permissions: String(MANAGE_ROLES), position: 2 }, true);
    expect(await h.platform.port.setChampionRole(channelId, ROLE, [member(U1)], [])).toBe('done');
    expect([...h.discord.memberRoles.get(U1)!]).toEqual([ROLE]);
    expect(await h.platform.port.setChampionRole(channelId, ROLE, [member(U2)], [member(U1)])).toBe('done');
    expect([...h.discord.memberRoles.get(U1)!]).toEqual([]);
    expect([...h.discord.memberRoles.get(U2)!]).toEqual([ROLE]);
    expect(await h.platform.port.setChampionRole(channelId, '900000000000000079', [member(U2)], [])).toBe('no-role');
  });
});

describe('privacy and erasure on Discord', () => {
  it('asks before erasing, with a button that erases the member who presses it', async () => {
    h = await createDiscordHarness({ start: new Date('2026-11-23T08:00:00Z') });
    await run(ADMIN, 'start', [], true);
    const thread = String((await waitFor(() => h!.discord.of('POST', /\/threads$/)[0])).result!.id);
    answer(U1, thread);
    await waitFor(() => h!.discord.of('PUT', /reactions/).length === 1);
    const hidden = await run(U1, 'privacy', [{ type: 3, name: 'choice', value: 'hide' }]);
    expect(hidden.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(hidden.text).toContain('now show you as “a member”');

    const asked = await run(U1, 'forget');
    expect(asked.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(asked.text).toContain(`"custom_id":"forget.confirm:${member(U1)}"`);
    expect(asked.text).toContain('"style":4');
    const stolen = h.discord.button(U2, `forget.confirm:${member(U1)}`, '1');
    expect(JSON.stringify((await waitFor(() => h!.discord.answers(stolen)[0])).body)).toContain('Only the member themself');
    const pressed = h.discord.button(U1, `forget.confirm:${member(U1)}`, '1');
    expect(JSON.stringify((await waitFor(() => h!.discord.answers(pressed)[0])).body)).toContain('Done: your answers');
    const db = h.database.store.db;
    expect(await db.selectFrom('answers').select('id').where('member_id', '=', member(U1)).execute()).toEqual([]);
    expect(await db.selectFrom('members').select('id').where('id', '=', member(U1)).execute()).toEqual([]);
  });

  it('defers the erase button privately when erasing takes longer than the deferral delay (0: at once), then says it is done', async () => {
    h = await createDiscordHarness({ start: new Date('2026-11-23T08:00:00Z'), componentDeferAfterMs: 0 });
    await run(ADMIN, 'start', [], true);
    const thread = String((await waitFor(() => h!.discord.of('POST', /\/threads$/)[0])).result!.id);
    answer(U1, thread);
    await waitFor(() => h!.discord.of('PUT', /reactions/).length === 1);
    const pressed = h.discord.button(U1, `forget.confirm:${member(U1)}`, '1');
    const first = (await waitFor(() => h!.discord.answers(pressed)[0])).body as { type: number; data?: { flags?: number } };
    expect(first.type).toBe(5);
    expect((first.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    const edit = await waitFor(() => h!.discord.answers(pressed).find((c) => c.method === 'PATCH'));
    expect(JSON.stringify(edit.body)).toContain('Done: your answers');
    expect(await h.database.store.db.selectFrom('answers').select('id').execute()).toEqual([]);
  });
});
