import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordHarness, type DiscordHarness } from '../helpers/discord-harness.ts';
import { discordUser, GUILD } from '../helpers/fake-discord.ts';
import { waitFor } from '../helpers/wait.ts';

const ADMIN = '900000000000000050';
const U1 = '900000000000000051';
const U2 = '900000000000000052';
const EPHEMERAL = 64;
const ANSWER = 'My answer: more data lowers variance, so an overfit model usually improves with it, and regularise too.';

let h: DiscordHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const member = (id: string) => `discord:${GUILD}:${id}`;
const gradeLedger = () => h!.database.store.db.selectFrom('ledger').select(['member_id', 'points']).where('reason', '=', 'grade').execute();

/** Runs `/mlq <sub>` and waits for its response, as text. */
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

interface Modal {
  type: number;
  data: {
    custom_id: string;
    components: {
      type: number;
      content?: string;
      component?: { type: number; custom_id: string; options: { value: string; label: string; default: boolean }[] };
    }[];
  };
}

/** Presses a button and returns the modal it opened. */
async function press(user: string, customId: string): Promise<Modal> {
  const id = h!.discord.button(user, customId, '1');
  const answer = await waitFor(() => h!.discord.answers(id)[0]);
  return answer.body as unknown as Modal;
}

/** Submits the checklist modal with the given values ticked; `id` replays an earlier submission. */
async function submit(user: string, customId: string, values: string[], id?: string) {
  const sent = h!.discord.modalWith(
    user,
    customId,
    [{ type: 18, id: 2, component: { type: 22, id: 3, custom_id: 'covered', values } }],
    id,
  );
  const answers = () => h!.discord.answers(sent);
  const before = id ? answers().length : 0;
  const reply = await waitFor(() => answers()[before]);
  return { id: sent, body: reply.body as { type: number; data: { flags: number; embeds?: { description?: string }[]; content?: string } } };
}
const text = (r: Awaited<ReturnType<typeof submit>>) =>
  r.body.data.content ?? r.body.data.embeds?.map((e) => e.description).join('\n') ?? '';

describe('grading and reviewing in Discord', () => {
  it('reveal, checklist by direct message, modal with a checkbox group, replayed submission counted once, review, regrade', async () => {
    h = await createDiscordHarness({ start: new Date('2026-11-23T08:00:00Z') });
    await run(ADMIN, 'start', [], true);
    const thread = String((await waitFor(() => h!.discord.of('POST', /\/threads$/)[0])).result!.id);
    h.discord.dispatch('MESSAGE_CREATE', {
      id: h.discord.next(),
      channel_id: thread,
      guild_id: GUILD,
      author: discordUser(U1, 'user51'),
      member: { nick: null, roles: [] },
      content: ANSWER,
      type: 0,
      timestamp: new Date().toISOString(),
      attachments: [],
      embeds: [],
      mentions: [],
    });
    await waitFor(() => h!.discord.of('PUT', /reactions/).length === 1);
    h.clock.set(new Date('2026-11-23T15:00:00Z'));
    await run(ADMIN, 'reveal', [], true);

    const reveal = h.discord
      .of('POST', new RegExp(`^/channels/${thread}/messages$`))
      .map((c) => JSON.stringify(c.body))
      .join('\n');
    expect(reveal).toMatch(/\*\*In one line:\*\* \S/);
    expect(reveal).toContain('"custom_id":"grade.open:r:1"');
    expect(reveal).toContain('"custom_id":"guidance.show:1"');
    const dm = await waitFor(() =>
      h!.discord.of('POST', /^\/channels\/\d+\/messages$/).find((c) => JSON.stringify(c.body).includes('"title":"Grade yourself · ')),
    );
    expect(JSON.stringify(dm.body)).toContain('Tick them with **Grade yourself** under the reveal');
    expect((dm.body as { components: unknown[] }).components).toEqual([]);
    expect(h.discord.of('POST', /^\/users\/@me\/channels$/).map((c) => c.body)).toEqual([{ recipient_id: U1 }]);

    h.clock.set(new Date('2026-11-23T16:00:00Z'));
    const modal = await press(U1, 'grade.open:r:1');
    expect(modal.type).toBe(9);
    expect(modal.data.custom_id).toBe('mlq.grade:r:1');
    const [subject, group] = modal.data.components;
    expect(subject!.type).toBe(10);
    expect(group!.type).toBe(18);
    expect(group!.component!.type).toBe(22);
    const n = group!.component!.options.length;
    expect(n).toBeGreaterThanOrEqual(3);
    for (const o of group!.component!.options) expect(o.label.length).toBeLessThanOrEqual(100);

    const saved = await submit(U1, 'mlq.grade:r:1', ['0', '2']);
    expect(saved.body.type).toBe(4);
    expect(saved.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(text(saved)).toContain(`Saved: 2 of ${n} key points`);
    expect(text(saved)).toContain('**+2 points** for grading');
    const replayed = await submit(U1, 'mlq.grade:r:1', ['0', '2'], saved.id);
    expect(text(replayed)).toContain(`Already saved: 2 of ${n} key points`);
    expect(await gradeLedger()).toEqual([{ member_id: member(U1), points: 2 }]);
    const reopened = await press(U1, 'grade.open:r:1');
    expect(reopened.data.components[1]!.component!.options.map((o) => o.default)).toEqual(
      Array.from({ length: n }, (_, i) => i === 0 || i === 2),
    );

    const bob = await submit(U2, 'mlq.grade:r:1', []);
    expect(text(bob)).toContain(`Saved: 0 of ${n} key points · Again.`);
    expect(await gradeLedger()).toEqual([{ member_id: member(U1), points: 2 }]);

    h.clock.set(new Date('2026-12-20T09:00:00Z'));
    const queue = await run(U2, 'review');
    expect(queue.flags & EPHEMERAL).toBe(EPHEMERAL);
    const show = /"custom_id":"review\.show:(c:\d+:1)"/.exec(queue.text)![1]!;
    const shown = await run(U2, 'review', [{ type: 3, name: 'action', value: 'show' }]);
    expect(shown.text).toContain(`"custom_id":"grade.open:${show}"`);
    const reviewed = await submit(U2, `mlq.grade:${show}`, ['0']);
    expect(text(reviewed)).toContain(`Saved: 1 of ${n} key points`);
    const regraded = await submit(
      U2,
      `mlq.grade:${show}`,
      Array.from({ length: n }, (_, i) => String(i)),
    );
    expect(text(regraded)).toContain(`Changed: ${n} of ${n} key points · Easy.`);
    expect(await gradeLedger()).toEqual([{ member_id: member(U1), points: 2 }]);

    const remind = await run(U2, 'review', [
      { type: 3, name: 'action', value: 'remind' },
      { type: 3, name: 'value', value: '07:30 America/New_York' },
    ]);
    expect(remind.text).toContain(
      'Review reminder set for 07:30 (America/New_York) every day, the first Sun 20 Dec 07:30 (America/New_York).',
    );
    const stats = await run(U2, 'stats');
    expect(stats.text).toContain('Reviews done');
    expect(stats.text).toContain('**Weakest:**');
  });
});
