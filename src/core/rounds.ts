import type { CoreDeps } from './deps.ts';
import { ChannelUnavailableError } from './port.ts';
import { ledgerKey, POINTS } from './points.ts';
import { questionCard, revealCard, revealedRootCard, skippedRootCard } from './question-cards.ts';
import { pickQuestion } from './picker.ts';
import type { Award } from './repository.ts';
import { addDays, localDate, nextPlannedRound, type PlannedRound, plannedRound, weekStart } from './schedule.ts';
import { settleStreak } from './streaks.ts';
import type { Channel, Round } from './types.ts';

export type StartOutcome = { round: Round; created: boolean } | { round: null; reason: 'no-questions' };

/** Creates the channel's round for a planned date (once, whatever the number of callers) and posts it. */
export async function startRound(deps: CoreDeps, channel: Channel, planned: PlannedRound): Promise<StartOutcome> {
  const existing = await deps.repo.roundForDate(channel.id, planned.localDate);
  if (existing) return { round: existing, created: false };
  const questionId = pickQuestion(
    await deps.repo.questionCandidates(),
    await deps.repo.questionUsage(channel.id),
    channel,
    deps.random,
  );
  if (!questionId) {
    deps.logger.warn({ channel: channel.id }, 'no question matches the channel categories and levels');
    return { round: null, reason: 'no-questions' };
  }
  const round = await deps.repo.createRound({ channelId: channel.id, questionId, ...planned });
  if (!round) {
    const winner = await deps.repo.roundForDate(channel.id, planned.localDate);
    return winner ? { round: winner, created: false } : { round: null, reason: 'no-questions' };
  }
  try {
    await postRound(deps, channel, round);
  } catch (error) {
    await deps.repo.abandonRound(round.id);
    throw error;
  }
  return { round: (await deps.repo.getRound(round.id)) ?? round, created: true };
}

async function postRound(deps: CoreDeps, channel: Channel, round: Round): Promise<void> {
  const question = await deps.repo.getQuestion(round.questionId);
  if (!question) throw new Error(`question ${round.questionId} of round ${round.id} is missing`);
  const port = deps.ports.for(channel.id);
  const posted = await port.post(channel.id, questionCard(question, round, channel.timezone, port.answersInThread !== false));
  await deps.repo.markPosted(round.id, posted.messageId, posted.threadId);
  deps.logger.info({ channel: channel.id, round: round.id, question: question.id }, 'round posted');
}

/** Moves the channel's next post time past `date`, so the scheduler will not plan that date again. */
export async function advanceSchedule(deps: CoreDeps, channel: Channel, afterDate: string): Promise<void> {
  const next = nextPlannedRound(channel, deps.clock.now(), addDays(afterDate, 1));
  await deps.repo.saveChannel({ ...channel, nextPostAt: next?.postAt ?? null });
}

/** Posts today's round now if the channel has none today (used by `/mlq start` and the console). */
export async function startToday(deps: CoreDeps, channel: Channel): Promise<StartOutcome> {
  const now = deps.clock.now();
  const today = localDate(now, channel.timezone);
  const planned = plannedRound({ ...channel, weekdays: [1, 2, 3, 4, 5, 6, 7] }, today)!;
  const revealAt = planned.revealAt > now ? planned.revealAt : new Date(now.getTime() + channel.revealDelayMinutes * 60_000);
  const outcome = await startRound(deps, channel, { localDate: today, postAt: now, revealAt });
  await advanceSchedule(deps, channel, today);
  return outcome;
}

/** Claims and reveals a round: settles points and streaks, posts the reveal in the thread and updates the root. */
export async function revealRound(deps: CoreDeps, round: Round): Promise<Round | null> {
  const now = deps.clock.now();
  const claimed = await deps.repo.claimReveal(round.id, now);
  if (!claimed || claimed.seq === null) return null;
  const channel = await deps.repo.getChannel(claimed.channelId);
  const question = await deps.repo.getQuestion(claimed.questionId);
  if (!channel || !question) return claimed;
  const answers = await deps.repo.countedAnswers(claimed.id);
  const votes = await deps.repo.votesFor(answers.map((a) => a.id));
  const week = weekStart(claimed.localDate);
  const base = { channelId: channel.id, roundId: claimed.id, week, at: now };
  const awards: Award[] = answers.map((a) => ({
    ...base,
    key: ledgerKey('answer', claimed.id, a.memberId),
    memberId: a.memberId,
    reason: 'answer',
    points: POINTS.answer,
  }));
  for (const answer of answers) {
    const counted = votes.filter((v) => v.answerId === answer.id).slice(0, POINTS.peerVotesCountedPerAnswer);
    for (const vote of counted) {
      awards.push({
        ...base,
        key: ledgerKey('peer_vote', claimed.id, answer.memberId, vote.voterId),
        memberId: answer.memberId,
        reason: 'peer_vote',
        points: POINTS.peerVote,
      });
    }
  }
  await deps.repo.award(awards);
  const previous = await deps.repo.streaks(channel.id, answers.map((a) => a.memberId));
  await deps.repo.settleStreaks(
    channel.id,
    answers.map((a) => ({ memberId: a.memberId, state: settleStreak(previous.get(a.memberId), claimed.seq!) })),
  );
  const port = deps.ports.for(channel.id);
  const sealed = answers.filter((a) => a.sealed);
  const names = await deps.repo.memberNames(sealed.map((a) => a.memberId));
  const sealedView = sealed.map((a) => ({ name: names.get(a.memberId) ?? a.memberId, text: a.text }));
  if (claimed.threadId) await port.reply(claimed.threadId, revealCard(question, answers.length, sealedView));
  if (claimed.messageId) await port.update(claimed.messageId, revealedRootCard(question, answers.length));
  deps.logger.info({ channel: channel.id, round: claimed.id, answers: answers.length }, 'round revealed');
  return claimed;
}

/** Skips a round that is not yet revealed and posts a fresh question in its place. */
export async function skipRound(deps: CoreDeps, channel: Channel, round: Round): Promise<StartOutcome | null> {
  if (!(await deps.repo.skipRound(round.id))) return null;
  const question = await deps.repo.getQuestion(round.questionId);
  if (question && round.messageId) await deps.ports.for(channel.id).update(round.messageId, skippedRootCard(question));
  return startRound(deps, channel, { localDate: round.localDate, postAt: deps.clock.now(), revealAt: round.revealAt });
}

async function pauseUnavailable(deps: CoreDeps, channelId: string, error: ChannelUnavailableError): Promise<void> {
  await deps.repo.pauseChannel(channelId, error.reason);
  deps.logger.warn({ channel: channelId, reason: error.reason }, 'channel paused: the platform says it is unavailable; /mlq start resumes it');
}

/** One scheduler pass: posts every round that is due and reveals every round whose reveal time has come. */
export async function tick(deps: CoreDeps, batch = 100): Promise<{ posted: number; revealed: number }> {
  const now = deps.clock.now();
  let posted = 0;
  let revealed = 0;
  for (const channel of await deps.repo.dueChannels(now, batch)) {
    try {
      const date = localDate(channel.nextPostAt!, channel.timezone);
      const planned = plannedRound(channel, date);
      if (planned && planned.revealAt > now) {
        const outcome = await startRound(deps, channel, planned);
        if (outcome.round && outcome.created) posted++;
      }
      await advanceSchedule(deps, channel, date);
    } catch (error) {
      if (error instanceof ChannelUnavailableError) {
        await pauseUnavailable(deps, channel.id, error);
      } else {
        deps.logger.error({ channel: channel.id, err: error }, 'posting the round failed; the next tick tries again');
      }
    }
  }
  for (const round of await deps.repo.dueReveals(now, batch)) {
    try {
      if (await revealRound(deps, round)) revealed++;
    } catch (error) {
      if (error instanceof ChannelUnavailableError) await pauseUnavailable(deps, round.channelId, error);
      else deps.logger.error({ round: round.id, err: error }, 'revealing the round failed');
    }
  }
  return { posted, revealed };
}
