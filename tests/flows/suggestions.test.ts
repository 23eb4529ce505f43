import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InteractionReply } from '../../src/core/interactions.ts';
import type { Button, Card } from '../../src/core/message.ts';
import type { Member } from '../../src/core/types.ts';
import { cardText, command, createHarness, DEFAULTS, type Harness, member } from '../helpers/harness.ts';
import { GOOD_SUGGESTION } from '../helpers/suggestion-fields.ts';

const CH = 'test:T1:C1';
const SAME_COMMUNITY = 'test:T1:C2';
const admin = { id: 'test:admin', name: 'admin' };
const ada = member('ada');
const bob = member('bob');
const QUESTION_ID = 'in-a-room-of-23-people-why-is-a-shared-birthday';

let h: Harness;
let submissions = 0;

beforeEach(async () => {
  h = await createHarness(new Date('2026-11-23T08:00:00Z'));
  await command(h, CH, admin, '/mlq start');
  await h.mlq.ensureChannel({ ...DEFAULTS, id: SAME_COMMUNITY, communityId: 'test', name: 'other' });
});
afterEach(async () => {
  await h.close();
});

const act = (who: Member, action: string, value: string, channelId = CH) =>
  h.mlq.action({ channelId, communityId: 'test', actor: who, action, value });
const submit = (who: Member, form: string, value: string, fields: Record<string, string>, submissionId = `sub-${++submissions}`) =>
  h.mlq.submit({ channelId: CH, communityId: 'test', actor: who, form, value, fields, submissionId });
const buttonsOf = (card: Card): Button[] => card.blocks.flatMap((b) => (b.type === 'buttons' ? b.buttons : []));
const press = (who: Member, b: Button) => act(who, b.action, b.value);
const notice = (r: InteractionReply) => (r.kind === 'notice' ? r.text : `(${r.kind})`);
const status = async () => await h.database.store.db.selectFrom('suggestions').select(['id', 'status']).orderBy('id').execute();
const privateTo = (id: string) =>
  h.port
    .of('private')
    .filter((s) => s.target === id)
    .map((s) => cardText(s.card!));

/** Ada suggests the good question through the form `/mlq suggest` opens. */
async function suggested(): Promise<void> {
  const reply = await command(h, CH, ada, '/mlq suggest');
  expect(reply.form?.id).toBe('mlq.suggest');
  const sent = await submit(ada, reply.form!.id, reply.form!.value, GOOD_SUGGESTION);
  expect(notice(sent)).toBe('Thank you: suggestion #1 is in the organisers’ queue. You will hear privately when they decide.');
}

describe('member-suggested questions', () => {
  it('goes from the form through approval to a posted round that credits its author', async () => {
    const opened = await command(h, CH, ada, '/mlq suggest');
    expect(opened.visibility).toBe('private');
    expect(opened.form!.fields.map((f) => f.id)).toEqual([
      'prompt',
      'category',
      'level',
      'tldr',
      'strong_answer',
      'weak_answer',
      'key_points',
      'probes',
      'tags',
    ]);
    await suggested();
    const replayed = await submit(ada, 'mlq.suggest', 'new|0', GOOD_SUGGESTION, 'sub-1');
    expect(notice(replayed)).toContain('suggestion #1 is in the organisers’ queue');
    expect(await status()).toEqual([{ id: 1, status: 'pending' }]);

    expect(cardText((await command(h, CH, ada, '/mlq queue')).card)).toContain("is for the channel's organisers");
    const queue = (await command(h, CH, admin, '/mlq queue')).card;
    expect(queue.title).toBe('Suggestions · 1 waiting');
    expect(cardText(queue)).toContain(`#1 · ${GOOD_SUGGESTION.prompt}`);
    expect(cardText(queue)).toContain('Statistics and probability · junior · suggested by ada');
    expect(buttonsOf(queue).map((b) => [b.label, b.action, b.value, b.command])).toEqual([
      ['Approve', 'suggest.approve', '1:channel', '/mlq queue approve 1'],
      ['Approve for the community', 'suggest.approve', '1:community', '/mlq queue approve 1 community'],
      ['Edit', 'suggest.open', 'edit:1|1', '/mlq queue edit 1'],
      ['Reject', 'suggest.reject', '1', '/mlq queue reject 1 <reason>'],
    ]);

    const [approveButton] = buttonsOf(queue);
    expect(notice(await press(bob, approveButton!))).toBe('Only the channel’s organisers can decide on suggestions.');
    expect(notice(await press(ada, approveButton!))).toBe('Only the channel’s organisers can decide on suggestions.');
    expect(await status()).toEqual([{ id: 1, status: 'pending' }]);

    expect(notice(await press(admin, approveButton!))).toBe(
      `Approved #1 as \`${QUESTION_ID}\` for this channel; its author was told. \`/mlq next ${QUESTION_ID}\` asks it next.`,
    );
    expect(notice(await press(admin, approveButton!))).toBe('Suggestion #1 was approved already.');
    expect(privateTo('test:ada')).toEqual([
      expect.stringContaining(
        `Your suggestion was approved\n“${GOOD_SUGGESTION.prompt}” is now in this channel’s questions, credited to you.`,
      ),
    ]);
    expect(cardText((await command(h, CH, admin, '/mlq queue')).card)).toContain('No suggestions are waiting.');

    expect(cardText((await command(h, CH, admin, `/mlq next ${QUESTION_ID}`)).card)).toContain(`The next round asks \`${QUESTION_ID}\``);
    expect(cardText((await command(h, CH, admin, '/mlq next')).card)).toContain(`The next round asks \`${QUESTION_ID}\``);
    h.clock.set(new Date('2026-11-24T09:00:00Z'));
    await h.mlq.tick();
    const posted = h.port.of('post').at(-1)!;
    expect((await h.mlq.currentRound(CH))!.questionId).toBe(QUESTION_ID);
    expect(posted.card!.blocks.slice(0, 2)).toEqual([
      { type: 'text', markdown: `**${GOOD_SUGGESTION.prompt}**` },
      { type: 'context', markdown: 'Suggested by ada' },
    ]);
    expect(cardText((await command(h, CH, admin, '/mlq next')).card)).toContain('mlq picks the next question as usual.');
    expect(await h.repo.askableQuestion(QUESTION_ID, SAME_COMMUNITY, 'test')).toBeNull();
    expect(await h.repo.searchQuestions({ categories: [], levels: [], words: ['birthday'] }, 5)).toEqual([]);
  });

  it('keeps everything typed when the schema refuses it, with a sentence for each wrong field', async () => {
    const opened = await command(h, CH, ada, '/mlq suggest');
    const bad = { ...GOOD_SUGGESTION, category: 'coding', strong_answer: 'Too short.', tags: 'One' };
    const refused = await submit(ada, 'mlq.suggest', opened.form!.value, bad);
    expect(refused).toEqual({
      kind: 'invalid',
      field: 'category',
      text: 'a coding question needs a structured block the form cannot take; choose one of fundamentals, statistics, evaluation, features, deep-learning, mlops',
      errors: {
        category:
          'a coding question needs a structured block the form cannot take; choose one of fundamentals, statistics, evaluation, features, deep-learning, mlops',
        strong_answer: 'strong_answer has 2 words; it needs 120 to 300',
        tags: 'tags needs 2 to 8 items',
      },
    });
    expect(await status()).toEqual([]);
    const again = await command(h, CH, ada, '/mlq suggest');
    const initial = Object.fromEntries(again.form!.fields.map((f) => [f.id, f.initial]));
    expect(initial).toEqual(bad);
    const fixed = await submit(ada, 'mlq.suggest', again.form!.value, {
      ...bad,
      category: 'statistics',
      strong_answer: GOOD_SUGGESTION.strong_answer,
      tags: GOOD_SUGGESTION.tags,
    });
    expect(notice(fixed)).toContain('suggestion #1 is in the organisers’ queue');
    expect((await command(h, CH, ada, '/mlq suggest')).form!.fields.every((f) => f.initial === undefined)).toBe(true);
  });

  it('rejects with a reason the author is told, edits for organisers only, and shares a question with the community', async () => {
    await suggested();
    await submit(ada, 'mlq.suggest', 'new|0', {
      ...GOOD_SUGGESTION,
      prompt: 'What is the birthday problem, and why does it matter for hashing?',
    });
    expect(notice(await act(bob, 'suggest.reject', '2'))).toBe('Only the channel’s organisers can decide on suggestions.');
    const reasonForm = await act(admin, 'suggest.reject', '2');
    expect(reasonForm.kind).toBe('form');
    expect(await submit(admin, 'mlq.suggest.reject', '2', { reason: '  ' })).toEqual({
      kind: 'invalid',
      field: 'reason',
      text: 'Give the author a reason.',
    });
    expect(notice(await submit(bob, 'mlq.suggest.reject', '2', { reason: 'no' }))).toBe(
      'Only the channel’s organisers can decide on suggestions.',
    );
    expect(notice(await submit(admin, 'mlq.suggest.reject', '2', { reason: 'Too close to #1.' }))).toBe(
      'Rejected #2; its author was told, with your reason.',
    );
    expect(privateTo('test:ada').at(-1)).toContain('Reason: Too close to #1.');
    expect(notice(await act(admin, 'suggest.reject', '2'))).toBe('Suggestion #2 was rejected already.');

    expect(notice(await act(bob, 'suggest.open', 'edit:1|1'))).toBe('Only the channel’s organisers can do that.');
    expect(notice(await submit(bob, 'mlq.suggest', 'edit:1|0', { prompt: 'Hijacked?' }))).toBe(
      'Only the channel’s organisers can do that.',
    );
    const edit = await act(admin, 'suggest.open', 'edit:1|1');
    if (edit.kind !== 'form') throw new Error('expected the edit form');
    expect(edit.form.fields.find((f) => f.id === 'prompt')!.initial).toBe(GOOD_SUGGESTION.prompt);
    const newPrompt = 'In a room of 23 people, why is a shared birthday likely, and where do you meet that reasoning in ML work?';
    expect(notice(await submit(admin, 'mlq.suggest', edit.form.value, { prompt: newPrompt }))).toBe('Saved your edit of suggestion #1.');
    expect((await h.repo.getSuggestion(1))!.question.prompt).toBe(newPrompt);

    expect(cardText((await command(h, CH, admin, '/mlq queue approve 1 community')).card)).toContain('for every channel of the community');
    const shared = QUESTION_ID;
    expect((await h.repo.askableQuestion(shared, SAME_COMMUNITY, 'test'))?.suggested_by).toBe('ada');
    expect(await h.repo.askableQuestion(shared, 'test:T9:C1', 'test:T9')).toBeNull();
    expect((await h.repo.scopedCandidates(SAME_COMMUNITY, 'test')).map((c) => c.id)).toEqual([shared]);
  });

  it('shows the oldest five waiting and says when more wait; keeps a reason of 500 characters and cuts a longer one', async () => {
    for (let i = 0; i < 5; i++) await submit(ada, 'mlq.suggest', 'new|0', GOOD_SUGGESTION);
    const five = (await command(h, CH, admin, '/mlq queue')).card;
    expect(five.title).toBe('Suggestions · 5 waiting');
    expect(
      buttonsOf(five)
        .filter((b) => b.label === 'Approve')
        .map((b) => b.value),
    ).toEqual(['1:channel', '2:channel', '3:channel', '4:channel', '5:channel']);
    expect(cardText(five)).not.toContain('Showing the oldest');
    await submit(ada, 'mlq.suggest', 'new|0', GOOD_SUGGESTION);
    const six = (await command(h, CH, admin, '/mlq queue')).card;
    expect(six.title).toBe('Suggestions · 6 waiting');
    expect(buttonsOf(six).filter((b) => b.label === 'Approve')).toHaveLength(5);
    expect(cardText(six)).toContain('Showing the oldest 5.');

    await submit(admin, 'mlq.suggest.reject', '1', { reason: 'a'.repeat(500) });
    await submit(admin, 'mlq.suggest.reject', '2', { reason: 'b'.repeat(501) });
    expect((await h.repo.getSuggestion(1))!.reason).toBe('a'.repeat(500));
    expect((await h.repo.getSuggestion(2))!.reason).toBe('b'.repeat(500));
    expect(cardText((await command(h, CH, admin, '/mlq queue reject 3')).card)).toContain(
      'Give the author a reason: `/mlq queue reject 3 <reason>`.',
    );
    expect(cardText((await command(h, CH, admin, '/mlq queue approve')).card)).toContain("Give the suggestion's number");
  });
});
