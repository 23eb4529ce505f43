import { card, context, text } from '../message.ts';
import { isOrganiser } from '../organisers.ts';
import { platformOf } from '../port.ts';
import { answeredCard, questionCard, revealAgainCard } from '../question-cards.ts';
import { revealRound, skipRound, startToday } from '../rounds.ts';
import { localDate, nextDigestAt } from '../schedule.ts';
import type { Channel } from '../types.ts';
import { formatWeekdays } from '../vocab.ts';
import { none } from './args.ts';
import { nextPostText } from './config-command.ts';
import { privately, publicly, say } from './reply.ts';
import { type CommandContext, defineCommand } from './spec.ts';

async function openRound(ctx: CommandContext, channel: Channel) {
  const round = await ctx.deps.repo.latestRound(channel.id);
  return round && (round.status === 'posting' || round.status === 'posted') ? round : null;
}

export const today = defineCommand({
  name: 'today',
  summary: "Show today's question and when it is revealed",
  usage: '',
  organiserOnly: false,
  needsChannel: true,
  args: none,
  async run(ctx) {
    const channel = ctx.channel!;
    const memberId = ctx.event.actor.id;
    const round = await ctx.deps.repo.roundForDate(channel.id, localDate(ctx.now, channel.timezone));
    if (!round || round.status === 'skipped') return say(`No question yet today. ${nextPostText(channel, ctx.now)}`);
    const question = await ctx.deps.repo.getQuestion(round.questionId);
    if (!question) return say("Today's question is no longer in the bank.");
    if (round.status === 'revealed') {
      const mine = (await ctx.deps.repo.countedAnswers(round.id)).find((a) => a.memberId === memberId);
      const own = mine ? { text: mine.text, points: await ctx.deps.repo.roundPoints(round.id, memberId) } : null;
      return privately(revealAgainCard(question, round.answerCount, own));
    }
    if (await ctx.deps.repo.hasCountedAnswer(round.id, memberId)) return privately(answeredCard(question, round, channel.timezone));
    const inThread = !ctx.deps.ports.has(channel.id) || ctx.deps.ports.for(channel.id).answersInThread !== false;
    const posted = questionCard(question, round, channel.timezone, inThread);
    return privately({ ...posted, blocks: [...posted.blocks, context('You have not answered yet.')] });
  },
});

export const reveal = defineCommand({
  name: 'reveal',
  summary: "Reveal the open round's strong answer now",
  usage: '',
  organiserOnly: true,
  needsChannel: true,
  args: none,
  async run(ctx) {
    const round = await openRound(ctx, ctx.channel!);
    if (!round) return say('There is no open round to reveal.');
    if (round.status !== 'posted') return say('The round is still being posted; try again in a moment.');
    const revealed = await revealRound(ctx.deps, round);
    return say(
      revealed ? `Revealed: ${revealed.answerCount} answered. The reveal is in the question's thread.` : 'It was revealed already.',
    );
  },
});

export const skip = defineCommand({
  name: 'skip',
  summary: 'Skip the open question and post another',
  usage: '',
  organiserOnly: true,
  needsChannel: true,
  args: none,
  async run(ctx) {
    const channel = ctx.channel!;
    const round = await openRound(ctx, channel);
    if (!round) return say('There is no open round to skip.');
    const outcome = await skipRound(ctx.deps, channel, round);
    if (!outcome) return say('That round cannot be skipped any more.');
    return say(outcome.round ? 'Skipped. A new question is posted.' : 'Skipped, but no other question matches the channel settings.');
  },
});

export const start = defineCommand({
  name: 'start',
  summary: 'Subscribe this channel to the daily question and become its organiser (posts one now)',
  usage: '',
  details: 'Anyone may subscribe a new channel; a paused channel is resumed by its organisers.',
  organiserOnly: false,
  needsChannel: false,
  args: none,
  publicReply: () => true,
  async run(ctx) {
    const { deps, event } = ctx;
    const existing = ctx.channel;
    if (existing?.active) return say('This channel is subscribed already. `/mlq config` shows its schedule.');
    if (existing && !(await isOrganiser(deps, event.channelId, existing, event.actor.id))) {
      return say('This channel is paused; one of its organisers can resume it with `/mlq start`.');
    }
    await deps.repo.upsertCommunity(event.communityId, platformOf(event.channelId), '');
    const channel: Channel = existing
      ? { ...existing, active: true, organiserIds: [...new Set([...existing.organiserIds, event.actor.id])] }
      : {
          ...deps.defaults,
          id: event.channelId,
          communityId: event.communityId,
          name: event.channelName ?? '',
          active: true,
          organiserIds: [event.actor.id],
          nextPostAt: null,
        };
    await deps.repo.saveChannel({ ...channel, nextDigestAt: nextDigestAt(channel, ctx.now) });
    const outcome = await startToday(deps, { ...channel, nextDigestAt: nextDigestAt(channel, ctx.now) });
    const when = `${formatWeekdays(channel.weekdays)} at ${channel.postTime} (${channel.timezone})`;
    return publicly(
      card('mlq is on in this channel', [
        text(
          `A machine-learning interview question comes ${when}; the strong answer is revealed ${channel.revealTime ? `at ${channel.revealTime}` : `${channel.revealDelayMinutes / 60}h later`}.`,
        ),
        context(
          `${outcome.round ? "Today's question is posted above: answer in its thread." : 'No question matches the settings yet.'} ` +
            'Organisers change the schedule with `/mlq config`; everyone can see `/mlq help`.',
        ),
      ]),
    );
  },
});

export const stop = defineCommand({
  name: 'stop',
  summary: 'Pause the daily question in this channel',
  usage: '',
  organiserOnly: true,
  needsChannel: true,
  args: none,
  publicReply: () => true,
  async run(ctx) {
    const channel = ctx.channel!;
    if (!channel.active) return say('This channel is paused already. `/mlq start` resumes it.');
    await ctx.deps.repo.saveChannel({ ...channel, active: false, nextPostAt: null });
    return publicly(card(undefined, [text('mlq is paused in this channel. Streaks and points are kept; `/mlq start` resumes it.')]));
  },
});
