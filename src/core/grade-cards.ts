import { DateTime } from 'luxon';
import type { Form } from './interactions.ts';
import { type Block, type Button, buttons, type Card, card, context, fields, list, text } from './message.ts';
import { POINTS } from './points.ts';
import type { GradeStatus, LearningStats } from './repository.ts';
import { type GradeRef, RATING_NAMES, type Rating, refValue, summaryLine, weakestCategory } from './review-rules.ts';
import { CATEGORY_NAMES, type Question } from './types.ts';

/** The id of the self-grading checklist form. */
export const GRADE_FORM = 'mlq.grade';

const label = (q: Question) => `${CATEGORY_NAMES[q.category]} · ${q.level}`;
const percent = (share: number) => `${Math.round(share * 100)} %`;

/** A date for a member, such as "Tue 26 Nov 08:00 (Europe/Berlin)". */
export const dueText = (at: Date, timezone: string) =>
  `${DateTime.fromJSDate(at, { zone: timezone }).toFormat('ccc d LLL HH:mm')} (${timezone})`;

const gradeButton = (ref: GradeRef, label: string, command: string): Button => ({
  label,
  action: 'grade.open',
  value: refValue(ref),
  command,
  style: 'primary',
});

/** The reveal with the one-line summary on top and, below, the buttons to grade yourself and to read the probes' guidance. */
export function withGrading(reveal: Card, q: Question, roundId: number): Card {
  return {
    ...reveal,
    blocks: [
      text(`**In one line:** ${summaryLine(q)}`),
      ...reveal.blocks,
      buttons([
        gradeButton({ source: 'round', roundId }, 'Grade yourself', '/mlq grade <numbers>'),
        { label: 'What a good reply covers', action: 'guidance.show', value: String(roundId), command: '/mlq guidance' },
      ]),
    ],
  };
}

/**
 * The private checklist: the key points numbered, and how to tick them. `interactive` is false where buttons in a
 * private message cannot be pressed (Discord's direct messages): the member then uses the reveal's button or a command.
 */
export function checklistCard(q: Question, ref: GradeRef, interactive: boolean): Card {
  const command = ref.source === 'practice' ? '/mlq grade practice' : ref.source === 'review' ? '/mlq review grade' : '/mlq grade';
  const how = interactive
    ? `Tick them with the button, or type \`${command} 1 3\` with their numbers (\`none\` or \`all\` work too).`
    : `Tick them with **Grade yourself** under the reveal, or type \`${command} 1 3\` in the channel with their numbers.`;
  return card(`Grade yourself · ${label(q)}`, [
    text(`Which key points did your answer cover? **${q.prompt}**`),
    list(q.key_points, undefined, true),
    context(`${how} It schedules a private review of this question (\`/mlq review\`); you can change it until the next round.`),
    ...(interactive ? [buttons([gradeButton(ref, 'Tick what you covered', `${command} <numbers>`)])] : []),
  ]);
}

/** The checklist as a form: one checkbox per key point, those ticked before already ticked. */
export function gradeForm(q: Question, ref: GradeRef, selected: number[]): Form {
  return {
    id: GRADE_FORM,
    value: refValue(ref),
    title: ref.source === 'review' ? 'Review' : 'Grade yourself',
    submit: 'Save my grade',
    subject: q.prompt,
    fields: [
      {
        id: 'covered',
        label: ref.source === 'review' ? 'Which did you recall?' : 'Which did your answer cover?',
        hint: 'Tick each key point you made. Honest ticks schedule your reviews well; the points are the same either way.',
        maxLength: 0,
        choices: {
          options: q.key_points.map((point, i) => ({ value: String(i), label: `${i + 1}. ${point}` })),
          selected: selected.map(String),
        },
      },
    ],
  };
}

export interface GradedView {
  status: GradeStatus;
  rating: Rating;
  ticked: number;
  total: number;
  due: Date;
  timezone: string;
  bonus: number;
  /** A review's next step: the next due card or the empty queue. */
  next?: Block[];
}

/** What a member sees once a grade is stored. */
export function gradedCard(view: GradedView): Card {
  const head = `${view.ticked} of ${view.total} key points · ${RATING_NAMES[view.rating]}`;
  const lines: Record<GradeStatus, string> = {
    new: `Saved: ${head}. Next review of this question: ${dueText(view.due, view.timezone)}.`,
    changed: `Changed: ${head}. Next review of this question: ${dueText(view.due, view.timezone)}.`,
    same: `Already saved: ${head}. Next review of this question: ${dueText(view.due, view.timezone)}.`,
    kept: `Changed to ${head}. You have reviewed this question since, so its next review stays ${dueText(view.due, view.timezone)}.`,
  };
  const bonus = view.bonus > 0 ? ` **+${view.bonus} points** for grading.` : '';
  return card(undefined, [text(`${lines[view.status]}${bonus}`), ...(view.next ?? [])]);
}

/** The probes with what a good reply to each covers. */
export function guidanceCard(q: Question, posted = false): Card {
  return card(
    `What a good reply covers · ${label(q)}`,
    [
      list(
        q.probes.map((p) => `**${p.question}** ${p.guidance}`),
        undefined,
        true,
      ),
      ...(posted ? [context('Posted with the next round: the guidance for the probes above.')] : []),
    ],
    `What a good reply to each probe of "${q.prompt}" covers.`,
  );
}

/** A due review card: the question, and a button to show its key points once recalled. */
export function reviewQuestionCard(q: Question, ref: GradeRef, due: number): Card {
  return card(`Review · ${due} due · ${label(q)}`, [
    text(`**${q.prompt}**`),
    context('Recall your answer (say it or write it down), then show the key points and tick those you recalled.'),
    buttons([{ label: 'Show the key points', action: 'review.show', value: refValue(ref), command: '/mlq review show' }]),
  ]);
}

/** A review card's key points, numbered, with the checklist button. */
export function reviewPointsCard(q: Question, ref: GradeRef): Card {
  return card(`Key points · ${label(q)}`, [
    text(`**In one line:** ${summaryLine(q)}`),
    list(q.key_points, undefined, true),
    context('Tick those you recalled, or type `/mlq review grade 1 3` with their numbers (`none` or `all` work too).'),
    buttons([gradeButton(ref, 'Tick what you recalled', '/mlq review grade <numbers>')]),
  ]);
}

/** The review queue when nothing is due: when the next card is, or how cards are made. */
export function emptyQueueBlocks(next: Date | null, timezone: string): Block[] {
  return [
    text(
      next
        ? `No review is due. The next one is due ${dueText(next, timezone)}.`
        : 'No review cards yet. Grade yourself after a reveal, or after a practice question (`/mlq ask`), and the question comes back here when you are about to forget it.',
    ),
  ];
}

/** The next step after a review: the next due card's prompt, or when the next card is due. */
export const nextReviewButton = (): Block => buttons([{ label: 'Next card', action: 'review.next', value: '', command: '/mlq review' }]);

/** The daily reminder, sent privately only when cards are due. */
export function reminderCard(due: number, interactive: boolean): Card {
  return card('Time to review', [
    text(`${due} ${due === 1 ? 'question is' : 'questions are'} due for review.`),
    interactive
      ? buttons([{ label: 'Start reviewing', action: 'review.next', value: '', command: '/mlq review', style: 'primary' }])
      : context('Run `/mlq review` in the channel to start.'),
    context('`/mlq review remind off` stops these reminders.'),
  ]);
}

/** The learning part of `/mlq stats`: reviews, mastery per category (recent first), the weakest, and what is due. */
export function learningBlocks(stats: LearningStats, timezone: string): Block[] {
  const blocks: Block[] = [
    fields([
      { label: 'Reviews done', value: String(stats.reviews) },
      { label: 'Grades', value: String(stats.grades) },
      { label: 'Due now', value: String(stats.dueNow) },
    ]),
  ];
  if (stats.byCategory.length) {
    blocks.push(
      list(
        stats.byCategory.map(
          (m) => `${CATEGORY_NAMES[m.category]}: ${percent(m.mastery)} (${m.questions} ${m.questions === 1 ? 'question' : 'questions'})`,
        ),
        '**Mastery by category** (key points ticked, latest grade of each question; most recent first)',
      ),
    );
    const weakest = weakestCategory(stats.byCategory)!;
    blocks.push(
      text(
        `**Weakest:** ${CATEGORY_NAMES[weakest.category]} (${percent(weakest.mastery)}). Practise one with \`/mlq ask ${weakest.category}\`.`,
      ),
    );
  }
  blocks.push(
    context(
      stats.nextDue.length
        ? `Next reviews due: ${stats.nextDue.map((d) => dueText(d, timezone)).join(', ')}. \`/mlq review\` starts one.`
        : stats.dueNow
          ? '`/mlq review` starts your due reviews.'
          : 'No reviews scheduled: grade yourself after a reveal to make some.',
    ),
  );
  return blocks;
}

export const GRADE_POINTS_NOTE = `Grading your answer to a round earns ${POINTS.grade} points once, whatever you tick.`;
