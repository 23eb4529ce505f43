import type { CoreDeps } from './deps.ts';
import type { MessageDeletedEvent, MessageEditedEvent, ReactionEvent, ThreadMessageEvent } from './events.ts';
import { ledgerKey, POINTS, wordCount } from './points.ts';
import type { AnswerStore } from './repository.ts';
import { weekStart } from './schedule.ts';

/** The longest answer kept; longer text is cut here and the member told so. */
export const MAX_ANSWER_CHARS = 10_000;

/** Text as it can be stored: NUL characters (which Postgres text cannot hold) removed. */
export const storable = (text: string): string => text.replaceAll('\u0000', '');

export type ThreadOutcome = 'answer' | 'discussion' | 'probe-reply' | 'duplicate' | 'ignored' | 'too-long';

/** Records a thread reply: the first per member before the reveal is the answer, later ones are discussion. */
export async function recordThreadMessage(deps: CoreDeps, event: ThreadMessageEvent): Promise<ThreadOutcome> {
  const at = event.at ?? deps.clock.now();
  const clean = storable(event.text);
  const tooLong = clean.length > MAX_ANSWER_CHARS;
  const text = tooLong ? clean.slice(0, MAX_ANSWER_CHARS) : clean;
  const { outcome, round } = await deps.repo.answerInThread(event.threadId, event.author, event.communityId, event.messageId, text, at);
  if (!round || round.status === 'skipped') return 'ignored';
  if (outcome === 'duplicate') return 'duplicate';
  if (outcome === 'counted') {
    await deps.ports.for(event.channelId).react(event.messageId, 'answer-counted');
    return tooLong ? 'too-long' : 'answer';
  }
  if (outcome === 'already-answered') {
    const fresh = await deps.repo.recordThreadMessage(event.messageId, round.id, event.author.id, 'discussion', at);
    return fresh ? 'discussion' : 'duplicate';
  }
  await deps.repo.upsertMember(event.author, event.communityId);
  const probe = round.status === 'revealed' && wordCount(text) >= POINTS.probeReplyMinWords;
  const fresh = await deps.repo.recordThreadMessage(event.messageId, round.id, event.author.id, probe ? 'probe_reply' : 'discussion', at);
  if (!fresh) return 'duplicate';
  if (!probe) return 'discussion';
  const awarded = await deps.repo.award([
    {
      key: ledgerKey('probe_reply', round.id, event.author.id),
      channelId: round.channelId,
      memberId: event.author.id,
      roundId: round.id,
      reason: 'probe_reply',
      points: POINTS.probeReply,
      week: weekStart(round.localDate),
      at,
    },
  ]);
  if (awarded > 0) await deps.ports.for(event.channelId).react(event.messageId, 'probe-bonus');
  return awarded > 0 ? 'probe-reply' : 'discussion';
}

async function openRoundOf(deps: CoreDeps, messageId: string) {
  const answer = await deps.repo.answerByMessage(messageId);
  if (!answer) return null;
  const round = await deps.repo.getRound(answer.roundId);
  return round && round.status === 'posted' ? { answer, round } : null;
}

/** An edit before the reveal updates the answer's text; after the reveal the answer stands as it was. */
export async function editAnswer(deps: CoreDeps, event: MessageEditedEvent): Promise<boolean> {
  const open = await openRoundOf(deps, event.messageId);
  if (!open) return false;
  return deps.repo.updateAnswerText(event.messageId, storable(event.text).slice(0, MAX_ANSWER_CHARS), event.at ?? deps.clock.now());
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

export type SealedOutcome = 'answer' | 'already-answered' | 'closed' | 'duplicate' | 'empty';

/** An answer given privately (through a form): recorded by the same rule as a thread answer, shown to all at the reveal. */
export async function recordSealedAnswer(deps: CoreDeps<AnswerStore>, event: SealedAnswerEvent): Promise<SealedOutcome> {
  const text = storable(event.text).trim().slice(0, MAX_ANSWER_CHARS);
  if (!text) return 'empty';
  const { outcome } = await deps.repo.answerSealed({
    roundId: event.roundId,
    channelId: event.channelId,
    member: event.author,
    communityId: event.communityId,
    submissionId: event.submissionId,
    text,
    at: event.at ?? deps.clock.now(),
  });
  if (outcome === 'counted') return 'answer';
  return outcome === 'unknown-thread' ? 'closed' : outcome;
}
