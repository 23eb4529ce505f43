import { dueText } from './grade-cards.ts';
import { type Block, buttons, type Card, card, context, divider, list, text } from './message.ts';
import type { LearningStats } from './repository.ts';
import { addDays, localDate, plannedRound } from './schedule.ts';
import { CATEGORY_NAMES, type Channel } from './types.ts';

/** The action of the home's review button: the same handler as a reminder's "Start reviewing" and `/mlq review`. */
export const START_REVIEW_ACTION = 'review.next';

/** One channel on a member's dashboard: their streak there and when its next question comes, in their time zone. */
export interface HomeChannel {
  name: string;
  streak: number;
  best: number;
  freezes: number;
  /** The local date the member is away until, or null. */
  awayUntil: string | null;
  /** When the channel's next question is posted, or null when none is planned. */
  nextQuestionAt: Date | null;
  /** The zone the member reads times in: their reminder's, else the channel's. */
  timezone: string;
}

/** Everything a member's dashboard shows, loaded by the home use case. */
export interface HomeData {
  channels: HomeChannel[];
  learning: LearningStats;
  /** The zone of the member's review dates. */
  timezone: string;
}

/** When a channel's next question is posted: its stored next post when still ahead, else the first planned post after `now`. */
export function nextQuestionAt(channel: Channel, now: Date): Date | null {
  if (!channel.active) return null;
  if (channel.nextPostAt && channel.nextPostAt > now) return channel.nextPostAt;
  let date = localDate(now, channel.timezone);
  for (let i = 0; i < 15; i++, date = addDays(date, 1)) {
    const planned = plannedRound(channel, date);
    if (planned && planned.postAt > now) return planned.postAt;
  }
  return null;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function reviewBlocks(learning: LearningStats, timezone: string): Block[] {
  const due = learning.dueNow;
  if (due > 0) {
    return [
      text(`**Reviews:** ${plural(due, 'question is', 'questions are')} due.`),
      buttons([{ label: 'Start reviewing', action: START_REVIEW_ACTION, value: '', command: '/mlq review', style: 'primary' }]),
    ];
  }
  const [next] = learning.nextDue;
  return [
    text('**Reviews:** none due.'),
    context(next ? `The next is due ${dueText(next, timezone)}.` : 'Grade yourself after a reveal to schedule reviews.'),
  ];
}

function channelLine(c: HomeChannel): string {
  const away = c.awayUntil ? ` · away until ${c.awayUntil}` : '';
  const next = c.nextQuestionAt ? dueText(c.nextQuestionAt, c.timezone) : 'none planned';
  return (
    `**#${c.name}** · streak ${c.streak} (best ${c.best}) · ${plural(c.freezes, 'freeze', 'freezes')}${away}` + ` · next question ${next}`
  );
}

function masteryBlock(learning: LearningStats): Block {
  if (learning.byCategory.length === 0) {
    return text('**Mastery by category:** none yet. Grade yourself after a reveal (`/mlq grade`) and it shows here.');
  }
  return list(
    learning.byCategory.map(
      (m) => `${CATEGORY_NAMES[m.category]}: ${Math.round(m.mastery * 100)} % (${plural(m.questions, 'question', 'questions')})`,
    ),
    '**Mastery by category** (key points ticked, latest grade of each question)',
  );
}

/** A member's dashboard (Slack's App Home): reviews due with a button to start, their channels, and mastery per category. */
export function homeCard(data: HomeData): Card {
  const channels = data.channels.length
    ? list(data.channels.map(channelLine), '**Your channels**')
    : text('**Your channels:** mlq runs in none of your channels yet.');
  return card('Your mlq dashboard', [
    ...reviewBlocks(data.learning, data.timezone),
    divider(),
    channels,
    divider(),
    masteryBlock(data.learning),
    context('Updated after each grade. `/mlq stats` in a channel shows more.'),
  ]);
}
