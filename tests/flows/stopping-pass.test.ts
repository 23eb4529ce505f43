import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addChannel } from '../helpers/channels.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await createHarness(new Date('2026-11-23T08:00:00Z'));
});
afterEach(async () => {
  await h.close();
});

const NAMES = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'];
const channelRows = () =>
  h.database.store.db.selectFrom('channels').select(['id', 'next_post_at', 'post_lease_until']).orderBy('id').execute();
const roundRows = () =>
  h.database.store.db.selectFrom('rounds').select(['channel_id', 'status', 'lease_until']).orderBy('channel_id').execute();
const posts = () => h.port.sent.filter((s) => s.kind === 'post').map((s) => s.target);

describe('a scheduler pass of a stopping service', () => {
  it('claims nothing once stopping', async () => {
    for (const name of NAMES.slice(0, 2)) await addChannel(h, `test:T1:${name}`);
    h.clock.set(new Date('2026-11-23T09:00:30Z'));
    expect(await h.mlq.tick({ stopping: () => true })).toEqual({
      posted: 0,
      recovered: 0,
      revealed: 0,
      digests: 0,
      reminders: 0,
      seasons: 0,
      failed: 0,
    });
    expect((await channelRows()).map((c) => c.post_lease_until)).toEqual([null, null]);
  });

  it('finishes the posts it started and gives back the channels it claimed but had not started, for another replica at once', async () => {
    for (const name of NAMES) await addChannel(h, `test:T1:${name}`);
    h.clock.set(new Date('2026-11-23T09:00:30Z'));
    let stopping = false;
    h.port.beforePost = () => {
      if (posts().length === 1) stopping = true;
    };
    expect(await h.mlq.tick({ concurrency: 1, stopping: () => stopping })).toMatchObject({ posted: 2, released: 4, failed: 0 });
    const due = new Date('2026-11-23T09:00:00Z');
    const tomorrow = new Date('2026-11-24T09:00:00Z');
    // Which two were posted is the store's choice (all six are due at the same instant).
    const rows = await channelRows();
    expect(rows.filter((c) => c.next_post_at?.getTime() === tomorrow.getTime()).map((c) => c.id)).toEqual(posts().sort());
    expect(rows.map((c) => c.next_post_at?.getTime() === due.getTime()).filter(Boolean)).toHaveLength(4);
    expect(rows.map((c) => c.post_lease_until)).toEqual([null, null, null, null, null, null]);

    h.port.beforePost = undefined;
    h.clock.set(new Date('2026-11-23T09:00:31Z'));
    const report = await h.mlq.tick({ concurrency: 1 });
    expect(report).toMatchObject({ posted: 4, failed: 0 });
    expect(report.released).toBeUndefined();
    expect(posts().sort()).toEqual(NAMES.map((n) => `test:T1:${n}`));
  });

  it('gives back the reveals it claimed but had not started, and the next pass reveals each once', async () => {
    for (const name of NAMES.slice(0, 3)) await addChannel(h, `test:T1:${name}`);
    h.clock.set(new Date('2026-11-23T09:00:30Z'));
    expect(await h.mlq.tick()).toMatchObject({ posted: 3 });
    const reveals = () => h.port.sent.filter((s) => s.key?.startsWith('mlq-reveal-')).map((s) => s.key);
    h.clock.set(new Date('2026-11-23T15:00:30Z'));
    expect(await h.mlq.tick({ concurrency: 1, stopping: () => reveals().length > 0 })).toMatchObject({
      revealed: 1,
      released: 2,
      failed: 0,
    });
    const lapsed = new Date('2026-11-23T15:00:30Z');
    // Which of the three is revealed first is the store's choice (they are due at the same instant).
    const states = (await roundRows()).map((r) => [r.status, r.status === 'revealed' ? null : r.lease_until]);
    expect(states.sort((x, y) => String(x[0]).localeCompare(String(y[0])))).toEqual([
      ['revealed', null],
      ['revealing', lapsed],
      ['revealing', lapsed],
    ]);
    h.clock.set(new Date('2026-11-23T15:00:31Z'));
    expect(await h.mlq.tick()).toMatchObject({ revealed: 2, failed: 0 });
    expect(reveals().sort()).toEqual(['mlq-reveal-1', 'mlq-reveal-2', 'mlq-reveal-3']);
  });
});
