import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_ANSWER_CHARS, recordSealedAnswer } from '../../src/core/answers.ts';
import { command, createHarness, type Harness, member } from '../helpers/harness.ts';

const CH = 'test:T1:C1';
const admin = { id: 'test:admin', name: 'admin' };
let h: Harness;

/** Whether the "Answer privately" button opens the form for the round now. */
async function formOpens(roundId: number) {
  const reply = await h.mlq.action({
    channelId: CH,
    communityId: 'test',
    actor: member('ada'),
    action: 'answer.sealed',
    value: String(roundId),
  });
  return reply.kind === 'form';
}

/** A sealed answer to the channel's current round at the clock's time. */
async function seal(who: string, submissionId: string, channelId = CH) {
  const round = (await h.mlq.currentRound(CH))!;
  const text = `  sealed by ${who}: regularisation trades a little bias for much less variance here  `;
  return recordSealedAnswer(h.deps, { channelId, communityId: 'test', roundId: round.id, author: member(who), text, submissionId });
}

beforeEach(async () => {
  h = await createHarness(new Date('2026-11-23T08:00:00Z'));
  await command(h, CH, admin, '/mlq start');
});
afterEach(async () => {
  await h.close();
});

describe('sealed answers follow the thread rule: taken while the round is posted and before its reveal', () => {
  it('opens the form and counts an answer a millisecond before the reveal, and refuses both at the reveal', async () => {
    const round = (await h.mlq.currentRound(CH))!;
    expect(round.revealAt).toEqual(new Date('2026-11-23T14:00:00Z'));
    h.clock.set(new Date('2026-11-23T13:59:59.999Z'));
    expect(await formOpens(round.id)).toBe(true);
    expect(await seal('ada', 'test:form:1')).toBe('answer');
    expect(await seal('ada', 'test:form:1')).toBe('duplicate');
    expect(await seal('ada', 'test:form:2')).toBe('already-answered');
    h.clock.set(new Date('2026-11-23T14:00:00Z'));
    expect(await formOpens(round.id)).toBe(false);
    expect(await seal('bob', 'test:form:3')).toBe('closed');
    const rows = await h.database.store.db
      .selectFrom('answers')
      .select(['message_id', 'member_id', 'text', 'sealed'])
      .orderBy('message_id')
      .execute();
    expect(rows).toEqual([
      {
        message_id: 'test:form:1',
        member_id: 'test:ada',
        text: 'sealed by ada: regularisation trades a little bias for much less variance here',
        sealed: true,
      },
    ]);
  });

  it("refuses an empty answer and one naming another channel's round", async () => {
    const roundId = (await h.mlq.currentRound(CH))!.id;
    const empty = { channelId: CH, communityId: 'test', roundId, author: member('ada'), text: ' \u0000 ', submissionId: 'test:form:4' };
    expect(await recordSealedAnswer(h.deps, empty)).toBe('empty');
    expect(await seal('ada', 'test:form:5', 'test:T1:other')).toBe('closed');
    expect(await h.database.store.db.selectFrom('answers').select('message_id').execute()).toEqual([]);
  });

  it('shows each sealed answer at the reveal under its author, and leaves thread answers out of that list', async () => {
    await seal('ada', 'test:form:6');
    await h.mlq.threadMessage({
      channelId: CH,
      communityId: 'test',
      threadId: (await h.mlq.currentRound(CH))!.threadId!,
      messageId: 'test:reply:bob',
      author: member('bob'),
      text: 'A thread answer from bob: regularise first, then look at the learning curve again.',
    });
    await command(h, CH, admin, '/mlq reveal');
    const reveal = h.port.of('reply').find((r) => r.key?.startsWith('mlq-reveal-'))!.card!;
    expect(reveal.blocks.find((b) => b.type === 'list' && b.title === '**Sealed answers**')).toEqual({
      type: 'list',
      title: '**Sealed answers**',
      items: ['**ada**: sealed by ada: regularisation trades a little bias for much less variance here'],
      ordered: false,
    });
  });
});

describe('the "Answer privately" form', () => {
  const open = (value: string) =>
    h.mlq.action({ channelId: CH, communityId: 'test', actor: member('ada'), action: 'answer.sealed', value });
  const send = (who: string, value: string, fields: Record<string, string>, submissionId: string) =>
    h.mlq.submit({ channelId: CH, communityId: 'test', actor: member(who), form: 'mlq.sealed', value, fields, submissionId });
  const LONG = 'Regularisation trades a little bias for much less variance, so the held-out error falls here.';

  it('opens with the question as its subject, and not for a value that is no round id', async () => {
    const round = (await h.mlq.currentRound(CH))!;
    const question = (await h.repo.getQuestion(round.questionId))!;
    expect(await open(String(round.id))).toEqual({
      kind: 'form',
      form: {
        id: 'mlq.sealed',
        value: String(round.id),
        title: 'Answer privately',
        submit: 'Seal my answer',
        subject: question.prompt,
        fields: [
          {
            id: 'answer',
            label: 'Your answer',
            hint: 'Only you see it until the reveal; then everyone does.',
            maxLength: MAX_ANSWER_CHARS,
          },
        ],
      },
    });
    for (const value of ['', 'abc', ` ${round.id}`, `${round.id}x`, '1234567890', '999999999']) {
      expect(await open(value)).toEqual({ kind: 'none' });
    }
    h.clock.set(new Date('2026-11-23T14:00:00Z'));
    expect(await open(String(round.id))).toEqual({
      kind: 'notice',
      text: 'This round is revealed already: reply to a probe in its thread instead.',
    });
  });

  it('says whether a sealed answer counts, and refuses an empty, a short, a second and a late one on the answer field', async () => {
    const value = String((await h.mlq.currentRound(CH))!.id);
    expect(await send('ada', value, { answer: '  ' }, 'test:form:a')).toEqual({
      kind: 'invalid',
      field: 'answer',
      text: 'Write an answer first.',
    });
    expect(await send('ada', value, {}, 'test:form:b')).toEqual({ kind: 'invalid', field: 'answer', text: 'Write an answer first.' });
    expect(await send('ada', value, { answer: 'yes' }, 'test:form:c')).toEqual({
      kind: 'invalid',
      field: 'answer',
      text: 'Not counted yet: this is below the channel’s bar for an answer (the note says why). Add your reasoning and seal it again.',
    });
    expect(await send('ada', value, { answer: LONG }, 'test:form:d')).toEqual({
      kind: 'notice',
      text: 'Sealed: your answer is stored and counts. Everyone sees it at the reveal.',
    });
    expect(await send('ada', value, { answer: LONG }, 'test:form:d')).toEqual({ kind: 'notice', text: 'Sealed: your answer is stored.' });
    expect(await send('ada', value, { answer: LONG }, 'test:form:e')).toEqual({
      kind: 'invalid',
      field: 'answer',
      text: 'You have answered this round already; later replies are discussion.',
    });
    h.clock.set(new Date('2026-11-23T14:00:00Z'));
    expect(await send('bob', value, { answer: LONG }, 'test:form:f')).toEqual({
      kind: 'invalid',
      field: 'answer',
      text: 'This round is revealed already, so it takes no more answers.',
    });
  });
});
