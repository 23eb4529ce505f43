import { MAX_ANSWER_CHARS, recordSealedAnswer, type SealedOutcome } from './answers.ts';
import type { CoreDeps } from './deps.ts';
import type { ActionEvent, FormEvent } from './events.ts';
import type { InteractionReply } from './interactions.ts';
import { answerTally } from './metrics.ts';

/** The id of the "Answer privately" form. */
export const SEALED_FORM = 'mlq.sealed';

/** The "Answer privately" button: the answer form while the round is open, a short note once it is revealed. */
export async function openSealedAnswer(deps: CoreDeps, event: ActionEvent): Promise<InteractionReply> {
  const round = /^\d{1,9}$/.test(event.value) ? await deps.repo.getRound(Number(event.value)) : null;
  const question = round ? await deps.repo.getQuestion(round.questionId) : null;
  if (!round || !question) return { kind: 'none' };
  if (!(await deps.repo.takesAnswers(round.id, deps.clock.now()))) {
    return { kind: 'notice', text: 'This round is revealed already: reply to a probe in its thread instead.' };
  }
  return {
    kind: 'form',
    form: {
      id: SEALED_FORM,
      value: String(round.id),
      title: 'Answer privately',
      submit: 'Seal my answer',
      subject: question.prompt,
      fields: [
        { id: 'answer', label: 'Your answer', hint: 'Only you see it until the reveal; then everyone does.', maxLength: MAX_ANSWER_CHARS },
      ],
    },
  };
}

const REFUSED: Partial<Record<SealedOutcome, string>> = {
  closed: 'This round is revealed already, so it takes no more answers.',
  'already-answered': 'You have answered this round already; later replies are discussion.',
  empty: 'Write an answer first.',
  'not-counted':
    'Not counted yet: this is below the channel’s bar for an answer (the note says why). Add your reasoning and seal it again.',
};

/** A submitted sealed answer: stored and counted like a thread answer (see recordSealedAnswer). */
export async function submitSealedAnswer(deps: CoreDeps, event: FormEvent): Promise<InteractionReply> {
  const outcome = await recordSealedAnswer(deps, {
    channelId: event.channelId,
    communityId: event.communityId,
    roundId: Number(event.value),
    author: event.actor,
    text: event.fields.answer ?? '',
    submissionId: event.submissionId,
  });
  const tally = answerTally(outcome, 'form');
  if (tally) deps.metrics?.answer(tally);
  const refused = REFUSED[outcome];
  if (refused) return { kind: 'invalid', field: 'answer', text: refused };
  return {
    kind: 'notice',
    text:
      outcome === 'answer' ? 'Sealed: your answer is stored and counts. Everyone sees it at the reveal.' : 'Sealed: your answer is stored.',
  };
}
