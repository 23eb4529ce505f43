import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fairShare, ShardOwnership } from '../../src/platforms/discord/shard-lease.ts';
import { leasesRepo } from '../../src/store/leases-repo.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { captureLogger, type LogLine } from '../helpers/process.ts';

let database: TestDatabase;
let now: Date;
let logs: LogLine[];
/** The replicas connected to each shard now; a second one on a shard is the bug these leases prevent. */
let connected: Map<number, string[]>;
const failing = new Set<string>();
/** Every replica a test made, stopped after it: a "dead" one's renewal timer would otherwise write into later tests' database. */
const made: ShardOwnership[] = [];

beforeEach(async () => {
  database = await createTestDatabase({ keep: ['questions'] });
  now = new Date('2026-11-30T12:00:00Z');
  connected = new Map();
  failing.clear();
  logs = [];
});
afterEach(async () => {
  await Promise.all(made.splice(0).map((r) => r.stop().catch(() => undefined)));
  await database.drop();
});

const tick = (seconds: number) => {
  now = new Date(now.getTime() + seconds * 1000);
};

function replica(owner: string, count = 2, ids = Array.from({ length: count }, (_, i) => i)): ShardOwnership {
  const captured = captureLogger();
  captured.logs.push = (...lines) => logs.push(...lines);
  const replicaMade = new ShardOwnership({
    leases: leasesRepo(database.store.db),
    owner,
    ids,
    count,
    leaseMs: 30_000,
    logger: captured.logger,
    now: () => now,
    async open(id) {
      if (failing.has(`${owner}:${id}`)) throw new Error(`shard ${id} refused`);
      connected.set(id, [...(connected.get(id) ?? []), owner]);
    },
    async close(id) {
      connected.set(
        id,
        (connected.get(id) ?? []).filter((o) => o !== owner),
      );
    },
  });
  made.push(replicaMade);
  return replicaMade;
}

const owners = () => Object.fromEntries([...connected].filter(([, o]) => o.length).map(([id, o]) => [id, o.join('+')]));

describe('a replica’s fair share of the shards', () => {
  it('is the shards divided by the live replicas, rounded up', () => {
    expect([fairShare(1, 1), fairShare(1, 2), fairShare(2, 2), fairShare(3, 2), fairShare(4, 3), fairShare(2, 0)]).toEqual([
      1, 1, 1, 2, 2, 2,
    ]);
  });
});

describe('Discord shards owned through leases', () => {
  it('gives a lone replica every shard', async () => {
    const a = replica('a');
    await a.start();
    expect(a.owned()).toEqual([0, 1]);
    expect(owners()).toEqual({ 0: 'a', 1: 'a' });
    await a.stop();
  });

  it('splits the shards when a second replica joins, never connecting one shard twice', async () => {
    const a = replica('a');
    const b = replica('b');
    await a.start();
    await b.start();
    expect([a.owned(), b.owned()]).toEqual([[0, 1], []]);
    tick(10);
    await a.renew();
    expect([a.owned(), owners()]).toEqual([[0], { 0: 'a' }]);
    await b.renew();
    expect([a.owned(), b.owned(), owners()]).toEqual([[0], [1], { 0: 'a', 1: 'b' }]);
    await a.stop();
    await b.stop();
  });

  it('gives a dead replica’s shards to the survivor once its lease has lapsed, not before', async () => {
    const a = replica('a', 1);
    const b = replica('b', 1);
    await a.start();
    await b.start();
    tick(30);
    await b.renew();
    expect([b.owned(), owners()]).toEqual([[], { 0: 'a' }]);
    tick(0.001);
    await b.renew();
    // 'a' stays in the list because a dead process never closes anything; its socket went with it.
    expect([b.owned(), connected.get(0)]).toEqual([[0], ['a', 'b']]);
    await b.stop();
  });

  it('deletes a dead replica’s heartbeat and a shard lease of another shard count 10 lease times after they ended', async () => {
    const a = replica('a', 1);
    const b = replica('b', 1);
    await a.start();
    await database.store.db
      .insertInto('leases')
      .values({ name: 'discord-shard:0/4', owner: 'old', lease_until: new Date('2026-11-30T11:55:00Z') })
      .execute();
    await b.start();
    const names = async () => (await database.store.db.selectFrom('leases').select('name').orderBy('name').execute()).map((r) => r.name);
    // a's leases end at 12:00:30; b renews at 12:05:29.999, 1 ms before they are 10 lease times (300 s) old.
    tick(329.999);
    await b.renew();
    expect(await names()).toEqual(['discord-replica:a', 'discord-replica:b', 'discord-shard:0/1']);
    tick(0.002);
    await b.renew();
    expect(await names()).toEqual(['discord-replica:b', 'discord-shard:0/1']);
    expect(b.owned()).toEqual([0]);
    await b.stop();
  });

  it('gives its shards back when stopped, so the other takes them on its next round', async () => {
    const a = replica('a', 1);
    const b = replica('b', 1);
    await a.start();
    await b.start();
    await a.stop();
    expect(owners()).toEqual({});
    expect(await database.store.db.selectFrom('leases').select('name').execute()).toEqual([{ name: 'discord-replica:b' }]);
    await b.renew();
    expect(owners()).toEqual({ 0: 'b' });
    await b.stop();
  });

  it('disconnects a shard whose lease another replica took while it stalled', async () => {
    const a = replica('a', 1);
    const b = replica('b', 1);
    await a.start();
    await b.start();
    tick(31);
    await b.renew();
    await a.renew();
    expect([a.owned(), b.owned(), owners()]).toEqual([[], [0], { 0: 'b' }]);
    expect(logs.map((l) => [l.level, l.obj, l.msg])).toContainEqual([
      'warn',
      { platform: 'discord', shard: 0 },
      'discord shard given up: its lease was taken by another replica',
    ]);
    await a.stop();
    await b.stop();
  });

  it('only contends for the shards it is configured with', async () => {
    const a = replica('a', 4, [2, 3]);
    await a.start();
    expect(a.owned()).toEqual([2, 3]);
    await a.stop();
  });

  it('gives the lease back when a shard fails to connect: start-up fails, and later rounds log it and go on', async () => {
    failing.add('a:0');
    const a = replica('a', 1);
    await expect(a.start()).rejects.toThrow('shard 0 refused');
    expect(await database.store.db.selectFrom('leases').select('name').execute()).toEqual([{ name: 'discord-replica:a' }]);
    const b = replica('b', 1);
    failing.add('b:0');
    await b.start().catch(() => undefined);
    await b.renew();
    expect(logs.filter((l) => l.level === 'error').map((l) => l.msg)).toEqual(['discord shard could not connect; its lease is given back']);
    failing.clear();
    await b.renew();
    expect(owners()).toEqual({ 0: 'b' });
    await b.stop();
  });
});
