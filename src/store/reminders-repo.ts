import { type Kysely, sql } from 'kysely';
import type { LeastTicked, Reminder } from '../core/repository.ts';
import type { Round } from '../core/types.ts';
import { later } from './claims-repo.ts';
import { toRound } from './mappers.ts';
import type { Database } from './schema.ts';

/** Review reminders (claimed like posts and digests), who is due or away, the probes' guidance and the digest's least-ticked point. */
export function remindersRepo(db: Kysely<Database>) {
  return {
    async reminder(memberId: string): Promise<Reminder | null> {
      const row = await db.selectFrom('review_reminders').selectAll().where('member_id', '=', memberId).executeTakeFirst();
      return row
        ? { memberId: row.member_id, channelId: row.channel_id, time: row.remind_time, timezone: row.timezone, nextAt: row.next_at }
        : null;
    },

    async setReminder(reminder: Reminder | { memberId: string; off: true }): Promise<void> {
      if ('off' in reminder) {
        await db.deleteFrom('review_reminders').where('member_id', '=', reminder.memberId).execute();
        return;
      }
      const row = {
        channel_id: reminder.channelId,
        remind_time: reminder.time,
        timezone: reminder.timezone,
        next_at: reminder.nextAt,
        lease_until: null,
      };
      await db
        .insertInto('review_reminders')
        .values({ member_id: reminder.memberId, ...row })
        .onConflict((oc) => oc.column('member_id').doUpdateSet(row))
        .execute();
    },

    async claimReminders(now: Date, limit: number, leaseMs: number): Promise<Reminder[]> {
      const rows = await db
        .updateTable('review_reminders')
        .set({ lease_until: later(now, leaseMs) })
        .where('member_id', 'in', (eb) =>
          eb
            .selectFrom('review_reminders')
            .select('member_id')
            .where('next_at', '<=', now)
            .where((w) => w.or([w('lease_until', 'is', null), w('lease_until', '<', now)]))
            .orderBy('next_at')
            .limit(limit)
            .forUpdate()
            .skipLocked(),
        )
        .returningAll()
        .execute();
      return rows.map((r) => ({
        memberId: r.member_id,
        channelId: r.channel_id,
        time: r.remind_time,
        timezone: r.timezone,
        nextAt: r.next_at,
      }));
    },

    async releaseReminders(next: { memberId: string; nextAt: Date }[]): Promise<void> {
      if (next.length === 0) return;
      const rows = JSON.stringify(next.map((r) => ({ member_id: r.memberId, next_at: r.nextAt.toISOString() })));
      await sql`
        update review_reminders set next_at = r.next_at, lease_until = null
        from json_to_recordset(${rows}::json) as r(member_id text, next_at timestamptz)
        where review_reminders.member_id = r.member_id`.execute(db);
    },

    async membersWithDueCards(memberIds: string[], now: Date): Promise<Set<string>> {
      if (memberIds.length === 0) return new Set();
      const { rows } = await sql<{ member_id: string }>`
        select m.id as member_id from unnest(${memberIds}::text[]) as m(id)
        where exists (select 1 from review_cards c where c.member_id = m.id and c.due <= ${now})`.execute(db);
      return new Set(rows.map((r) => r.member_id));
    },

    async membersAway(memberIds: string[], date: string): Promise<Set<string>> {
      if (memberIds.length === 0) return new Set();
      const rows = await db
        .selectFrom('streaks')
        .select('member_id')
        .distinct()
        .where('member_id', 'in', memberIds)
        .where('away_until', '>=', date)
        .execute();
      return new Set(rows.map((r) => r.member_id));
    },

    async previousRevealedRound(channelId: string, before: string): Promise<Round | null> {
      const row = await db
        .selectFrom('rounds')
        .selectAll()
        .where('channel_id', '=', channelId)
        .where('status', '=', 'revealed')
        .where('local_date', '<', before)
        .orderBy('local_date', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row ? toRound(row) : null;
    },

    async claimGuidance(roundId: number, at: Date): Promise<boolean> {
      const row = await db
        .updateTable('rounds')
        .set({ guidance_posted_at: at })
        .where('id', '=', roundId)
        .where('guidance_posted_at', 'is', null)
        .returning('id')
        .executeTakeFirst();
      return row !== undefined;
    },

    async leastTickedPoint(channelId: string, from: string, to: string): Promise<LeastTicked | null> {
      const { rows } = await sql<{ prompt: string; point: string | null; ticked: string; graded: string }>`
        with g as (
          select grades.question_id, grades.ticked, grades.total from grades join rounds on rounds.id = grades.round_id
          where grades.source = 'round' and rounds.channel_id = ${channelId}
            and rounds.local_date >= ${from} and rounds.local_date <= ${to}
        ), points as (
          select g.question_id, i as idx, count(*) filter (where i = any (g.ticked)) as ticked, count(*) as graded
          from g cross join lateral generate_series(0, g.total - 1) i group by g.question_id, i
        )
        select q.prompt, q.body -> 'key_points' ->> p.idx as point, p.ticked, p.graded
        from points p join questions q on q.id = p.question_id
        order by p.ticked::float8 / p.graded, p.graded desc, q.id, p.idx
        limit 1`.execute(db);
      const row = rows[0];
      return row?.point ? { prompt: row.prompt, point: row.point, ticked: Number(row.ticked), graded: Number(row.graded) } : null;
    },
  };
}
