import type { CoreDeps } from './deps.ts';
import type { ActionEvent, FormEvent } from './events.ts';
import type { InteractionReply } from './interactions.ts';
import { type Block, buttons, type Card, card, context, list, text } from './message.ts';
import { isOrganiser } from './organisers.ts';
import type { Decision, Suggestion, SuggestionScope } from './repository.ts';
import { SUGGEST_OPEN } from './suggestion-form.ts';
import { slugOf } from './suggestion-rules.ts';
import { CATEGORY_NAMES } from './types.ts';

export const APPROVE_ACTION = 'suggest.approve';
export const REJECT_ACTION = 'suggest.reject';
export const REJECT_FORM = 'mlq.suggest.reject';
/** Suggestions on one queue card: each has a row of buttons, and a Discord message holds five rows. */
export const QUEUE_PAGE = 5;
export const MAX_REASON = 500;

const NOT_ORGANISER = 'Only the channel’s organisers can decide on suggestions.';

/** A pending suggestion as the queue shows it, with its Approve, Edit and Reject buttons (and their commands). */
function queueBlocks(s: Suggestion): Block[] {
  const q = s.question;
  return [
    text(`**#${s.id} · ${q.prompt}**`),
    context(`${CATEGORY_NAMES[q.category]} · ${q.level} · suggested by ${s.authorName} · in one line: ${q.tldr ?? ''}`),
    list(q.key_points, '**Key points**'),
    buttons([
      { label: 'Approve', action: APPROVE_ACTION, value: `${s.id}:channel`, command: `/mlq queue approve ${s.id}`, style: 'primary' },
      {
        label: 'Approve for the community',
        action: APPROVE_ACTION,
        value: `${s.id}:community`,
        command: `/mlq queue approve ${s.id} community`,
      },
      { label: 'Edit', action: SUGGEST_OPEN, value: `edit:${s.id}|1`, command: `/mlq queue edit ${s.id}` },
      { label: 'Reject', action: REJECT_ACTION, value: String(s.id), command: `/mlq queue reject ${s.id} <reason>`, style: 'danger' },
    ]),
  ];
}

/** `/mlq queue`: the channel's pending suggestions, oldest first. */
export async function queueCard(deps: CoreDeps, channelId: string): Promise<Card> {
  const { suggestions, total } = await deps.repo.pendingSuggestions(channelId, QUEUE_PAGE);
  if (total === 0) return card('Suggestions', [text('No suggestions are waiting. Members suggest questions with `/mlq suggest`.')]);
  return card(`Suggestions · ${total} waiting`, [
    ...suggestions.flatMap(queueBlocks),
    context(
      `${total > suggestions.length ? `Showing the oldest ${suggestions.length}. ` : ''}Approve adds the question to this channel's pool, ` +
        "or to every channel of the community's; the author is told privately either way.",
    ),
  ]);
}

/** The author's private note on the decision, in the channel where they suggested it; a refusal to deliver is logged. */
async function tellAuthor(deps: CoreDeps, s: Suggestion): Promise<void> {
  const decided =
    s.status === 'approved'
      ? card('Your suggestion was approved', [
          text(
            `“${s.question.prompt}” is now in ${s.scope === 'community' ? 'the community’s' : 'this channel’s'} questions, credited to you.`,
          ),
        ])
      : card('Your suggestion was not taken', [
          text(`“${s.question.prompt}” was rejected.`),
          ...(s.reason ? [text(`**Reason:** ${s.reason}`)] : []),
        ]);
  await deps.ports
    .for(s.channelId)
    .sendPrivate(s.authorId, s.channelId, decided)
    .catch((error: unknown) => deps.logger.warn({ err: error, suggestion: s.id }, 'the author of a suggestion could not be told'));
}

/** Whether the member may decide on this suggestion: an organiser of the channel it was suggested in. */
async function mayDecide(deps: CoreDeps, s: Suggestion, memberId: string): Promise<boolean> {
  return isOrganiser(deps, s.channelId, await deps.repo.getChannel(s.channelId), memberId);
}

function outcome(decision: Decision, did: string): string {
  if (decision.status === 'missing') return 'That suggestion does not exist.';
  const s = decision.suggestion;
  if (decision.status === 'decided') return `Suggestion #${s.id} was ${s.status} already.`;
  return did;
}

/** Approves a suggestion (once, however often it is pressed) into the channel's or the community's pool. */
export async function approve(deps: CoreDeps, memberId: string, id: number, scope: SuggestionScope): Promise<string> {
  const suggestion = await deps.repo.getSuggestion(id);
  if (!suggestion) return 'That suggestion does not exist.';
  if (!(await mayDecide(deps, suggestion, memberId))) return NOT_ORGANISER;
  const decision = await deps.repo.approveSuggestion(id, scope, slugOf(suggestion.question.prompt), memberId, deps.clock.now());
  if (decision.status === 'done') await tellAuthor(deps, decision.suggestion);
  const questionId = decision.status === 'done' ? decision.suggestion.questionId : '';
  return outcome(
    decision,
    `Approved #${id} as \`${questionId}\` for ${scope === 'community' ? 'every channel of the community' : 'this channel'}; ` +
      `its author was told. \`/mlq next ${questionId}\` asks it next.`,
  );
}

export async function reject(deps: CoreDeps, memberId: string, id: number, reason: string): Promise<string> {
  const suggestion = await deps.repo.getSuggestion(id);
  if (!suggestion) return 'That suggestion does not exist.';
  if (!(await mayDecide(deps, suggestion, memberId))) return NOT_ORGANISER;
  const decision = await deps.repo.rejectSuggestion(id, reason.slice(0, MAX_REASON), memberId, deps.clock.now());
  if (decision.status === 'done') await tellAuthor(deps, decision.suggestion);
  return outcome(decision, `Rejected #${id}; its author was told, with your reason.`);
}

/** The Approve buttons: `id:channel` or `id:community`; the presser's role is checked again here. */
export async function approveButton(deps: CoreDeps, event: ActionEvent): Promise<InteractionReply> {
  const m = /^(\d{1,9}):(channel|community)$/.exec(event.value);
  if (!m) return { kind: 'none' };
  return { kind: 'notice', text: await approve(deps, event.actor.id, Number(m[1]), m[2] as SuggestionScope) };
}

/** The Reject button: a form for the reason, for organisers only. */
export async function rejectButton(deps: CoreDeps, event: ActionEvent): Promise<InteractionReply> {
  const suggestion = /^\d{1,9}$/.test(event.value) ? await deps.repo.getSuggestion(Number(event.value)) : null;
  if (!suggestion) return { kind: 'none' };
  if (!(await mayDecide(deps, suggestion, event.actor.id))) return { kind: 'notice', text: NOT_ORGANISER };
  if (suggestion.status !== 'pending') return { kind: 'notice', text: `Suggestion #${suggestion.id} was ${suggestion.status} already.` };
  return {
    kind: 'form',
    form: {
      id: REJECT_FORM,
      value: String(suggestion.id),
      title: `Reject #${suggestion.id}`,
      submit: 'Reject',
      subject: suggestion.question.prompt,
      fields: [{ id: 'reason', label: 'Reason, for the author', hint: 'Said privately to the author.', maxLength: MAX_REASON }],
    },
  };
}

export async function submitReject(deps: CoreDeps, event: FormEvent): Promise<InteractionReply> {
  const reason = (event.fields.reason ?? '').trim();
  if (!reason) return { kind: 'invalid', field: 'reason', text: 'Give the author a reason.' };
  if (!/^\d{1,9}$/.test(event.value)) return { kind: 'none' };
  return { kind: 'notice', text: await reject(deps, event.actor.id, Number(event.value), reason) };
}
