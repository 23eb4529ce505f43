import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command, createHarness, type Harness, member } from '../helpers/harness.ts';

let h: Harness;
const ada = member('ada');

beforeAll(async () => {
  h = await createHarness(new Date('2026-11-23T08:00:00Z'));
});
afterAll(async () => {
  await h.close();
});

describe('the core as platforms call it', () => {
  it('subscribes a channel once with the default schedule, and leaves an existing one as it is', async () => {
    const created = await h.mlq.ensureChannel({ ...h.deps.defaults, id: 'test:T1:A1', communityId: 'test', name: 'general' });
    expect(created).toMatchObject({ id: 'test:T1:A1', active: true, organiserIds: [], nextPostAt: null, postTime: '09:00' });
    const community = await h.database.store.db.selectFrom('communities').selectAll().where('id', '=', 'test').executeTakeFirst();
    expect(community?.platform).toBe('test');
    await command(h, 'test:T1:A1', { id: 'test:admin', name: 'admin' }, '/mlq config time 10:00');
    const again = await h.mlq.ensureChannel({ ...h.deps.defaults, id: 'test:T1:A1', communityId: 'test', name: 'renamed' });
    expect(again).toMatchObject({ name: 'general', postTime: '10:00' });
  });

  it("starts today's round of a known channel only, and reads it back as the current round", async () => {
    expect(await h.mlq.startToday('test:T1:none')).toBeNull();
    expect(await h.mlq.currentRound('test:T1:A2')).toBeNull();
    await h.mlq.ensureChannel({ ...h.deps.defaults, id: 'test:T1:A2', communityId: 'test', name: 'a2' });
    const round = await h.mlq.startToday('test:T1:A2');
    expect(round).toMatchObject({ channelId: 'test:T1:A2', localDate: '2026-11-23' });
    expect((await h.mlq.currentRound('test:T1:A2'))?.id).toBe(round!.id);
    expect(h.port.of('post').filter((p) => p.target === 'test:T1:A2')).toHaveLength(1);
  });

  it('names the open practice question until its answer is shown', async () => {
    expect(await h.mlq.openPractice(ada.id)).toBeNull();
    await command(h, 'test:T1:A3', ada, '/mlq ask statistics');
    const practice = await h.database.store.db
      .selectFrom('practices')
      .select('id')
      .where('member_id', '=', ada.id)
      .executeTakeFirstOrThrow();
    expect(await h.mlq.openPractice(ada.id)).toBe(practice.id);
    await command(h, 'test:T1:A3', ada, '/mlq solution');
    expect(await h.mlq.openPractice(ada.id)).toBeNull();
  });

  it('tells which command lines are answered publicly before they run', () => {
    expect(h.mlq.expectsPublicReply('/mlq leaderboard all public')).toBe(true);
    expect(h.mlq.expectsPublicReply('/mlq leaderboard all')).toBe(false);
    expect(h.mlq.expectsPublicReply('/mlq nonsense')).toBe(false);
  });
});
