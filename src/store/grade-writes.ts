import { type Kysely, type Selectable, sql } from 'kysely';
import type { GradeInput } from '../core/repository.ts';
import type { CardState, Rating } from '../core/review-rules.ts';
import type { Database, ReviewCardsTable } from './schema.ts';

const RATINGS: Rating[] = ['again', 'hard', 'good', 'easy'];
export const ratingNumber = (r: Rating) => RATINGS.indexOf(r) + 1;
export const ratingOf = (n: number): Rating => RATINGS[n - 1] ?? 'again';

/** What a grade is written against: the card (if any), the earlier grade of the same source (if any), and a fresh grade id. */
export interface GradeRead {
  card: Selectable<ReviewCardsTable> | null;
  grade: { id: number; ticked: number[]; total: number; cardBefore: unknown; gradedAt: Date } | null;
  nextId: number;
}

type ReadRow = Selectable<ReviewCardsTable> & {
  card_id: number | null;
  grade_id: number | null;
  grade_ticked: number[] | null;
  grade_total: number | null;
  card_before: unknown;
  graded_at: Date | null;
  next_id: number;
};

/** One statement, no lock: the card, the grade of the same member and source, and the next grade id. */
export async function readForGrade(db: Kysely<Database>, input: GradeInput): Promise<GradeRead> {
  const { rows } = await sql<ReadRow>`
    select c.*, c.id as card_id, g.id as grade_id, g.ticked as grade_ticked, g.total as grade_total, g.card_before, g.graded_at,
      nextval(pg_get_serial_sequence('grades', 'id'))::int as next_id
    from (select 1) as one
      left join review_cards c on c.member_id = ${input.memberId} and c.question_id = ${input.questionId}
      left join grades g on g.member_id = ${input.memberId} and g.source = ${input.source} and g.source_id = ${input.sourceId}`.execute(db);
  const row = rows[0]!;
  return {
    card: row.card_id === null ? null : { ...row, id: row.card_id },
    grade:
      row.grade_id === null
        ? null
        : {
            id: row.grade_id,
            ticked: row.grade_ticked ?? [],
            total: row.grade_total ?? 0,
            cardBefore: row.card_before,
            gradedAt: row.graded_at!,
          },
    nextId: Number(row.next_id),
  };
}

export const cardJson = (c: CardState) =>
  JSON.stringify({
    due: c.due,
    stability: c.stability,
    difficulty: c.difficulty,
    scheduledDays: c.scheduledDays,
    learningSteps: c.learningSteps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state,
    lastReview: c.lastReview,
  });

const share = (input: GradeInput) => input.ticked.length / input.total;

/**
 * A first grade, in one statement: the card inserted or, when it is still as it was read (same latest grade),
 * rescheduled; the grade and its review-log row written only if the card was. No row: another grade got there first.
 */
export async function writeNew(db: Kysely<Database>, input: GradeInput, read: GradeRead, before: CardState | null, after: CardState) {
  const id = read.nextId;
  const rating = ratingNumber(input.rating);
  const { rows } = await sql<Selectable<ReviewCardsTable>>`
    with c as (
      insert into review_cards (member_id, question_id, channel_id, due, stability, difficulty, scheduled_days, learning_steps, reps,
        lapses, state, last_review, last_grade_id)
      values (${input.memberId}, ${input.questionId}, ${input.channelId}, ${after.due}, ${after.stability}, ${after.difficulty},
        ${after.scheduledDays}, ${after.learningSteps}, ${after.reps}, ${after.lapses}, ${after.state}, ${after.lastReview}, ${id})
      on conflict (member_id, question_id) do update set due = excluded.due, stability = excluded.stability,
        difficulty = excluded.difficulty, scheduled_days = excluded.scheduled_days, learning_steps = excluded.learning_steps,
        reps = excluded.reps, lapses = excluded.lapses, state = excluded.state, last_review = excluded.last_review,
        last_grade_id = excluded.last_grade_id, channel_id = excluded.channel_id
      where ${read.card !== null}::boolean and review_cards.last_grade_id is not distinct from ${read.card?.last_grade_id ?? null}::int
      returning *
    ), g as (
      insert into grades (id, member_id, question_id, source, source_id, channel_id, round_id, ticked, total, share, rating,
        card_before, graded_at, updated_at) overriding system value
      select ${id}, ${input.memberId}, ${input.questionId}, ${input.source}, ${input.sourceId}, ${input.channelId}, ${input.roundId},
        ${input.ticked}::int[], ${input.total}, ${share(input)}, ${rating}, ${before ? cardJson(before) : null}::jsonb, ${input.at},
        ${input.at}
      from c
      returning id
    ), l as (
      insert into review_log (grade_id, card_id, member_id, source, rating, state, due, stability, difficulty, scheduled_days, reviewed_at)
      select g.id, c.id, ${input.memberId}, ${input.source}, ${rating}, ${after.state}, ${after.due}, ${after.stability},
        ${after.difficulty}, ${after.scheduledDays}, ${input.at}
      from g cross join c
    )
    select * from c`.execute(db);
  return rows[0] ?? null;
}

/**
 * A changed grade that is still the card's latest, in one statement: card rescheduled, grade and its log row rewritten.
 * No row: the card moved on since it was read.
 */
export async function writeChanged(db: Kysely<Database>, input: GradeInput, cardId: number, gradeId: number, after: CardState, at: Date) {
  const rating = ratingNumber(input.rating);
  const { rows } = await sql<Selectable<ReviewCardsTable>>`
    with c as (
      update review_cards set due = ${after.due}, stability = ${after.stability}, difficulty = ${after.difficulty},
        scheduled_days = ${after.scheduledDays}, learning_steps = ${after.learningSteps}, reps = ${after.reps},
        lapses = ${after.lapses}, state = ${after.state}, last_review = ${after.lastReview}, channel_id = ${input.channelId}
      where id = ${cardId} and last_grade_id = ${gradeId}
      returning *
    ), g as (
      update grades set ticked = ${input.ticked}::int[], total = ${input.total}, share = ${share(input)}, rating = ${rating},
        updated_at = ${input.at}
      where id = ${gradeId} and exists (select 1 from c)
    ), l as (
      insert into review_log (grade_id, card_id, member_id, source, rating, state, due, stability, difficulty, scheduled_days, reviewed_at)
      select ${gradeId}, c.id, ${input.memberId}, ${input.source}, ${rating}, ${after.state}, ${after.due}, ${after.stability},
        ${after.difficulty}, ${after.scheduledDays}, ${at}
      from c
      on conflict (grade_id) do update set rating = excluded.rating, state = excluded.state, due = excluded.due,
        stability = excluded.stability, difficulty = excluded.difficulty, scheduled_days = excluded.scheduled_days
    )
    select * from c`.execute(db);
  return rows[0] ?? null;
}

/** A changed grade whose card was reviewed since: the grade alone. */
export async function writeKept(db: Kysely<Database>, input: GradeInput, gradeId: number): Promise<void> {
  await db
    .updateTable('grades')
    .set({ ticked: input.ticked, total: input.total, share: share(input), rating: ratingNumber(input.rating), updated_at: input.at })
    .where('id', '=', gradeId)
    .execute();
}
