import { sql } from 'kysely';
import { scheduleCard } from '../../src/core/review-rules.ts';
import { benchDatabase, growthRow, percentile, progress, type Row } from '../lib.ts';

type Db = Awaited<ReturnType<typeof benchDatabase>>;

const CARDS_PER_MEMBER = 200;

/**
 * Seeds members `from`..`to` with one review card per member for each of the first 200 questions, set-based, in
 * batches: dues spread over 60 days either side of now, so about half of each member's cards are due.
 */
async function seedCards(db: Db, from: number, to: number, step: number): Promise<void> {
  for (let first = from; first <= to; first += step) {
    const last = Math.min(to, first + step - 1);
    await sql`insert into members (id, community_id, name)
      select 'bench:u' || g, 'bench', 'u' || g from generate_series(${first}::int, ${last}::int) g`.execute(db.store.db);
    await sql`insert into review_cards (member_id, question_id, channel_id, due, stability, difficulty, scheduled_days,
        learning_steps, reps, lapses, state, last_review)
      select 'bench:u' || m, q.id, 'bench:rv', now() + make_interval(hours => (abs(hashtext(m || ':' || q.n)) % 2880) - 1440),
        8.5, 5.2, 9, 0, 3, 0, 2, now() - interval '9 days'
      from generate_series(${first}::int, ${last}::int) m
      cross join (select id, row_number() over (order by id) as n from questions order by id limit ${CARDS_PER_MEMBER}) q`.execute(
      db.store.db,
    );
    progress(`reviews: cards of members ${first}-${last} (${((last * CARDS_PER_MEMBER) / 1e6).toFixed(1)} M cards)`);
  }
  await sql`vacuum (analyze) review_cards, members`.execute(db.store.db);
  await sql`checkpoint`.execute(db.store.db).catch(() => undefined);
}

/**
 * Times the next-due-card query and a grade (card locked, grade stored, card scheduled, review logged) for spread-out
 * members, after a tenth as many unmeasured warm-up calls (on other members).
 */
async function measure(db: Db, members: number, questions: string[], runs: number, round: number) {
  const warm = Math.ceil(runs / 10);
  const time = async (work: (i: number) => Promise<unknown>) => {
    const samples: number[] = [];
    for (let i = -warm; i < 0; i++) await work(i + runs);
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await work(i);
      samples.push(performance.now() - t);
    }
    return samples;
  };
  const memberAt = (i: number) => `bench:u${((i * 7919 + round * 104_729) % members) + 1}`;
  const now = new Date();
  const next = await time((i) => db.repo.nextDueCard(memberAt(i), now));
  const grade = await time((i) =>
    db.repo.saveGrade(
      {
        memberId: memberAt(i),
        questionId: questions[(i * 31) % questions.length]!,
        source: 'review',
        sourceId: `bench:${round}:${i}`,
        channelId: 'bench:rv',
        roundId: null,
        ticked: [0, 2],
        total: 4,
        rating: 'hard',
        at: now,
      },
      scheduleCard,
    ),
  );
  return { next, grade, slowest: Math.max(percentile(next, 99), percentile(grade, 99)) };
}

/** The review queue at 100,000 members × 200 cards (20 M cards), and at a tenth of that for the growth ratio. */
export async function reviews(baseUrl: string | undefined, quick: boolean): Promise<Row[]> {
  const db = await benchDatabase(baseUrl);
  try {
    // Quick (CI's check that it runs): 200 members, a tenth of the cards the full run's ratio needs.
    const members = quick ? 200 : 100_000;
    const small = members / 10;
    const runs = quick ? 50 : 1000;
    await sql`insert into communities (id, platform, name) values ('bench', 'bench', 'b')`.execute(db.store.db);
    const questions = (
      await sql<{ id: string }>`select id from questions order by id limit ${CARDS_PER_MEMBER}`.execute(db.store.db)
    ).rows.map((r) => r.id);
    const step = quick ? 100 : 5_000;
    await seedCards(db, 1, small, step);
    const count = async () => Number((await sql<{ n: string }>`select count(*) as n from review_cards`.execute(db.store.db)).rows[0]!.n);
    const first = await count();
    const at1 = await measure(db, small, questions, runs, 1);
    await seedCards(db, small + 1, members, step);
    const second = await count();
    const at10 = await measure(db, members, questions, runs, 2);
    const label = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(1)} M` : `${Math.round(n / 1e3)} k`);
    const ms = (samples: number[]) => `ms (p50 ${percentile(samples, 50).toFixed(2)})`;
    const rows: Row[] = [
      { part: 'reviews', metric: `next due card p99 at ${label(first)} cards`, value: percentile(at1.next, 99), unit: ms(at1.next) },
      { part: 'reviews', metric: `grading p99 at ${label(first)} cards`, value: percentile(at1.grade, 99), unit: ms(at1.grade) },
      {
        part: 'reviews',
        metric: `next due card p99 at ${label(second)} cards (${members.toLocaleString('en-US')} members × ${questions.length})`,
        value: percentile(at10.next, 99),
        unit: ms(at10.next),
        target: '< 5 ms',
        met: percentile(at10.next, 99) < 5,
      },
      {
        part: 'reviews',
        metric: `grading p99 at ${label(second)} cards`,
        value: percentile(at10.grade, 99),
        unit: ms(at10.grade),
        target: '< 10 ms',
        met: percentile(at10.grade, 99) < 10,
      },
    ];
    rows.push(growthRow('reviews', at10.slowest, at1.slowest, [label(second), label(first)]));
    return rows;
  } finally {
    await db.drop();
  }
}
