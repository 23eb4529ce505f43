import { z } from 'zod';
import { addToReview } from '../archive.ts';
import { checklistCard, dueText, guidanceCard, reviewPointsCard } from '../grade-cards.ts';
import { type GradeTarget, resolveTarget, reviewNext, saveGrade } from '../grading.ts';
import { memberZone } from '../member-zone.ts';
import { platformOf } from '../port.ts';
import { firstDue, reviewQueueCard, reviewRef } from '../review-queue.ts';
import { type GradeRef, nextReminderAt, parseTicks, RATING_RULE } from '../review-rules.ts';
import { isValidTimezone } from '../schedule.ts';
import { parseTime } from './config-settings.ts';
import { NOT_SUBSCRIBED, privately, say } from './reply.ts';
import { type CommandContext, defineCommand } from './spec.ts';

const FAR_FUTURE = '9999-12-31';

/** Grades a target with the words a member typed, or shows its checklist when they typed none. */
async function gradeWith(ctx: CommandContext, target: GradeTarget, words: string[], review = false) {
  if (words.length === 0) return privately(checklistCard(target.question, target.ref, true));
  const ticks = parseTicks(words, target.question.key_points.length);
  if (!ticks.ok) return say(ticks.message);
  const { actor, communityId, channelId } = ctx.event;
  const after = review ? () => reviewNext(ctx.deps, actor.id, channelId) : undefined;
  return privately(await saveGrade(ctx.deps, target, { member: actor, communityId, channelId }, ticks.value, after));
}

const gradeArgs = z.array(z.string()).transform((tokens) => ({
  practice: tokens.some((t) => t.toLowerCase() === 'practice'),
  words: tokens.filter((t) => t.toLowerCase() !== 'practice'),
}));

export const grade = defineCommand({
  name: 'grade',
  summary: 'Tick the key points your answer covered (after the reveal, or `practice` after `/mlq solution`)',
  usage: '[practice] [numbers|none|all]',
  details: `For example \`/mlq grade 1 3 4\`. It schedules a private review of the question: ${RATING_RULE}. You can change it until the next round.`,
  organiserOnly: false,
  needsChannel: false,
  args: gradeArgs,
  options: [
    {
      name: 'points',
      description: 'The numbers of the key points you covered, such as 1 3 4, or none or all',
      kind: 'text',
      maxLength: 40,
    },
    { name: 'practice', description: 'Grade your practice question instead', kind: 'flag' },
  ],
  async run(ctx, args) {
    const { deps, event } = ctx;
    let ref: GradeRef;
    if (args.practice) {
      const practice = await deps.repo.latestPractice(event.actor.id);
      if (!practice) return say('You have no practice question yet: `/mlq ask` gives you one.');
      ref = { source: 'practice', practiceId: practice.id };
    } else {
      if (!ctx.channel) return say(NOT_SUBSCRIBED);
      const round = await deps.repo.latestRound(ctx.channel.id);
      if (round?.status !== 'revealed') return say('Today’s round is not revealed yet: grade yourself after the reveal.');
      ref = { source: 'round', roundId: round.id };
    }
    const resolved = await resolveTarget(deps, ref, event.actor.id, event.channelId);
    if (!resolved.ok) return say(resolved.text);
    return gradeWith(ctx, resolved.target, args.words);
  },
});

type ReviewArgs =
  | { kind: 'add'; questionId: string }
  | { kind: 'queue' }
  | { kind: 'show' }
  | { kind: 'grade'; words: string[] }
  | { kind: 'remind'; words: string[] };

/** `[show | grade N… | add ID | remind TIME [ZONE] | off]`: a bare time or `off` is a reminder, bare numbers a grade. */
export const reviewArgs = z.array(z.string()).transform((tokens, ctx): ReviewArgs => {
  const [first, ...rest] = tokens;
  const word = first?.toLowerCase();
  if (word === undefined) return { kind: 'queue' };
  if (word === 'show' && rest.length === 0) return { kind: 'show' };
  if (word === 'grade') return { kind: 'grade', words: rest };
  if (word === 'add') return { kind: 'add', questionId: rest.length === 1 ? rest[0]!.toLowerCase() : '' };
  if (word === 'remind') return { kind: 'remind', words: rest };
  if (/^(\d{1,2}(:\d{2})?\s*(am|pm)?|off)$/i.test(word) && (word === 'off' || word.includes(':') || /[ap]m$/i.test(word))) {
    return { kind: 'remind', words: tokens };
  }
  if (/^(\d{1,2}|none|all)(,\d{1,2})*$/i.test(word)) return { kind: 'grade', words: tokens };
  ctx.addIssue({ code: 'custom', message: `\`${first!.slice(0, 30)}\` is not a review action: use show, grade or remind` });
  return z.NEVER;
});

async function remind(ctx: CommandContext, words: string[]) {
  const { deps, event } = ctx;
  const [when, zone, ...extra] = words;
  if (!when || extra.length)
    return say('Give a time, such as `/mlq review remind 08:00`, optionally with your time zone (`Europe/Berlin`), or `off`.');
  if (/^off$/i.test(when)) {
    await deps.repo.setReminder({ memberId: event.actor.id, off: true });
    return say('Review reminders are off.');
  }
  const time = parseTime(when);
  if (!time) return say(`\`${when.slice(0, 20)}\` is not a time; write it like 08:00 or 8am.`);
  if (zone && !isValidTimezone(zone))
    return say(`\`${zone.slice(0, 40)}\` is not a time zone; use a name such as Europe/Berlin or America/New_York.`);
  const timezone = zone ?? (await memberZone(deps, event.actor.id, event.channelId));
  const nextAt = nextReminderAt(time, timezone, ctx.now);
  await deps.repo.upsertCommunity(event.communityId, platformOf(event.channelId), '');
  await deps.repo.upsertMember(event.actor, event.communityId);
  await deps.repo.setReminder({ memberId: event.actor.id, channelId: event.channelId, time, timezone, nextAt });
  return say(
    `Review reminder set for ${time} (${timezone}) every day, the first ${dueText(nextAt, timezone)}. It comes privately, only ` +
      'when cards are due and not while you are away (`/mlq away`). `/mlq review remind off` stops it.',
  );
}

export const review = defineCommand({
  name: 'review',
  summary: 'Your due review cards, one at a time (also `remind HH:MM [zone]` or `remind off`)',
  usage: '[show|grade <numbers>|remind <HH:MM [zone]|off>|add <question id>]',
  details:
    'A card is made when you grade yourself; it comes back when you are about to forget it (FSRS). `show` shows the key ' +
    'points of the first due card, `grade 1 3` ticks those you recalled. Reviews never change the leaderboard.',
  organiserOnly: false,
  needsChannel: false,
  args: reviewArgs,
  options: [
    {
      name: 'action',
      description: 'show the key points, grade the card, or set a daily reminder',
      kind: 'text',
      choices: [{ value: 'show' }, { value: 'grade' }, { value: 'remind' }, { value: 'add' }],
    },
    {
      name: 'value',
      description: 'Numbers to grade (1 3), a reminder time (08:00 Europe/Berlin, off), or a question id to add',
      kind: 'text',
      maxLength: 60,
    },
  ],
  async run(ctx, args) {
    const { deps, event } = ctx;
    if (args.kind === 'remind') return remind(ctx, args.words);
    if (args.kind === 'add') {
      if (!args.questionId)
        return say('Give the id of one question, such as `/mlq review add bias-variance-tradeoff` (`/mlq archive` shows them).');
      return say(
        await addToReview(deps, { actor: event.actor, communityId: event.communityId, channelId: event.channelId }, args.questionId),
      );
    }
    if (args.kind === 'queue') return privately(await reviewQueueCard(deps, event.actor.id, event.channelId));
    const first = await firstDue(deps, event.actor.id);
    if (!first) return privately(await reviewQueueCard(deps, event.actor.id, event.channelId));
    const ref = reviewRef(first.card);
    if (args.kind === 'show') return privately(reviewPointsCard(first.question, ref));
    if (args.words.length === 0)
      return say('Give the numbers of the key points you recalled, such as `/mlq review grade 1 3`, or `none` or `all`.');
    return gradeWith(ctx, { ref, question: first.question, channelId: first.card.channelId, round: null }, args.words, true);
  },
});

export const guidance = defineCommand({
  name: 'guidance',
  summary: 'What a good reply to each probe of the last revealed round covers',
  usage: '',
  organiserOnly: false,
  needsChannel: true,
  args: z.array(z.string()).max(0, 'this command takes no words'),
  async run(ctx) {
    const round = await ctx.deps.repo.previousRevealedRound(ctx.channel!.id, FAR_FUTURE);
    const question = round ? await ctx.deps.repo.getQuestion(round.questionId) : null;
    if (!question) return say('No round has been revealed here yet.');
    return privately(guidanceCard(question));
  },
});
