import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActionEvent, FormEvent } from '../../src/core/events.ts';
import { cardText, command, createHarness, type Harness, member } from '../helpers/harness.ts';
import { captureLogger } from '../helpers/process.ts';

const CH = 'test:T1:C1';
const ada = member('ada');
let h: Harness;

const click = (action: string, value: string, actor = ada): Promise<unknown> =>
  h.mlq.action({ channelId: CH, communityId: 'test', actor, action, value } satisfies ActionEvent);
const submit = (value: string, answer: string, submissionId: string, form = 'mlq.sealed'): Promise<unknown> =>
  h.mlq.submit({ channelId: CH, communityId: 'test', actor: ada, form, value, fields: { answer }, submissionId } satisfies FormEvent);

beforeEach(async () => {
  h = await createHarness(new Date('2026-11-23T08:00:00Z'));
  await command(h, CH, { id: 'test:admin', name: 'admin' }, '/mlq start');
});
afterEach(async () => {
  await h.close();
});

describe('buttons and forms, routed through the core by their ids', () => {
  it('opens the sealed-answer form until the reveal, and answers with a note from the reveal on', async () => {
    const round = (await h.mlq.currentRound(CH))!;
    const question = (await h.repo.getQuestion(round.questionId))!;
    expect(round.revealAt.toISOString()).toBe('2026-11-23T14:00:00.000Z');
    h.clock.set(new Date('2026-11-23T13:59:59.999Z'));
    expect(await click('answer.sealed', String(round.id))).toEqual({
      kind: 'form',
      form: {
        id: 'mlq.sealed',
        value: String(round.id),
        title: 'Answer privately',
        submit: 'Seal my answer',
        subject: question.prompt,
        fields: [{ id: 'answer', label: 'Your answer', hint: 'Only you see it until the reveal; then everyone does.', maxLength: 10_000 }],
      },
    });
    const revealed = { kind: 'notice', text: 'This round is revealed already: reply to a probe in its thread instead.' };
    h.clock.set(new Date('2026-11-23T14:00:00.000Z'));
    expect(await click('answer.sealed', String(round.id))).toEqual(revealed);
    h.clock.set(new Date('2026-11-23T14:00:00.001Z'));
    expect(await click('answer.sealed', String(round.id))).toEqual(revealed);
    expect(await click('answer.sealed', 'not-a-round')).toEqual({ kind: 'none' });
    expect(await click('answer.sealed', '999999')).toEqual({ kind: 'none' });
    expect(await click('answer.sealed', '99999999999')).toEqual({ kind: 'none' });
  });

  it('takes a sealed answer once, refuses an empty one, a second one and a late one beside the field', async () => {
    const id = String((await h.mlq.currentRound(CH))!.id);
    expect(await submit(id, '   ', 'test:view:1')).toEqual({ kind: 'invalid', field: 'answer', text: 'Write an answer first.' });
    expect(
      await submit(id, 'Regularise, then check the learning curve to see whether the gap between the two errors closes.', 'test:view:2'),
    ).toEqual({
      kind: 'notice',
      text: 'Sealed: your answer is stored and counts. Everyone sees it at the reveal.',
    });
    expect(
      await submit(id, 'Regularise, then check the learning curve to see whether the gap between the two errors closes.', 'test:view:2'),
    ).toEqual({
      kind: 'notice',
      text: 'Sealed: your answer is stored.',
    });
    expect(await submit(id, 'A second try', 'test:view:3')).toEqual({
      kind: 'invalid',
      field: 'answer',
      text: 'You have answered this round already; later replies are discussion.',
    });
    h.clock.set(new Date('2026-11-23T14:00:00.000Z'));
    expect(await submit(id, 'Too late', 'test:view:4')).toEqual({
      kind: 'invalid',
      field: 'answer',
      text: 'This round is revealed already, so it takes no more answers.',
    });
    expect(await h.database.store.db.selectFrom('answers').select(['text', 'sealed']).execute()).toEqual([
      { text: 'Regularise, then check the learning curve to see whether the gap between the two errors closes.', sealed: true },
    ]);
  });

  it('reveals a practice answer as a card, shows the help for a retired button, and ignores an unknown form', async () => {
    const none = (await click('practice.reveal', 'q1')) as { kind: string; card: Parameters<typeof cardText>[0] };
    expect(none.kind).toBe('card');
    expect(cardText(none.card)).toContain('You have no practice question yet');
    const help = (await click('retired.button', '7')) as { kind: string; card: { title?: string } };
    expect(help).toMatchObject({ kind: 'card', card: { title: 'mlq: a daily ML interview question for your study group' } });
    expect(await submit('1', 'x', 'test:view:9', 'retired.form')).toEqual({ kind: 'none' });
  });

  it('answers a handler that fails with an apology and an error log line, never an exception', async () => {
    const { logger, logs } = captureLogger();
    h.deps.logger = logger;
    expect(await submit('99999999999', 'A forged round id beyond the database integer', 'test:view:10')).toEqual({
      kind: 'notice',
      text: 'Something went wrong on our side; nothing was changed. Please try again in a moment.',
    });
    expect(logs.map((l) => [l.level, l.msg])).toEqual([['error', 'interaction failed']]);
  });
});
