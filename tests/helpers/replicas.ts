import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoreConnection } from '../../src/store/connect.ts';
import { createRepository } from '../../src/store/repository.ts';
import { everyDayChannel } from './channels.ts';
import { TOKEN } from './discord-harness.ts';
import { type FakeDiscord, GUILD } from './fake-discord.ts';
import { type PinoLine, type ServiceProcess, startServing } from './process.ts';

/** One replica of the service: a process of its own against the shared Postgres database and the fake Discord. */
export interface Replica extends ServiceProcess {
  name: string;
  port: number;
  /** Its pino lines, parsed. */
  lines(): PinoLine[];
}

/** Starts a replica with Discord's settings and short leases, and waits until its health check answers. */
export async function startReplica(
  name: string,
  discord: FakeDiscord,
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<Replica> {
  const { service, port } = await startServing(
    {
      MLQ_DATA_DIR: mkdtempSync(join(tmpdir(), `mlq-${name}-`)),
      DATABASE_URL: databaseUrl,
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: discord.apiUrl,
      DISCORD_SHARD_LEASE: '3',
      LOG_LEVEL: 'info',
      ...env,
    },
    60_000,
  );
  const lines = () =>
    service
      .stdout()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as PinoLine);
  return { ...service, name, port, lines };
}

/** Whether the replica holds `shard` now, by its last log line about it. */
export function holds(replica: Replica, shard: number): boolean {
  const last = replica
    .lines()
    .filter((l) => l.shard === shard && /^discord shard (taken|given up)/.test(l.msg ?? ''))
    .at(-1);
  return replica.child.exitCode === null && replica.child.signalCode === null && last?.msg === 'discord shard taken';
}

/** Discord channels of GUILD (ids of its own), each due two minutes ago, every day of the week, revealed six hours later. */
export async function addDueChannels(store: StoreConnection, ids: string[]): Promise<void> {
  const repo = createRepository(store.db);
  const due = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 2 * 60_000);
  await repo.upsertCommunity(`discord:${GUILD}`, 'discord', 'ML study');
  for (const id of ids) {
    await repo.saveChannel(everyDayChannel(`discord:${GUILD}:${id}`, `discord:${GUILD}`, `c${id.slice(-3)}`, due));
  }
}
