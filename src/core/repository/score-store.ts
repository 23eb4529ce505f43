import type { PointsReason } from '../points.ts';
import type { Category, LeaderboardRow, StreakState } from '../types.ts';

export interface Award {
  key: string;
  channelId: string;
  memberId: string;
  /** Null for points earned outside a round (a pair's check-in). */
  roundId: number | null;
  reason: PointsReason;
  points: number;
  week: string;
  /** The channel's local date of points earned outside a round, whose month and quarter boards they join. */
  localDate?: string;
  at: Date;
}

export interface MemberStats {
  answers: number;
  points: number;
  weekPoints: number;
  probeReplies: number;
  votesReceived: number;
  byCategory: { category: Category; answers: number }[];
}

/** Points (a ledger with aggregates), streaks and the boards built on them. */
export interface ScoreStore {
  /** Adds ledger entries (skipping keys already present) and updates the aggregates in one transaction. */
  award(entries: Award[]): Promise<number>;
  settleStreaks(channelId: string, updates: { memberId: string; state: StreakState }[]): Promise<void>;
  streaks(channelId: string, memberIds: string[]): Promise<Map<string, StreakState>>;
  /** Streaks alive after round `lastSeq` (current > 0), for covering a missed round with a freeze or an away period. */
  liveStreaks(channelId: string, lastSeq: number): Promise<Map<string, StreakState>>;
  setAway(channelId: string, memberId: string, until: string | null): Promise<void>;
  leaderboard(channelId: string, period: string, limit: number): Promise<LeaderboardRow[]>;
  rankOf(channelId: string, period: string, memberId: string): Promise<LeaderboardRow | null>;
  memberStats(channelId: string, memberId: string, week: string): Promise<MemberStats>;
  /** The points a member earned in one round (answer, peer votes, probe reply). */
  roundPoints(roundId: number, memberId: string): Promise<number>;
}
