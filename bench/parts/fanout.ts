import { sql } from 'kysely';
import { benchCore, benchDatabase, NullPort, progress, type Row } from '../lib.ts';

/** 10,000 channels due in the same minute, posted through a zero-latency platform by one scheduler pass. */
export async function fanout(baseUrl: string | undefined, quick: boolean): Promise<Row[]> {
  const db = await benchDatabase(baseUrl);
  try {
    const channels = quick ? 500 : 10_000;
    const due = new Date(Date.now() - 1000);
    await sql`insert into communities (id, platform, name) values ('bench', 'bench', 'b')`.execute(db.store.db);
    await sql`insert into channels (id, community_id, name, timezone, post_time, weekdays, reveal_delay_minutes, next_post_at)
      select 'bench:f' || g, 'bench', 'f' || g, 'UTC', to_char(${due}::timestamptz at time zone 'UTC', 'HH24:MI'), '{1,2,3,4,5,6,7}', 360, ${due}
      from generate_series(1, ${channels}::int) g`.execute(db.store.db);
    const port = new NullPort();
    const { mlq } = benchCore(db.repo, port);
    progress(`fan-out: ${channels} channels due in the same minute`);
    const cpu = process.cpuUsage();
    const started = performance.now();
    let passes = 0;
    while (port.posts < channels && passes < 10) {
      await mlq.tick({ concurrency: 16, batch: 500 });
      passes++;
    }
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const cpuPerPost = (used.user + used.system) / 1000 / Math.max(1, port.posts);
    const rounds = Number(
      (await sql<{ n: string }>`select count(*) as n from rounds where status = 'posted'`.execute(db.store.db)).rows[0]!.n,
    );
    return [
      {
        part: 'fan-out',
        metric: `channels posted (of ${channels}), rounds recorded`,
        value: port.posts,
        unit: `posts, ${rounds} rounds`,
        target: 'all, once',
        met: port.posts === channels && rounds === channels,
      },
      {
        part: 'fan-out',
        metric: 'time until all are posted',
        value: seconds,
        unit: 's',
        target: '< 60 s',
        met: seconds < 60 && port.posts === channels,
      },
      { part: 'fan-out', metric: 'CPU per post (mlq process)', value: cpuPerPost, unit: 'ms', target: '< 1 ms', met: cpuPerPost < 1 },
    ];
  } finally {
    await db.drop();
  }
}
