export const CATEGORIES = [
  'fundamentals',
  'statistics',
  'evaluation',
  'features',
  'deep-learning',
  'mlops',
  'system-design',
  'case-studies',
  'behavioural',
  'coding',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_NAMES: Record<Category, string> = {
  fundamentals: 'Fundamentals',
  statistics: 'Statistics and probability',
  evaluation: 'Model evaluation',
  features: 'Feature engineering and data',
  'deep-learning': 'Deep learning',
  mlops: 'Production and MLOps',
  'system-design': 'ML system design',
  'case-studies': 'Applied case studies',
  behavioural: 'Behavioural and communication',
  coding: 'ML coding',
};

export const LEVELS = ['junior', 'mid', 'senior'] as const;
export type Level = (typeof LEVELS)[number];

export interface Probe {
  question: string;
  guidance: string;
}

/** The structured path through a case study or a design question. */
export interface Approach {
  objective: string;
  options: string;
  choice: string;
  limits: string;
  metrics: string;
  monitoring: string;
}

/** A coding question's reference solution: Python with NumPy, and the checks a reviewer runs in their head. */
export interface Solution {
  code: string;
  complexity: string;
  edge_cases: string[];
  /** One Python statement each (normally an assert), run after `code`. */
  tests: string[];
}

/** The shape of a strong behavioural story. */
export interface Story {
  situation: string;
  task: string;
  action: string;
  result: string;
  listen_for: string;
}

export interface Question {
  id: string;
  category: Category;
  level: Level;
  prompt: string;
  /** The strong answer in one line of at most 25 words. */
  tldr?: string;
  strong_answer: string;
  weak_answer: string;
  key_points: string[];
  probes: Probe[];
  tags: string[];
  approach?: Approach;
  story?: Story;
  solution?: Solution;
  /** The member who suggested it, for an approved member suggestion (never in a bank file). */
  suggested_by?: string;
}

/** ISO weekday numbers, 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A channel's schedule and question mix, as an organiser sets them. */
export interface ChannelSettings {
  timezone: string;
  postTime: string;
  weekdays: Weekday[];
  revealDelayMinutes: number;
  /** A fixed local reveal time (HH:MM) instead of the delay, when set. */
  revealTime?: string | null;
  categories: Category[];
  levels: Level[];
  /** Weekday of the weekly digest, or null for none. */
  digestWeekday?: Weekday | null;
  digestTime?: string;
  /** Easier questions early in the week, harder later. */
  ramp?: boolean;
  /** Words a reply needs to count as an answer (0: no word bar); DEFAULT_MIN_WORDS when unset. */
  minWords?: number;
  /** Weekday of the mock-interview pairing cycle, or null for no pairs; unchanged when undefined. */
  pairsWeekday?: Weekday | null;
  /** Local HH:MM of the pairing cycle. */
  pairsTime?: string;
  /** A cycle every week (1) or every two weeks (2). */
  pairsEveryWeeks?: 1 | 2;
  /** How long a season (and its board) runs; a quarter when unset. */
  seasonLength?: 'month' | 'quarter';
  /** A platform role given to each season's champion (Discord), or null for none. */
  championRoleId?: string | null;
}

export interface Channel extends ChannelSettings {
  id: string;
  communityId: string;
  name: string;
  active: boolean;
  organiserIds: string[];
  nextPostAt: Date | null;
  nextDigestAt?: Date | null;
  /** When the next pairing cycle is made; unchanged when undefined. */
  nextPairsAt?: Date | null;
}

export type RoundStatus = 'posting' | 'posted' | 'revealing' | 'revealed' | 'skipped';

export interface Round {
  id: number;
  channelId: string;
  questionId: string;
  localDate: string;
  seq: number | null;
  status: RoundStatus;
  postAt: Date;
  revealAt: Date;
  messageId: string | null;
  threadId: string | null;
  answerCount: number;
  attempts?: number;
}

export interface Member {
  id: string;
  name: string;
}

export interface Answer {
  id: number;
  roundId: number;
  memberId: string;
  messageId: string;
  text: string;
  sealed: boolean;
}

/** A member's streak row; `lastSeq` is the sequence number of the last revealed round they answered. */
export interface StreakState {
  current: number;
  best: number;
  lastSeq: number;
  /** Freezes held: each covers one missed round. */
  freezes?: number;
  /** Local date (YYYY-MM-DD) until which the member is away and missed rounds do not break the streak. */
  awayUntil?: string | null;
}

export interface LeaderboardRow {
  memberId: string;
  name: string;
  points: number;
  rank: number;
}

export type Period = 'week' | 'all' | 'month' | 'season';
