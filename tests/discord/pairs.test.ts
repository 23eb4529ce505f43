import { REST, Routes } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordHarness, type DiscordHarness } from '../helpers/discord-harness.ts';
import { CHANNEL, FakeDiscord, GUILD } from '../helpers/fake-discord.ts';
import { waitFor } from '../helpers/wait.ts';

const ADMIN = '900000000000000050';
const U1 = '900000000000000051';
const U2 = '900000000000000052';
const U3 = '900000000000000053';

let h: DiscordHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const member = (id: string) => `discord:${GUILD}:${id}`;
const pairLedger = () =>
  h!.database.store.db
    .selectFrom('ledger')
    .select(['member_id', 'points'])
    .where('reason', '=', 'pair_meeting')
    .orderBy('member_id')
    .execute();

/** Runs `/mlq <sub>` and waits for its response, as text. */
async function run(user: string, sub: string, options: Record<string, unknown>[] = [], manager = false): Promise<string> {
  const id = h!.discord.command(user, sub, options, manager);
  const first = await waitFor(() => h!.discord.answers(id)[0]);
  if ((first.body as { type: number }).type === 5)
    return JSON.stringify((await waitFor(() => h!.discord.answers(id).find((c) => c.method === 'PATCH'))).body);
  return JSON.stringify(first.body);
}

/** Presses a button and returns the body of the interaction's answer; `id` replays an earlier press. */
async function press(user: string, customId: string, id?: string) {
  const sent = h!.discord.button(user, customId, '1', undefined, id);
  const before = id ? h!.discord.answers(sent).length : 0;
  const answer = await waitFor(() => h!.discord.answers(sent)[before]);
  return { id: sent, text: JSON.stringify(answer.body), body: answer.body as { type: number; data: { custom_id?: string } } };
}

/** A text input of a submitted modal, in its action row. */
const field = (custom_id: string, value: string) => ({ type: 1, components: [{ type: 4, custom_id, value }] });

describe('mock-interview pairs in Discord', () => {
  it('opens a private thread for a trio, DMs each pack, checks in once despite a replayed press, and DMs the feedback', async () => {
    h = await createDiscordHarness({ start: new Date('2026-11-23T08:00:00Z') });
    await run(ADMIN, 'start', [], true);
    expect(
      await run(
        ADMIN,
        'config',
        [
          { type: 3, name: 'setting', value: 'pairs' },
          { type: 3, name: 'value', value: 'mon 09:00' },
        ],
        true,
      ),
    ).toContain('Mon 09:00 weekly');
    for (const user of [U1, U2, U3])
      expect(await run(user, 'pairs', [{ type: 3, name: 'action', value: 'join' }])).toContain('You are in the mock-interview pairs');
    h.clock.set(new Date('2026-11-23T09:00:30Z'));
    await h.mlq.tick();
    await h.mlq.tick();

    const threads = [...h.discord.standaloneThreads.entries()];
    expect(threads).toHaveLength(1);
    const [thread, info] = threads[0]!;
    expect(info.parent).toBe(CHANNEL);
    expect([...info.members].sort()).toEqual([U1, U2, U3]);
    expect(h.discord.messagesIn(thread)).toHaveLength(1);
    expect(JSON.stringify(h.discord.messagesIn(thread)[0])).toContain('Mock-interview trio · week of 2026-11-23');
    for (const user of [U1, U2, U3]) {
      const dm = h.discord.messagesIn(h.discord.dmChannels.get(user)!);
      expect(dm).toHaveLength(1);
      expect(JSON.stringify(dm[0])).toContain('Interviewer pack');
    }

    h.clock.set(new Date('2026-11-26T21:00:00Z'));
    await h.mlq.tick();
    const checkin = JSON.stringify(h.discord.messagesIn(thread)[1]);
    const group = /"custom_id":"pairs\.met:(\d+)"/.exec(checkin)![1]!;
    expect(checkin).toContain(`"custom_id":"pairs.notyet:${group}"`);

    await press(U1, `pairs.met:${group}`);
    await press(U2, `pairs.met:${group}`);
    expect(await pairLedger()).toEqual([]);
    const last = await press(U3, `pairs.met:${group}`);
    expect(last.text).toContain('Everyone met: 5 points each.');
    await press(U3, `pairs.met:${group}`, last.id);
    expect(await pairLedger()).toEqual([
      { member_id: member(U1), points: 5 },
      { member_id: member(U2), points: 5 },
      { member_id: member(U3), points: 5 },
    ]);

    const modal = await press(U1, `pairs.feedback:${group}`);
    expect(modal.body.type).toBe(9);
    expect(modal.body.data.custom_id).toBe(`mlq.pairs.feedback:${group}`);
    const turn = await h.database.store.db
      .selectFrom('pair_turns')
      .select('candidate')
      .where('interviewer', '=', member(U1))
      .executeTakeFirstOrThrow();
    const candidate = turn.candidate.split(':')[2]!;
    const components = [
      field('structure', 'Clear'),
      field('depth', 'Deep'),
      field('communication', 'Calm'),
      field('advice', 'Name the trade-off first.'),
    ];
    const sent = h.discord.modalWith(U1, modal.body.data.custom_id!, components);
    expect(JSON.stringify((await waitFor(() => h!.discord.answers(sent)[0])).body)).toContain('your feedback went privately to');
    const replay = h.discord.modalWith(U1, modal.body.data.custom_id!, components, sent);
    expect(replay).toBe(sent);
    await waitFor(() => h!.discord.answers(sent)[1]);
    const feedback = h.discord
      .messagesIn(h.discord.dmChannels.get(candidate)!)
      .filter((m) => JSON.stringify(m).includes('Feedback from your mock interview'));
    expect(feedback).toHaveLength(1);
    expect(JSON.stringify(feedback[0])).toContain('Name the trade-off first.');
  });
});

describe('the fake Discord private threads', () => {
  it('creates a private thread without a message, adds members to it, and refuses members of an unknown thread', async () => {
    const discord = await new FakeDiscord().start();
    try {
      const rest = new REST({ api: discord.apiUrl, retries: 0 }).setToken('x');
      const thread = (await rest.post(Routes.threads(CHANNEL), { body: { name: 'Pair', type: 12, invitable: false } })) as {
        id: string;
        type: number;
      };
      expect(thread.type).toBe(12);
      await rest.put(Routes.threadMembers(thread.id, U1));
      await rest.put(Routes.threadMembers(thread.id, U2));
      expect([...discord.standaloneThreads.get(thread.id)!.members]).toEqual([U1, U2]);
      await expect(rest.put(Routes.threadMembers('900000000000000777', U1))).rejects.toMatchObject({ code: 10003 });
      await expect(rest.post(Routes.threads(CHANNEL), { body: { name: 'Public', type: 11 } })).rejects.toMatchObject({ code: 50035 });
      const dm = (await rest.post(Routes.userChannels(), { body: { recipient_id: U1 } })) as { id: string };
      const again = (await rest.post(Routes.userChannels(), { body: { recipient_id: U1 } })) as { id: string };
      expect(again.id).toBe(dm.id);
    } finally {
      await discord.stop();
    }
  });
});
