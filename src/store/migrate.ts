import type { Kysely } from 'kysely';
import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';
import * as initial from '../../migrations/0001-initial.ts';
import * as scheduling from '../../migrations/0002-scheduling.ts';
import * as threadAnswers from '../../migrations/0003-thread-answers.ts';

const migrations: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-scheduling': scheduling,
  '0003-thread-answers': threadAnswers,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema to the latest migration; safe to run from several replicas at once (Kysely takes a lock). */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
