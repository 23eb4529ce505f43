import { type Kysely, type Selectable, sql } from 'kysely';
import type { Grade, GradeInput, GradeOutcome, ReviewCard, Scheduler } from '../core/repository.ts';
import type { CardState, GradeSource } from '../core/review-rules.ts';
import type { Category } from '../core/types.ts';
import { ratingOf, readForGrade, writeChanged, writeKept, writeNew } from './grade-writes.ts';
import type { Database, ReviewCardsTable } from './schema.ts';

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

/** A card state from its JSON in `grades.card_before`. */
function fromJson(value: unknown): CardState | null {
  if (!value) return null;
  const v = (typeof value === 'string' ? JSON.parse(value) : value) as CardState & { due: string; lastReview: string | null };
  return { ...v, due: new Date(v.due), lastReview: v.lastReview ? new Date(v.lastReview) : null };
}

/** Grades, FSRS review cards and the review log. */
export function reviewsRepo(db: Kysely<Database>) {
  return {
    /**
     * Two statements and one commit: the card and any earlier grade of the same source are read (no lock), the core's
     * rule schedules the card, and one statement writes grade, card and review log only if the card is still as it
     * was read (its latest grade unchanged); otherwise another grade of this card got there first and it starts over,
     * so a double click stores one grade. A changed grade reschedules from the card as it was before that grade.
     */
    async saveGrade(input: GradeInput, schedule: Scheduler): Promise<GradeOutcome> {
      for (let attempt = 0; attempt < 5; attempt++) {
        const read = await readForGrade(db, input);
        const existing = read.grade;
        if (existing && read.card) {
          const card = toCard(read.card);
          if (existing.total === input.total && existing.ticked.join(',') === input.ticked.join(',')) return { status: 'same', card };
          if (card.lastGradeId !== existing.id) {
            await writeKept(db, input, existing.id);
            return { status: 'kept', card };
          }
          const after = schedule(fromJson(existing.cardBefore), input.rating, existing.gradedAt);
          const written = await writeChanged(db, input, card.id, existing.id, after, existing.gradedAt);
          if (written) return { status: 'changed', card: toCard(written) };
          continue;
        }
        const before = read.card && read.card.last_grade_id !== null ? toCard(read.card) : null;
        const written = await writeNew(db, input, read, before, schedule(before, input.rating, input.at));
        if (written) return { status: 'new', card: toCard(written) };
      }
      throw new Error(`grading ${input.memberId} on ${input.questionId} kept meeting concurrent grades`);
    },

    async addReviewCard(memberId: string, questionId: string, channelId: string, at: Date): Promise<boolean> {
      const rows = await db
        .insertInto('review_cards')
        .values({
          member_id: memberId,
          question_id: questionId,
          channel_id: channelId,
          due: at,
          stability: 0,
          difficulty: 0,
          scheduled_days: 0,
          learning_steps: 0,
          reps: 0,
          lapses: 0,
          state: 0,
          last_review: null,
          last_grade_id: null,
        })
        .onConflict((oc) => oc.columns(['member_id', 'question_id']).doNothing())
        .returning('id')
        .execute();
      return rows.length > 0;
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
