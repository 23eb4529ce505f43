import { afterEach, describe, expect, it } from 'vitest';
import { MessageContentRefusedError } from '../../src/platforms/discord/platform.ts';
import { createDiscordHarness, type DiscordHarness } from '../helpers/discord-harness.ts';
import { BOT, CHANNEL, discordUser, GUILD } from '../helpers/fake-discord.ts';
import { waitFor } from '../helpers/wait.ts';

const ADMIN = '900000000000000050';
const U1 = '900000000000000051';
const U2 = '900000000000000052';
const U3 = '900000000000000053';
const EPHEMERAL = 64;
const BETTER_TAKE = 'A better take: regularise first, and collect more data only if validation error still lags.';
const ONE_ANSWER = 'one answer: more data lowers variance, so an overfit model usually improves with it.';

let h: DiscordHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const ledger = () => h!.database.store.db.selectFrom('ledger').select(['member_id', 'reason', 'points']).orderBy('id').execute();
const member = (id: string) => `discord:${GUILD}:${id}`;

/** Runs `/mlq <sub>` and waits for its first response (a reply, or a deferral and its edit). */
async function run(user: string, sub: string, options: Record<string, unknown>[] = [], manager = false) {
  const id = h!.discord.command(user, sub, options, manager);
  const first = await waitFor(() => h!.discord.answers(id)[0]);
  const body = first.body as { type: number; data?: { flags?: number; embeds?: { title?: string; description?: string }[] } };
  if (body.type === 5) {
    const edit = await waitFor(() => h!.discord.answers(id).find((c) => c.method === 'PATCH'));
    return { type: 5, flags: body.data?.flags ?? 0, text: JSON.stringify(edit.body) };
  }
  return { type: body.type, flags: body.data?.flags ?? 0, text: JSON.stringify(body.data) };
}

function say(user: string, thread: string, content: string, id = h!.discord.next()) {
  h!.discord.dispatch('MESSAGE_CREATE', {
    id,
    channel_id: thread,
    guild_id: GUILD,
    author: discordUser(user, `user${user.slice(-2)}`),
    member: { nick: null, roles: [] },
    content,
    type: 0,
    timestamp: new Date().toISOString(),
    attachments: [],
    embeds: [],
    mentions: [],
  });
  return id;
}

async function startRound() {
  const started = await run(ADMIN, 'start', [], true);
  expect(started.flags & EPHEMERAL).toBe(0);
  const post = await waitFor(() => h!.discord.of('POST', new RegExp(`^/channels/${CHANNEL}/messages$`))[0]);
  const thread = await waitFor(() => h!.discord.of('POST', /\/threads$/)[0]);
  return { post, root: String(post.result!.id), thread: String(thread.result!.id) };
}

describe('a whole round in Discord through discord.js', () => {
  it('start, post and thread, two answers, an edit, a sealed answer, a peer vote, reveal, probe reply, leaderboard', async () => {
    h = await createDiscordHarness();
    expect(h.discord.identifiedIntents & (1 << 15)).toBeTruthy();
    expect(h.discord.of('PUT', /\/applications\/\d+\/guilds\/\d+\/commands$/)[0]!.body).toMatchObject([
      { name: 'mlq' },
      { name: 'mlq-next' },
      { name: 'mlq-export' },
    ]);
    const { post, root, thread } = await startRound();
    const embed = (post.body as { embeds: { title: string; description: string }[] }).embeds[0]!;
    expect(embed.title).toMatch(/^Question of the day · /);
    expect(embed.description).toMatch(/Answer in this thread before the reveal on/);
    expect(JSON.stringify(post.body)).toContain('"custom_id":"answer.sealed:1"');

    const a1 = say(U1, thread, 'Bias is systematic error from wrong assumptions; variance is sensitivity to the sample.');
    say(U2, thread, 'Short take: start with a simpler model and more regularisation before collecting data.');
    await waitFor(() => h!.discord.of('PUT', /reactions\/✅\/@me$/).length === 2);
    h.discord.dispatch('MESSAGE_UPDATE', {
      id: h.discord.of('PUT', /reactions/)[1]!.path.split('/')[4],
      channel_id: thread,
      guild_id: GUILD,
      content: BETTER_TAKE,
      author: discordUser(U2, 'user52'),
    });
    await waitFor(
      async () =>
        (await h!.database.store.db.selectFrom('answers').select('text').where('member_id', '=', member(U2)).executeTakeFirst())?.text ===
        BETTER_TAKE,
    );

    const button = h.discord.button(U3, 'answer.sealed:1', root);
    const modal = await waitFor(() => h!.discord.answers(button)[0]);
    expect((modal.body as { type: number }).type).toBe(9);
    const submitted = h.discord.modal(
      U3,
      'mlq.sealed:1',
      'Sealed: regularise, then re-check whether the validation curve still improves with more data.',
    );
    const confirm = await waitFor(() => h!.discord.answers(submitted)[0]);
    expect(confirm.body).toMatchObject({
      type: 4,
      data: { flags: EPHEMERAL, content: expect.stringMatching(/^Sealed: your answer is stored/) },
    });

    h.discord.dispatch('MESSAGE_REACTION_ADD', {
      user_id: U2,
      channel_id: thread,
      message_id: a1,
      guild_id: GUILD,
      emoji: { id: null, name: '👏' },
      member: { user: discordUser(U2, 'user52'), roles: [] },
    });
    h.discord.dispatch('MESSAGE_REACTION_ADD', {
      user_id: U1,
      channel_id: thread,
      message_id: a1,
      guild_id: GUILD,
      emoji: { id: null, name: '👏' },
      member: { user: discordUser(U1, 'user51'), roles: [] },
    });
    h.discord.dispatch('MESSAGE_REACTION_ADD', {
      user_id: BOT,
      channel_id: thread,
      message_id: a1,
      guild_id: GUILD,
      emoji: { id: null, name: '✅' },
    });
    await waitFor(async () => (await h!.database.store.db.selectFrom('votes').selectAll().execute()).length === 1);

    const revealed = await run(ADMIN, 'reveal', [], true);
    expect(revealed.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(revealed.text).toMatch(/Revealed: 3 answered/);
    const inThread = h.discord.of('POST', new RegExp(`^/channels/${thread}/messages$`));
    const reveal = inThread.map((c) => JSON.stringify(c.body)).join('\n');
    expect(reveal).toMatch(/What a strong answer covers/);
    expect(reveal).toMatch(/What a weak answer sounds like/);
    expect(reveal).toMatch(/Follow-up probes/);
    expect(reveal).toMatch(/Sealed answers[^"]*\\n• \*\*user53\*\*: Sealed: regularise/);
    const edited = h.discord.of('PATCH', new RegExp(`^/channels/${CHANNEL}/messages/${root}$`)).at(-1)!;
    expect(JSON.stringify(edited.body)).toMatch(/revealed[\s\S]*Revealed · 3 members answered/);

    say(U1, thread, 'I would check whether both curves flatten out before buying any more labelled data.');
    await waitFor(async () => (await ledger()).some((r) => r.reason === 'probe_reply'));
    await waitFor(() => h!.discord.of('PUT', /reactions\/⭐\/@me$/).length === 1);

    const board = await run(U1, 'leaderboard', []);
    expect(board.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(board.text).toMatch(/user51\*\* · 17 pts/);
    const shown = await run(U1, 'leaderboard', [
      { type: 3, name: 'period', value: 'all' },
      { type: 5, name: 'public', value: true },
    ]);
    expect(shown.flags & EPHEMERAL).toBe(0);

    expect(await ledger()).toEqual([
      { member_id: member(U1), reason: 'answer', points: 10 },
      { member_id: member(U2), reason: 'answer', points: 10 },
      { member_id: member(U3), reason: 'answer', points: 10 },
      { member_id: member(U1), reason: 'peer_vote', points: 2 },
      { member_id: member(U1), reason: 'probe_reply', points: 5 },
    ]);
  });

  it('tells a short reply privately why it did not count, and counts it once when edited past the bar', async () => {
    h = await createDiscordHarness();
    const { thread } = await startRound();
    const id = say(U1, thread, 'My answer...');
    const dm = await waitFor(() =>
      h!.discord.of('POST', /^\/channels\/\d+\/messages$/).find((c) => /needs at least 12 words/.test(JSON.stringify(c.body))),
    );
    expect(JSON.stringify(dm.body)).toMatch(/needs at least 12 words and this one has 2/);
    expect(h.discord.of('POST', /^\/users\/@me\/channels$/).map((c) => c.body)).toEqual([{ recipient_id: U1 }]);
    const edit = () =>
      h!.discord.dispatch('MESSAGE_UPDATE', {
        id,
        channel_id: thread,
        guild_id: GUILD,
        content: BETTER_TAKE,
        author: discordUser(U1, 'user51'),
      });
    edit();
    await waitFor(async () => (await h!.database.store.db.selectFrom('answers').select('text').executeTakeFirst())?.text === BETTER_TAKE);
    edit();
    await waitFor(() => h!.discord.of('PUT', /reactions\/✅\/@me$/).length === 1);
    await run(ADMIN, 'reveal', [], true);
    expect(await ledger()).toEqual([{ member_id: member(U1), reason: 'answer', points: 10 }]);
    expect(h.discord.of('PUT', /reactions\/✅\/@me$/)).toHaveLength(1);
  });

  it('counts the same MESSAGE_CREATE dispatched twice once', async () => {
    h = await createDiscordHarness();
    const { thread } = await startRound();
    const id = say(U1, thread, ONE_ANSWER);
    say(U1, thread, ONE_ANSWER, id);
    // A later answer from U2 marks the point where the gateway's earlier dispatches have been handled.
    say(U2, thread, `${ONE_ANSWER} Another member agrees.`);
    await waitFor(() => h!.discord.of('PUT', /reactions\/✅\/@me$/).some((c) => c.path.includes(`/messages/${id}/`)));
    const recorded = () => h!.database.store.db.selectFrom('thread_messages').select('member_id').orderBy('member_id').execute();
    await waitFor(async () => (await recorded()).some((r) => r.member_id === member(U2)));
    await waitFor(() => h!.discord.of('PUT', /reactions\/✅\/@me$/).length >= 2);
    await run(ADMIN, 'reveal', [], true);
    expect(await ledger()).toEqual([
      { member_id: member(U1), reason: 'answer', points: 10 },
      { member_id: member(U2), reason: 'answer', points: 10 },
    ]);
    expect(await recorded()).toEqual([{ member_id: member(U1) }, { member_id: member(U2) }]);
    expect(h.discord.of('PUT', /reactions\/✅\/@me$/)).toHaveLength(2);
  });

  it('defers an interaction that takes too long instead of failing it', async () => {
    h = await createDiscordHarness({ deferAfterMs: 0 });
    const streak = await run(U1, 'help');
    expect(streak.type).toBe(5);
    expect(streak.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(streak.text).toMatch(/Points and streaks/);
  });

  it('waits out a REST 429 and posts once', async () => {
    h = await createDiscordHarness();
    h.discord.inject('POST /channels/:id/messages', {
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: 0.5, global: false },
      headers: { 'retry-after': '1', 'x-ratelimit-scope': 'user' },
    });
    await run(ADMIN, 'start', [], true);
    await waitFor(() => h!.discord.of('POST', /\/threads$/).length === 1, 10_000);
    const posts = h.discord.of('POST', new RegExp(`^/channels/${CHANNEL}/messages$`));
    expect(posts.map((c) => c.status)).toEqual([429, 200]);
    expect(await h.database.store.db.selectFrom('rounds').select('status').execute()).toEqual([{ status: 'posted' }]);
  });

  it('pauses a channel the bot lost access to, with a log line', async () => {
    h = await createDiscordHarness({ start: new Date('2026-11-23T08:00:00Z') });
    await startRound();
    h.discord.goneChannels.add(CHANNEL);
    h.clock.set(new Date('2026-11-24T09:00:30Z'));
    await h.mlq.tick();
    await h.mlq.tick();
    const channel = await h.database.store.db.selectFrom('channels').select(['active', 'paused_reason']).executeTakeFirstOrThrow();
    expect(channel).toEqual({ active: false, paused_reason: '50001 Missing Access' });
    expect(h.logs.some((l) => l.level === 'warn' && /channel paused/.test(l.msg ?? ''))).toBe(true);
    expect(h.discord.of('POST', new RegExp(`^/channels/${CHANNEL}/messages$`)).filter((c) => c.status === 403)).toHaveLength(1);
  });
});

describe('the Message Content intent', () => {
  it('stops with one clear sentence when the gateway refuses it (close code 4014)', async () => {
    await expect(createDiscordHarness({ refuse: true })).rejects.toThrow(MessageContentRefusedError);
    await expect(createDiscordHarness({ refuse: true })).rejects.toThrow(
      'Discord refused the Message Content intent: enable "Message Content Intent" under Bot → Privileged Gateway Intents in the Developer Portal, or set DISCORD_MESSAGE_CONTENT=false to take answers only through the Answer button.',
    );
  });

  it('without it, takes answers only through the Answer button', async () => {
    h = await createDiscordHarness({ messageContent: false, refuse: true });
    expect(h.discord.identifiedIntents & (1 << 15)).toBe(0);
    const { post, thread } = await startRound();
    expect(JSON.stringify(post.body)).toMatch(/Answer with the button below before the reveal/);
    say(U1, thread, '');
    const submitted = h.discord.modal(
      U1,
      'mlq.sealed:1',
      'My sealed answer: more data lowers variance, so an overfit model usually improves with it.',
    );
    await waitFor(() => h!.discord.answers(submitted)[0]);
    await run(ADMIN, 'reveal', [], true);
    expect(await ledger()).toEqual([{ member_id: member(U1), reason: 'answer', points: 10 }]);
  });
});
