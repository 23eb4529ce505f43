import type { Kysely } from 'kysely';
import type {
  ActivityStore,
  AnswerStore,
  ArchiveStore,
  BankStore,
  ChannelStore,
  CommunityAccessStore,
  DigestStore,
  InstallStore,
  MockStore,
  PairsStore,
  PrivacyStore,
  Repository,
  ReviewStore,
  RoundStore,
  ScoreStore,
  SeasonStore,
  SuggestionStore,
  WebStore,
  WorkClaims,
} from '../core/repository.ts';
import { activityRepo } from './activity-repo.ts';
import { answersRepo } from './answers-repo.ts';
import { archiveRepo } from './archive-repo.ts';
import { bankRepo } from './bank-repo.ts';
import { channelsRepo } from './channels-repo.ts';
import { claimsRepo } from './claims-repo.ts';
import { communityAccessRepo } from './community-access-repo.ts';
import { digestRepo } from './digest-repo.ts';
import { installsRepo } from './installs-repo.ts';
import { mockRepo } from './mock-repo.ts';
import { pairsRepo } from './pairs-repo.ts';
import { privacyRepo } from './privacy-repo.ts';
import { remindersRepo } from './reminders-repo.ts';
import { reviewsRepo } from './reviews-repo.ts';
import { roundsRepo } from './rounds-repo.ts';
import type { Database } from './schema.ts';
import { scoresRepo } from './scores-repo.ts';
import { seasonsRepo } from './seasons-repo.ts';
import { suggestionsRepo } from './suggestions-repo.ts';
import { webRepo } from './web-repo.ts';

/** The Kysely implementation of the core's repository, one part per role port, plus the bank sync that start-up uses. */
export function createRepository(db: Kysely<Database>) {
  const repository = {
    ...(channelsRepo(db) satisfies ChannelStore),
    ...(roundsRepo(db) satisfies RoundStore),
    ...(claimsRepo(db) satisfies WorkClaims),
    ...(answersRepo(db) satisfies AnswerStore),
    ...(scoresRepo(db) satisfies ScoreStore),
    ...(digestRepo(db) satisfies DigestStore),
    ...(bankRepo(db) satisfies BankStore),
    ...({ ...reviewsRepo(db), ...remindersRepo(db) } satisfies ReviewStore),
    ...(archiveRepo(db) satisfies ArchiveStore),
    ...(pairsRepo(db) satisfies PairsStore),
    ...(suggestionsRepo(db) satisfies SuggestionStore),
    ...(seasonsRepo(db) satisfies SeasonStore),
    ...(privacyRepo(db) satisfies PrivacyStore),
    ...(mockRepo(db) satisfies MockStore),
    ...(activityRepo(db) satisfies ActivityStore),
    ...(communityAccessRepo(db) satisfies CommunityAccessStore),
    ...(installsRepo(db) satisfies InstallStore),
    ...(webRepo(db) satisfies WebStore),
  };
  return repository satisfies Repository;
}

export type StoreRepository = ReturnType<typeof createRepository>;
