import type { Kysely } from 'kysely';
import type { CheckinAnswer, PairFeedback, PairsStore } from '../core/repository/pairs-store.ts';
import type { Database } from './schema.ts';

type FeedbackPart = Pick<PairsStore, 'recordCheckin' | 'saveFeedback' | 'releaseFeedbackDelivery' | 'claimFeedbackDelivery'>;

/** Pairs' check-ins (one answer per member and group) and feedback (one form per member and group, delivered once). */
export function pairFeedbackRepo(db: Kysely<Database>): FeedbackPart {
  return {
    async recordCheckin(groupId, memberId, answer, at) {
      await db
        .insertInto('pair_checkins')
        .values({ group_id: groupId, member_id: memberId, answer, answered_at: at })
        .onConflict((oc) => oc.columns(['group_id', 'member_id']).doUpdateSet({ answer, answered_at: at }))
        .execute();
      const rows = await db.selectFrom('pair_checkins').select(['member_id', 'answer']).where('group_id', '=', groupId).execute();
      return new Map(rows.map((r) => [r.member_id, r.answer as CheckinAnswer]));
    },

    async saveFeedback(f: PairFeedback, at: Date) {
      const row = await db
        .insertInto('pair_feedback')
        .values({
          group_id: f.groupId,
          from_member: f.fromMember,
          to_member: f.toMember,
          structure: f.structure,
          depth: f.depth,
          communication: f.communication,
          advice: f.advice,
          submitted_at: at,
        })
        .onConflict((oc) => oc.columns(['group_id', 'from_member']).doNothing())
        .returning('group_id')
        .executeTakeFirst();
      return row !== undefined;
    },

    async releaseFeedbackDelivery(groupId, fromMember) {
      await db
        .updateTable('pair_feedback')
        .set({ delivered_at: null })
        .where('group_id', '=', groupId)
        .where('from_member', '=', fromMember)
        .execute();
    },

    async claimFeedbackDelivery(groupId, fromMember, at) {
      const row = await db
        .updateTable('pair_feedback')
        .set({ delivered_at: at })
        .where('group_id', '=', groupId)
        .where('from_member', '=', fromMember)
        .where('delivered_at', 'is', null)
        .returningAll()
        .executeTakeFirst();
      return row
        ? {
            groupId: row.group_id,
            fromMember: row.from_member,
            toMember: row.to_member,
            structure: row.structure,
            depth: row.depth,
            communication: row.communication,
            advice: row.advice,
          }
        : null;
    },
  };
}
