import { clip } from './clip.ts';
import { type Block, buttons, type Card, card, context, divider, fields, list, text } from './message.ts';
import { POINTS } from './points.ts';
import { formatLocal } from './schedule.ts';
import { solutionBlocks } from './solution-card.ts';
import { CATEGORY_NAMES, type Question, type Round } from './types.ts';

const label = (q: Question) => `${CATEGORY_NAMES[q.category]} · ${q.level}`;
const quoted = (t: string) => clip(t.replace(/\s+/g, ' ').trim(), 600);
const pointsOf = (n: number) => `${n} ${n === 1 ? 'point' : 'points'}`;

/** The daily post: category and level, the question, and how and until when to answer. */
export function questionCard(q: Question, round: Round, timezone: string, inThread = true): Card {
  return card(
    `Question of the day · ${label(q)}`,
    [
      text(`**${q.prompt}**`),
      ...(q.suggested_by ? [context(`Suggested by ${q.suggested_by}`)] : []),
      context(
        inThread
          ? `Answer in this thread before the reveal on ${formatLocal(round.revealAt, timezone)}. ` +
              'Your first reply is your answer; later replies are discussion.'
          : `Answer with the button below before the reveal on ${formatLocal(round.revealAt, timezone)}; discuss in the thread.`,
      ),
      buttons([{ label: 'Answer privately', action: 'answer.sealed', value: String(round.id) }]),
    ],
    `Question of the day (${label(q)}): ${q.prompt}`,
  );
}

/** Today's open question for a member who answered already: the question and when their answer counts. */
export function answeredCard(q: Question, round: Round, timezone: string): Card {
  return card(`Question of the day · ${label(q)}`, [
    text(`**${q.prompt}**`),
    context(
      `Your answer is in: it counts when the round is revealed on ${formatLocal(round.revealAt, timezone)}. ` +
        'Further replies are discussion.',
    ),
  ]);
}

/** The root post once revealed: the same question, marked revealed with the number of answers. */
export function revealedRootCard(q: Question, answered: number): Card {
  return card(`Question of the day · ${label(q)} · revealed`, [
    text(`**${q.prompt}**`),
    context(
      `Revealed · ${answered} ${answered === 1 ? 'member' : 'members'} answered · the strong answer and the probes are in the thread.`,
    ),
  ]);
}

export function skippedRootCard(q: Question): Card {
  return card(`Question of the day · skipped`, [text(q.prompt), context('An organiser skipped this question; a new one follows.')]);
}

function answerBlocks(q: Question): Block[] {
  const blocks: Block[] = [text(`**What a strong answer covers**\n\n${q.strong_answer}`), ...solutionBlocks(q)];
  if (q.approach) {
    blocks.push(
      fields([
        { label: 'Clarify', value: q.approach.objective },
        { label: 'Options', value: q.approach.options },
        { label: 'Choice', value: q.approach.choice },
        { label: 'Limits', value: q.approach.limits },
        { label: 'Metrics', value: q.approach.metrics },
        { label: 'Monitoring', value: q.approach.monitoring },
      ]),
    );
  }
  if (q.story) {
    blocks.push(
      fields([
        { label: 'Situation', value: q.story.situation },
        { label: 'Task', value: q.story.task },
        { label: 'Action', value: q.story.action },
        { label: 'Result', value: q.story.result },
        { label: 'Interviewers listen for', value: q.story.listen_for },
      ]),
    );
  }
  blocks.push(text(`**What a weak answer sounds like**\n\n${q.weak_answer}`), list(q.key_points, '**Key points a reviewer looks for**'));
  return blocks;
}

/** The reveal in the round's thread: strong answer, weak answer, key points and the probes to reply to. */
export function revealCard(q: Question, answered: number, sealed: { name: string; text: string }[] = []): Card {
  return card(
    `The reveal · ${label(q)}`,
    [
      ...answerBlocks(q),
      ...(sealed.length
        ? [
            list(
              sealed.map((s) => `**${s.name}**: ${quoted(s.text)}`),
              '**Sealed answers**',
            ),
          ]
        : []),
      divider(),
      list(
        q.probes.map((p) => p.question),
        '**Follow-up probes an interviewer would ask next**',
        true,
      ),
      context(
        `${answered} ${answered === 1 ? 'member' : 'members'} answered. Reply here to a probe (at least ${POINTS.probeReplyMinWords} words) ` +
          `for ${POINTS.probeReply} bonus points.`,
      ),
    ],
    `The reveal: what a strong answer to "${q.prompt}" covers, and ${q.probes.length} follow-up probes.`,
  );
}

/** A member's own answer to a round and the points it earned there, for the cards that show it back to them. */
export interface OwnAnswer {
  text: string;
  points: number;
}

/** A revealed round shown again on request: the question, the reveal, and the member's own answer and points. */
export function revealAgainCard(q: Question, answered: number, own: OwnAnswer | null): Card {
  return card(`Today's question · ${label(q)} · revealed`, [
    text(`**${q.prompt}**`),
    ...answerBlocks(q),
    divider(),
    list(
      q.probes.map((p) => p.question),
      '**Follow-up probes an interviewer would ask next**',
      true,
    ),
    own
      ? text(`**Your answer** · ${pointsOf(own.points)} in this round\n\n${quoted(own.text)}`)
      : text('**Your answer** · you did not answer this one.'),
    context(
      `${answered} ${answered === 1 ? 'member' : 'members'} answered. ` +
        `Reply in its thread to a probe (at least ${POINTS.probeReplyMinWords} words) for ${POINTS.probeReply} bonus points.`,
    ),
  ]);
}

/** The private note at the reveal, beside the strong answer, for platforms that ask for it (`revealRecap`). */
export function revealRecapCard(own: OwnAnswer): Card {
  return card(`Your answer · ${pointsOf(own.points)}`, [
    text(quoted(own.text)),
    context(
      `Compare it with the strong answer above. A reply to a probe (at least ${POINTS.probeReplyMinWords} words) ` +
        `adds ${POINTS.probeReply} points.`,
    ),
  ]);
}

/** A private practice question with a button (or command) to reveal its answer. */
export function practiceCard(q: Question): Card {
  return card(`Practice · ${label(q)}`, [
    text(`**${q.prompt}**`),
    context('Think it through or write your answer down, then reveal the strong answer.'),
    buttons([{ label: 'Reveal the answer', action: 'practice.reveal', value: q.id, command: '/mlq solution', style: 'primary' }]),
  ]);
}

export function practiceRevealCard(q: Question): Card {
  return card(`Practice reveal · ${label(q)}`, [
    ...answerBlocks(q),
    divider(),
    list(
      q.probes.map((p) => `${p.question} *A good reply:* ${p.guidance}`),
      '**Follow-up probes, with what a good reply covers**',
      true,
    ),
  ]);
}
