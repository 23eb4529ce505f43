import type { PickCandidate } from './picker.ts';
import type { PointsReason } from './points.ts';
import type { Answer, Category, Channel, LeaderboardRow, Level, Member, Question, Round, StreakState } from './types.ts';

export interface NewRound {
  channelId: string;
  questionId: string;
  localDate: string;
  postAt: Date;
  revealAt: Date;
  /** The claim: until then no other pass retries posting this round. */
  leaseUntil?: Date;
}

export interface Award {
  key: string;
  channelId: string;
  memberId: string;
  roundId: number;
  reason: PointsReason;
  points: number;
  week: string;
  at: Date;
}

export type ThreadMessageKind = 'answer' | 'discussion' | 'probe_reply';

export type AnswerInsert = 'counted' | 'already-answered' | 'duplicate';

/** The outcome of recording a thread reply as an answer in one statement, with the round it belongs to. */
export interface ThreadAnswer {
  /** `below-bar`: the round is open and the member has no answer, but the reply is below the channel's bar (substance.ts). */
  outcome: AnswerInsert | 'closed' | 'unknown-thread' | 'below-bar';
  round: Pick<Round, 'id' | 'channelId' | 'localDate' | 'status' | 'revealAt'> | null;
  /** The channel's word bar (`min-words`), when the thread is known. */
  minWords?: number;
}

export interface MemberStats {
  answers: number;
  points: number;
  weekPoints: number;
  probeReplies: number;
  votesReceived: number;
  byCategory: { category: Category; answers: number }[];
}

export interface QuestionSearch {
  categories: Category[];
  levels: Level[];
  words: string[];
}

export interface DigestRow {
  id: number;
  channelId: string;
  week: string;
  dueAt: Date;
  attempts: number;
}

/** What the weekly digest reports; gathered by the store in a few set-based queries. */
export interface DigestData {
  top: LeaderboardRow[];
  streaks: { name: string; current: number }[];
  rounds: number;
  answers: number;
  mostDiscussed: { prompt: string; replies: number } | null;
  leastAnswered: { category: Category; answers: number } | null;
}

/** Every read and write the core needs; src/store implements it with Kysely, and each write is idempotent. */
/** A channel whose post lease ends, with the time of its next post (null when it has none). */
export interface ChannelRelease {
  id: string;
  nextPostAt: Date | null;
}

export interface Repository {
  upsertCommunity(id: string, platform: string, name: string): Promise<void>;
  upsertMember(member: Member, communityId: string): Promise<void>;
  memberName(id: string): Promise<string | null>;
  memberNames(ids: string[]): Promise<Map<string, string>>;

  getChannel(id: string): Promise<Channel | null>;
  saveChannel(channel: Channel): Promise<void>;
  pauseChannel(id: string, reason: string): Promise<void>;

  questionCandidates(): Promise<PickCandidate[]>;
  questionUsage(channelId: string): Promise<Map<string, Date>>;
  getQuestion(id: string): Promise<Question | null>;
  searchQuestions(search: QuestionSearch, limit: number): Promise<Question[]>;
  categoryCounts(): Promise<{ category: Category; level: Level; count: number }[]>;

  createRound(round: NewRound): Promise<Round | null>;
  markPosted(roundId: number, messageId: string, threadId: string): Promise<void>;
  getRound(id: number): Promise<Round | null>;
  roundByThread(threadId: string): Promise<Round | null>;
  roundForDate(channelId: string, localDate: string): Promise<Round | null>;
  latestRound(channelId: string): Promise<Round | null>;
  dueReveals(now: Date, limit: number): Promise<Round[]>;
  latestRevealedSeq(channelId: string): Promise<number>;
  skipRound(roundId: number): Promise<boolean>;
  /** Deletes a round whose post never reached the platform, freeing its date for a later attempt. */
  abandonRound(roundId: number): Promise<void>;

  /** Records a platform message once; false when the same message id was seen before. */
  recordThreadMessage(messageId: string, roundId: number, memberId: string, kind: ThreadMessageKind, at: Date): Promise<boolean>;
  insertAnswer(answer: Omit<Answer, 'id'>, at: Date): Promise<AnswerInsert>;
  /**
   * Records a thread reply as the member's answer in one statement (member, answer, thread row) when the thread's
   * round is open (posted, before its reveal); otherwise reports why not, with the round.
   */
  answerInThread(threadId: string, member: Member, communityId: string, messageId: string, text: string, at: Date): Promise<ThreadAnswer>;
  answerByMessage(messageId: string): Promise<Answer | null>;
  updateAnswerText(messageId: string, text: string, at: Date): Promise<boolean>;
  withdrawAnswer(messageId: string, at: Date): Promise<boolean>;
  countedAnswers(roundId: number): Promise<Answer[]>;
  /** Whether the member has a counted (not withdrawn) answer in the round; one index lookup. */
  hasCountedAnswer(roundId: number, memberId: string): Promise<boolean>;
  addVote(answerId: number, voterId: string, at: Date): Promise<number | null>;
  votesFor(answerIds: number[]): Promise<{ answerId: number; voterId: string }[]>;

  /** Adds ledger entries (skipping keys already present) and updates the aggregates in one transaction. */
  award(entries: Award[]): Promise<number>;
  settleStreaks(channelId: string, updates: { memberId: string; state: StreakState }[]): Promise<void>;
  streaks(channelId: string, memberIds: string[]): Promise<Map<string, StreakState>>;
  leaderboard(channelId: string, period: string, limit: number): Promise<LeaderboardRow[]>;
  rankOf(channelId: string, period: string, memberId: string): Promise<LeaderboardRow | null>;
  memberStats(channelId: string, memberId: string, week: string): Promise<MemberStats>;

  claimDueChannels(now: Date, limit: number, leaseMs: number): Promise<Channel[]>;
  /** Ends the post leases of channels whose pass is done, each with its next post time; one statement. */
  releaseChannels(released: ChannelRelease[]): Promise<void>;
  claimStalePosts(now: Date, limit: number, leaseMs: number): Promise<Round[]>;
  retryLater(table: 'rounds' | 'digests', id: number, until: Date): Promise<void>;
  claimReveals(now: Date, limit: number, leaseMs: number, onlyId?: number): Promise<Round[]>;
  markRevealed(roundId: number, at: Date): Promise<void>;
  skipStaleRound(roundId: number): Promise<void>;
  dueDigestChannels(now: Date, limit: number): Promise<Channel[]>;
  setNextDigest(channelId: string, at: Date | null): Promise<void>;
  createDigest(channelId: string, week: string, dueAt: Date, now: Date, leaseMs: number, skipped?: boolean): Promise<DigestRow | null>;
  claimStaleDigests(now: Date, limit: number, leaseMs: number): Promise<DigestRow[]>;
  finishDigest(id: number, status: 'sent' | 'skipped', messageId: string | null): Promise<void>;
  digestData(channelId: string, week: string, categories: Category[]): Promise<DigestData>;
  /** Streaks alive after round `lastSeq` (current > 0), for covering a missed round with a freeze or an away period. */
  liveStreaks(channelId: string, lastSeq: number): Promise<Map<string, StreakState>>;
  setAway(channelId: string, memberId: string, until: string | null): Promise<void>;

  createPractice(memberId: string, channelId: string, questionId: string, at: Date): Promise<number>;
  latestPractice(memberId: string): Promise<{ id: number; questionId: string; revealedAt: Date | null } | null>;
  markPracticeRevealed(id: number, at: Date): Promise<void>;
}
