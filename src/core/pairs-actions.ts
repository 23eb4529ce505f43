import type { CoreDeps } from './deps.ts';
import type { ActionEvent, FormEvent } from './events.ts';
import type { InteractionReply } from './interactions.ts';
import { feedbackCard, feedbackForm, metCard, PAIR_ACTIONS } from './pairs-cards.ts';
import { POINTS, pairMeetingKey } from './points.ts';
import type { CheckinAnswer, PairGroupRow } from './repository.ts';
import { localDate, weekStart } from './schedule.ts';

const NOT_YOURS = 'This check-in belongs to the members of that pair.';

async function ownGroup(deps: CoreDeps, value: string, memberId: string): Promise<PairGroupRow | string> {
  const id = /^\d{1,9}$/.test(value) ? Number(value) : null;
  const group = id === null ? null : await deps.repo.pairGroup(id);
  if (!group) return 'That pairing is no longer known.';
  return group.members.includes(memberId) ? group : NOT_YOURS;
}

/**
 * A press on the check-in: stores the member's answer (a replayed press changes nothing), and when every member of
 * the group has said yes, awards each of them the meeting bonus once (ledger keys per group and member).
 */
async function checkIn(deps: CoreDeps, event: ActionEvent, answer: CheckinAnswer): Promise<InteractionReply> {
  const group = await ownGroup(deps, event.value, event.actor.id);
  if (typeof group === 'string') return { kind: 'notice', text: group };
  const now = deps.clock.now();
  const answers = await deps.repo.recordCheckin(group.id, event.actor.id, answer, now);
  if (answer === 'not_yet') return { kind: 'notice', text: 'No rush: press **Yes, we met** once you have.' };
  if (answer === 'skip') return { kind: 'notice', text: 'Noted: you skip this cycle. The next one pairs you again.' };
  const waiting = group.members.filter((m) => answers.get(m) !== 'yes');
  let awarded = false;
  if (waiting.length === 0) {
    const channel = await deps.repo.getChannel(group.channelId);
    const today = localDate(now, channel?.timezone ?? deps.defaults.timezone);
    const week = weekStart(today);
    const entries = group.members.map((memberId) => ({
      key: pairMeetingKey(group.id, memberId),
      channelId: group.channelId,
      memberId,
      roundId: null,
      reason: 'pair_meeting' as const,
      points: POINTS.pairMeeting,
      week,
      localDate: today,
      at: now,
    }));
    awarded = (await deps.repo.award(entries)) > 0;
  }
  return { kind: 'card', card: metCard(group.id, waiting, await deps.repo.memberNames(group.members), awarded) };
}

/** Whom a member gives feedback to: the candidate they interviewed. */
const candidateOf = (group: PairGroupRow, memberId: string) => group.turns.find((t) => t.interviewer === memberId)?.candidate ?? null;

async function openFeedback(deps: CoreDeps, event: ActionEvent): Promise<InteractionReply> {
  const group = await ownGroup(deps, event.value, event.actor.id);
  if (typeof group === 'string') return { kind: 'notice', text: group };
  const candidate = candidateOf(group, event.actor.id);
  if (!candidate) return { kind: 'notice', text: 'You had no candidate this cycle, so there is no feedback to give.' };
  return { kind: 'form', form: feedbackForm(group.id, (await deps.repo.memberName(candidate)) ?? 'your candidate') };
}

const FEEDBACK_FIELDS = ['structure', 'depth', 'communication', 'advice'] as const;

/**
 * The feedback form: stored once per member and group (the first version stands), then delivered privately to the
 * candidate once; a failed delivery is released so that sending the form again delivers it.
 */
export async function submitFeedback(deps: CoreDeps, event: FormEvent): Promise<InteractionReply> {
  const group = await ownGroup(deps, event.value, event.actor.id);
  if (typeof group === 'string') return { kind: 'notice', text: group };
  const candidate = candidateOf(group, event.actor.id);
  if (!candidate) return { kind: 'notice', text: 'You had no candidate this cycle, so there is no feedback to give.' };
  const values: Record<string, string> = {};
  for (const field of FEEDBACK_FIELDS) {
    const value = (event.fields[field] ?? '')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, field === 'advice' ? 200 : 300);
    if (!value) return { kind: 'invalid', field, text: 'Write a few words here; the candidate reads them.' };
    values[field] = value;
  }
  const now = deps.clock.now();
  await deps.repo.saveFeedback(
    {
      groupId: group.id,
      fromMember: event.actor.id,
      toMember: candidate,
      structure: values.structure!,
      depth: values.depth!,
      communication: values.communication!,
      advice: values.advice!,
    },
    now,
  );
  const claimed = await deps.repo.claimFeedbackDelivery(group.id, event.actor.id, now);
  const name = (await deps.repo.memberName(candidate)) ?? 'your candidate';
  if (!claimed) return { kind: 'notice', text: `Your feedback for ${name} was already sent.` };
  const port = deps.ports.for(group.channelId);
  const message = feedbackCard(claimed, event.actor.name);
  try {
    if (port.openSpace) await port.reply(await port.openSpace(group.channelId, [candidate], 'Feedback'), message);
    else await port.sendPrivate(candidate, group.channelId, message);
  } catch (error) {
    await deps.repo.releaseFeedbackDelivery(group.id, event.actor.id);
    deps.logger.warn({ err: error, group: group.id }, 'pair feedback could not be delivered');
    return {
      kind: 'notice',
      text: `Your feedback is saved, but ${name} could not be reached privately just now. Press **Give feedback** and send it again later.`,
    };
  }
  return { kind: 'notice', text: `Thank you: your feedback went privately to ${name}.` };
}

/** The pairs buttons by action id, for ACTIONS in interactions.ts. */
export const PAIR_ACTION_HANDLERS = {
  [PAIR_ACTIONS.met]: (deps: CoreDeps, event: ActionEvent) => checkIn(deps, event, 'yes'),
  [PAIR_ACTIONS.notYet]: (deps: CoreDeps, event: ActionEvent) => checkIn(deps, event, 'not_yet'),
  [PAIR_ACTIONS.skip]: (deps: CoreDeps, event: ActionEvent) => checkIn(deps, event, 'skip'),
  [PAIR_ACTIONS.feedback]: openFeedback,
};
