import type { Kysely } from 'kysely';
import type { Repository } from '../core/repository.ts';
import { answersRepo } from './answers-repo.ts';
import { channelsRepo } from './channels-repo.ts';
import { questionsRepo } from './questions-repo.ts';
import { roundsRepo } from './rounds-repo.ts';
import type { Database } from './schema.ts';
import { scoresRepo } from './scores-repo.ts';
import { workRepo } from './work-repo.ts';
import { digestRepo } from './digest-repo.ts';

/** The Kysely implementation of the core's repository, plus the bank sync that start-up uses. */
export function createRepository(db: Kysely<Database>) {
  const repository = {
    ...channelsRepo(db),
    ...questionsRepo(db),
    ...roundsRepo(db),
    ...answersRepo(db),
    ...scoresRepo(db),
    ...workRepo(db),
    ...digestRepo(db),
  };
  return repository satisfies Repository;
}

export type StoreRepository = ReturnType<typeof createRepository>;
