import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import buildService from '../../scripts/build.mjs';
import { freePort } from '../../tests/helpers/process.ts';
import { benchCore, benchDatabase, progress, type Row } from '../lib.ts';

/** Seconds from spawning `node dist/main.js` (what npm start and the image run) to a healthy `/healthz`. */
async function startToHealthy(dataDir: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/main.js'], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      MLQ_DATA_DIR: dataDir,
      MLQ_CONSOLE: 'off',
      PORT: String(port),
      LOG_LEVEL: 'silent',
    },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return (performance.now() - started) / 1000;
      if (performance.now() - started > 60_000) return Number.POSITIVE_INFINITY;
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Cold starts on PGlite with the full bank, the median of `runs` each (three; one in a quick run, which only checks that
 * it works): into a new data folder (first start), then again on it (restart). The start-up cache is prepared first,
 * as `npm install` does.
 */
async function coldStarts(runs: number): Promise<{ first: number; restart: number }> {
  await buildService();
  execFileSync(process.execPath, ['dist/prepare-cache.js'], { stdio: 'ignore' });
  const firsts: number[] = [];
  const restarts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const dataDir = mkdtempSync(join(tmpdir(), 'mlq-bench-cold-'));
    try {
      firsts.push(await startToHealthy(dataDir));
      restarts.push(await startToHealthy(dataDir));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  progress(
    `footprint: new folder ${firsts.map((s) => s.toFixed(2)).join(', ')} s; restart ${restarts.map((s) => s.toFixed(2)).join(', ')} s`,
  );
  return { first: median(firsts), restart: median(restarts) };
}

/** The running service's resident memory: started against the seeded database, after its scheduler has passed. */
async function serviceRss(url: string): Promise<number> {
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/main.js'], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: url, MLQ_CONSOLE: 'off', PORT: String(port), LOG_LEVEL: 'silent' },
    stdio: 'ignore',
  });
  try {
    for (let i = 0; i < 2400; i++) {
      if (
        await fetch(`http://127.0.0.1:${port}/healthz`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 25));
    }
    await new Promise((r) => setTimeout(r, 3000));
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
  } finally {
    child.kill('SIGTERM');
  }
}

async function inProcessRss(db: Awaited<ReturnType<typeof benchDatabase>>): Promise<number> {
  const { mlq } = benchCore(db.repo);
  for (let i = 0; i < 5; i++) await mlq.tick();
  return process.memoryUsage().rss / 1024 / 1024;
}

/** Resident memory with many channels and members stored and the scheduler passing over them, and cold start. */
export async function footprint(baseUrl: string | undefined, quick: boolean): Promise<Row[]> {
  const db = await benchDatabase(baseUrl);
  try {
    const channels = quick ? 1_000 : 10_000;
    const members = quick ? 10_000 : 100_000;
    progress(`footprint: ${channels} channels, ${members} members, scheduler passes`);
    await sql`insert into communities (id, platform, name) values ('bench', 'bench', 'b')`.execute(db.store.db);
    await sql`insert into members (id, community_id, name) select 'bench:u' || g, 'bench', 'u' || g from generate_series(1, ${members}::int) g`.execute(
      db.store.db,
    );
    await sql`insert into channels (id, community_id, name, timezone, post_time, weekdays, reveal_delay_minutes, next_post_at)
      select 'bench:p' || g, 'bench', 'p' || g, 'UTC', '09:00', '{1,2,3,4,5}', 360, now() + interval '1 day' from generate_series(1, ${channels}::int) g`.execute(
      db.store.db,
    );
    progress('footprint: cold starts on PGlite (a new data folder, then a restart)');
    const runs = quick ? 1 : 3;
    const cold = await coldStarts(runs);
    const rss = db.url ? await serviceRss(db.url) : await inProcessRss(db);
    return [
      {
        part: 'footprint',
        metric: `service resident memory (${channels} channels, ${members} members, scheduler ran)`,
        value: rss,
        unit: 'MB',
        target: '< 150 MB',
        met: rss < 150,
      },
      {
        part: 'footprint',
        metric: `cold start to healthy, PGlite, full bank: new data folder (median of ${runs})`,
        value: cold.first,
        unit: 's',
        target: '< 3 s',
        met: cold.first < 3,
      },
      {
        part: 'footprint',
        metric: `cold start to healthy, PGlite, full bank: restart (median of ${runs})`,
        value: cold.restart,
        unit: 's',
        target: '< 3 s',
        met: cold.restart < 3,
      },
    ];
  } finally {
    await db.drop();
  }
}
