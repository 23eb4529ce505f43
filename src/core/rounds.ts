import type { CoreDeps } from './deps.ts';
import { withGrading } from './grade-cards.ts';
import { postGuidance, sendChecklists } from './grading.ts';
import { card, text } from './message.ts';
import { type PickCandidate, pickQuestion } from './picker.ts';
import { ledgerKey, POINTS } from './points.ts';
import { ChannelUnavailableError, type ChatPort } from './port.ts';
import { questionCard, revealCard, revealedRootCard, revealRecapCard, skippedRootCard } from './question-cards.ts';
import type { Award, BankStore, ChannelStore, ReviewStore, RoundStore, ScoreStore, SuggestionStore, WorkClaims } from './repository.ts';
import { addDays, levelsFor, localDate, nextPlannedRound, type PlannedRound, plannedRound, revealFor, weekStart } from './schedule.ts';
import { coverMissedRound, settleStreak } from './streaks.ts';
import type { Answer, Channel, Question, Round, StreakState } from './types.ts';

/** How long a claim on a post, reveal or digest holds before another replica may take the work over. */
export const LEASE_MS = 2 * 60_000;
/** Post attempts before the channel is paused and its organisers told. */
export const MAX_ATTEMPTS = 5;

export const roundKey = (round: Round) => `mlq-round-${round.id}`;
export const revealKey = (round: Round) => `mlq-reveal-${round.id}`;
const backoffMs = (attempt: number) => Math.min(30, 2 ** Math.max(0, attempt - 1)) * 60_000;

/** What posting a round needs of the store. */
type PostingStore = RoundStore & WorkClaims & ChannelStore & BankStore & ReviewStore & SuggestionStore;

/** `posted` is false when the round was created but its post failed (it is retried with backoff). */
export type StartOutcome = { round: Round; created: boolean; posted?: boolean } | { round: null; reason: 'no-questions' };

/** Creates the channel's round for a planned date (once, whatever the number of callers) and posts it. */
export async function startRound(
  deps: CoreDeps<PostingStore>,
  channel: Channel,
  planned: PlannedRound,
  candidates?: () => Promise<PickCandidate[]>,
  questions?: QuestionCache,
): Promise<StartOutcome> {
  if (!candidates) {
    const existing = await deps.repo.roundForDate(channel.id, planned.localDate);
    if (existing) return { round: existing, created: false };
  }
  // An organiser's pick (`/mlq next`) comes first, once; the picker draws from the bank and the channel's pools.
  const { next: picked, pool } = await deps.repo.roundChoices(channel.id, channel.communityId);
  const questionId =
    picked ??
    pickQuestion(
      [...(await (candidates ? candidates() : deps.repo.questionCandidates())), ...pool],
      await deps.repo.questionUsage(channel.id),
      { categories: channel.categories, levels: levelsFor(channel, planned.localDate) },
      deps.random,
    );
  if (!questionId) {
    deps.logger.warn({ channel: channel.id }, 'no question matches the channel categories and levels');
    return { round: null, reason: 'no-questions' };
  }
  const leaseUntil = new Date(deps.clock.now().getTime() + LEASE_MS);
  const round = await deps.repo.createRound({ channelId: channel.id, questionId, ...planned, leaseUntil });
  if (!round) {
    const winner = await deps.repo.roundForDate(channel.id, planned.localDate);
    return winner ? { round: winner, created: false } : { round: null, reason: 'no-questions' };
  }
  if (picked) await deps.repo.clearNextQuestion(channel.id, picked);
  const result = await postRound(deps, channel, round, questions);
  return { round, created: true, posted: result !== 'failed' };
}

/** Question bodies read once per scheduler pass instead of once per post. */
export type QuestionCache = Map<string, Promise<Question | null>>;

/** Posts a claimed round; after a lapsed lease, first asks the platform whether the post went out already. */
export async function postRound(
  deps: CoreDeps<PostingStore>,
  channel: Channel,
  round: Round,
  questions?: QuestionCache,
): Promise<'posted' | 'recovered' | 'failed'> {
  let pending = questions?.get(round.questionId);
  if (!pending) {
    pending = deps.repo.getQuestion(round.questionId);
    questions?.set(round.questionId, pending);
  }
  const question = await pending;
  if (!question) throw new Error(`question ${round.questionId} of round ${round.id} is missing`);
  const port = deps.ports.for(channel.id);
  try {
    if ((round.attempts ?? 1) > 1 && port.findPosted) {
      const found = await port.findPosted(channel.id, roundKey(round), new Date(round.postAt.getTime() - LEASE_MS));
      if (found) {
        await deps.repo.markPosted(round.id, found.messageId, found.threadId);
        deps.metrics?.roundPosted(port.platform);
        deps.logger.info({ channel: channel.id, round: round.id }, 'round found on the platform after a lapsed lease; not posted again');
        return 'recovered';
      }
    }
    const card = questionCard(question, round, channel.timezone, port.answersInThread !== false);
    const posted = await port.post(channel.id, card, roundKey(round));
    await deps.repo.markPosted(round.id, posted.messageId, posted.threadId);
    deps.metrics?.roundPosted(port.platform);
    deps.logger.info({ channel: channel.id, round: round.id, question: question.id }, 'round posted');
    await postGuidance(deps, channel, round).catch((error: unknown) =>
      deps.logger.warn({ err: error, channel: channel.id }, "the previous round's probe guidance could not be posted"),
    );
    return 'posted';
  } catch (error) {
    await failedPost(deps, channel, round, error);
    return 'failed';
  }
}

async function failedPost(deps: CoreDeps<RoundStore & WorkClaims & ChannelStore>, channel: Channel, round: Round, error: unknown) {
  const attempts = round.attempts ?? 1;
  if (error instanceof ChannelUnavailableError) {
    await deps.repo.skipStaleRound(round.id);
    await pauseUnavailable(deps, channel.id, error.reason);
    return;
  }
  if (attempts >= MAX_ATTEMPTS) {
    await deps.repo.skipStaleRound(round.id);
    await pauseUnavailable(deps, channel.id, `posting failed ${attempts} times`);
    return;
  }
  const retryAt = new Date(deps.clock.now().getTime() + backoffMs(attempts));
  await deps.repo.retryLater('rounds', round.id, retryAt);
  deps.logger.warn(
    { channel: channel.id, round: round.id, attempt: attempts, retryAt, err: error },
    'posting the round failed; it will be retried',
  );
}

/** Pauses a channel the platform refuses, logs it, and tells its organisers where the platform lets us. */
export async function pauseUnavailable(deps: CoreDeps<ChannelStore>, channelId: string, reason: string): Promise<void> {
  await deps.repo.pauseChannel(channelId, reason);
  deps.logger.warn({ channel: channelId, reason }, 'channel paused: the platform says it is unavailable; /mlq start resumes it');
  const channel = await deps.repo.getChannel(channelId);
  for (const organiser of channel?.organiserIds ?? []) {
    await deps.ports
      .for(channelId)
      .sendPrivate(
        organiser,
        channelId,
        card('mlq paused a channel', [
          text(`The daily question could not be posted (${reason}), so mlq paused the channel. Run \`/mlq start\` there to resume.`),
        ]),
      )
      .catch(() => undefined);
  }
}

/** Posts today's round now if the channel has none today (used by `/mlq start` and the console). */
export async function startToday(deps: CoreDeps, channel: Channel): Promise<StartOutcome> {
  const now = deps.clock.now();
  const today = localDate(now, channel.timezone);
  const planned = revealFor(channel, today, now);
  const revealAt = planned > now ? planned : new Date(now.getTime() + channel.revealDelayMinutes * 60_000);
  const outcome = await startRound(deps, channel, { localDate: today, postAt: now, revealAt });
  const next = nextPlannedRound(channel, now, addDays(today, 1));
  await deps.repo.saveChannel({ ...channel, nextPostAt: next?.postAt ?? null });
  return outcome;
}

/** Settles points and streaks of a claimed round (idempotent), posts the reveal once and updates the root. */
export async function finishReveal(deps: CoreDeps, claimed: Round): Promise<Round> {
  const now = deps.clock.now();
  const channel = await deps.repo.getChannel(claimed.channelId);
  const question = await deps.repo.getQuestion(claimed.questionId);
  if (!channel || !question || claimed.seq === null) {
    await deps.repo.markRevealed(claimed.id, now);
    return claimed;
  }
  const answers = await deps.repo.countedAnswers(claimed.id);
  const votes = await deps.repo.votesFor(answers.map((a) => a.id));
  const base = { channelId: channel.id, roundId: claimed.id, week: weekStart(claimed.localDate), at: now };
  const awards: Award[] = answers.map((a) => ({
    ...base,
    key: ledgerKey('answer', claimed.id, a.memberId),
    memberId: a.memberId,
    reason: 'answer',
    points: POINTS.answer,
  }));
  for (const answer of answers) {
    for (const vote of votes.filter((v) => v.answerId === answer.id).slice(0, POINTS.peerVotesCountedPerAnswer)) {
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
  await settleRoundStreaks(
    deps,
    channel.id,
    claimed,
    answers.map((a) => a.memberId),
  );

  const port = deps.ports.for(channel.id);
  const sealed = answers.filter((a) => a.sealed);
  const names = await deps.repo.memberNames(sealed.map((a) => a.memberId));
  const sealedView = sealed.map((a) => ({ name: names.get(a.memberId) ?? a.memberId, text: a.text }));
  const alreadyPosted =
    claimed.threadId && (claimed.attempts ?? 1) > 1 && port.findPosted
      ? await port.findPosted(claimed.threadId, revealKey(claimed), claimed.postAt)
      : null;
  if (claimed.threadId && !alreadyPosted) {
    await port.reply(
      claimed.threadId,
      withGrading(revealCard(question, answers.length, sealedView), question, claimed.id),
      revealKey(claimed),
    );
    if (deps.ports.capabilities(channel.id).revealRecap) await sendRevealRecaps(deps, port, channel.id, answers, awards);
    await sendChecklists(deps, port, channel.id, question, claimed, answers);
  }
  if (claimed.messageId) await port.update(claimed.messageId, revealedRootCard(question, answers.length));
  await deps.repo.markRevealed(claimed.id, now);
  deps.metrics?.roundRevealed(port.platform);
  deps.logger.info({ channel: channel.id, round: claimed.id, answers: answers.length }, 'round revealed');
  return { ...claimed, status: 'revealed', answerCount: answers.length };
}

/** Each answerer's own answer and the points it earned, privately, where the platform asks for it. */
async function sendRevealRecaps(deps: CoreDeps, port: ChatPort, channelId: string, answers: Answer[], awards: Award[]): Promise<void> {
  for (const answer of answers) {
    const points = awards.filter((a) => a.memberId === answer.memberId).reduce((sum, a) => sum + a.points, 0);
    await port
      .sendPrivate(answer.memberId, channelId, revealRecapCard({ text: answer.text, points }))
      .catch((error: unknown) => deps.logger.warn({ err: error, channel: channelId }, 'a private reveal recap could not be sent'));
  }
}

async function settleRoundStreaks(deps: CoreDeps<ScoreStore>, channelId: string, round: Round, answered: string[]): Promise<void> {
  const seq = round.seq!;
  const previous = await deps.repo.streaks(channelId, answered);
  const updates: { memberId: string; state: StreakState }[] = answered.map((memberId) => ({
    memberId,
    state: settleStreak(previous.get(memberId), seq),
  }));
  for (const [memberId, state] of await deps.repo.liveStreaks(channelId, seq - 1)) {
    if (answered.includes(memberId)) continue;
    const covered = coverMissedRound(state, seq, round.localDate);
    if (covered) updates.push({ memberId, state: covered });
  }
  await deps.repo.settleStreaks(channelId, updates);
}

/** Reveals one round now (an organiser's `/mlq reveal`); null when it was revealed already. */
export async function revealRound(deps: CoreDeps, round: Round): Promise<Round | null> {
  const [claimed] = await deps.repo.claimReveals(deps.clock.now(), 1, LEASE_MS, round.id);
  return claimed ? finishReveal(deps, claimed) : null;
}

/** Skips a round that is not yet revealed and posts a fresh question in its place. */
export async function skipRound(deps: CoreDeps, channel: Channel, round: Round): Promise<StartOutcome | null> {
  if (!(await deps.repo.skipRound(round.id))) return null;
  const question = await deps.repo.getQuestion(round.questionId);
  if (question && round.messageId) await deps.ports.for(channel.id).update(round.messageId, skippedRootCard(question));
  return startRound(deps, channel, { localDate: round.localDate, postAt: deps.clock.now(), revealAt: round.revealAt });
}

/** The planned round of a claimed channel's due date, or null when its reveal has passed (not posted late). */
export function dueRound(channel: Channel, now: Date): { planned: PlannedRound | null; date: string } {
  const date = localDate(channel.nextPostAt ?? now, channel.timezone);
  const planned = plannedRound(channel, date);
  return { planned: planned && planned.revealAt > now ? planned : null, date };
}
