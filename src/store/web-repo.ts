import type { Kysely } from 'kysely';
import type { WebPage } from '../core/repository.ts';
import type { Database } from './schema.ts';

export function webRepo(db: Kysely<Database>) {
  return {
    async webPage(channelId: string): Promise<WebPage> {
      const row = await db.selectFrom('web_pages').select(['generation', 'public']).where('channel_id', '=', channelId).executeTakeFirst();
      return row ?? { generation: 1, public: false };
    },

    async setWebPublic(channelId: string, isPublic: boolean, now: Date): Promise<void> {
      await db
        .insertInto('web_pages')
        .values({ channel_id: channelId, public: isPublic, updated_at: now })
        .onConflict((oc) => oc.column('channel_id').doUpdateSet({ public: isPublic, updated_at: now }))
        .execute();
    },

    async rotateWebLinks(channelId: string, now: Date): Promise<number> {
      const row = await db
        .insertInto('web_pages')
        .values({ channel_id: channelId, generation: 2, updated_at: now })
        .onConflict((oc) =>
          oc.column('channel_id').doUpdateSet((eb) => ({ generation: eb('web_pages.generation', '+', 1), updated_at: now })),
        )
        .returning('generation')
        .executeTakeFirstOrThrow();
      return row.generation;
    },

    async hiddenMembers(memberIds: string[]): Promise<Set<string>> {
      if (memberIds.length === 0) return new Set();
      const rows = await db.selectFrom('members').select('id').where('id', 'in', memberIds).where('hidden', '=', true).execute();
      return new Set(rows.map((r) => r.id));
    },
  };
}
