import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { loadBank } from '../src/bank/load.ts';
import { Mlq } from '../src/core/app.ts';
import { systemClock } from '../src/core/clock.ts';
import type { CoreDeps } from '../src/core/deps.ts';
import { silentLogger } from '../src/core/log.ts';
import type { Card } from '../src/core/message.ts';
import { type ChatPort, Ports, type PostedMessage } from '../src/core/port.ts';
import { connect, type StoreConnection } from '../src/store/connect.ts';
import { migrateToLatest } from '../src/store/migrate.ts';
import { createRepository, type StoreRepository } from '../src/store/repository.ts';

/** One measured line of the results table. */
export interface Row {
  part: string;
  metric: string;
  value: number;
  unit: string;
  target?: string;
  met?: boolean;
}

/**
 * The "met" cell of a row. A target with a threshold (<, ≤, ≥, >) is set for the full run's scale and duration, so a
 * quick run neither meets nor misses it: "n/a (quick)". An exact target (all, 0, all once) holds at any scale.
 */
export function metCell(row: Row, quick: boolean): string {
  if (row.met === undefined) return '';
  if (quick && /^[<>≤≥]/.test(row.target?.trim() ?? '')) return 'n/a (quick)';
  return row.met ? 'yes' : 'NO';
}

/** The history-growth row: the slowest p99 at the larger scale over the smaller one, which must stay ≤ 1.5. */
export function growthRow(part: string, larger: number, smaller: number, labels: [string, string]): Row {
  const ratio = larger / smaller;
  return {
    part,
    metric: `slowest p99 at ${labels[0]} ÷ at ${labels[1]}`,
    value: Number(ratio.toFixed(2)),
    unit: '×',
    target: '≤ 1.5',
    met: ratio <= 1.5,
  };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const progress = (text: string) => process.stderr.write(`  · ${text}\n`);

/** A platform that answers at once and keeps nothing: the bench measures mlq, not a network. */
export class NullPort implements ChatPort {
  readonly platform = 'bench';
  posts = 0;
  private n = 0;
  async post(_c: string, _m: Card): Promise<PostedMessage> {
    this.posts++;
    const id = `bench:m:${++this.n}`;
    return { messageId: id, threadId: `bench:t:${this.n}` };
  }
  async reply(): Promise<{ messageId: string }> {
    return { messageId: `bench:m:${++this.n}` };
  }
  async update(): Promise<void> {}
  async react(): Promise<void> {}
  async sendPrivate(): Promise<void> {}
  async isAdmin(): Promise<boolean> {
    return false;
  }
}

export interface BenchDatabase {
  kind: 'postgres' | 'pglite';
  url?: string;
  store: StoreConnection;
  repo: StoreRepository;
  drop(): Promise<void>;
}

/** A fresh database for one part: a new database on the DATABASE_URL server, or an in-memory PGlite. */
export async function benchDatabase(baseUrl: string | undefined, poolSize = 20): Promise<BenchDatabase> {
  let url: string | undefined;
  let name = '';
  if (baseUrl) {
    name = `mlq_bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const parsed = new URL(baseUrl);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
  }
  const store = await connect({ databaseUrl: url, poolSize });
  await migrateToLatest(store.db);
  const repo = createRepository(store.db);
  const bank = loadBank(resolve('questions'));
  await repo.syncQuestions(
    bank.questions.map((q) => ({ question: q.question, hash: q.hash })),
    new Date(),
  );
  return {
    kind: baseUrl ? 'postgres' : 'pglite',
    url,
    store,
    repo,
    async drop() {
      await store.close();
      if (baseUrl) {
        const admin = new pg.Client({ connectionString: baseUrl });
        await admin.connect();
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    },
  };
}

export function benchCore(repo: StoreRepository, port: ChatPort = new NullPort()): { mlq: Mlq; deps: CoreDeps } {
  const ports = new Ports();
  ports.register(port);
  const deps: CoreDeps = {
    repo,
    ports,
    clock: systemClock,
    logger: silentLogger,
    admins: [],
    defaults: { timezone: 'UTC', postTime: '09:00', weekdays: [1, 2, 3, 4, 5, 6, 7], revealDelayMinutes: 360, categories: [], levels: [] },
  };
  return { mlq: new Mlq(deps), deps };
}

/** Seeds `channels` channels in one community, each with a posted round open for answers, set-based. */
export async function seedOpenRounds(db: BenchDatabase, channels: number, localDate: string): Promise<void> {
  const now = new Date();
  await sql`insert into communities (id, platform, name) values ('bench', 'bench', 'bench') on conflict do nothing`.execute(db.store.db);
  await sql`insert into channels (id, community_id, name, timezone, post_time, weekdays, reveal_delay_minutes)
    select 'bench:c' || g, 'bench', 'c' || g, 'UTC', '09:00', '{1,2,3,4,5,6,7}', 360 from generate_series(1, ${channels}::int) g`.execute(
    db.store.db,
  );
  await sql`insert into rounds (channel_id, question_id, local_date, status, post_at, reveal_at, message_id, thread_id)
    select 'bench:c' || g, (select id from questions order by id limit 1), ${localDate}, 'posted', ${now}, ${new Date(now.getTime() + 86_400_000)},
      'bench:m:root' || g, 'bench:t:' || g from generate_series(1, ${channels}::int) g`.execute(db.store.db);
}
