import type { CardState, GradeSource, Mastery, Rating } from '../review-rules.ts';
import type { Round } from '../types.ts';

/** A member's FSRS card for one question. */
export interface ReviewCard extends CardState {
  id: number;
  memberId: string;
  questionId: string;
  channelId: string;
  lastGradeId: number | null;
}

/** A stored self-grade: the key points ticked (0-based) of `total`. */
export interface Grade {
  id: number;
  ticked: number[];
  total: number;
  rating: Rating;
}

export interface GradeInput {
  memberId: string;
  questionId: string;
  source: GradeSource;
  sourceId: string;
  channelId: string;
  roundId: number | null;
  ticked: number[];
  total: number;
  rating: Rating;
  at: Date;
}

/**
 * `new`: a first grade, which scheduled the card. `changed`: a grade changed while it was the card's latest review
 * (rescheduled from the card as it was before it). `same`: a replay with the same ticks. `kept`: a changed grade
 * stored while the card has moved on (reviewed again since), which leaves the card as it is.
 */
export type GradeStatus = 'new' | 'changed' | 'same' | 'kept';

export interface GradeOutcome {
  status: GradeStatus;
  card: ReviewCard;
}

/** The pure scheduling rule the store applies inside its transaction (scheduleCard). */
export type Scheduler = (before: CardState | null, rating: Rating, at: Date) => CardState;

/** A member's learning at a glance, for `/mlq stats`. */
export interface LearningStats {
  reviews: number;
  grades: number;
  byCategory: Mastery[];
  dueNow: number;
  nextDue: Date[];
}

/** A member's daily review reminder. */
export interface Reminder {
  memberId: string;
  channelId: string;
  time: string;
  timezone: string;
  nextAt: Date;
}

/** The least-ticked key point of a channel's week, for the digest. */
export interface LeastTicked {
  prompt: string;
  point: string;
  ticked: number;
  graded: number;
}

/** Self-grades, review cards, the review log and reminders; each write idempotent. */
export interface ReviewStore {
  /** Stores a grade and schedules the card in one transaction; one grade per member, source and source id. */
  saveGrade(input: GradeInput, schedule: Scheduler): Promise<GradeOutcome>;
  /**
   * Adds a new card for the member's question, due at `at` (a member's own pick, such as from the archive); false when
   * the member has a card for that question already, which is left as it is.
   */
  addReviewCard(memberId: string, questionId: string, channelId: string, at: Date): Promise<boolean>;
  gradeOf(memberId: string, source: GradeSource, sourceId: string): Promise<Grade | null>;
  reviewCard(id: number): Promise<ReviewCard | null>;
  /** The member's earliest due card (due at or before `now`) and how many are due. */
  nextDueCard(memberId: string, now: Date): Promise<{ card: ReviewCard | null; due: number }>;
  /** When the member's next `limit` cards are due, due ones included. */
  upcomingDue(memberId: string, limit: number): Promise<Date[]>;
  learningStats(memberId: string, now: Date): Promise<LearningStats>;
  reminder(memberId: string): Promise<Reminder | null>;
  setReminder(reminder: Reminder | { memberId: string; off: true }): Promise<void>;
  /** Leases reminders due at `now` (SKIP LOCKED), so each is taken by one replica. */
  claimReminders(now: Date, limit: number, leaseMs: number): Promise<Reminder[]>;
  /** Ends the leases, each reminder with its next time; one statement. */
  releaseReminders(next: { memberId: string; nextAt: Date }[]): Promise<void>;
  /** Members among `memberIds` with at least one card due at `now`. */
  membersWithDueCards(memberIds: string[], now: Date): Promise<Set<string>>;
  /** Members among `memberIds` away (`/mlq away`) in any channel on the local date `date` or later. */
  membersAway(memberIds: string[], date: string): Promise<Set<string>>;
  /** The latest revealed round of a channel before `before` (a local date), for the guidance posted with the next round. */
  previousRevealedRound(channelId: string, before: string): Promise<Round | null>;
  /** Marks a round's guidance as posted; false when it was already (another replica or an earlier pass). */
  claimGuidance(roundId: number, at: Date): Promise<boolean>;
  leastTickedPoint(channelId: string, from: string, to: string): Promise<LeastTicked | null>;
}
