import { ARCHIVE_PAGE_ACTION, ARCHIVE_REVIEW_ACTION, openArchivePage, reviewFromArchive } from './archive.ts';
import { restartPressed, resumePressed } from './commands/mock-command.ts';
import { runCommand } from './commands/run.ts';
import type { CoreDeps } from './deps.ts';
import { confirmForget, FORGET_ACTION } from './erasure.ts';
import type { ActionEvent, FormEvent } from './events.ts';
import { GRADE_FORM } from './grade-cards.ts';
import { openGrade, showGuidance, submitGrade } from './grading.ts';
import type { Card } from './message.ts';
import { pressDone } from './mock.ts';
import { PAIR_ACTION_HANDLERS, submitFeedback } from './pairs-actions.ts';
import { PAIR_FEEDBACK_FORM } from './pairs-cards.ts';
import { nextReviewCard, showReviewPoints } from './review-queue.ts';
import { openSealedAnswer, SEALED_FORM, submitSealedAnswer } from './sealed-answer-form.ts';
import { openSuggestion, SUGGEST_FORM, SUGGEST_OPEN, submitSuggestion } from './suggestion-form.ts';
import { APPROVE_ACTION, approveButton, REJECT_ACTION, REJECT_FORM, rejectButton, submitReject } from './suggestion-queue.ts';

/** A multi-line text input of a form, or a checkbox group when it has `choices`. */
export interface FormField {
  id: string;
  label: string;
  hint?: string;
  maxLength: number;
  /** A checkbox group (at most 10 options) instead of text; it comes back as the ticked values joined by commas. */
  choices?: { options: { value: string; label: string }[]; selected: string[] };
  /** The text already in the field (a draft, or what is being edited). */
  initial?: string;
  /** One line instead of several. */
  short?: boolean;
}

/** A form a platform opens as a modal (Slack views.open, Discord showModal); its submission comes back as a FormEvent. */
export interface Form {
  /** Keys the handler in FORMS that takes the submission. */
  id: string;
  /** State carried through the platform and back with the submission, such as a round id. */
  value: string;
  title: string;
  submit: string;
  /** What the form is about, as plain text shown above the fields. */
  subject?: string;
  fields: FormField[];
}

/** What the core answers to a button or a form, shown only to the member who acted; each platform renders every kind. */
export type InteractionReply =
  | { kind: 'card'; card: Card }
  | { kind: 'notice'; text: string }
  | { kind: 'form'; form: Form }
  /**
   * A submission refused: the form stays open with `text` beside the field where the platform can, otherwise a notice;
   * `errors` holds one sentence per field when several are wrong (`field` and `text` are the first of them).
   */
  | { kind: 'invalid'; field: string; text: string; errors?: Record<string, string> }
  | { kind: 'none' };

type Handler<E> = (deps: CoreDeps, event: E) => Promise<InteractionReply>;

/** Button and menu handlers by action id: a new interactive element adds one here and a render in each platform. */
export const ACTIONS: Record<string, Handler<ActionEvent>> = {
  'answer.sealed': openSealedAnswer,
  'grade.open': openGrade,
  'guidance.show': showGuidance,
  'review.show': showReviewPoints,
  'review.next': nextReviewCard,
  [ARCHIVE_PAGE_ACTION]: openArchivePage,
  [ARCHIVE_REVIEW_ACTION]: reviewFromArchive,
  [SUGGEST_OPEN]: openSuggestion,
  [APPROVE_ACTION]: approveButton,
  [REJECT_ACTION]: rejectButton,
  [FORGET_ACTION]: confirmForget,
  'mock.done': pressDone,
  'mock.resume': resumePressed,
  'mock.restart': restartPressed,
  'practice.reveal': async (deps, event) => ({ kind: 'card', card: (await runCommand(deps, { ...event, text: 'solution' })).card }),
  ...PAIR_ACTION_HANDLERS,
};

/** Form handlers by form id. */
export const FORMS: Record<string, Handler<FormEvent>> = {
  [SEALED_FORM]: submitSealedAnswer,
  [GRADE_FORM]: submitGrade,
  [PAIR_FEEDBACK_FORM]: submitFeedback,
  [SUGGEST_FORM]: submitSuggestion,
  [REJECT_FORM]: submitReject,
};

const FAILED: InteractionReply = {
  kind: 'notice',
  text: 'Something went wrong on our side; nothing was changed. Please try again in a moment.',
};

async function guarded<E>(deps: CoreDeps, handler: Handler<E>, event: E, what: string): Promise<InteractionReply> {
  try {
    return await handler(deps, event);
  } catch (error) {
    deps.logger.error({ err: error, interaction: what }, 'interaction failed');
    return FAILED;
  }
}

/** Runs the handler of a button; an unknown (stale) button shows the help. */
export function runAction(deps: CoreDeps, event: ActionEvent): Promise<InteractionReply> {
  const handler: Handler<ActionEvent> =
    ACTIONS[event.action] ?? (async (d, e) => ({ kind: 'card', card: (await runCommand(d, { ...e, text: 'help' })).card }));
  return guarded(deps, handler, event, event.action);
}

/** Runs the handler of a submitted form; an unknown form is ignored. */
export function submitForm(deps: CoreDeps, event: FormEvent): Promise<InteractionReply> {
  const handler = FORMS[event.form];
  return handler ? guarded(deps, handler, event, event.form) : Promise.resolve({ kind: 'none' });
}
