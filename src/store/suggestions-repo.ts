import { type Kysely, type Selectable, sql } from 'kysely';
import type { PickCandidate } from '../core/picker.ts';
import type { Decision, NewSuggestion, Suggestion, SuggestionScope } from '../core/repository.ts';
import type { SuggestedQuestion, SuggestionFields } from '../core/suggestion-rules.ts';
import type { Category, Level, Question } from '../core/types.ts';
import { toQuestion } from './mappers.ts';
import type { Database, SuggestionsTable } from './schema.ts';

const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);

const toSuggestion = (r: Selectable<SuggestionsTable>): Suggestion => ({
  id: r.id,
  channelId: r.channel_id,
  communityId: r.community_id,
  authorId: r.author_id,
  authorName: r.author_name,
  status: r.status,
  question: json(r.body) as SuggestedQuestion,
  questionId: r.question_id,
  scope: r.scope,
  reason: r.reason,
  decidedBy: r.decided_by,
});

/** Suggestions, drafts, the pools approved questions join, and the next-round pick. */
export function suggestionsRepo(db: Kysely<Database>) {
  /** A pending suggestion decided once: the row updated only while pending; else the row as it stands. */
  async function decide(id: number, update: () => Promise<Selectable<SuggestionsTable> | undefined>): Promise<Decision> {
    const done = await update();
    if (done) return { status: 'done', suggestion: toSuggestion(done) };
    const row = await db.selectFrom('suggestions').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? { status: 'decided', suggestion: toSuggestion(row) } : { status: 'missing' };
  }

  return {
    async addSuggestion(input: NewSuggestion): Promise<Suggestion> {
      await db
        .insertInto('suggestions')
        .values({
          channel_id: input.channelId,
          community_id: input.communityId,
          author_id: input.authorId,
          author_name: input.authorName,
          status: 'pending',
          body: JSON.stringify(input.question),
          submission_id: input.submissionId,
          created_at: input.at,
        })
        .onConflict((oc) => oc.column('submission_id').doNothing())
        .execute();
      const row = await db.selectFrom('suggestions').selectAll().where('submission_id', '=', input.submissionId).executeTakeFirstOrThrow();
      return toSuggestion(row);
    },

    async getSuggestion(id: number): Promise<Suggestion | null> {
      const row = await db.selectFrom('suggestions').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toSuggestion(row) : null;
    },

    async pendingSuggestions(channelId: string, limit: number) {
      const rows = await db
        .selectFrom('suggestions')
        .selectAll()
        .select(sql<string>`count(*) over ()`.as('total'))
        .where('channel_id', '=', channelId)
        .where('status', '=', 'pending')
        .orderBy('id')
        .limit(limit)
        .execute();
      return { suggestions: rows.map(toSuggestion), total: Number(rows[0]?.total ?? 0) };
    },

    async editSuggestion(id: number, question: SuggestedQuestion): Promise<boolean> {
      const result = await db
        .updateTable('suggestions')
        .set({ body: JSON.stringify(question) })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    approveSuggestion(id: number, scope: SuggestionScope, slug: string, by: string, at: Date): Promise<Decision> {
      return decide(id, () =>
        db.transaction().execute(async (trx) => {
          const row = await trx
            .selectFrom('suggestions')
            .selectAll()
            .where('id', '=', id)
            .where('status', '=', 'pending')
            .forUpdate()
            .executeTakeFirst();
          if (!row) return undefined;
          const taken = new Set(
            (await trx.selectFrom('questions').select('id').where('id', 'like', `${slug}%`).execute()).map((q) => q.id),
          );
          let questionId = slug;
          for (let n = 2; taken.has(questionId); n++) questionId = `${slug.slice(0, 55)}-${n}`;
          const body = json(row.body) as SuggestedQuestion;
          const question: Question = { ...body, id: questionId, suggested_by: row.author_name };
          await trx
            .insertInto('questions')
            .values({
              id: questionId,
              category: question.category,
              level: question.level,
              prompt: question.prompt,
              tags: question.tags,
              body: JSON.stringify(question),
              content_hash: `suggestion-${id}`,
              scope_id: scope === 'channel' ? row.channel_id : row.community_id,
            })
            .execute();
          return trx
            .updateTable('suggestions')
            .set({ status: 'approved', question_id: questionId, scope, decided_by: by, decided_at: at })
            .where('id', '=', id)
            .returningAll()
            .executeTakeFirst();
        }),
      );
    },

    rejectSuggestion(id: number, reason: string, by: string, at: Date): Promise<Decision> {
      return decide(id, () =>
        db
          .updateTable('suggestions')
          .set({ status: 'rejected', reason, decided_by: by, decided_at: at })
          .where('id', '=', id)
          .where('status', '=', 'pending')
          .returningAll()
          .executeTakeFirst(),
      );
    },

    async approvedQuestions(channelId: string, communityId: string, limit: number) {
      const rows = await db
        .selectFrom('suggestions as s')
        .innerJoin('questions as q', 'q.id', 's.question_id')
        .select(['q.body', 's.author_name'])
        .where('s.status', '=', 'approved')
        .where((eb) =>
          eb.or([eb('s.channel_id', '=', channelId), eb.and([eb('s.community_id', '=', communityId), eb('s.scope', '=', 'community')])]),
        )
        .orderBy('s.id')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ question: toQuestion(r), authorName: r.author_name }));
    },

    async scopedCandidates(channelId: string, communityId: string): Promise<PickCandidate[]> {
      const rows = await db
        .selectFrom('questions')
        .select(['id', 'category', 'level'])
        .where('scope_id', 'in', [channelId, communityId])
        .where('retired_at', 'is', null)
        .execute();
      return rows.map((r) => ({ id: r.id, category: r.category as Category, level: r.level as Level }));
    },

    async roundChoices(channelId: string, communityId: string) {
      const { rows } = await sql<{ kind: string; id: string; category: string; level: string }>`
        select 'next' as kind, n.question_id as id, q.category, q.level from next_questions n
          join questions q on q.id = n.question_id where n.channel_id = ${channelId} and q.retired_at is null
        union all
        select 'pool', id, category, level from questions
          where scope_id in (${channelId}, ${communityId}) and retired_at is null`.execute(db);
      return {
        next: rows.find((r) => r.kind === 'next')?.id ?? null,
        pool: rows.filter((r) => r.kind === 'pool').map((r) => ({ id: r.id, category: r.category as Category, level: r.level as Level })),
      };
    },

    async askableQuestion(id: string, channelId: string, communityId: string): Promise<Question | null> {
      const row = await db
        .selectFrom('questions')
        .select('body')
        .where('id', '=', id)
        .where('retired_at', 'is', null)
        .where((eb) => eb.or([eb('scope_id', 'is', null), eb('scope_id', 'in', [channelId, communityId])]))
        .executeTakeFirst();
      return row ? toQuestion(row) : null;
    },

    async draft(memberId: string, channelId: string, target: string): Promise<SuggestionFields | null> {
      const row = await db
        .selectFrom('suggestion_drafts')
        .select('fields')
        .where('member_id', '=', memberId)
        .where('channel_id', '=', channelId)
        .where('target', '=', target)
        .executeTakeFirst();
      return row ? (json(row.fields) as SuggestionFields) : null;
    },

    async saveDraft(memberId: string, channelId: string, target: string, fields: SuggestionFields, at: Date): Promise<void> {
      await db
        .insertInto('suggestion_drafts')
        .values({ member_id: memberId, channel_id: channelId, target, fields: JSON.stringify(fields), updated_at: at })
        .onConflict((oc) =>
          oc.columns(['member_id', 'channel_id', 'target']).doUpdateSet({ fields: JSON.stringify(fields), updated_at: at }),
        )
        .execute();
    },

    async dropDraft(memberId: string, channelId: string, target: string): Promise<void> {
      await db
        .deleteFrom('suggestion_drafts')
        .where('member_id', '=', memberId)
        .where('channel_id', '=', channelId)
        .where('target', '=', target)
        .execute();
    },

    async nextQuestion(channelId: string): Promise<string | null> {
      const row = await db
        .selectFrom('next_questions as n')
        .innerJoin('questions as q', 'q.id', 'n.question_id')
        .select('n.question_id')
        .where('n.channel_id', '=', channelId)
        .where('q.retired_at', 'is', null)
        .executeTakeFirst();
      return row?.question_id ?? null;
    },

    async setNextQuestion(channelId: string, questionId: string | null, by: string, at: Date): Promise<void> {
      if (questionId === null) {
        await db.deleteFrom('next_questions').where('channel_id', '=', channelId).execute();
        return;
      }
      await db
        .insertInto('next_questions')
        .values({ channel_id: channelId, question_id: questionId, set_by: by, set_at: at })
        .onConflict((oc) => oc.column('channel_id').doUpdateSet({ question_id: questionId, set_by: by, set_at: at }))
        .execute();
    },

    async clearNextQuestion(channelId: string, questionId: string): Promise<void> {
      await db.deleteFrom('next_questions').where('channel_id', '=', channelId).where('question_id', '=', questionId).execute();
    },
  };
}
