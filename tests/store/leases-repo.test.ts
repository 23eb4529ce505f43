import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LeaseStore } from '../../src/core/repository.ts';
import { leasesRepo } from '../../src/store/leases-repo.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

let database: TestDatabase;
let leases: LeaseStore;
const T0 = new Date('2026-11-30T12:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

beforeEach(async () => {
  database = await createTestDatabase({ keep: ['questions'] });
  leases = leasesRepo(database.store.db);
});
afterEach(async () => {
  await database.drop();
});

const rows = () => database.store.db.selectFrom('leases').select(['name', 'owner', 'lease_until']).orderBy('name').execute();

describe('named leases', () => {
  it('gives a free lease to the first owner and refuses it to a second until its time has passed', async () => {
    expect(await leases.acquireLease('discord-shard:0/1', 'a', T0, 30_000)).toBe(true);
    expect(await leases.acquireLease('discord-shard:0/1', 'b', at(29.999), 30_000)).toBe(false);
    expect(await leases.acquireLease('discord-shard:0/1', 'b', at(30), 30_000)).toBe(false);
    expect(await rows()).toEqual([{ name: 'discord-shard:0/1', owner: 'a', lease_until: at(30) }]);
    expect(await leases.acquireLease('discord-shard:0/1', 'b', at(30.001), 30_000)).toBe(true);
    expect(await rows()).toEqual([{ name: 'discord-shard:0/1', owner: 'b', lease_until: at(60.001) }]);
  });

  it('renews a lease for its owner, even after its time has passed, and the renewal holds others off', async () => {
    await leases.acquireLease('x', 'a', T0, 30_000);
    expect(await leases.acquireLease('x', 'a', at(20), 30_000)).toBe(true);
    expect(await leases.acquireLease('x', 'b', at(40), 30_000)).toBe(false);
    expect(await leases.acquireLease('x', 'a', at(60), 30_000)).toBe(true);
    expect(await rows()).toEqual([{ name: 'x', owner: 'a', lease_until: at(90) }]);
  });

  it('releases only the leases the owner holds, so another may take them at once', async () => {
    await leases.acquireLease('x', 'a', T0, 30_000);
    await leases.acquireLease('y', 'b', T0, 30_000);
    await leases.releaseLeases(['x', 'y', 'z'], 'a');
    expect((await rows()).map((r) => [r.name, r.owner])).toEqual([['y', 'b']]);
    expect(await leases.acquireLease('x', 'b', at(1), 30_000)).toBe(true);
    await leases.releaseLeases([], 'b');
    expect((await rows()).map((r) => [r.name, r.owner])).toEqual([
      ['x', 'b'],
      ['y', 'b'],
    ]);
  });

  it('lists the unexpired holders of leases under a prefix, taking _ and % in the prefix literally', async () => {
    await leases.acquireLease('discord-replica:a', 'a', T0, 30_000);
    await leases.acquireLease('discord-replica:b', 'b', at(10), 30_000);
    await leases.acquireLease('discord-shard:0/1', 'a', T0, 30_000);
    await leases.acquireLease('discord_replica:c', 'c', T0, 30_000);
    expect(await leases.leaseHolders('discord-replica:', at(30))).toEqual([
      { name: 'discord-replica:a', owner: 'a' },
      { name: 'discord-replica:b', owner: 'b' },
    ]);
    expect(await leases.leaseHolders('discord-replica:', at(30.001))).toEqual([{ name: 'discord-replica:b', owner: 'b' }]);
    expect(await leases.leaseHolders('discord_', T0)).toEqual([{ name: 'discord_replica:c', owner: 'c' }]);
  });

  it('gives a lease to exactly one of many owners racing for it', async () => {
    const owners = ['a', 'b', 'c', 'd', 'e', 'f'];
    const won = await Promise.all(owners.map((o) => leases.acquireLease('race', o, T0, 30_000)));
    expect(won.filter(Boolean)).toHaveLength(1);
    expect((await rows())[0]!.owner).toBe(owners[won.indexOf(true)]);
  });
});
