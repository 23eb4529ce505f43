import type { CoreDeps } from './deps.ts';
import type { ActionEvent, FormEvent } from './events.ts';
import type { Form, InteractionReply } from './interactions.ts';
import { type Button, buttons, type Card, card, context, list, text } from './message.ts';
import { isOrganiser } from './organisers.ts';
import { platformOf } from './port.ts';
import {
  checkSuggestion,
  fieldsOf,
  SUGGESTION_CATEGORIES,
  SUGGESTION_FIELDS,
  type SuggestionFieldId,
  type SuggestionFields,
} from './suggestion-rules.ts';

/** The id of the suggestion form (a new suggestion, or an organiser's edit of one). */
export const SUGGEST_FORM = 'mlq.suggest';
export const SUGGEST_OPEN = 'suggest.open';

/** What a form is for: `new`, or `edit:<suggestion id>`; and its step (0 when it is one form). */
interface FormState {
  target: string;
  step: number;
}

const stateValue = (s: FormState) => `${s.target}|${s.step}`;

function parseState(value: string): FormState | null {
  const m = /^(new|edit:\d{1,9})\|(\d)$/.exec(value);
  return m ? { target: m[1]!, step: Number(m[2]) } : null;
}

const editedId = (target: string) => (target.startsWith('edit:') ? Number(target.slice(5)) : null);

/** The form's fields in steps of at most `capacity` (Discord's five); one step when the platform has no limit. */
function steps(capacity: number | undefined): SuggestionFieldId[][] {
  const ids = SUGGESTION_FIELDS.map((f) => f.id);
  if (!capacity || capacity >= ids.length) return [ids];
  const out: SuggestionFieldId[][] = [];
  for (let i = 0; i < ids.length; i += capacity) out.push(ids.slice(i, i + capacity));
  return out;
}

const NOT_ORGANISER = 'Only the channel’s organisers can do that.';

/** The fields typed so far: the draft, else (for an edit) the suggestion as it stands. */
async function prefilled(deps: CoreDeps, memberId: string, channelId: string, target: string): Promise<SuggestionFields> {
  const draft = await deps.repo.draft(memberId, channelId, target);
  if (draft) return draft;
  const id = editedId(target);
  const suggestion = id ? await deps.repo.getSuggestion(id) : null;
  return suggestion ? fieldsOf(suggestion.question) : {};
}

/** The suggestion form (or one step of it), filled with what was typed before. */
export async function suggestionForm(deps: CoreDeps, channelId: string, memberId: string, state: FormState): Promise<Form> {
  const all = steps(deps.ports.capabilities(channelId).formFields);
  const step = all.length === 1 ? 0 : Math.min(Math.max(state.step, 1), all.length);
  const ids = all[Math.max(step, 1) - 1]!;
  const fields = await prefilled(deps, memberId, channelId, state.target);
  const editing = editedId(state.target);
  const title = `${editing ? `Edit suggestion #${editing}` : 'Suggest a question'}${step ? ` ${step}/${all.length}` : ''}`;
  return {
    id: SUGGEST_FORM,
    value: stateValue({ target: state.target, step }),
    title,
    submit: step && step < all.length ? 'Next' : editing ? 'Save' : 'Send to the organisers',
    fields: SUGGESTION_FIELDS.filter((f) => ids.includes(f.id)).map((f) => ({
      id: f.id,
      label: f.label,
      hint: f.id === 'category' ? SUGGESTION_CATEGORIES.join(', ') : f.hint,
      maxLength: f.maxLength,
      short: f.short,
      initial: fields[f.id] || undefined,
    })),
  };
}

/** `/mlq suggest` and the button that opens (or continues) the form; an edit is for organisers only. */
export async function openSuggestion(deps: CoreDeps, event: ActionEvent): Promise<InteractionReply> {
  const state = parseState(event.value);
  if (!state) return { kind: 'none' };
  const id = editedId(state.target);
  if (id !== null) {
    const refused = await editRefusal(deps, event, id);
    if (refused) return { kind: 'notice', text: refused };
  }
  return { kind: 'form', form: await suggestionForm(deps, event.channelId, event.actor.id, state) };
}

/** Why this member may not edit this suggestion now, or null when they may. */
async function editRefusal(deps: CoreDeps, event: { channelId: string; actor: { id: string } }, id: number): Promise<string | null> {
  const suggestion = await deps.repo.getSuggestion(id);
  if (!suggestion) return 'That suggestion does not exist.';
  const channel = await deps.repo.getChannel(suggestion.channelId);
  if (!(await isOrganiser(deps, suggestion.channelId, channel, event.actor.id))) return NOT_ORGANISER;
  if (suggestion.status !== 'pending') return `Suggestion #${id} was ${suggestion.status} already.`;
  return null;
}

const openButton = (target: string, step: number, label: string): Button => ({
  label,
  action: SUGGEST_OPEN,
  value: stateValue({ target, step }),
  command: '/mlq suggest',
  style: 'primary',
});

/** The card of a form in steps whose check failed: each problem, and buttons to reopen the steps that have one. */
function problemsCard(target: string, errors: Record<string, string>, all: SuggestionFieldId[][]): Card {
  const label = (id: string) => SUGGESTION_FIELDS.find((f) => f.id === id)?.label ?? id;
  const broken = all.map((ids, i) => (ids.some((id) => errors[id]) ? i + 1 : 0)).filter(Boolean);
  return card('Not sent yet', [
    text('Nothing is lost: your text is kept. Fix these and send it again:'),
    list(Object.entries(errors).map(([id, message]) => `**${label(id)}**: ${message}`)),
    buttons(broken.map((step) => openButton(target, step, `Fix step ${step}`))),
  ]);
}

/** A submitted suggestion form (or step): kept as a draft until it passes the bank's schema, then queued or saved. */
export async function submitSuggestion(deps: CoreDeps, event: FormEvent): Promise<InteractionReply> {
  const state = parseState(event.value);
  if (!state) return { kind: 'none' };
  const { channelId, actor } = event;
  const id = editedId(state.target);
  if (id !== null) {
    const refused = await editRefusal(deps, event, id);
    if (refused) return { kind: 'notice', text: refused };
  }
  const all = steps(deps.ports.capabilities(channelId).formFields);
  const typed = Object.fromEntries(
    SUGGESTION_FIELDS.filter((f) => typeof event.fields[f.id] === 'string').map((f) => [f.id, event.fields[f.id]!]),
  ) as SuggestionFields;
  const fields = { ...(await prefilled(deps, actor.id, channelId, state.target)), ...typed };
  const now = deps.clock.now();
  await deps.repo.upsertCommunity(event.communityId, platformOf(channelId), '');
  await deps.repo.upsertMember(actor, event.communityId);
  // Kept until a suggestion or edit is saved from it, whatever stops this submission before then.
  await deps.repo.saveDraft(actor.id, channelId, state.target, fields, now);
  if (state.step > 0 && state.step < all.length) {
    return {
      kind: 'card',
      card: card(`Step ${state.step} of ${all.length} kept`, [
        text('Your text so far is kept. Continue with the next step.'),
        buttons([openButton(state.target, state.step + 1, `Continue: step ${state.step + 1} of ${all.length}`)]),
      ]),
    };
  }
  const checked = checkSuggestion(fields);
  if (!checked.ok) {
    const errors = checked.errors ?? {};
    const [field, message] = Object.entries(errors)[0] ?? ['prompt', checked.message];
    if (all.length > 1) return { kind: 'card', card: problemsCard(state.target, errors, all) };
    return { kind: 'invalid', field, text: message, errors };
  }
  if (id !== null) {
    const saved = await deps.repo.editSuggestion(id, checked.value);
    await deps.repo.dropDraft(actor.id, channelId, state.target);
    return { kind: 'notice', text: saved ? `Saved your edit of suggestion #${id}.` : `Suggestion #${id} was decided meanwhile.` };
  }
  if (!(await deps.repo.getChannel(channelId)))
    return { kind: 'notice', text: 'This channel has no daily question yet, so it takes no suggestions. Your text is kept.' };
  const suggestion = await deps.repo.addSuggestion({
    channelId,
    communityId: event.communityId,
    authorId: actor.id,
    authorName: actor.name,
    question: checked.value,
    submissionId: event.submissionId,
    at: now,
  });
  await deps.repo.dropDraft(actor.id, channelId, state.target);
  return {
    kind: 'notice',
    text: `Thank you: suggestion #${suggestion.id} is in the organisers’ queue. You will hear privately when they decide.`,
  };
}

/** The card `/mlq suggest` shows beside the form, and alone where a form cannot open from a command. */
export function suggestCard(): Card {
  return card('Suggest a question', [
    text('Write a question in the bank’s format: the organisers approve, edit or reject it, and an approved one is asked here.'),
    context(`Categories: ${SUGGESTION_CATEGORIES.join(', ')}. A draft is kept until it is sent, so nothing is lost.`),
    buttons([openButton('new', 1, 'Open the form')]),
  ]);
}
