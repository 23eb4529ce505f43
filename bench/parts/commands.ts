import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { sql } from 'kysely';
import { silentLogger } from '../../src/core/log.ts';
import { startHttpServer } from '../../src/http-server.ts';
import { SlackPlatform } from '../../src/platforms/slack/platform.ts';
import { benchCore, benchDatabase, percentile, progress, type Row } from '../lib.ts';

const SECRET = 'benchbenchbench0123456789abcdef0';

/** `/mlq leaderboard` and `/mlq streak` through Bolt's HTTP receiver, with signed requests from another process. */
export async function commands(baseUrl: string | undefined, quick: boolean): Promise<Row[]> {
  const rate = 100;
  const seconds = quick ? 3 : 20;
  const db = await benchDatabase(baseUrl);
  const tsx = (...args: string[]) =>
    spawn(process.execPath, ['--import', 'tsx', 'bench/parts/slack-load.ts', ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  const api = tsx('api');
  const apiLines = createInterface({ input: api.stdout });
  const nextApiLine = () => new Promise<string>((resolve) => apiLines.once('line', resolve));
  const [, apiUrl, responseBase] = (await nextApiLine()).split(' ') as [string, string, string];
  const load = tsx('load', SECRET, String(rate), String(seconds), responseBase);
  const loadLines = createInterface({ input: load.stdout });
  const platform = new SlackPlatform({ botToken: 'xoxb-bench-token-0000', mode: 'http', signingSecret: SECRET, apiUrl }, silentLogger);
  const { mlq, deps } = benchCore(db.repo, platform.port);
  platform.attach(mlq);
  await platform.start();
  const http = await startHttpServer({ port: 0, host: '127.0.0.1', healthy: async () => true, handlers: platform.routes });
  try {
    await sql`insert into communities (id, platform, name) values ('slack:T1', 'slack', 'bench')`.execute(db.store.db);
    await deps.repo.saveChannel({
      ...deps.defaults,
      id: 'slack:T1:C1',
      communityId: 'slack:T1',
      name: 'bench',
      active: true,
      organiserIds: [],
      nextPostAt: null,
    });
    await sql`insert into members (id, community_id, name) select 'slack:T1:U' || g, 'slack:T1', 'u' || g from generate_series(1, 1000) g`.execute(
      db.store.db,
    );
    await sql`insert into scores (channel_id, period, member_id, points) select 'slack:T1:C1', p, 'slack:T1:U' || g, (g * 7) % 500 from generate_series(1, 1000) g, (values ('all'), ('w:2026-11-23')) v(p)`.execute(
      db.store.db,
    );
    progress(`commands: ${rate} signed requests per second for ${seconds} s (after 1 s of warm-up), from a separate process`);
    const cpu = process.cpuUsage();
    load.stdin.write(`http://127.0.0.1:${http.port}/slack/events\n`);
    const result = new Promise<string>((resolve) => loadLines.once('line', resolve));
    const { latencies, failures, total } = JSON.parse(await result) as { latencies: number[]; failures: number; total: number };
    let responses = 0;
    for (let i = 0; i < 250 && responses < total; i++) {
      api.stdin.write('count\n');
      responses = Number(await nextApiLine());
      if (responses < total) await new Promise((r) => setTimeout(r, 20));
    }
    const used = process.cpuUsage(cpu);
    const cpuPerCommand = (used.user + used.system) / 1000 / total;
    const p99 = percentile(latencies, 99);
    return [
      {
        part: 'commands',
        metric: `requests answered 200 (of ${rate * seconds})`,
        value: latencies.length,
        unit: '',
        target: 'all',
        met: failures === 0 && latencies.length === rate * seconds,
      },
      { part: 'commands', metric: 'time to 200 p50', value: percentile(latencies, 50), unit: 'ms' },
      { part: 'commands', metric: 'time to 200 p99', value: p99, unit: 'ms', target: '< 50 ms', met: p99 < 50 },
      { part: 'commands', metric: 'time to 200 max', value: Math.max(...latencies), unit: 'ms' },
      { part: 'commands', metric: `replies delivered through response_url (of ${total})`, value: responses, unit: '' },
      { part: 'commands', metric: 'service CPU per command (ack, command, users.info, reply)', value: cpuPerCommand, unit: 'ms' },
    ];
  } finally {
    load.stdin.end();
    api.stdin.end();
    await http.close();
    await db.drop();
  }
}
