import { formatDateTime } from './commands/config-command.ts';
import type { Form } from './interactions.ts';
import { buttons, type Card, card, context, list, text } from './message.ts';
import { POINTS } from './points.ts';
import { practiceRevealCard } from './question-cards.ts';
import type { PairFeedback, PairGroupRow } from './repository.ts';
import { CATEGORY_NAMES, type Question } from './types.ts';

/** The id of the feedback form a member fills in for the candidate they interviewed. */
export const PAIR_FEEDBACK_FORM = 'mlq.pairs.feedback';

export const PAIR_ACTIONS = { met: 'pairs.met', notYet: 'pairs.notyet', skip: 'pairs.skip', feedback: 'pairs.feedback' } as const;

/** Members' display names by id; an id without a name shows as itself. */
export type Names = Map<string, string>;

const nameOf = (names: Names, id: string) => `**${names.get(id) ?? id}**`;

/** "A and B", "A, B and C". */
function joined(names: Names, ids: string[]): string {
  const shown = ids.map((id) => nameOf(names, id));
  return shown.length <= 2 ? shown.join(' and ') : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}
const label = (q: Question) => `${CATEGORY_NAMES[q.category]} · ${q.level}`;

/** The card in a group's shared space: who interviews whom, in which order, on which question. */
export function groupIntroCard(group: PairGroupRow, questions: Map<string, Question>, names: Names, checkin: string): Card {
  const turns = group.turns.map((t, i) => {
    const q = t.questionId ? questions.get(t.questionId) : undefined;
    const order = i === 0 ? 'First' : i === group.turns.length - 1 ? 'Then' : 'Next';
    return `${order}, ${nameOf(names, t.interviewer)} interviews ${nameOf(names, t.candidate)}${q ? ` (${label(q)})` : ''}.`;
  });
  return card(
    `Mock-interview ${group.members.length === 3 ? 'trio' : 'pair'} · week of ${group.localDate}`,
    [
      text(
        `Hello ${joined(names, group.members)}: you are this cycle's ${group.members.length === 3 ? 'trio' : 'pair'}. Find 45 minutes this week.`,
      ),
      list(turns, '**Roles**', true),
      context(
        'Each interviewer has a private interviewer pack with the question, the key points, the probes and the strong answer ' +
          `(\`/mlq pairs pack\` in the channel shows it again). A check-in follows on ${checkin}.`,
      ),
    ],
    `Mock-interview pairs: ${group.turns.map((t) => `${names.get(t.interviewer) ?? t.interviewer} interviews ${names.get(t.candidate) ?? t.candidate}`).join('; ')}`,
  );
}

/** The private pack for one interviewer: the question to ask, then what a strong answer and each probe cover. */
export function interviewerPackCard(q: Question, candidateName: string): Card {
  const reveal = practiceRevealCard(q);
  return card(
    `Interviewer pack · ${label(q)}`,
    [
      text(`You interview **${candidateName}**. Ask, word for word:\n\n**${q.prompt}**`),
      context('Let them talk; then press on the probes below, in order. Keep this pack to yourself.'),
      ...reveal.blocks,
    ],
    `Interviewer pack: ask ${candidateName} "${q.prompt}"`,
  );
}

/** The mid-cycle check-in in the group's space. */
export function checkinCard(group: PairGroupRow, names: Names): Card {
  const value = String(group.id);
  return card('Did you meet?', [
    text(
      `${joined(names, group.members)}: did your mock interviews happen? When every one of you says yes, each earns ` +
        `${POINTS.pairMeeting} points, and you can send your candidate short feedback.`,
    ),
    buttons([
      { label: 'Yes, we met', action: PAIR_ACTIONS.met, value, style: 'primary' },
      { label: 'Not yet', action: PAIR_ACTIONS.notYet, value },
      { label: 'Skip this week', action: PAIR_ACTIONS.skip, value },
    ]),
  ]);
}

/** The reply to a "yes": the points once everyone said yes, and the button to the feedback form. */
export function metCard(groupId: number, waitingFor: string[], names: Names, awarded: boolean): Card {
  const status = waitingFor.length
    ? `Noted. The points come once ${joined(names, waitingFor)} ${waitingFor.length === 1 ? 'says' : 'say'} yes too.`
    : awarded
      ? `Everyone met: ${POINTS.pairMeeting} points each.`
      : 'Everyone met; the points are already on the board.';
  return card(undefined, [
    text(status),
    buttons([{ label: 'Give feedback', action: PAIR_ACTIONS.feedback, value: String(groupId), style: 'primary' }]),
  ]);
}

const FIELD = 300;

/** The short feedback form for the candidate one interviewed. */
export function feedbackForm(groupId: number, candidateName: string): Form {
  return {
    id: PAIR_FEEDBACK_FORM,
    value: String(groupId),
    title: `Feedback for ${candidateName}`,
    submit: 'Send',
    fields: [
      { id: 'structure', label: 'Structure', hint: `Goes privately to ${candidateName}. Was the answer organised?`, maxLength: FIELD },
      { id: 'depth', label: 'Depth', hint: 'How far did it go on the probes?', maxLength: FIELD },
      { id: 'communication', label: 'Communication', hint: 'Pace, clarity, checking assumptions.', maxLength: FIELD },
      { id: 'advice', label: 'One line of advice', maxLength: 200 },
    ],
  };
}

/** The feedback as the candidate receives it. */
export function feedbackCard(feedback: PairFeedback, fromName: string): Card {
  return card(`Feedback from your mock interview with ${fromName}`, [
    list([`**Structure:** ${feedback.structure}`, `**Depth:** ${feedback.depth}`, `**Communication:** ${feedback.communication}`]),
    text(`**Advice:** ${feedback.advice}`),
  ]);
}

/** A member's pairs status: opted in or not, snoozed, the next cycle, and the current partner. */
export function pairsStatusCard(view: {
  joined: boolean;
  level?: string;
  /** The last local date the member's snooze covers, or null. */
  snoozedUntil: string | null;
  next: Date | null;
  timezone: string;
  partners: string[];
  names: Names;
  cycleDate: string | null;
}): Card {
  const lines = [
    view.joined
      ? `You are in the weekly mock-interview pairs${view.level ? ` as ${view.level}` : ''}.`
      : 'You are not in the mock-interview pairs. `/mlq pairs join` opts you in.',
    ...(view.snoozedUntil ? [`Snoozed: you sit out every cycle up to ${view.snoozedUntil}.`] : []),
    view.next
      ? `Next cycle: ${formatDateTime(view.next, view.timezone)}.`
      : 'No pairing cycle is set; an organiser sets one with `/mlq config pairs mon 09:00`.',
    view.partners.length
      ? `Your partner${view.partners.length > 1 ? 's' : ''} since ${view.cycleDate}: ${joined(view.names, view.partners)}.`
      : 'You have no partner this cycle.',
  ];
  return card('Mock-interview pairs', [
    text(lines.join('\n')),
    context('`/mlq pairs join [junior|mid|senior] [zone]`, `leave`, `snooze <weeks>`, `pack` (your interviewer pack).'),
  ]);
}
