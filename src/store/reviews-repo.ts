import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { Grade, GradeInput, GradeOutcome, ReviewCard, Scheduler } from '../core/repository.ts';
import type { CardState, GradeSource, Rating } from '../core/review-rules.ts';
import type { Category } from '../core/types.ts';
import type { Database, ReviewCardsTable } from './schema.ts';

const RATINGS: Rating[] = ['again', 'hard', 'good', 'easy'];
const ratingOf = (n: number): Rating => RATINGS[n - 1] ?? 'again';
const ratingNumber = (r: Rating) => RATINGS.indexOf(r) + 1;

const toCard = (r: Selectable<ReviewCardsTable>): ReviewCard => ({
  id: r.id,
  memberId: r.member_id,
  questionId: r.question_id,
  channelId: r.channel_id,
  due: r.due,
  stability: r.stability,
  difficulty: r.difficulty,
  scheduledDays: r.scheduled_days,
  learningSteps: r.learning_steps,
  reps: r.reps,
  lapses: r.lapses,
  state: r.state,
  lastReview: r.last_review,
  lastGradeId: r.last_grade_id,
});

const cardColumns = (c: CardState) => ({
  due: c.due,
  stability: c.stability,
  difficulty: c.difficulty,
  scheduled_days: c.scheduledDays,
  learning_steps: c.learningSteps,
  reps: c.reps,
  lapses: c.lapses,
  state: c.state,
  last_review: c.lastReview,
});

/** A card state from its JSON in `grades.card_before`. */
function fromJson(value: unknown): CardState | null {
  if (!value) return null;
  const v = (typeof value === 'string' ? JSON.parse(value) : value) as CardState & { due: string; lastReview: string | null };
  return { ...v, due: new Date(v.due), lastReview: v.lastReview ? new Date(v.lastReview) : null };
}

const cardJson = (c: CardState) =>
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

/** The review-log row of a grade that scheduled a card. */
const logRow = (gradeId: number, cardId: number, input: GradeInput, after: CardState, at: Date) => ({
  grade_id: gradeId,
  card_id: cardId,
  member_id: input.memberId,
  source: input.source,
  rating: ratingNumber(input.rating),
  state: after.state,
  due: after.due,
  stability: after.stability,
  difficulty: after.difficulty,
  scheduled_days: after.scheduledDays,
  reviewed_at: at,
});

/** A changed grade that was the card's latest review: grade, card and its log row rewritten in one statement. */
async function rescheduleChanged(
  trx: Transaction<Database>,
  cardId: number,
  gradeId: number,
  input: GradeInput,
  fields: object,
  after: CardState,
  at: Date,
) {
  const log = logRow(gradeId, cardId, input, after, at);
  const row = await trx
    .with('g', (q) =>
      q
        .updateTable('grades')
        .set({ ...fields, updated_at: input.at })
        .where('id', '=', gradeId),
    )
    .with('l', (q) =>
      q
        .insertInto('review_log')
        .values(log)
        .onConflict((oc) =>
          oc.column('grade_id').doUpdateSet({
            rating: log.rating,
            state: log.state,
            due: log.due,
            stability: log.stability,
            difficulty: log.difficulty,
            scheduled_days: log.scheduled_days,
          }),
        ),
    )
    .updateTable('review_cards')
    .set({ ...cardColumns(after), last_grade_id: gradeId, channel_id: input.channelId })
    .where('id', '=', cardId)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toCard(row);
}

/** A first grade: grade inserted, card scheduled and its log row written in one statement. */
async function scheduleNew(
  trx: Transaction<Database>,
  card: ReviewCard,
  before: CardState | null,
  input: GradeInput,
  fields: object,
  after: CardState,
) {
  const log = logRow(0, card.id, input, after, input.at);
  const { rows } = await sql<Selectable<ReviewCardsTable>>`
    with g as (
      insert into grades (member_id, question_id, source, source_id, channel_id, round_id, ticked, total, share, rating,
        card_before, graded_at, updated_at)
      values (${input.memberId}, ${input.questionId}, ${input.source}, ${input.sourceId}, ${input.channelId}, ${input.roundId},
        ${input.ticked}::int[], ${input.total}, ${(fields as { share: number }).share}, ${log.rating},
        ${before ? cardJson(before) : null}::jsonb, ${input.at}, ${input.at})
      returning id
    ), l as (
      insert into review_log (grade_id, card_id, member_id, source, rating, state, due, stability, difficulty, scheduled_days, reviewed_at)
      select g.id, ${card.id}, ${log.member_id}, ${log.source}, ${log.rating}, ${log.state}, ${log.due}, ${log.stability},
        ${log.difficulty}, ${log.scheduled_days}, ${log.reviewed_at} from g
    )
    update review_cards set due = ${after.due}, stability = ${after.stability}, difficulty = ${after.difficulty},
      scheduled_days = ${after.scheduledDays}, learning_steps = ${after.learningSteps}, reps = ${after.reps}, lapses = ${after.lapses},
      state = ${after.state}, last_review = ${after.lastReview}, last_grade_id = (select id from g), channel_id = ${input.channelId}
    where id = ${card.id}
    returning *`.execute(trx);
  return toCard(rows[0]!);
}

/** Grades, FSRS review cards and the review log. */
export function reviewsRepo(db: Kysely<Database>) {
  return {
    /**
     * One transaction: the card row is created if missing and locked, so concurrent grades of one card queue; the
     * grade is inserted or changed by its unique key; the card is scheduled by the core's rule from the state it had
     * before this grade (kept on the grade, so a changed grade starts from the same point).
     */
    async saveGrade(input: GradeInput, schedule: Scheduler): Promise<GradeOutcome> {
      return db.transaction().execute(async (trx) => {
        const { rows } = await sql<Selectable<ReviewCardsTable>>`
          insert into review_cards (member_id, question_id, channel_id, due, stability, difficulty, scheduled_days, learning_steps,
            reps, lapses, state, last_review)
          values (${input.memberId}, ${input.questionId}, ${input.channelId}, ${input.at}, 0, 0, 0, 0, 0, 0, 0, null)
          on conflict (member_id, question_id) do update set member_id = excluded.member_id
          returning *`.execute(trx);
        const card = toCard(rows[0]!);
        const existing = await trx
          .selectFrom('grades')
          .select(['id', 'ticked', 'total', 'card_before', 'graded_at'])
          .where('member_id', '=', input.memberId)
          .where('source', '=', input.source)
          .where('source_id', '=', input.sourceId)
          .executeTakeFirst();
        const fields = {
          ticked: input.ticked,
          total: input.total,
          share: input.ticked.length / input.total,
          rating: ratingNumber(input.rating),
        };
        if (existing) {
          if (existing.total === input.total && existing.ticked.join(',') === input.ticked.join(',')) return { status: 'same', card };
          if (card.lastGradeId !== existing.id) {
            await trx
              .updateTable('grades')
              .set({ ...fields, updated_at: input.at })
              .where('id', '=', existing.id)
              .execute();
            return { status: 'kept', card };
          }
          const after = schedule(fromJson(existing.card_before), input.rating, existing.graded_at);
          return { status: 'changed', card: await rescheduleChanged(trx, card.id, existing.id, input, fields, after, existing.graded_at) };
        }
        const before: CardState | null = card.lastGradeId === null ? null : card;
        const after = schedule(before, input.rating, input.at);
        return { status: 'new', card: await scheduleNew(trx, card, before, input, fields, after) };
      });
    },

    async gradeOf(memberId: string, source: GradeSource, sourceId: string): Promise<Grade | null> {
      const row = await db
        .selectFrom('grades')
        .select(['id', 'ticked', 'total', 'rating'])
        .where('member_id', '=', memberId)
        .where('source', '=', source)
        .where('source_id', '=', sourceId)
        .executeTakeFirst();
      return row ? { id: row.id, ticked: row.ticked, total: row.total, rating: ratingOf(row.rating) } : null;
    },

    async reviewCard(id: number): Promise<ReviewCard | null> {
      const row = await db.selectFrom('review_cards').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toCard(row) : null;
    },

    async nextDueCard(memberId: string, now: Date): Promise<{ card: ReviewCard | null; due: number }> {
      const row = await db
        .selectFrom('review_cards')
        .selectAll()
        .select(sql<number>`count(*) over ()`.as('due_count'))
        .where('member_id', '=', memberId)
        .where('due', '<=', now)
        .orderBy('due')
        .orderBy('id')
        .limit(1)
        .executeTakeFirst();
      return row ? { card: toCard(row), due: Number(row.due_count) } : { card: null, due: 0 };
    },

    async upcomingDue(memberId: string, limit: number): Promise<Date[]> {
      const rows = await db
        .selectFrom('review_cards')
        .select('due')
        .where('member_id', '=', memberId)
        .orderBy('due')
        .limit(limit)
        .execute();
      return rows.map((r) => r.due);
    },

    async learningStats(memberId: string, now: Date) {
      const counts = await db
        .selectFrom('grades')
        .select([
          (eb) => eb.fn.countAll<string>().as('grades'),
          (eb) => eb.fn.count<string>('id').filterWhere('source', '=', 'review').as('reviews'),
        ])
        .where('member_id', '=', memberId)
        .executeTakeFirstOrThrow();
      const mastery = await sql<{ category: string; mastery: number; questions: string; last_at: Date }>`
        select q.category, avg(g.share)::float8 as mastery, count(*) as questions, max(g.updated_at) as last_at
        from (
          select distinct on (question_id) question_id, share, updated_at from grades
          where member_id = ${memberId} order by question_id, updated_at desc
        ) g join questions q on q.id = g.question_id
        group by q.category order by last_at desc, q.category`.execute(db);
      const due = await db
        .selectFrom('review_cards')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('member_id', '=', memberId)
        .where('due', '<=', now)
        .executeTakeFirstOrThrow();
      const next = await db
        .selectFrom('review_cards')
        .select('due')
        .where('member_id', '=', memberId)
        .where('due', '>', now)
        .orderBy('due')
        .limit(3)
        .execute();
      return {
        reviews: Number(counts.reviews),
        grades: Number(counts.grades),
        byCategory: mastery.rows.map((r) => ({
          category: r.category as Category,
          mastery: Number(r.mastery),
          questions: Number(r.questions),
          lastAt: new Date(r.last_at),
        })),
        dueNow: Number(due.n),
        nextDue: next.map((r) => r.due),
      };
    },
  };
}
