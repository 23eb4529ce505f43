import { type Kysely, sql } from 'kysely';
import type { InstallRecord } from '../core/repository/install-store.ts';
import type { Database } from './schema.ts';

/** How long a used OAuth state is remembered; Bolt refuses states older than ten minutes anyway. */
const STATE_MEMORY = '1 day';

type Row = { platform: string; workspace_id: string; enterprise_id: string | null; workspace_name: string; key_id: string; sealed: string };

const toRecord = (row: Row): InstallRecord => ({
  platform: row.platform,
  workspaceId: row.workspace_id,
  enterpriseId: row.enterprise_id,
  workspaceName: row.workspace_name,
  keyId: row.key_id,
  sealed: row.sealed,
});

const COLUMNS = ['platform', 'workspace_id', 'enterprise_id', 'workspace_name', 'key_id', 'sealed'] as const;

export function installsRepo(db: Kysely<Database>) {
  return {
    async saveInstall(record: InstallRecord, now: Date): Promise<boolean> {
      const values = {
        enterprise_id: record.enterpriseId,
        workspace_name: record.workspaceName,
        key_id: record.keyId,
        sealed: record.sealed,
        updated_at: now,
      };
      const row = await db
        .insertInto('installs')
        .values({ platform: record.platform, workspace_id: record.workspaceId, installed_at: now, ...values })
        .onConflict((oc) => oc.columns(['platform', 'workspace_id']).doUpdateSet(values))
        .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
        .executeTakeFirstOrThrow();
      return row.inserted;
    },

    async findInstall(platform: string, workspaceId: string): Promise<InstallRecord | null> {
      const row = await db
        .selectFrom('installs')
        .select(COLUMNS)
        .where('platform', '=', platform)
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirst();
      return row ? toRecord(row) : null;
    },

    async deleteInstall(platform: string, workspaceId: string): Promise<boolean> {
      const deleted = await db
        .deleteFrom('installs')
        .where('platform', '=', platform)
        .where('workspace_id', '=', workspaceId)
        .returning('workspace_id')
        .executeTakeFirst();
      return deleted !== undefined;
    },

    async installsSealedWithout(platform: string, keyId: string, limit: number): Promise<InstallRecord[]> {
      const rows = await db
        .selectFrom('installs')
        .select(COLUMNS)
        .where('platform', '=', platform)
        .where('key_id', '<>', keyId)
        .orderBy('workspace_id')
        .limit(limit)
        .execute();
      return rows.map(toRecord);
    },

    async resealInstall(platform: string, workspaceId: string, fromSealed: string, keyId: string, sealed: string): Promise<boolean> {
      const row = await db
        .updateTable('installs')
        .set({ key_id: keyId, sealed })
        .where('platform', '=', platform)
        .where('workspace_id', '=', workspaceId)
        .where('sealed', '=', fromSealed)
        .returning('workspace_id')
        .executeTakeFirst();
      return row !== undefined;
    },

    async useOAuthState(stateHash: string, now: Date): Promise<boolean> {
      await db.deleteFrom('oauth_states').where('used_at', '<', sql<Date>`${now}::timestamptz - ${STATE_MEMORY}::interval`).execute();
      const inserted = await db
        .insertInto('oauth_states')
        .values({ state_hash: stateHash, used_at: now })
        .onConflict((oc) => oc.column('state_hash').doNothing())
        .returning('state_hash')
        .executeTakeFirst();
      return inserted !== undefined;
    },
  };
}
