import type { Kysely } from 'kysely';
import type {
  AnswerStore,
  ArchiveStore,
  BankStore,
  ChannelStore,
  DigestStore,
  MockStore,
  Repository,
  ReviewStore,
  RoundStore,
  ScoreStore,
  WorkClaims,
} from '../core/repository.ts';
import { answersRepo } from './answers-repo.ts';
import { archiveRepo } from './archive-repo.ts';
import { bankRepo } from './bank-repo.ts';
import { channelsRepo } from './channels-repo.ts';
import { claimsRepo } from './claims-repo.ts';
import { digestRepo } from './digest-repo.ts';
import { mockRepo } from './mock-repo.ts';
import { remindersRepo } from './reminders-repo.ts';
import { reviewsRepo } from './reviews-repo.ts';
import { roundsRepo } from './rounds-repo.ts';
import type { Database } from './schema.ts';
import { scoresRepo } from './scores-repo.ts';

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
    ...(mockRepo(db) satisfies MockStore),
  };
  return repository satisfies Repository;
}

export type StoreRepository = ReturnType<typeof createRepository>;
