import type { Kysely } from 'kysely';
import type { Channel } from '../core/types.ts';
import { toChannel } from './mappers.ts';
import type { Database } from './schema.ts';

export function communityAccessRepo(db: Kysely<Database>) {
  return {
    async pauseCommunity(communityId: string, reason: string): Promise<string[]> {
      const rows = await db
        .updateTable('channels')
        .set({ active: false, paused_reason: reason, next_post_at: null, updated_at: new Date() })
        .where('community_id', '=', communityId)
        .where('active', '=', true)
        .returning('id')
        .execute();
      return rows.map((r) => r.id).sort();
    },

    async channelsPausedFor(communityId: string, reasons: string[]): Promise<Channel[]> {
      if (reasons.length === 0) return [];
      const rows = await db
        .selectFrom('channels')
        .selectAll()
        .where('community_id', '=', communityId)
        .where('active', '=', false)
        .where('paused_reason', 'in', reasons)
        .orderBy('id')
        .execute();
      return rows.map(toChannel);
    },
  };
}
