import type { CoreDeps } from './deps.ts';
import type { MessageDeletedEvent, MessageEditedEvent, ReactionEvent, ThreadMessageEvent } from './events.ts';
import { card, text } from './message.ts';
import { ledgerKey, POINTS } from './points.ts';
import { weekStart } from './schedule.ts';
import { DEFAULT_MIN_WORDS, judgeSubstance, MAX_ANSWER_CHARS, type Substance, substanceNote } from './substance.ts';
import type { Round } from './types.ts';

export { MAX_ANSWER_CHARS } from './substance.ts';

/** Text as it can be stored: NUL characters (which Postgres text cannot hold) removed. */
export const storable = (text: string): string => text.replaceAll('\u0000', '');

/** Text as it is sent to the store: one character past the bound is enough to keep a blob too long to count. */
const bounded = (text: string): string => text.slice(0, MAX_ANSWER_CHARS + 1);

/** `not-counted`: a first reply below the channel's bar (a private note explains it; an edit past the bar counts it). */
export type ThreadOutcome = 'answer' | 'not-counted' | 'discussion' | 'probe-reply' | 'duplicate' | 'ignored';

async function sendNote(deps: CoreDeps, memberId: string, channelId: string, verdict: Substance, canEdit: boolean): Promise<void> {
  const note = substanceNote(verdict, canEdit);
  await deps.ports.for(channelId).sendPrivate(memberId, channelId, card(note.title, [text(note.body)]));
}

async function minWordsOf(deps: CoreDeps, channelId: string): Promise<number> {
  return (await deps.repo.getChannel(channelId))?.minWords ?? DEFAULT_MIN_WORDS;
}

/**
 * Records a thread reply: the first per member before the reveal that clears the channel's bar (substance.ts) is the
 * answer; a first reply below the bar is recorded as discussion and its author told privately; later ones are
 * discussion. After the reveal a reply that clears the probe bar (the same rule with a fixed POINTS.probeReplyMinWords,
 * whatever the channel's bar, so that chat after the reveal never earns it) earns the probe bonus once; a shorter one
 * is discussion, with no note.
 */
export async function recordThreadMessage(deps: CoreDeps, event: ThreadMessageEvent): Promise<ThreadOutcome> {
  const at = event.at ?? deps.clock.now();
  const clean = storable(event.text);
  const {
    outcome,
    round,
    minWords = DEFAULT_MIN_WORDS,
  } = await deps.repo.answerInThread(event.threadId, event.author, event.communityId, event.messageId, bounded(clean), at);
  if (!round || round.status === 'skipped') return 'ignored';
  if (outcome === 'duplicate') return 'duplicate';
  if (outcome === 'counted') {
    await deps.ports.for(event.channelId).react(event.messageId, 'answer-counted');
    return 'answer';
  }
  if (outcome === 'already-answered' || outcome === 'below-bar') {
    const fresh = await deps.repo.recordThreadMessage(event.messageId, round.id, event.author.id, 'discussion', at);
    if (!fresh) return 'duplicate';
    if (outcome === 'already-answered') return 'discussion';
    await sendNote(deps, event.author.id, event.channelId, judgeSubstance(clean, minWords), true);
    return 'not-counted';
  }
  await deps.repo.upsertMember(event.author, event.communityId);
  const probe = round.status === 'revealed' && judgeSubstance(clean, POINTS.probeReplyMinWords).ok;
  const fresh = await deps.repo.recordThreadMessage(event.messageId, round.id, event.author.id, probe ? 'probe_reply' : 'discussion', at);
  if (!fresh) return 'duplicate';
  if (!probe) return 'discussion';
  return (await awardProbe(deps, round, event.author.id, event.channelId, event.messageId, at)) ? 'probe-reply' : 'discussion';
}

type ProbeRound = Pick<Round, 'id' | 'channelId' | 'localDate'>;

async function awardProbe(deps: CoreDeps, round: ProbeRound, memberId: string, channelId: string, messageId: string, at: Date) {
  const awarded = await deps.repo.award([
    {
      key: ledgerKey('probe_reply', round.id, memberId),
      channelId: round.channelId,
      memberId,
      roundId: round.id,
      reason: 'probe_reply',
      points: POINTS.probeReply,
      week: weekStart(round.localDate),
      at,
    },
  ]);
  if (awarded > 0) await deps.ports.for(channelId).react(messageId, 'probe-bonus');
  return awarded > 0;
}

async function openRoundOf(deps: CoreDeps, messageId: string) {
  const answer = await deps.repo.answerByMessage(messageId);
  if (!answer) return null;
  const round = await deps.repo.getRound(answer.roundId);
  return round && round.status === 'posted' ? { answer, round } : null;
}

/**
 * An edit before the reveal updates the answer's text. An edit that takes a counted answer below the bar keeps the
 * answer counted with its last text that cleared the bar, and its author is told. A reply that was below the bar
 * and is edited past it before the reveal counts then, once (the store counts one answer per message and member).
 * After the reveal an answer stands as it was.
 */
export async function editAnswer(deps: CoreDeps, event: MessageEditedEvent): Promise<boolean> {
  const clean = storable(event.text);
  const at = event.at ?? deps.clock.now();
  const answer = await deps.repo.answerByMessage(event.messageId);
  if (!answer) return countEditedReply(deps, event, clean, at);
  const round = await deps.repo.getRound(answer.roundId);
  if (round?.status !== 'posted') return false;
  const verdict = judgeSubstance(clean, await minWordsOf(deps, round.channelId));
  if (!verdict.ok) {
    if (event.author) await sendNote(deps, event.author.id, event.channelId ?? round.channelId, verdict, true);
    return false;
  }
  return deps.repo.updateAnswerText(event.messageId, clean, at);
}

/** A reply below the bar, edited: counted when the edit event names its thread and author and it now clears the bar. */
async function countEditedReply(deps: CoreDeps, event: MessageEditedEvent, clean: string, at: Date): Promise<boolean> {
  const { threadId, author, communityId, channelId } = event;
  if (!threadId || !author || !communityId || !channelId) return false;
  const { outcome } = await deps.repo.answerInThread(threadId, author, communityId, event.messageId, bounded(clean), at);
  if (outcome !== 'counted') return false;
  await deps.ports.for(channelId).react(event.messageId, 'answer-counted');
  return true;
}

/** A deletion before the reveal withdraws the answer (the member may answer again). */
export async function deleteAnswer(deps: CoreDeps, event: MessageDeletedEvent): Promise<boolean> {
  const open = await openRoundOf(deps, event.messageId);
  if (!open) return false;
  return deps.repo.withdrawAnswer(event.messageId, event.at ?? deps.clock.now());
}

/** A peer's reaction on an answer is a vote; it scores at once after the reveal, or when the round is revealed. */
export async function recordReaction(deps: CoreDeps, event: ReactionEvent): Promise<boolean> {
  const answer = await deps.repo.answerByMessage(event.messageId);
  if (!answer || answer.memberId === event.member.id) return false;
  const round = await deps.repo.getRound(answer.roundId);
  if (!round || round.status === 'skipped') return false;
  const now = deps.clock.now();
  await deps.repo.upsertMember(event.member, event.communityId);
  const position = await deps.repo.addVote(answer.id, event.member.id, now);
  if (position === null) return false;
  if (round.status === 'revealed' && position <= POINTS.peerVotesCountedPerAnswer) {
    await deps.repo.award([
      {
        key: ledgerKey('peer_vote', round.id, answer.memberId, event.member.id),
        channelId: round.channelId,
        memberId: answer.memberId,
        roundId: round.id,
        reason: 'peer_vote',
        points: POINTS.peerVote,
        week: weekStart(round.localDate),
        at: now,
      },
    ]);
  }
  return true;
}

export interface SealedAnswerEvent {
  channelId: string;
  communityId: string;
  roundId: number;
  author: { id: string; name: string };
  text: string;
  /** The platform's id for the submission (a modal view id), so a resubmitted form counts once. */
  submissionId: string;
  at?: Date;
}

/** `not-counted`: below the channel's bar; a private note says why (the member answers again through the form). */
export type SealedOutcome = 'answer' | 'already-answered' | 'closed' | 'duplicate' | 'empty' | 'not-counted';

/** An answer given privately (through a form): judged and recorded by the same rule and statement as a thread answer. */
export async function recordSealedAnswer(deps: CoreDeps, event: SealedAnswerEvent): Promise<SealedOutcome> {
  const text = storable(event.text).trim();
  if (!text) return 'empty';
  const { outcome, minWords = DEFAULT_MIN_WORDS } = await deps.repo.answerSealed({
    roundId: event.roundId,
    channelId: event.channelId,
    member: event.author,
    communityId: event.communityId,
    submissionId: event.submissionId,
    text: bounded(text),
    at: event.at ?? deps.clock.now(),
  });
  if (outcome === 'counted') return 'answer';
  if (outcome === 'below-bar') {
    await sendNote(deps, event.author.id, event.channelId, judgeSubstance(text, minWords), false);
    return 'not-counted';
  }
  return outcome === 'unknown-thread' ? 'closed' : outcome;
}
