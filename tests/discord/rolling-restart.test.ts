import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type StoreConnection } from '../../src/store/connect.ts';
import { createPostgresUrl, TEST_DB } from '../helpers/database.ts';
import { FakeDiscord } from '../helpers/fake-discord.ts';
import { addDueChannels, type Replica, startReplica } from '../helpers/replicas.ts';
import { waitFor } from '../helpers/wait.ts';

const N = 240;
const CHANNELS = Array.from({ length: N }, (_, i) => String(950_000_000_000_000_000n + BigInt(i)));
const ANSWER =
  'Regularisation adds a penalty on the size of the weights to the loss, which trades a little bias for less variance, ' +
  'so the model fits the noise in the training set less and generalises better to data it has not seen.';

let discord: FakeDiscord;
let database: { url: string; drop(): Promise<void> };
let store: StoreConnection;
const running: Replica[] = [];
let answered = 0;

beforeAll(async () => {
  if (TEST_DB !== 'postgres') return;
  discord = await new FakeDiscord().start();
  // Slow enough that a pass over every channel takes seconds, so each SIGTERM lands in the middle of one.
  discord.latencyMs = 20;
  database = await createPostgresUrl();
  store = await connect({ databaseUrl: database.url, poolSize: 2 });
  await addDueChannels(store, CHANNELS);
});
afterAll(async () => {
  if (TEST_DB !== 'postgres') return;
  await Promise.all(running.map((r) => r.stop()));
  await store.close();
  await discord.stop();
  await database.drop();
});

const posted = () => CHANNELS.filter((c) => discord.messagesIn(c).length > 0).length;
const rounds = () => store.db.selectFrom('rounds').select(['id', 'channel_id', 'status', 'thread_id']).orderBy('id').execute();
const answers = () => store.db.selectFrom('answers').select(['round_id', 'member_id']).execute();

async function start(name: string): Promise<Replica> {
  const replica = await startReplica(name, discord, database.url, { MLQ_FANOUT: '2' });
  running.push(replica);
  return replica;
}

/** SIGTERM: the replica exits by itself, with code 0, saying it stopped. */
async function terminate(replica: Replica): Promise<void> {
  const sent = Date.now();
  replica.child.kill('SIGTERM');
  expect(await replica.exited).toBe(0);
  expect(Date.now() - sent).toBeLessThan(10_000);
  expect(replica.lines().map((l) => l.msg)).toContain('stopped');
  expect(replica.errors()).toEqual([]);
  running.splice(running.indexOf(replica), 1);
}

/** Two members answer in the threads of two rounds not yet answered, once a replica holds the shard. */
async function answerTwo(): Promise<void> {
  await waitFor(() => discord.shardConnections().length === 1, 20_000);
  const open = (await rounds()).filter((r) => r.status === 'posted' && r.thread_id).slice(answered, answered + 2);
  for (const round of open) {
    answered++;
    discord.threadMessage(String(900_000_000_000_000_100n + BigInt(answered)), round.thread_id!.split(':')[2]!, ANSWER);
  }
  await waitFor(async () => (await answers()).length === answered, 20_000);
}

// Replicas are processes sharing one database: Postgres only (PGlite is one process by design).
describe.skipIf(TEST_DB !== 'postgres')('a rolling restart of two replicas', () => {
  it('posts every due round once and records every answer once', async () => {
    const a = await start('a');
    await waitFor(() => posted() >= 10, 30_000);
    const b = await start('b');
    // At once, while a is still in the pass that claimed most of the channels (a pass over all of them takes seconds).
    await terminate(a);
    expect(a.lines().map((l) => l.msg)).toContain('stopping: claimed work not yet started was given back');

    const a2 = await start('a2');
    await answerTwo();
    await terminate(b);
    const b2 = await start('b2');
    await answerTwo();
    await terminate(a2);
    const a3 = await start('a3');
    await answerTwo();
    await waitFor(async () => (await rounds()).filter((r) => r.status === 'posted').length === N, 90_000);
    await answerTwo();
    await terminate(b2);
    await terminate(a3);

    expect(CHANNELS.filter((c) => discord.messagesIn(c).length !== 1)).toEqual([]);
    const all = await rounds();
    expect(new Set(all.map((r) => r.channel_id)).size).toBe(N);
    expect(all.map((r) => r.status)).toEqual(Array(N).fill('posted'));
    expect(discord.of('POST', /\/threads$/).map((c) => c.status)).toEqual(Array(N).fill(201));
    const recorded = await answers();
    expect(recorded).toHaveLength(8);
    expect(new Set(recorded.map((r) => `${r.round_id}|${r.member_id}`)).size).toBe(8);
    const leases = await store.db.selectFrom('channels').select('post_lease_until').where('post_lease_until', 'is not', null).execute();
    expect(leases).toEqual([]);
    expect(await store.db.selectFrom('leases').selectAll().execute()).toEqual([]);
  });
});
