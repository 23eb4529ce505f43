import { type Kysely, type Selectable, sql } from 'kysely';
import type { PastCycle } from '../core/pairing.ts';
import type { NewPairCycle, PairEnrolment, PairGroupRow, PairsStore, PairTurnRow } from '../core/repository/pairs-store.ts';
import type { Channel } from '../core/types.ts';
import { later } from './claims-repo.ts';
import { toChannel } from './mappers.ts';
import { pairFeedbackRepo } from './pair-feedback-repo.ts';
import type { Database, PairGroupsTable, PairMembersTable } from './schema.ts';

const toEnrolment = (row: Selectable<PairMembersTable>): PairEnrolment => ({
  channelId: row.channel_id,
  memberId: row.member_id,
  level: row.level,
  timezone: row.timezone,
  active: row.active,
  snoozedUntil: row.snoozed_until,
});

/** The Kysely side of pairs; every write is keyed (channel and date, group and member) so a replay changes nothing. */
export function pairsRepo(db: Kysely<Database>): PairsStore {
  async function withTurns(rows: (Selectable<PairGroupsTable> & { local_date: string })[]): Promise<PairGroupRow[]> {
    if (rows.length === 0) return [];
    const turns = await db
      .selectFrom('pair_turns')
      .selectAll()
      .where(
        'group_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('position')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      cycleId: r.cycle_id,
      channelId: r.channel_id,
      localDate: r.local_date,
      members: r.members,
      status: r.status,
      spaceId: r.space_id,
      attempts: r.attempts,
      progress: r.progress,
      checkinAt: r.checkin_at,
      turns: turns
        .filter((t) => t.group_id === r.id)
        .map((t): PairTurnRow => ({ interviewer: t.interviewer, candidate: t.candidate, questionId: t.question_id })),
    }));
  }

  const groups = () => db.selectFrom('pair_groups').innerJoin('pair_cycles', 'pair_cycles.id', 'pair_groups.cycle_id');

  return {
    ...pairFeedbackRepo(db),

    async savePairMember(e, at) {
      const values = { level: e.level, timezone: e.timezone, active: e.active, snoozed_until: e.snoozedUntil, updated_at: at };
      await db
        .insertInto('pair_members')
        .values({ channel_id: e.channelId, member_id: e.memberId, ...values })
        .onConflict((oc) => oc.columns(['channel_id', 'member_id']).doUpdateSet(values))
        .execute();
    },

    async pairMember(channelId, memberId) {
      const row = await db
        .selectFrom('pair_members')
        .selectAll()
        .where('channel_id', '=', channelId)
        .where('member_id', '=', memberId)
        .executeTakeFirst();
      return row ? toEnrolment(row) : null;
    },

    async pairMembers(channelId) {
      const rows = await db
        .selectFrom('pair_members')
        .selectAll()
        .where('channel_id', '=', channelId)
        .where('active', '=', true)
        .orderBy('member_id')
        .execute();
      return rows.map(toEnrolment);
    },

    async pairHistory(channelId, limit): Promise<PastCycle[]> {
      const cycles = await db
        .selectFrom('pair_cycles')
        .select(['id', 'local_date', 'unmatched'])
        .where('channel_id', '=', channelId)
        .orderBy('local_date', 'desc')
        .limit(limit)
        .execute();
      if (cycles.length === 0) return [];
      const rows = await db
        .selectFrom('pair_groups')
        .select(['cycle_id', 'members'])
        .where(
          'cycle_id',
          'in',
          cycles.map((c) => c.id),
        )
        .orderBy('position')
        .execute();
      return cycles.map((c) => ({
        date: c.local_date,
        unmatched: c.unmatched,
        groups: rows.filter((r) => r.cycle_id === c.id).map((r) => r.members),
      }));
    },

    async questionsSeen(memberIds) {
      const seen = new Map<string, Set<string>>(memberIds.map((id) => [id, new Set<string>()]));
      if (memberIds.length === 0) return seen;
      const answered = await db
        .selectFrom('answers')
        .innerJoin('rounds', 'rounds.id', 'answers.round_id')
        .select(['answers.member_id as member', 'rounds.question_id as question'])
        .where('answers.member_id', 'in', memberIds)
        .where('answers.withdrawn_at', 'is', null)
        .execute();
      const given = await db
        .selectFrom('pair_turns')
        .select(['candidate as member', 'question_id as question'])
        .where('candidate', 'in', memberIds)
        .where('question_id', 'is not', null)
        .execute();
      for (const row of [...answered, ...given]) if (row.question) seen.get(row.member)?.add(row.question);
      return seen;
    },

    async claimDuePairChannels(now, limit, leaseMs): Promise<Channel[]> {
      const rows = await db
        .updateTable('channels')
        .set({ pairs_lease_until: later(now, leaseMs) })
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('channels')
            .select('id')
            .where('active', '=', true)
            .where('pairs_weekday', 'is not', null)
            .where('next_pairs_at', '<=', now)
            .where((w) => w.or([w('pairs_lease_until', 'is', null), w('pairs_lease_until', '<', now)]))
            .orderBy('next_pairs_at')
            .limit(limit)
            .forUpdate()
            .skipLocked(),
        )
        .returningAll()
        .execute();
      return rows.map(toChannel);
    },

    async releasePairChannel(channelId, nextPairsAt) {
      await db.updateTable('channels').set({ next_pairs_at: nextPairsAt, pairs_lease_until: null }).where('id', '=', channelId).execute();
    },

    async createPairCycle(cycle: NewPairCycle, at: Date) {
      return db.transaction().execute(async (trx) => {
        const created = await trx
          .insertInto('pair_cycles')
          .values({
            channel_id: cycle.channelId,
            local_date: cycle.localDate,
            due_at: cycle.dueAt,
            unmatched: cycle.unmatched,
            snoozed: cycle.snoozed,
            created_at: at,
          })
          .onConflict((oc) => oc.columns(['channel_id', 'local_date']).doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!created) return null;
        for (const [position, group] of cycle.groups.entries()) {
          const row = await trx
            .insertInto('pair_groups')
            .values({
              cycle_id: created.id,
              channel_id: cycle.channelId,
              position,
              members: group.members,
              status: 'posting',
              checkin_at: cycle.checkinAt,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          await trx
            .insertInto('pair_turns')
            .values(
              group.turns.map((t, i) => ({
                group_id: row.id,
                position: i,
                interviewer: t.interviewer,
                candidate: t.candidate,
                question_id: t.questionId,
              })),
            )
            .execute();
        }
        return created.id;
      });
    },

    async claimPairGroups(now, limit, leaseMs) {
      const claimed = await db
        .updateTable('pair_groups')
        .set((eb) => ({ lease_until: later(now, leaseMs), attempts: eb('attempts', '+', 1) }))
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('pair_groups')
            .select('id')
            .where((w) => w.or([w('status', '=', 'posting'), w.and([w('status', '=', 'posted'), w('checkin_at', '<=', now)])]))
            .where((w) => w.or([w('lease_until', 'is', null), w('lease_until', '<', now)]))
            .orderBy('id')
            .limit(limit)
            .forUpdate()
            .skipLocked(),
        )
        .returning('id')
        .execute();
      if (claimed.length === 0) return [];
      const rows = await groups()
        .selectAll('pair_groups')
        .select('pair_cycles.local_date')
        .where(
          'pair_groups.id',
          'in',
          claimed.map((c) => c.id),
        )
        .orderBy('pair_groups.id')
        .execute();
      return withTurns(rows);
    },

    async setPairSpace(groupId, spaceId) {
      await db.updateTable('pair_groups').set({ space_id: spaceId }).where('id', '=', groupId).execute();
    },

    async setPairProgress(groupId, progress) {
      await db.updateTable('pair_groups').set({ progress }).where('id', '=', groupId).execute();
    },

    async finishPairGroup(groupId, status) {
      await db.updateTable('pair_groups').set({ status, lease_until: null, attempts: 0 }).where('id', '=', groupId).execute();
    },

    async pairGroup(groupId) {
      const rows = await groups().selectAll('pair_groups').select('pair_cycles.local_date').where('pair_groups.id', '=', groupId).execute();
      return (await withTurns(rows))[0] ?? null;
    },

    async latestPairGroup(channelId, memberId) {
      const latest = await db
        .selectFrom('pair_cycles')
        .select(['id', 'local_date'])
        .where('channel_id', '=', channelId)
        .orderBy('local_date', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (!latest) return null;
      const rows = await groups()
        .selectAll('pair_groups')
        .select('pair_cycles.local_date')
        .where('pair_groups.cycle_id', '=', latest.id)
        .where(sql<boolean>`${memberId} = any(pair_groups.members)`)
        .execute();
      return (await withTurns(rows))[0] ?? null;
    },

    async latestPairCycleDate(channelId) {
      const row = await db
        .selectFrom('pair_cycles')
        .select('local_date')
        .where('channel_id', '=', channelId)
        .orderBy('local_date', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row?.local_date ?? null;
    },
  };
}
