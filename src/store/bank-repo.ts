import { type Kysely, sql } from 'kysely';
import type { PickCandidate } from '../core/picker.ts';
import type { Practice, QuestionSearch } from '../core/repository.ts';
import type { Category, Level, Question } from '../core/types.ts';
import { toQuestion } from './mappers.ts';
import type { Database } from './schema.ts';

export interface BankEntry {
  question: Question;
  hash: string;
}

export interface SyncReport {
  added: number;
  updated: number;
  retired: number;
  unchanged: number;
}

const escapeLike = (word: string) => word.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The question bank (read, searched, synced from the files) and members' practice questions. */
export function bankRepo(db: Kysely<Database>) {
  return {
    async questionCandidates(): Promise<PickCandidate[]> {
      const rows = await db
        .selectFrom('questions')
        .select(['id', 'category', 'level'])
        .where('retired_at', 'is', null)
        .where('scope_id', 'is', null)
        // In a stable order, so that a seeded draw picks the same question whatever the table's history.
        .orderBy('id')
        .execute();
      return rows.map((r) => ({ id: r.id, category: r.category as Category, level: r.level as Level }));
    },

    async questionUsage(channelId: string): Promise<Map<string, Date>> {
      const rows = await db
        .selectFrom('rounds')
        .select(['question_id', (eb) => eb.fn.max('post_at').as('last_used')])
        .where('channel_id', '=', channelId)
        .groupBy('question_id')
        .execute();
      return new Map(rows.map((r) => [r.question_id, new Date(r.last_used as Date)]));
    },

    async getQuestion(id: string): Promise<Question | null> {
      const row = await db.selectFrom('questions').select('body').where('id', '=', id).executeTakeFirst();
      return row ? toQuestion(row) : null;
    },

    async searchQuestions(search: QuestionSearch, limit: number): Promise<Question[]> {
      let query = db.selectFrom('questions').select('body').where('retired_at', 'is', null).where('scope_id', 'is', null);
      if (search.categories.length) query = query.where('category', 'in', search.categories);
      if (search.levels.length) query = query.where('level', 'in', search.levels);
      for (const word of search.words) {
        const pattern = `%${escapeLike(word.toLowerCase())}%`;
        query = query.where((eb) =>
          eb.or([
            eb(sql`lower(prompt)`, 'like', pattern),
            eb(sql`lower(array_to_string(tags, ' '))`, 'like', pattern),
            eb(sql`lower(id)`, 'like', pattern),
          ]),
        );
      }
      const first = search.words[0]?.toLowerCase();
      if (first) {
        const pattern = `%${escapeLike(first)}%`;
        query = query.orderBy(
          sql`case when ${first} = any(tags) then 0 when lower(array_to_string(tags, ' ')) like ${pattern} then 1 when lower(prompt) like ${pattern} then 2 else 3 end`,
        );
      }
      const rows = await query.orderBy(sql`random()`).limit(limit).execute();
      return rows.map(toQuestion);
    },

    async categoryCounts(): Promise<{ category: Category; level: Level; count: number }[]> {
      const rows = await db
        .selectFrom('questions')
        .select(['category', 'level', (eb) => eb.fn.countAll().as('count')])
        .where('retired_at', 'is', null)
        .where('scope_id', 'is', null)
        .groupBy(['category', 'level'])
        .execute();
      return rows.map((r) => ({ category: r.category as Category, level: r.level as Level, count: Number(r.count) }));
    },

    /** Upserts the bank by id and content hash and retires (never deletes) questions no longer in the files. */
    async syncQuestions(entries: BankEntry[], now: Date): Promise<SyncReport> {
      return db.transaction().execute(async (trx) => {
        const existing = new Map(
          (await trx.selectFrom('questions').select(['id', 'content_hash', 'retired_at']).where('scope_id', 'is', null).execute()).map(
            (r) => [r.id, r],
          ),
        );
        const report: SyncReport = { added: 0, updated: 0, retired: 0, unchanged: 0 };
        const changed = [];
        for (const { question: q, hash } of entries) {
          const before = existing.get(q.id);
          existing.delete(q.id);
          if (before && before.content_hash === hash && before.retired_at === null) {
            report.unchanged++;
            continue;
          }
          if (before) report.updated++;
          else report.added++;
          changed.push({
            id: q.id,
            category: q.category,
            level: q.level,
            prompt: q.prompt,
            tags: q.tags,
            body: JSON.stringify(q),
            content_hash: hash,
            retired_at: null,
            updated_at: now,
          });
        }
        for (let i = 0; i < changed.length; i += 500) {
          await trx
            .insertInto('questions')
            .values(changed.slice(i, i + 500))
            .onConflict((oc) =>
              oc.column('id').doUpdateSet((eb) => ({
                category: eb.ref('excluded.category'),
                level: eb.ref('excluded.level'),
                prompt: eb.ref('excluded.prompt'),
                tags: eb.ref('excluded.tags'),
                body: eb.ref('excluded.body'),
                content_hash: eb.ref('excluded.content_hash'),
                retired_at: null,
                updated_at: now,
              })),
            )
            .execute();
        }
        const gone = [...existing.values()].filter((r) => r.retired_at === null).map((r) => r.id);
        if (gone.length) {
          await trx.updateTable('questions').set({ retired_at: now }).where('id', 'in', gone).execute();
          report.retired = gone.length;
        }
        return report;
      });
    },

    async createPractice(memberId: string, channelId: string, questionId: string, at: Date): Promise<number> {
      const row = await db
        .insertInto('practices')
        .values({ member_id: memberId, channel_id: channelId, question_id: questionId, created_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async latestPractice(memberId: string): Promise<Practice | null> {
      const row = await db
        .selectFrom('practices')
        .select(['id', 'question_id', 'revealed_at'])
        .where('member_id', '=', memberId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .executeTakeFirst();
      return row ? { id: row.id, questionId: row.question_id, revealedAt: row.revealed_at } : null;
    },

    async markPracticeRevealed(id: number, at: Date): Promise<void> {
      await db.updateTable('practices').set({ revealed_at: at }).where('id', '=', id).execute();
    },
  };
}
