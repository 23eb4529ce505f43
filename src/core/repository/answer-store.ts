import type { Answer, Member, Round } from '../types.ts';

export type ThreadMessageKind = 'answer' | 'discussion' | 'probe_reply';

export type AnswerInsert = 'counted' | 'already-answered' | 'duplicate';

/** The outcome of recording a reply or a sealed answer in one statement, with the round it belongs to. */
export interface ThreadAnswer {
  /** `below-bar`: the round is open and the member has no answer, but the reply is below the channel's bar (substance.ts). */
  outcome: AnswerInsert | 'closed' | 'unknown-thread' | 'below-bar';
  round: Pick<Round, 'id' | 'channelId' | 'localDate' | 'status' | 'revealAt'> | null;
  /** The channel's word bar (`min-words`), when the round is known. */
  minWords?: number;
}

/** An answer given privately (through a form) to a round of a channel. */
export interface SealedAnswerInput {
  roundId: number;
  channelId: string;
  member: Member;
  communityId: string;
  /** The platform's id for the submission; a resubmitted form is a duplicate. */
  submissionId: string;
  text: string;
  at: Date;
}

/** Answers, the thread messages around them, and peer votes. */
export interface AnswerStore {
  /**
   * Records a thread reply as the member's answer in one statement (member, answer, thread row) when the thread's
   * round takes answers; otherwise reports why not, with the round.
   */
  answerInThread(threadId: string, member: Member, communityId: string, messageId: string, text: string, at: Date): Promise<ThreadAnswer>;
  /** Records a sealed answer by the same rule and statement as a thread reply; 'unknown-thread' for a wrong round. */
  answerSealed(input: SealedAnswerInput): Promise<ThreadAnswer>;
  /** Records a platform message once; false when the same message id was seen before. */
  recordThreadMessage(messageId: string, roundId: number, memberId: string, kind: ThreadMessageKind, at: Date): Promise<boolean>;
  answerByMessage(messageId: string): Promise<Answer | null>;
  updateAnswerText(messageId: string, text: string, at: Date): Promise<boolean>;
  withdrawAnswer(messageId: string, at: Date): Promise<boolean>;
  countedAnswers(roundId: number): Promise<Answer[]>;
  /** Whether the member has a counted (not withdrawn) answer in the round; one index lookup. */
  hasCountedAnswer(roundId: number, memberId: string): Promise<boolean>;
  /** Records a peer vote once; the vote's position among the answer's votes, or null for a repeat. */
  addVote(answerId: number, voterId: string, at: Date): Promise<number | null>;
  votesFor(answerIds: number[]): Promise<{ answerId: number; voterId: string }[]>;
}
