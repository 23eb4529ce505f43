import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel } from '../../src/core/types.ts';
import { createRepository, type StoreRepository } from '../../src/store/repository.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

let database: TestDatabase;
let repo: StoreRepository;

const channel = (id: string, name: string, communityId = 'test:T1'): Channel => ({
  id,
  communityId,
  name,
  active: true,
  organiserIds: [],
  nextPostAt: null,
  timezone: 'UTC',
  postTime: '09:00',
  weekdays: [1, 2, 3, 4, 5],
  revealDelayMinutes: 360,
  categories: [],
  levels: [],
});

beforeAll(async () => {
  database = await createTestDatabase();
  repo = createRepository(database.store.db);
  await repo.upsertCommunity('test:T1', 'test', '');
  await repo.upsertCommunity('test:T2', 'test', '');
  await repo.upsertMember({ id: 'test:ada', name: 'Ada' }, 'test:T1');
  await repo.upsertMember({ id: 'test:ben', name: 'Ben' }, 'test:T1');
  for (const c of [
    channel('test:C3', 'vision'),
    channel('test:C1', 'nlp'),
    channel('test:C2', 'ml-study'),
    channel('test:C4', 'zeta'),
    channel('test:C9', 'x', 'test:T2'),
  ]) {
    await repo.saveChannel(c);
  }
  await repo.pauseChannel('test:C3', 'channel_not_found');
  await database.store.db.insertInto('scores').values({ channel_id: 'test:C1', period: 'all', member_id: 'test:ada', points: 3 }).execute();
  await database.store.db
    .insertInto('streaks')
    .values({ channel_id: 'test:C2', member_id: 'test:ada', current: 0, best: 1, last_seq: 1 })
    .execute();
});
afterAll(async () => {
  await database.drop();
});

const shown = async (memberId: string) =>
  (await repo.memberChannels(memberId)).map(({ channel: c, joined }) => ({ id: c.id, name: c.name, joined }));

describe('the channels of a member', () => {
  it('are the active channels of their community by name, joined where they have points or a streak', async () => {
    expect(await shown('test:ada')).toEqual([
      { id: 'test:C2', name: 'ml-study', joined: true },
      { id: 'test:C1', name: 'nlp', joined: true },
      { id: 'test:C4', name: 'zeta', joined: false },
    ]);
    expect(await shown('test:ben')).toEqual([
      { id: 'test:C2', name: 'ml-study', joined: false },
      { id: 'test:C1', name: 'nlp', joined: false },
      { id: 'test:C4', name: 'zeta', joined: false },
    ]);
  });

  it('are none for a member the store does not know', async () => {
    expect(await shown('test:nobody')).toEqual([]);
  });
});
