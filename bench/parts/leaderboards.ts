import { sql } from 'kysely';
import { benchDatabase, growthRow, percentile, progress, type Row } from '../lib.ts';

/** Seeds one channel's history set-based: members, rounds, answers and the ledger, then the aggregate from it. */
async function seedHistory(db: Awaited<ReturnType<typeof benchDatabase>>, members: number, answers: number, from: number): Promise<void> {
  const rounds = Math.ceil(answers / members);
  const step = 20;
  for (let r = from; r < from + rounds; r += step) {
    const last = Math.min(from + rounds, r + step) - 1;
    await sql`insert into rounds (channel_id, question_id, local_date, status, post_at, reveal_at, seq)
      select 'bench:lb', (select id from questions order by id limit 1), to_char(date '2020-01-01' + g, 'YYYY-MM-DD'), 'revealed', now(), now(), g + 1
      from generate_series(${r}::int, ${last}::int) g`.execute(db.store.db);
    await sql`insert into answers (round_id, member_id, message_id, text, sealed, created_at, updated_at)
      select rd.id, 'bench:u' || m, 'bench:a:' || rd.id || ':' || m, 'answer', false, now(), now()
      from rounds rd, generate_series(1, ${members}::int) m
      where rd.channel_id = 'bench:lb' and rd.seq between ${r + 1}::int and ${last + 1}::int and (m + rd.seq) % 3 <> 0`.execute(
      db.store.db,
    );
    await sql`insert into ledger (key, channel_id, member_id, round_id, reason, points, week, created_at)
      select 'answer:' || a.round_id || ':' || a.member_id, 'bench:lb', a.member_id, a.round_id, 'answer', 10, '2020-01-06', now()
      from answers a join rounds rd on rd.id = a.round_id where rd.seq between ${r + 1}::int and ${last + 1}::int`.execute(db.store.db);
    progress(`leaderboards: history rounds ${r + 1}-${last + 1} of ${from + rounds}`);
  }
  await sql`delete from scores where channel_id = 'bench:lb'`.execute(db.store.db);
  await sql`insert into scores (channel_id, period, member_id, points)
    select 'bench:lb', 'all', member_id, sum(points) from ledger where channel_id = 'bench:lb' group by member_id`.execute(db.store.db);
  await sql`insert into scores (channel_id, period, member_id, points)
    select 'bench:lb', 'w:2026-11-23', id, (abs(hashtext(id)) % 90) + 10 from members where community_id = 'bench'`.execute(db.store.db);
  await settle(db);
}

/** Lets the seeding's background work finish first (dirty pages flushed, tables vacuumed and analysed), as months of
 * history would have: otherwise the checkpointer and autovacuum of the bulk load are what the timings measure. */
async function settle(db: Awaited<ReturnType<typeof benchDatabase>>): Promise<void> {
  await sql`vacuum (analyze) answers, ledger, rounds, scores, members`.execute(db.store.db);
  await sql`checkpoint`.execute(db.store.db).catch(() => undefined);
}

async function measure(db: Awaited<ReturnType<typeof benchDatabase>>, members: number, runs: number) {
  const time = async (work: () => Promise<unknown>) => {
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await work();
      samples.push(performance.now() - t);
    }
    return samples;
  };
  const week = await time(() => db.repo.leaderboard('bench:lb', 'w:2026-11-23', 10));
  const all = await time(() => db.repo.leaderboard('bench:lb', 'all', 10));
  let i = 0;
  const rank = await time(() => db.repo.rankOf('bench:lb', 'all', `bench:u${((i++ * 7919) % members) + 1}`));
  return { week, all, rank, slowest: Math.max(percentile(week, 99), percentile(all, 99), percentile(rank, 99)) };
}

/** Weekly and all-time leaderboards and one member's rank on a channel with a long history, then ten times longer. */
export async function leaderboards(baseUrl: string | undefined, quick: boolean): Promise<Row[]> {
  const db = await benchDatabase(baseUrl);
  try {
    // Quick (CI’s check that it runs): about 2,000 then 20,000 answers, a fiftieth of the full run.
    const members = quick ? 500 : 100_000;
    const small = quick ? 2_000 : 1_000_000;
    await sql`insert into communities (id, platform, name) values ('bench', 'bench', 'b')`.execute(db.store.db);
    await sql`insert into channels (id, community_id, name, timezone, post_time, weekdays, reveal_delay_minutes) values ('bench:lb', 'bench', 'lb', 'UTC', '09:00', '{1,2,3,4,5}', 360)`.execute(
      db.store.db,
    );
    await sql`insert into members (id, community_id, name) select 'bench:u' || g, 'bench', 'u' || g from generate_series(1, ${members}::int) g`.execute(
      db.store.db,
    );
    await seedHistory(db, members, small * 1.5, 0);
    const count = async () => Number((await sql<{ n: string }>`select count(*) as n from answers`.execute(db.store.db)).rows[0]!.n);
    const first = await count();
    const at1 = await measure(db, members, quick ? 50 : 1000);
    await seedHistory(db, members, small * 13.5, Math.ceil((small * 1.5) / members));
    const second = await count();
    const at10 = await measure(db, members, quick ? 50 : 1000);
    const label = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(1)} M` : `${Math.round(n / 1e3)} k`);
    const rows: Row[] = [];
    for (const [name, at, n] of [
      ['', at1, first],
      ['', at10, second],
    ] as const) {
      rows.push({
        part: 'leaderboards',
        metric: `${name}weekly top 10 p99 at ${label(n)} answers`,
        value: percentile(at.week, 99),
        unit: `ms (p50 ${percentile(at.week, 50).toFixed(2)})`,
      });
      rows.push({
        part: 'leaderboards',
        metric: `all-time top 10 p99 at ${label(n)} answers`,
        value: percentile(at.all, 99),
        unit: `ms (p50 ${percentile(at.all, 50).toFixed(2)})`,
      });
      rows.push({
        part: 'leaderboards',
        metric: `one member's rank p99 at ${label(n)} answers`,
        value: percentile(at.rank, 99),
        unit: `ms (p50 ${percentile(at.rank, 50).toFixed(2)})`,
        ...(n === first ? { target: '< 10 ms', met: at.slowest < 10 } : {}),
      });
    }
    rows.push(growthRow('leaderboards', at10.slowest, at1.slowest, [label(second), label(first)]));
    return rows;
  } finally {
    await db.drop();
  }
}
