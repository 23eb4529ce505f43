import { afterEach, describe, expect, it } from 'vitest';
import { accessLost, accessRestored } from '../../src/core/community-access.ts';
import { addChannel } from '../helpers/channels.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const rows = () =>
  h!.database.store.db.selectFrom('channels').select(['id', 'active', 'paused_reason', 'next_post_at']).orderBy('id').execute();

describe('a community whose access the platform takes away and gives back', () => {
  // Monday 30 November 23:30 UTC is already Tuesday 10:30 in Sydney, after that day's 09:00 round and its 10:00 reveal.
  const NOW = new Date('2026-11-30T23:30:00Z');

  it('pauses only its active channels with the reason, and resumes only those paused so, at their next round', async () => {
    h = await createHarness(NOW);
    await addChannel(h, 'test:a', { timezone: 'Australia/Sydney', revealDelayMinutes: 60 });
    await addChannel(h, 'test:b');
    await addChannel(h, 'test:d', { timezone: 'Australia/Sydney', revealDelayMinutes: 60 });
    const other = await addChannel(h, 'test:o');
    await h.repo.upsertCommunity('other', 'test', 'Other');
    await h.repo.saveChannel({ ...other, id: 'other:c', communityId: 'other' });
    await h.repo.pauseChannel('test:b', 'organiser');

    expect(await accessLost(h.deps, 'test', 'app_uninstalled')).toEqual(['test:a', 'test:d', 'test:o']);
    expect(await accessLost(h.deps, 'test', 'app_uninstalled')).toEqual([]);
    await h.database.store.db.updateTable('channels').set({ paused_reason: 'tokens_revoked' }).where('id', '=', 'test:d').execute();
    expect(await rows()).toEqual([
      { id: 'other:c', active: true, paused_reason: null, next_post_at: new Date('2026-12-01T09:00:00Z') },
      { id: 'test:a', active: false, paused_reason: 'app_uninstalled', next_post_at: null },
      { id: 'test:b', active: false, paused_reason: 'organiser', next_post_at: null },
      { id: 'test:d', active: false, paused_reason: 'tokens_revoked', next_post_at: null },
      { id: 'test:o', active: false, paused_reason: 'app_uninstalled', next_post_at: null },
    ]);

    expect(await accessRestored(h.deps, 'other')).toEqual([]);
    expect(await accessRestored(h.deps, 'test')).toEqual(['test:a', 'test:d', 'test:o']);
    expect(await rows()).toEqual([
      { id: 'other:c', active: true, paused_reason: null, next_post_at: new Date('2026-12-01T09:00:00Z') },
      // Wednesday 09:00 in Sydney: Tuesday's round there is over although it is still Monday in UTC.
      { id: 'test:a', active: true, paused_reason: null, next_post_at: new Date('2026-12-01T22:00:00Z') },
      { id: 'test:b', active: false, paused_reason: 'organiser', next_post_at: null },
      { id: 'test:d', active: true, paused_reason: null, next_post_at: new Date('2026-12-01T22:00:00Z') },
      { id: 'test:o', active: true, paused_reason: null, next_post_at: new Date('2026-12-01T09:00:00Z') },
    ]);
    expect(await accessRestored(h.deps, 'test')).toEqual([]);
  });
});
