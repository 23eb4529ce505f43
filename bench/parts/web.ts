import { sql } from 'kysely';
import { heatmapRange } from '../../src/charts/heatmap.ts';
import { localDate, weekStart } from '../../src/core/schedule.ts';
import { monthKey } from '../../src/core/seasons.ts';
import { startHttpServer } from '../../src/http-server.ts';
import { webLinks } from '../../src/web/links.ts';
import { GROUP_HEAT_TTL_MS } from '../../src/web/page-data.ts';
import { webRoutes } from '../../src/web/routes.ts';
import { benchCore, benchDatabase, percentile, progress, type Row } from '../lib.ts';

const SECRET = 'bench-web-secret-0123456789abcdef-0123';
const CHANNEL = 'bench:web';
const ZONE = 'Europe/Berlin';

/**
 * One channel with `rounds` daily rounds up to today and `members` members who each answered every round (so
 * rounds × members answers), a ledger entry per answer, their scores on the week, month and all-time boards, and
 * one member in ten hidden.
 */
export async function seed(db: Awaited<ReturnType<typeof benchDatabase>>, rounds: number, members: number): Promise<void> {
  const run = (query: ReturnType<typeof sql>) => query.execute(db.store.db);
  const today = localDate(new Date(), ZONE);
  await run(sql`insert into communities (id, platform, name) values ('bench', 'bench', 'bench')`);
  await run(sql`insert into channels (id, community_id, name, timezone, post_time, weekdays, reveal_delay_minutes)
    values (${CHANNEL}, 'bench', 'ml-study', ${ZONE}, '09:00', '{1,2,3,4,5,6,7}', 360)`);
  await run(
    sql`insert into members (id, community_id, name, hidden) select 'bench:u' || m, 'bench', 'Member ' || m, m % 10 = 0 from generate_series(1, ${members}::int) m`,
  );
  await run(sql`insert into rounds (channel_id, question_id, local_date, seq, status, post_at, reveal_at, message_id, thread_id)
    select ${CHANNEL}, qs.ids[1 + (g * 7919) % cardinality(qs.ids)], to_char(${today}::date - g, 'YYYY-MM-DD'), ${rounds}::int - g, 'revealed',
      (${today}::date - g)::timestamp at time zone ${ZONE} + interval '9 hours',
      (${today}::date - g)::timestamp at time zone ${ZONE} + interval '15 hours', 'bench:m:' || g, 'bench:t:' || g
    from generate_series(1, ${rounds}::int) g, (select array_agg(id order by id) as ids from questions where retired_at is null) qs`);
  await run(sql`insert into answers (round_id, member_id, message_id, text, sealed, created_at, updated_at)
    select r.id, 'bench:u' || m, 'bench:a:' || r.id || ':' || m, 'an answer', false,
      r.post_at + (m % 300) * interval '1 minute', r.post_at + (m % 300) * interval '1 minute'
    from rounds r, generate_series(1, ${members}::int) m where r.channel_id = ${CHANNEL}`);
  await run(sql`insert into ledger (key, channel_id, member_id, round_id, reason, points, week, created_at)
    select 'bench:l:' || a.id, ${CHANNEL}, a.member_id, a.round_id, 'answer', 10, to_char(date_trunc('week', a.created_at), 'YYYY-MM-DD'), a.created_at
    from answers a`);
  for (const period of ['all', `w:${weekStart(today)}`, monthKey(today)]) {
    await run(sql`insert into scores (channel_id, period, member_id, points)
      select ${CHANNEL}, ${period}, 'bench:u' || m, 10 + (m * 37) % 500 from generate_series(1, ${members}::int) m`);
  }
  await run(sql`vacuum (analyze) rounds, answers, ledger, scores, members`);
}

/** The web page over real HTTP on 127.0.0.1: the group page, an archive search and a member page at 100,000 answers. */
export async function web(baseUrl: string | undefined, quick: boolean): Promise<Row[]> {
  const db = await benchDatabase(baseUrl);
  const http = await startHttpServer({
    port: 0,
    host: '127.0.0.1',
    healthy: async () => true,
    handlers: [webRoutes({ deps: benchCore(db.repo).deps, secret: SECRET })],
  });
  try {
    const [rounds, members] = quick ? [200, 50] : [400, 250];
    progress(`web: seeding ${rounds} rounds × ${members} members = ${rounds * members} answers`);
    await seed(db, rounds, members);
    const links = webLinks({ secret: SECRET, baseUrl: `http://127.0.0.1:${http.port}`, linkDays: 7 });
    const group = links.link(CHANNEL, 'bench:u7', 1, new Date()).url;
    const pages: [string, string][] = [
      ['group page', group],
      ['group page with an archive search', `${group}&q=model`],
      ['member page', group.replace('?', `/m/${encodeURIComponent('bench:u7')}?`)],
    ];
    const runs = quick ? 20 : 300;
    const rows: Row[] = [];
    for (const [name, url] of pages) {
      const samples: number[] = [];
      for (let i = 0; i < runs + 5; i++) {
        const started = performance.now();
        const response = await fetch(url);
        if (response.status !== 200) throw new Error(`${name}: HTTP ${response.status}`);
        await response.text();
        if (i >= 5) samples.push(performance.now() - started);
      }
      const p99 = percentile(samples, 99);
      const label = `${Math.round((rounds * members) / 1e3)} k answers`;
      rows.push({
        part: 'web',
        metric: `${name} p99 at ${label} (${runs} requests)`,
        value: Number(p99.toFixed(2)),
        unit: `ms (p50 ${percentile(samples, 50).toFixed(2)})`,
        target: '< 50 ms',
        met: p99 < 50,
      });
    }
    const today = localDate(new Date(), ZONE);
    const { from, to } = heatmapRange(today);
    const reads: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await db.repo.answersPerDay(CHANNEL, null, ZONE, from, to);
      reads.push(performance.now() - started);
    }
    rows.push({
      part: 'web',
      metric: `group heatmap read, uncached (the page reuses it ${GROUP_HEAT_TTL_MS / 1000} s), p99`,
      value: Number(percentile(reads, 99).toFixed(2)),
      unit: `ms (p50 ${percentile(reads, 50).toFixed(2)})`,
    });
    return rows;
  } finally {
    await http.close();
    await db.drop();
  }
}
