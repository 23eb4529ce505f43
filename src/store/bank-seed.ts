import { createHash } from 'node:crypto';
import { type BankEntry, bankRepo } from './bank-repo.ts';
import type { StoreSeed } from './connect.ts';

/**
 * The bank as a store seed: its key is a hash of every question's id and content hash, so the cached seeded copy is
 * used only for the bank it was made from. The start-up sync still runs after it and finds nothing to do.
 */
export function bankSeed(entries: BankEntry[]): StoreSeed {
  const key = createHash('sha256')
    .update(
      entries
        .map((e) => `${e.question.id}:${e.hash}`)
        .sort()
        .join('\n'),
    )
    .digest('hex')
    .slice(0, 12);
  return { key, apply: async (db) => void (await bankRepo(db).syncQuestions(entries, new Date())) };
}
