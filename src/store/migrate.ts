import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import * as initial from '../../migrations/0001-initial.ts';
import * as scheduling from '../../migrations/0002-scheduling.ts';
import * as threadAnswers from '../../migrations/0003-thread-answers.ts';
import * as usageIndex from '../../migrations/0004-usage-index.ts';
import * as minWords from '../../migrations/0005-min-words.ts';
import * as answerRule from '../../migrations/0006-answer-rule.ts';
import * as gradesReviews from '../../migrations/0007-grades-reviews.ts';
import * as archiveSearch from '../../migrations/0008-archive-search.ts';
import * as pairs from '../../migrations/0010-pairs.ts';
import * as suggestions from '../../migrations/0011-suggestions.ts';
import * as privacySeasons from '../../migrations/0012-privacy-seasons.ts';
import * as mockSessions from '../../migrations/0013-mock-sessions.ts';
import * as webPages from '../../migrations/0014-web-pages.ts';
import * as slackInstallations from '../../migrations/0015-slack-installations.ts';
import * as leases from '../../migrations/0016-leases.ts';
import * as rateSlots from '../../migrations/0017-rate-slots.ts';
import * as memberReads from '../../migrations/0018-member-reads.ts';
import { installDir } from '../cache-dir.ts';

const migrations: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-scheduling': scheduling,
  '0003-thread-answers': threadAnswers,
  '0004-usage-index': usageIndex,
  '0005-min-words': minWords,
  '0006-answer-rule': answerRule,
  '0007-grades-reviews': gradesReviews,
  '0008-archive-search': archiveSearch,
  '0010-pairs': pairs,
  '0011-suggestions': suggestions,
  '0012-privacy-seasons': privacySeasons,
  '0013-mock-sessions': mockSessions,
  '0014-web-pages': webPages,
  '0015-slack-installations': slackInstallations,
  '0016-leases': leases,
  '0017-rate-slots': rateSlots,
  '0018-member-reads': memberReads,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Whether any known migration is not yet recorded; one cheap read that spares a restart Kysely's locking (~0.2 s). */
async function anyPending(db: Kysely<any>): Promise<boolean> {
  try {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    const done = new Set(rows.map((r) => r.name));
    return Object.keys(migrations).some((name) => !done.has(name));
  } catch {
    return true;
  }
}

/** Brings the schema to the latest migration; safe to run from several replicas at once (Kysely takes a lock). */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  if (!(await anyPending(db))) return [];
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * Identifies the schema the migrations build, for caching a migrated PGlite template: their names, and their
 * files' text when the install has them (so that editing a migration in development makes a new template).
 */
export function schemaKey(dir = join(installDir(), 'migrations')): string {
  const hash = createHash('sha256').update(Object.keys(migrations).join('\n'));
  for (const name of Object.keys(migrations)) {
    try {
      hash.update(readFileSync(join(dir, `${name}.ts`)));
    } catch {
      hash.update('-');
    }
  }
  return hash.digest('hex').slice(0, 12);
}
