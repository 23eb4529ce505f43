import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connect, type StoreConnection } from '../../src/store/connect.ts';
import { createPostgresUrl, TEST_DB } from '../helpers/database.ts';
import { FakeDiscord } from '../helpers/fake-discord.ts';
import { addDueChannels, type Replica, startReplica } from '../helpers/replicas.ts';
import { waitFor } from '../helpers/wait.ts';

let discord: FakeDiscord;
let database: { url: string; drop(): Promise<void> };
let store: StoreConnection;
let replica: Replica | undefined;

beforeEach(async () => {
  if (TEST_DB !== 'postgres') return;
  discord = await new FakeDiscord().start();
  database = await createPostgresUrl();
  store = await connect({ databaseUrl: database.url, poolSize: 1 });
});
afterEach(async () => {
  if (TEST_DB !== 'postgres') return;
  await replica?.stop();
  await store.close();
  await discord.stop();
  await database.drop();
});

// The due channel is written straight into the database before the service starts: Postgres only.
describe.skipIf(TEST_DB !== 'postgres')('SIGTERM while a post hangs', () => {
  it('exits after MLQ_STOP_TIMEOUT with one line saying so, having given back its shard', async () => {
    await addDueChannels(store, ['950000000000000001']);
    const held = discord.hold('POST /channels/:id/messages');
    replica = await startReplica('a', discord, database.url, { MLQ_STOP_TIMEOUT: '1' });
    await held;
    const sent = Date.now();
    replica.child.kill('SIGTERM');
    expect(await replica.exited).toBe(1);
    expect(Date.now() - sent).toBeLessThan(5_000);
    const warnings = replica.lines().filter((l) => l.level === 40);
    expect(warnings.map((l) => [l.step, l.msg])).toEqual([
      [
        'finishing the scheduler pass',
        'stopping took longer than MLQ_STOP_TIMEOUT while finishing the scheduler pass; exiting anyway (leases still held lapse, and another replica retries their work)',
      ],
    ]);
    expect(await store.db.selectFrom('leases').selectAll().execute()).toEqual([]);
    await waitFor(() => discord.shardConnections().length === 0);
  });
});
