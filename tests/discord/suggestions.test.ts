import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordHarness, type DiscordHarness } from '../helpers/discord-harness.ts';
import { GUILD } from '../helpers/fake-discord.ts';
import { GOOD_SUGGESTION } from '../helpers/suggestion-fields.ts';
import { waitFor } from '../helpers/wait.ts';

const ADMIN = '900000000000000050';
const U1 = '900000000000000051';
const U2 = '900000000000000052';
const EPHEMERAL = 64;
const MODAL = 9;

let h: DiscordHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

interface Answer {
  type: number;
  data: {
    custom_id?: string;
    title?: string;
    flags?: number;
    content?: string;
    embeds?: { title?: string; description?: string }[];
    components?: { type: number; components: { type: number; custom_id: string; label: string; value?: string; style?: number }[] }[];
  };
}

async function answer(id: string): Promise<Answer> {
  return (await waitFor(() => h!.discord.answers(id)[0])).body as unknown as Answer;
}
const inputs = (a: Answer) => (a.data.components ?? []).flatMap((row) => row.components);
const shown = (a: Answer) => a.data.content ?? (a.data.embeds ?? []).map((e) => `${e.title ?? ''}\n${e.description ?? ''}`).join('\n');
const buttonIds = (a: Answer) => inputs(a).map((c) => [c.label, c.custom_id]);

/** Submits a modal with these text fields. */
function submit(user: string, customId: string, fields: Record<string, string>) {
  return h!.discord.modalWith(
    user,
    customId,
    Object.entries(fields).map(([id, value]) => ({ type: 1, components: [{ type: 4, custom_id: id, value }] })),
  );
}

const g = GOOD_SUGGESTION;

describe('suggestions in Discord', () => {
  it('takes the form in two modals of at most five fields, keeps a draft through a refusal, and refuses a non-organiser', async () => {
    h = await createDiscordHarness({ start: new Date('2026-11-23T08:00:00Z') });
    await answer(h.discord.command(ADMIN, 'start', [], true));

    const first = await answer(h.discord.command(U1, 'suggest'));
    expect(first.type).toBe(MODAL);
    expect(first.data.custom_id).toBe('mlq.suggest:new|1');
    expect(first.data.title).toBe('Suggest a question 1/2');
    expect(inputs(first).map((c) => c.custom_id)).toEqual(['prompt', 'category', 'level', 'tldr', 'strong_answer']);

    const step1 = await answer(
      submit(U1, 'mlq.suggest:new|1', {
        prompt: g.prompt,
        category: g.category,
        level: g.level,
        tldr: g.tldr,
        strong_answer: g.strong_answer,
      }),
    );
    expect(step1.data.flags).toBe(EPHEMERAL);
    expect(shown(step1)).toContain('Step 1 of 2 kept');
    expect(buttonIds(step1)).toEqual([['Continue: step 2 of 2', 'suggest.open:new|2']]);

    const second = await answer(h.discord.button(U1, 'suggest.open:new|2', '1'));
    expect(second.type).toBe(MODAL);
    expect(inputs(second).map((c) => c.custom_id)).toEqual(['weak_answer', 'key_points', 'probes', 'tags']);

    const refused = await answer(
      submit(U1, 'mlq.suggest:new|2', { weak_answer: g.weak_answer, key_points: g.key_points, probes: g.probes, tags: 'solo' }),
    );
    expect(shown(refused)).toContain('Nothing is lost: your text is kept.');
    expect(shown(refused)).toContain('**Tags (2 to 8, with commas)**: tags needs 2 to 8 items');
    expect(buttonIds(refused)).toEqual([['Fix step 2', 'suggest.open:new|2']]);
    const fix = await answer(h.discord.button(U1, 'suggest.open:new|2', '1'));
    expect(inputs(fix).find((c) => c.custom_id === 'tags')!.value).toBe('solo');
    expect(inputs(fix).find((c) => c.custom_id === 'weak_answer')!.value).toBe(g.weak_answer);

    const sent = await answer(
      submit(U1, 'mlq.suggest:new|2', { weak_answer: g.weak_answer, key_points: g.key_points, probes: g.probes, tags: g.tags }),
    );
    expect(sent.data.content).toBe('Thank you: suggestion #1 is in the organisers’ queue. You will hear privately when they decide.');

    const refusedApproval = await answer(h.discord.button(U2, 'suggest.approve:1:channel', '1'));
    expect(refusedApproval.data).toMatchObject({ flags: EPHEMERAL, content: 'Only the channel’s organisers can decide on suggestions.' });
    expect((await h.repo.getSuggestion(1))!.status).toBe('pending');
    const approved = await answer(h.discord.button(ADMIN, 'suggest.approve:1:channel', '1'));
    expect(approved.data.content).toContain('Approved #1 as `in-a-room-of-23-people-why-is-a-shared-birthday`');
    const dm = await waitFor(() =>
      h!.discord.of('POST', /\/channels\/\d+\/messages$/).find((c) => JSON.stringify(c.body).includes('Your suggestion was approved')),
    );
    expect(dm).toBeDefined();
    expect(await h.repo.draft(`discord:${GUILD}:${U1}`, `discord:${GUILD}:900000000000000002`, 'new')).toBeNull();
  });

  it('answers with the card and its button when the command was deferred before the form could open', async () => {
    h = await createDiscordHarness({ start: new Date('2026-11-23T08:00:00Z'), deferAfterMs: 0 });
    // Every command is deferred at once here: `start` has subscribed the channel only once its answer is edited in.
    const started = h.discord.command(ADMIN, 'start', [], true);
    await waitFor(() => h!.discord.answers(started).find((c) => c.method === 'PATCH'));
    const id = h.discord.command(U1, 'suggest');
    const edit = await waitFor(() => h!.discord.answers(id).find((c) => c.method === 'PATCH'));
    expect((await answer(id)).type).toBe(5);
    expect(JSON.stringify(edit.body)).toContain('"custom_id":"suggest.open:new|1"');
    const modal = await answer(h.discord.button(U1, 'suggest.open:new|1', '1'));
    expect(modal.type).toBe(MODAL);
    expect(modal.data.title).toBe('Suggest a question 1/2');
  });

  it('runs /mlq-export, registered as a command of its own past the 25 subcommands, as `/mlq export`', async () => {
    h = await createDiscordHarness({ start: new Date('2026-11-23T08:00:00Z') });
    expect(h.discord.registered).toEqual(new Set(['mlq', 'mlq-next', 'mlq-export']));
    await answer(h.discord.command(ADMIN, 'start', [], true));
    const id = h.discord.command(ADMIN, 'export', [], true);
    expect(shown(await answer(id))).toContain('No suggested question has been approved here yet.');
    expect(shown(await answer(h.discord.command(U1, 'export')))).toContain("is for the channel's organisers");
  });
});
