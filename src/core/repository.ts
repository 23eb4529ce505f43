import type { ActivityStore } from './repository/activity-store.ts';
import type { AnswerStore } from './repository/answer-store.ts';
import type { ArchiveStore } from './repository/archive-store.ts';
import type { BankStore } from './repository/bank-store.ts';
import type { ChannelStore } from './repository/channel-store.ts';
import type { CommunityAccessStore } from './repository/community-access-store.ts';
import type { DigestStore } from './repository/digest-store.ts';
import type { MockStore } from './repository/mock-store.ts';
import type { PairsStore } from './repository/pairs-store.ts';
import type { PrivacyStore } from './repository/privacy-store.ts';
import type { ReviewStore } from './repository/review-store.ts';
import type { RoundStore } from './repository/round-store.ts';
import type { ScoreStore } from './repository/score-store.ts';
import type { SeasonStore } from './repository/season-store.ts';
import type { SuggestionStore } from './repository/suggestion-store.ts';
import type { WebStore } from './repository/web-store.ts';
import type { WorkClaims } from './repository/work-claims.ts';

export type { ActivityStore } from './repository/activity-store.ts';
export type { AnswerInsert, AnswerStore, SealedAnswerInput, ThreadAnswer, ThreadMessageKind } from './repository/answer-store.ts';
export type { ArchivePage, ArchiveQuery, ArchiveRound, ArchiveStore } from './repository/archive-store.ts';
export { ARCHIVE_LIMITS } from './repository/archive-store.ts';
export type { BankStore, Practice, QuestionSearch } from './repository/bank-store.ts';
export type { ChannelStore } from './repository/channel-store.ts';
export type { CommunityAccessStore } from './repository/community-access-store.ts';
export type { DigestData, DigestRow, DigestStore } from './repository/digest-store.ts';
export type { InstallRecord, InstallStore } from './repository/install-store.ts';
export type { LeaseStore } from './repository/lease-store.ts';
export type { MockStore, NewMockSession } from './repository/mock-store.ts';
export type {
  CheckinAnswer,
  NewPairCycle,
  PairEnrolment,
  PairFeedback,
  PairGroupRow,
  PairGroupStatus,
  PairsStore,
  PairTurnRow,
} from './repository/pairs-store.ts';
export type { ErasureReport, PrivacyStore } from './repository/privacy-store.ts';
export type {
  Grade,
  GradeInput,
  GradeOutcome,
  GradeStatus,
  LearningStats,
  LeastTicked,
  Reminder,
  ReviewCard,
  ReviewStore,
  Scheduler,
} from './repository/review-store.ts';
export type { NewRound, RoundStore } from './repository/round-store.ts';
export type { Award, MemberStats, ScoreStore } from './repository/score-store.ts';
export type { SeasonData, SeasonDue, SeasonResultRow, SeasonStore } from './repository/season-store.ts';
export type {
  Decision,
  NewSuggestion,
  Suggestion,
  SuggestionScope,
  SuggestionStatus,
  SuggestionStore,
} from './repository/suggestion-store.ts';
export type { WebPage, WebStore } from './repository/web-store.ts';
export type { ChannelRelease, WorkClaims } from './repository/work-claims.ts';

/** Every read and write the core needs, as the sum of its role ports; src/store implements each, every write idempotent. */
export interface Repository
  extends ChannelStore,
    RoundStore,
    WorkClaims,
    AnswerStore,
    ScoreStore,
    DigestStore,
    BankStore,
    ReviewStore,
    ArchiveStore,
    PairsStore,
    SuggestionStore,
    SeasonStore,
    PrivacyStore,
    MockStore,
    ActivityStore,
    CommunityAccessStore,
    WebStore {}
