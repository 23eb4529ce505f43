import type { Kysely } from 'kysely';
import type { Member } from '../core/types.ts';
import { eraseMember } from './erase-member.ts';
import type { Database } from './schema.ts';

/** Hiding a member's name, and erasing a member (the steps are in erase-member.ts). */
export function privacyRepo(db: Kysely<Database>) {
  return {
    async setHidden(member: Member, communityId: string, hidden: boolean): Promise<void> {
      await db
        .insertInto('members')
        .values({ id: member.id, community_id: communityId, name: member.name, hidden })
        .onConflict((oc) => oc.column('id').doUpdateSet({ hidden }))
        .execute();
    },

    async isHidden(memberId: string): Promise<boolean> {
      const row = await db.selectFrom('members').select('hidden').where('id', '=', memberId).executeTakeFirst();
      return row?.hidden ?? false;
    },

    eraseMember: (memberId: string) => eraseMember(db, memberId),
  };
}
