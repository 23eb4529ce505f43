import type { PastCycle } from '../pairing.ts';
import type { Channel, Level } from '../types.ts';

/** A member's opt-in to a channel's pairs. */
export interface PairEnrolment {
  channelId: string;
  memberId: string;
  level: Level;
  timezone: string;
  active: boolean;
  /** YYYY-MM-DD: skipped in cycles dated before this day. */
  snoozedUntil: string | null;
}

/** One interview of a group, with the question the candidate gets. */
export interface PairTurnRow {
  interviewer: string;
  candidate: string;
  questionId: string | null;
}

export type PairGroupStatus = 'posting' | 'posted' | 'done';

/** A pair or trio of one cycle, with its space once opened. */
export interface PairGroupRow {
  id: number;
  cycleId: number;
  channelId: string;
  localDate: string;
  members: string[];
  status: PairGroupStatus;
  spaceId: string | null;
  attempts: number;
  /** Messages of the group's post already sent: 1 once the roles are posted, then one more per pack. */
  progress: number;
  checkinAt: Date;
  turns: PairTurnRow[];
}

/** A cycle to record: its groups (in role order, with turns and questions) and who sat out or was snoozed. */
export interface NewPairCycle {
  channelId: string;
  localDate: string;
  dueAt: Date;
  unmatched: string[];
  snoozed: string[];
  checkinAt: Date;
  groups: { members: string[]; turns: PairTurnRow[] }[];
}

export type CheckinAnswer = 'yes' | 'not_yet' | 'skip';

export interface PairFeedback {
  groupId: number;
  fromMember: string;
  toMember: string;
  structure: string;
  depth: string;
  communication: string;
  advice: string;
}

/** Pairs: opt-ins, cycles (one per channel and date), groups leased while posted, check-ins and feedback. */
export interface PairsStore {
  savePairMember(enrolment: PairEnrolment, at: Date): Promise<void>;
  pairMember(channelId: string, memberId: string): Promise<PairEnrolment | null>;
  /** Active opt-ins of a channel (snoozed ones included: the matching skips them by date). */
  pairMembers(channelId: string): Promise<PairEnrolment[]>;
  /** The channel's last `limit` cycles, newest first. */
  pairHistory(channelId: string, limit: number): Promise<PastCycle[]>;
  /** Questions each member answered in a round or was given in a pair, by member id. */
  questionsSeen(memberIds: string[]): Promise<Map<string, Set<string>>>;
  /** Leases channels whose pairing cycle is due (SKIP LOCKED), so one pass makes each cycle. */
  claimDuePairChannels(now: Date, limit: number, leaseMs: number): Promise<Channel[]>;
  releasePairChannel(channelId: string, nextPairsAt: Date | null): Promise<void>;
  /** Records a cycle and its groups in one transaction; null when the channel already has a cycle on that date. */
  createPairCycle(cycle: NewPairCycle, at: Date): Promise<number | null>;
  /** Leases groups to post (`posting`) and groups whose check-in is due (`posted`), each once across replicas. */
  claimPairGroups(now: Date, limit: number, leaseMs: number): Promise<PairGroupRow[]>;
  setPairSpace(groupId: number, spaceId: string): Promise<void>;
  setPairProgress(groupId: number, progress: number): Promise<void>;
  finishPairGroup(groupId: number, status: 'posted' | 'done'): Promise<void>;
  pairGroup(groupId: number): Promise<PairGroupRow | null>;
  /** The member's group in the channel's latest cycle, or null when they sat out or there is none. */
  latestPairGroup(channelId: string, memberId: string): Promise<PairGroupRow | null>;
  latestPairCycleDate(channelId: string): Promise<string | null>;
  /** Stores (or changes) a member's check-in answer; returns every answer of the group. */
  recordCheckin(groupId: number, memberId: string, answer: CheckinAnswer, at: Date): Promise<Map<string, CheckinAnswer>>;
  /** Stores a member's feedback once per group; false when they had sent it already. */
  saveFeedback(feedback: PairFeedback, at: Date): Promise<boolean>;
  /** Marks a feedback delivered and returns it, once: null when it is delivered already (or missing). */
  claimFeedbackDelivery(groupId: number, fromMember: string, at: Date): Promise<PairFeedback | null>;
  /** Undoes a claim whose delivery failed, so that sending the form again delivers it. */
  releaseFeedbackDelivery(groupId: number, fromMember: string): Promise<void>;
}
