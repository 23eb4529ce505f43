import type { Category } from '../types.ts';

/** One revealed round's answers, for the digest's group chart. */
export interface RoundAnswers {
  localDate: string;
  category: Category;
  answers: number;
}

/** A member's points in one week beside the median of the members who scored that week. */
export interface WeekPoints {
  week: string;
  member: number;
  median: number;
}

/** Activity over time, read for charts. */
export interface ActivityStore {
  /**
   * Answers per local date in `zone` (an IANA name) from `from` to `to` (ISO dates, both included), withdrawn answers
   * left out: a member's in a channel, or the whole channel's when `memberId` is null. Days without answers are absent.
   */
  answersPerDay(channelId: string, memberId: string | null, zone: string, from: string, to: string): Promise<Record<string, number>>;
  /** The channel's revealed rounds whose local date is from `from` to `to` (both included), in date order, with their answers. */
  answersPerRound(channelId: string, from: string, to: string): Promise<RoundAnswers[]>;
  /**
   * For each week start in `weeks` (in that order): the member's points that week and the median points of the members
   * with more than 0 that week (0 when nobody scored).
   */
  weeklyPoints(channelId: string, memberId: string, weeks: string[]): Promise<WeekPoints[]>;
}
