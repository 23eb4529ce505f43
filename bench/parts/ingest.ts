import { execFileSync } from 'node:child_process';
import { sql } from 'kysely';
import type { ThreadMessageEvent } from '../../src/core/events.ts';
import { benchCore, benchDatabase, percentile, progress, type Row, seedOpenRounds } from '../lib.ts';

const PRODUCERS = 8;

/** pgbench simple-update (-N) with 8 clients on the same server, in the same database: transactions per second. */
function pgbenchTps(url: string, seconds: number): number {
  execFileSync('pgbench', ['-i', '-s', '1', '-q', url], { stdio: 'ignore' });
  const out = execFileSync('pgbench', ['-N', '-c', '8', '-j', '2', '-T', String(seconds), url], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const match = /tps = ([\d.]+) \(without initial connection time\)/.exec(out) ?? /tps = ([\d.]+)/.exec(out);
  return match ? Number(match[1]) : 0;
}

/** Answers recorded through the core (dedupe, member upsert, answer, thread row, ack) by 8 concurrent producers. */
export async function ingest(baseUrl: string | undefined, quick: boolean): Promise<Row[]> {
  const db = await benchDatabase(baseUrl);
  try {
    const channels = quick ? 10 : 50;
    const perChannel = quick ? 100 : 1000;
    await seedOpenRounds(db, channels, new Date().toISOString().slice(0, 10));
    await sql`insert into members (id, community_id, name) select 'bench:u' || g, 'bench', 'u' || g from generate_series(1, ${perChannel}::int) g`.execute(
      db.store.db,
    );
    const { mlq } = benchCore(db.repo);
    const events: ThreadMessageEvent[] = [];
    for (let u = 1; u <= perChannel; u++) {
      for (let c = 1; c <= channels; c++) {
        events.push({
          channelId: `bench:c${c}`,
          communityId: 'bench',
          threadId: `bench:t:${c}`,
          messageId: `bench:a:${c}:${u}`,
          author: { id: `bench:u${u}`, name: `u${u}` },
          text: 'An answer of a realistic length about bias, variance and what to try first.',
        });
      }
    }
    progress(`ingest: ${events.length} answers from ${PRODUCERS} producers`);
    const latencies: number[] = [];
    let next = 0;
    const produce = async (list: ThreadMessageEvent[]) => {
      for (;;) {
        const event = list[next++];
        if (!event) return;
        const t = performance.now();
        await mlq.threadMessage(event);
        latencies.push(performance.now() - t);
      }
    };
    const cpu = process.cpuUsage();
    const started = performance.now();
    await Promise.all(Array.from({ length: PRODUCERS }, () => produce(events)));
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const cpuPerAnswer = (used.user + used.system) / 1000 / events.length;
    const rate = events.length / seconds;

    const replay = events.filter((_, i) => i % 10 === 0);
    next = 0;
    await Promise.all(Array.from({ length: PRODUCERS }, () => produce(replay)));
    const counted = await sql<{
      answers: number;
      messages: number;
    }>`select (select count(*) from answers)::int as answers, (select count(*) from thread_messages)::int as messages`.execute(db.store.db);
    const twice = counted.rows[0]!.answers - events.length + (counted.rows[0]!.messages - events.length);

    const rows: Row[] = [
      { part: 'ingest', metric: 'answers per second (8 producers)', value: Math.round(rate), unit: '/s' },
      { part: 'ingest', metric: 'answer latency p50', value: percentile(latencies, 50), unit: 'ms' },
      { part: 'ingest', metric: 'answer latency p99', value: percentile(latencies, 99), unit: 'ms' },
      { part: 'ingest', metric: 'CPU per answer (mlq process; the rest is the database)', value: cpuPerAnswer, unit: 'ms' },
      {
        part: 'ingest',
        metric: `counted twice after replaying ${replay.length} events`,
        value: twice,
        unit: 'rows',
        target: '0',
        met: twice === 0,
      },
    ];
    if (db.kind === 'postgres' && db.url) {
      progress('ingest: pgbench simple-update, 8 clients');
      const tps = pgbenchTps(db.url, quick ? 3 : 15);
      rows.push({ part: 'ingest', metric: 'pgbench -N tps (8 clients)', value: Math.round(tps), unit: '/s' });
      rows.push({
        part: 'ingest',
        metric: 'ingest ÷ pgbench',
        value: Number((rate / tps).toFixed(2)),
        unit: '×',
        target: '≥ 0.8',
        met: rate / tps >= 0.8,
      });
    }
    return rows;
  } finally {
    await db.drop();
  }
}
