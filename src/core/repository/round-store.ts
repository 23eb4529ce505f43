import type { Round } from '../types.ts';

export interface NewRound {
  channelId: string;
  questionId: string;
  localDate: string;
  postAt: Date;
  revealAt: Date;
  /** The claim: until then no other pass retries posting this round. */
  leaseUntil?: Date;
}

/** A round's life: created (the claim on its date), posted, skipped or revealed. */
export interface RoundStore {
  /** Creates the round for a channel's date; null when that date has one already. */
  createRound(round: NewRound): Promise<Round | null>;
  markPosted(roundId: number, messageId: string, threadId: string): Promise<void>;
  getRound(id: number): Promise<Round | null>;
  roundForDate(channelId: string, localDate: string): Promise<Round | null>;
  latestRound(channelId: string): Promise<Round | null>;
  /** Whether the round takes answers at `at`; the store's answer rule, the one that records answers. */
  takesAnswers(roundId: number, at: Date): Promise<boolean>;
  latestRevealedSeq(channelId: string): Promise<number>;
  skipRound(roundId: number): Promise<boolean>;
  markRevealed(roundId: number, at: Date): Promise<void>;
  /** Skips a round whose post never reached the platform (still posting). */
  skipStaleRound(roundId: number): Promise<void>;
}
