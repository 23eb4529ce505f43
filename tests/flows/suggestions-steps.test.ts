import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InteractionReply } from '../../src/core/interactions.ts';
import type { Button, Card } from '../../src/core/message.ts';
import type { Member } from '../../src/core/types.ts';
import { createHarness, type Harness, member } from '../helpers/harness.ts';
import { RecordingPort } from '../helpers/recording-port.ts';
import { GOOD_SUGGESTION } from '../helpers/suggestion-fields.ts';

/** A platform whose forms hold five fields, as Discord's do: the suggestion form comes in two steps. */
class FiveFieldPort extends RecordingPort {
  readonly capabilities = { formFields: 5 };
}

const CH = 'five:T1:C1';
const admin = { id: 'test:admin', name: 'admin' };
const ada = member('ada');
const STEP_1 = ['prompt', 'category', 'level', 'tldr', 'strong_answer'] as const;
const pick = (ids: readonly string[], from: Record<string, string> = GOOD_SUGGESTION) =>
  Object.fromEntries(ids.map((id) => [id, from[id]!]));
const FIRST = pick(STEP_1);
const SECOND = pick(['weak_answer', 'key_points', 'probes', 'tags']);

let h: Harness;
let submissions = 0;

beforeEach(async () => {
  h = await createHarness(new Date('2026-11-23T08:00:00Z'));
  h.deps.ports.register(new FiveFieldPort('five'));
  await h.mlq.command({ channelId: CH, communityId: 'five:T1', actor: admin, text: '/mlq start' });
});
afterEach(async () => {
  await h.close();
});

const act = (who: Member, action: string, value: string, channelId = CH) =>
  h.mlq.action({ channelId, communityId: 'five:T1', actor: who, action, value });
const submit = (who: Member, form: string, value: string, fields: Record<string, string>, channelId = CH) =>
  h.mlq.submit({ channelId, communityId: 'five:T1', actor: who, form, value, fields, submissionId: `s-${++submissions}` });
const buttonsOf = (card: Card): Button[] => card.blocks.flatMap((b) => (b.type === 'buttons' ? b.buttons : []));
const formOf = (r: InteractionReply) => {
  if (r.kind !== 'form') throw new Error(`expected a form, got ${r.kind}`);
  return r.form;
};
const cardOf = (r: InteractionReply) => {
  if (r.kind !== 'card') throw new Error(`expected a card, got ${r.kind}`);
  return r.card;
};
const notice = (r: InteractionReply) => (r.kind === 'notice' ? r.text : `(${r.kind})`);
const rows = async () => await h.database.store.db.selectFrom('suggestions').select(['id', 'status']).orderBy('id').execute();

describe('the suggestion form in two steps', () => {
  it('keeps step 1 as a draft, continues to step 2 and sends the whole question', async () => {
    const opened = await h.mlq.command({ channelId: CH, communityId: 'five:T1', actor: ada, text: '/mlq suggest' });
    expect(opened.form).toMatchObject({ id: 'mlq.suggest', value: 'new|1', title: 'Suggest a question 1/2', submit: 'Next' });
    expect(opened.form!.fields.map((f) => f.id)).toEqual([...STEP_1]);
    expect(opened.form!.fields[1]!.hint).toBe('fundamentals, statistics, evaluation, features, deep-learning, mlops');

    const kept = cardOf(await submit(ada, 'mlq.suggest', 'new|1', FIRST));
    expect(kept.title).toBe('Step 1 of 2 kept');
    expect(kept.blocks[0]).toEqual({ type: 'text', markdown: 'Your text so far is kept. Continue with the next step.' });
    expect(buttonsOf(kept)).toEqual([
      { label: 'Continue: step 2 of 2', action: 'suggest.open', value: 'new|2', command: '/mlq suggest', style: 'primary' },
    ]);
    expect(await rows()).toEqual([]);

    const second = formOf(await act(ada, 'suggest.open', 'new|2'));
    expect(second).toMatchObject({ value: 'new|2', title: 'Suggest a question 2/2', submit: 'Send to the organisers' });
    expect(second.fields.map((f) => [f.id, f.initial])).toEqual([
      ['weak_answer', undefined],
      ['key_points', undefined],
      ['probes', undefined],
      ['tags', undefined],
    ]);
    const back = formOf(await act(ada, 'suggest.open', 'new|1'));
    expect(back.fields.map((f) => f.initial)).toEqual(STEP_1.map((id) => GOOD_SUGGESTION[id]));

    expect(notice(await submit(ada, 'mlq.suggest', 'new|2', SECOND))).toBe(
      'Thank you: suggestion #1 is in the organisers’ queue. You will hear privately when they decide.',
    );
    expect(await rows()).toEqual([{ id: 1, status: 'pending' }]);
    expect(formOf(await act(ada, 'suggest.open', 'new|1')).fields.every((f) => f.initial === undefined)).toBe(true);
  });

  it('lists each problem on a card with a button to reopen only the steps that have one', async () => {
    await submit(ada, 'mlq.suggest', 'new|1', { ...FIRST, strong_answer: 'Too short.' });
    const both = cardOf(await submit(ada, 'mlq.suggest', 'new|2', { ...SECOND, tags: 'One' }));
    expect(both.title).toBe('Not sent yet');
    expect(both.blocks.slice(0, 2)).toEqual([
      { type: 'text', markdown: 'Nothing is lost: your text is kept. Fix these and send it again:' },
      {
        type: 'list',
        ordered: false,
        items: [
          '**Strong answer (120 to 300 words)**: strong_answer has 2 words; it needs 120 to 300',
          '**Tags (2 to 8, with commas)**: tags needs 2 to 8 items',
        ],
      },
    ]);
    expect(buttonsOf(both).map((b) => [b.label, b.value])).toEqual([
      ['Fix step 1', 'new|1'],
      ['Fix step 2', 'new|2'],
    ]);
    const onlySecond = cardOf(await submit(ada, 'mlq.suggest', 'new|2', { strong_answer: GOOD_SUGGESTION.strong_answer, tags: 'One' }));
    expect(buttonsOf(onlySecond).map((b) => [b.label, b.value])).toEqual([['Fix step 2', 'new|2']]);
    expect(await rows()).toEqual([]);
    expect(notice(await submit(ada, 'mlq.suggest', 'new|2', { tags: GOOD_SUGGESTION.tags }))).toContain('suggestion #1');
  });

  it('clamps the step a button names to the steps there are, and to one form where forms hold every field', async () => {
    expect(formOf(await act(ada, 'suggest.open', 'new|0'))).toMatchObject({ value: 'new|1', title: 'Suggest a question 1/2' });
    expect(formOf(await act(ada, 'suggest.open', 'new|9'))).toMatchObject({ value: 'new|2', title: 'Suggest a question 2/2' });
    const single = formOf(await act(ada, 'suggest.open', 'new|2', 'test:T1:C1'));
    expect(single).toMatchObject({ value: 'new|0', title: 'Suggest a question', submit: 'Send to the organisers' });
    expect(single.fields).toHaveLength(9);
  });

  it('ignores a button or form whose state is not new or edit:<n> with one digit of step', async () => {
    for (const value of ['new|12', 'new|', 'old|1', 'edit:1234567890|1', 'edit:x|1', ' new|1'])
      expect([await act(ada, 'suggest.open', value), await submit(ada, 'mlq.suggest', value, FIRST)]).toEqual([
        { kind: 'none' },
        { kind: 'none' },
      ]);
    expect(await rows()).toEqual([]);
  });

  it('edits in two steps with Next then Save, and refuses a missing or decided suggestion', async () => {
    expect(notice(await act(admin, 'suggest.open', 'edit:9|1'))).toBe('That suggestion does not exist.');
    expect(notice(await submit(admin, 'mlq.suggest', 'edit:9|2', SECOND))).toBe('That suggestion does not exist.');
    await submit(ada, 'mlq.suggest', 'new|1', FIRST);
    await submit(ada, 'mlq.suggest', 'new|2', SECOND);
    const first = formOf(await act(admin, 'suggest.open', 'edit:1|1'));
    expect(first).toMatchObject({ value: 'edit:1|1', title: 'Edit suggestion #1 1/2', submit: 'Next' });
    expect(first.fields[0]!.initial).toBe(GOOD_SUGGESTION.prompt);
    expect(formOf(await act(admin, 'suggest.open', 'edit:1|2'))).toMatchObject({ title: 'Edit suggestion #1 2/2', submit: 'Save' });
    const level = { ...FIRST, level: 'senior' };
    expect(cardOf(await submit(admin, 'mlq.suggest', 'edit:1|1', level)).title).toBe('Step 1 of 2 kept');
    expect(notice(await submit(admin, 'mlq.suggest', 'edit:1|2', SECOND))).toBe('Saved your edit of suggestion #1.');
    expect((await h.repo.getSuggestion(1))!.question.level).toBe('senior');

    await submit(admin, 'mlq.suggest.reject', '1', { reason: 'Not for us.' });
    expect(notice(await act(admin, 'suggest.open', 'edit:1|1'))).toBe('Suggestion #1 was rejected already.');
    expect(notice(await submit(admin, 'mlq.suggest', 'edit:1|2', SECOND))).toBe('Suggestion #1 was rejected already.');
  });

  it('refuses a suggestion sent where no daily question runs, keeping step 1 and writing no row', async () => {
    const elsewhere = 'five:T1:C9';
    expect(cardOf(await submit(ada, 'mlq.suggest', 'new|1', FIRST, elsewhere)).title).toBe('Step 1 of 2 kept');
    expect(notice(await submit(ada, 'mlq.suggest', 'new|2', SECOND, elsewhere))).toBe(
      'This channel has no daily question yet, so it takes no suggestions. Your text is kept.',
    );
    expect(await rows()).toEqual([]);
    const again = formOf(await act(ada, 'suggest.open', 'new|1', elsewhere));
    expect(again.fields[0]!.initial).toBe(GOOD_SUGGESTION.prompt);
  });

  // Known bug: the reply says "Your text is kept", but the last step's fields are not saved as a draft on this path.
  it('keeps the last step typed where no daily question runs, as the reply promises', async () => {
    const elsewhere = 'five:T1:C9';
    await submit(ada, 'mlq.suggest', 'new|1', FIRST, elsewhere);
    await submit(ada, 'mlq.suggest', 'new|2', SECOND, elsewhere);
    const again = formOf(await act(ada, 'suggest.open', 'new|2', elsewhere));
    expect(again.fields[0]!.initial).toBe(GOOD_SUGGESTION.weak_answer);
  });
});
