import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RateSlots } from '../../src/core/repository/rate-slots.ts';
import { rateSlotsRepo } from '../../src/store/rate-slots-repo.ts';
import { createTestDatabase, TEST_DB, type TestDatabase } from '../helpers/database.ts';

let database: TestDatabase;
let slots: RateSlots;

beforeEach(async () => {
  database = await createTestDatabase({ keep: ['questions'] });
  slots = rateSlotsRepo(database.store.db);
});
afterEach(async () => {
  await database.drop();
});

describe('a rate limit shared through the database as slots', () => {
  it('hands out `size` slots (below, at) and none beyond (above), saying when the first comes free', async () => {
    const first = await slots.takeSlots('discord:global/3', 3, 2, 60_000);
    expect(first.tickets).toEqual([
      { slot: 0, taken: 1 },
      { slot: 1, taken: 1 },
    ]);
    const second = await slots.takeSlots('discord:global/3', 3, 5, 60_000);
    expect(second.tickets).toEqual([{ slot: 2, taken: 1 }]);
    const none = await slots.takeSlots('discord:global/3', 3, 1, 60_000);
    expect(none.tickets).toEqual([]);
    expect(none.retryInMs).toBeGreaterThan(55_000);
    expect(none.retryInMs).toBeLessThanOrEqual(60_000);
    expect((await slots.takeSlots('other/1', 1, 1, 60_000)).tickets).toEqual([{ slot: 0, taken: 1 }]);
  });

  it('a slot given back comes free a window after, not before', async () => {
    const { tickets } = await slots.takeSlots('b', 1, 1, 60_000);
    await slots.giveSlot('b', tickets[0]!, 300);
    const early = await slots.takeSlots('b', 1, 1, 60_000);
    expect(early.tickets).toEqual([]);
    expect(early.retryInMs).toBeGreaterThan(0);
    expect(early.retryInMs).toBeLessThanOrEqual(300);
    await new Promise((resolve) => setTimeout(resolve, early.retryInMs + 5));
    expect((await slots.takeSlots('b', 1, 1, 60_000)).tickets).toEqual([{ slot: 0, taken: 2 }]);
  });

  it('a slot held past its timeout is taken again, and the late give-back of the first holder leaves it taken', async () => {
    const { tickets } = await slots.takeSlots('b', 1, 1, 1);
    await sql`select pg_sleep(0.01)`.execute(database.store.db);
    const again = await slots.takeSlots('b', 1, 1, 60_000);
    expect(again.tickets).toEqual([{ slot: 0, taken: 2 }]);
    await slots.giveSlot('b', tickets[0]!, 0);
    expect((await slots.takeSlots('b', 1, 1, 60_000)).tickets).toEqual([]);
  });

  // Another replica's transaction holds the free slot: there is nothing to take, and no error (its free_at is -infinity).
  it.skipIf(TEST_DB !== 'postgres')(
    'a free slot locked by another taker means nothing to take now, and to look again at once',
    async () => {
      expect((await slots.takeSlots('c', 2, 1, 60_000)).tickets).toEqual([{ slot: 0, taken: 1 }]);
      const seen = await database.store.db.transaction().execute(async (trx) => {
        await sql`select slot from rate_slots where bucket = 'c' and slot = 1 for update`.execute(trx);
        return slots.takeSlots('c', 2, 1, 60_000);
      });
      expect(seen).toEqual({ tickets: [], retryInMs: 0 });
      expect((await slots.takeSlots('c', 2, 1, 60_000)).tickets).toEqual([{ slot: 1, taken: 1 }]);
    },
  );

  it('concurrent takers never share a slot', async () => {
    const taken = await Promise.all(Array.from({ length: 6 }, () => slots.takeSlots('b', 4, 1, 60_000)));
    const all = taken.flatMap((t) => t.tickets.map((ticket) => ticket.slot)).sort();
    expect(all).toEqual([0, 1, 2, 3]);
  });
});
