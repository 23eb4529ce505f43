import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InstallRecord } from '../../src/core/repository/install-store.ts';
import { createRepository, type StoreRepository } from '../../src/store/repository.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

let database: TestDatabase;
let repo: StoreRepository;
beforeEach(async () => {
  database = await createTestDatabase();
  repo = createRepository(database.store.db);
});
afterEach(async () => {
  await database.drop();
});

const record = (workspaceId: string, sealed: string, keyId = 'k1'): InstallRecord => ({
  platform: 'slack',
  workspaceId,
  enterpriseId: null,
  workspaceName: `${workspaceId} name`,
  keyId,
  sealed,
});
const at = (iso: string) => new Date(iso);

describe('installations', () => {
  it('saves, replaces, finds and deletes one per platform and workspace', async () => {
    expect(await repo.saveInstall(record('T1', 'sealed-1'), at('2026-11-30T10:00:00Z'))).toBe(true);
    expect(await repo.saveInstall(record('T1', 'sealed-2'), at('2026-11-30T11:00:00Z'))).toBe(false);
    expect(await repo.findInstall('slack', 'T1')).toEqual(record('T1', 'sealed-2'));
    expect(await repo.findInstall('discord', 'T1')).toBeNull();
    const row = await database.store.db.selectFrom('installs').select(['installed_at', 'updated_at']).executeTakeFirstOrThrow();
    expect(row).toEqual({ installed_at: at('2026-11-30T10:00:00Z'), updated_at: at('2026-11-30T11:00:00Z') });
    expect(await repo.deleteInstall('slack', 'T1')).toBe(true);
    expect(await repo.deleteInstall('slack', 'T1')).toBe(false);
    expect(await repo.findInstall('slack', 'T1')).toBeNull();
  });

  it('lists those sealed by another key, and re-seals one only if it did not change meanwhile', async () => {
    await repo.saveInstall(record('T1', 'old-1', 'k1'), at('2026-11-30T10:00:00Z'));
    await repo.saveInstall(record('T2', 'new-2', 'k2'), at('2026-11-30T10:00:00Z'));
    await repo.saveInstall(record('T3', 'old-3', 'k1'), at('2026-11-30T10:00:00Z'));
    expect((await repo.installsSealedWithout('slack', 'k2', 10)).map((r) => r.workspaceId)).toEqual(['T1', 'T3']);
    expect((await repo.installsSealedWithout('slack', 'k2', 1)).map((r) => r.workspaceId)).toEqual(['T1']);
    expect(await repo.resealInstall('slack', 'T1', 'old-1', 'k2', 'resealed-1')).toBe(true);
    expect(await repo.resealInstall('slack', 'T3', 'changed-meanwhile', 'k2', 'resealed-3')).toBe(false);
    expect((await repo.findInstall('slack', 'T1'))?.sealed).toBe('resealed-1');
    expect((await repo.findInstall('slack', 'T3'))?.sealed).toBe('old-3');
    expect((await repo.installsSealedWithout('slack', 'k2', 10)).map((r) => r.workspaceId)).toEqual(['T3']);
  });
});

describe('used OAuth states', () => {
  it('accepts a state once, and remembers it for a day: refused again at 24 hours, forgotten a minute later', async () => {
    expect(await repo.useOAuthState('hash-a', at('2026-11-30T10:00:00Z'))).toBe(true);
    expect(await repo.useOAuthState('hash-a', at('2026-11-30T10:00:01Z'))).toBe(false);
    expect(await repo.useOAuthState('hash-b', at('2026-11-30T10:00:01Z'))).toBe(true);
    expect(await repo.useOAuthState('hash-a', at('2026-12-01T09:59:00Z'))).toBe(false);
    expect(await repo.useOAuthState('hash-a', at('2026-12-01T10:00:00Z'))).toBe(false);
    expect(await repo.useOAuthState('hash-a', at('2026-12-01T10:01:00Z'))).toBe(true);
  });
});

describe('channels paused when a community is lost', () => {
  it('pauses only its active channels and finds them again by reason', async () => {
    const db = database.store.db;
    await db
      .insertInto('communities')
      .values([
        { id: 'slack:T1', platform: 'slack', name: '' },
        { id: 'slack:T2', platform: 'slack', name: '' },
      ])
      .execute();
    const channel = (id: string, communityId: string, active: boolean) => ({
      id,
      community_id: communityId,
      name: id,
      active,
      organiser_ids: [],
      timezone: 'UTC',
      post_time: '09:00',
      weekdays: [1, 2, 3, 4, 5],
      reveal_delay_minutes: 360,
      categories: [],
      levels: [],
      next_post_at: active ? at('2026-12-01T09:00:00Z') : null,
    });
    await db
      .insertInto('channels')
      .values([
        channel('slack:T1:C1', 'slack:T1', true),
        channel('slack:T1:C2', 'slack:T1', false),
        channel('slack:T2:C3', 'slack:T2', true),
      ])
      .execute();
    expect(await repo.pauseCommunity('slack:T1', 'app_uninstalled')).toEqual(['slack:T1:C1']);
    expect((await repo.channelsPausedFor('slack:T1', ['app_uninstalled', 'tokens_revoked'])).map((c) => c.id)).toEqual(['slack:T1:C1']);
    expect(await repo.channelsPausedFor('slack:T1', [])).toEqual([]);
    expect(await repo.channelsPausedFor('slack:T2', ['app_uninstalled'])).toEqual([]);
    const rows = await db.selectFrom('channels').select(['id', 'active', 'paused_reason', 'next_post_at']).orderBy('id').execute();
    expect(rows).toEqual([
      { id: 'slack:T1:C1', active: false, paused_reason: 'app_uninstalled', next_post_at: null },
      { id: 'slack:T1:C2', active: false, paused_reason: null, next_post_at: null },
      { id: 'slack:T2:C3', active: true, paused_reason: null, next_post_at: at('2026-12-01T09:00:00Z') },
    ]);
  });
});
