import { type Kysely, sql } from 'kysely';
import { shownName } from '../core/privacy.ts';
import type { Award, MemberStats } from '../core/repository.ts';
import { seasonPeriods } from '../core/seasons.ts';
import type { Category, LeaderboardRow, StreakState } from '../core/types.ts';
import type { Database } from './schema.ts';

/** Competition ranking (1, 2, 2, 4) over rows already ordered by points. */
export function ranked(
  rows: { member_id: string; name: string | null; hidden: boolean | null; points: number }[],
  first = 1,
): LeaderboardRow[] {
  let rank = first;
  return rows.map((row, i) => {
    if (i > 0 && row.points < rows[i - 1]!.points) rank = first + i;
    return { memberId: row.member_id, name: shownName(row, row.member_id), points: row.points, rank };
  });
}

export function scoresRepo(db: Kysely<Database>) {
  return {
    async award(entries: Award[]): Promise<number> {
      if (entries.length === 0) return 0;
      return db.transaction().execute(async (trx) => {
        const inserted = await trx
          .insertInto('ledger')
          .values(
            entries.map((e) => ({
              key: e.key,
              channel_id: e.channelId,
              member_id: e.memberId,
              round_id: e.roundId,
              reason: e.reason,
              points: e.points,
              week: e.week,
              created_at: e.at,
            })),
          )
          .onConflict((oc) => oc.column('key').doNothing())
          .returning(['key', 'channel_id', 'member_id', 'points', 'week', 'round_id'])
          .execute();
        const roundIds = [...new Set(inserted.flatMap((row) => (row.round_id === null ? [] : [row.round_id])))];
        const outsideRounds = new Map(entries.flatMap((e) => (e.localDate ? [[e.key, e.localDate] as const] : [])));
        const dates = new Map(
          roundIds.length
            ? (await trx.selectFrom('rounds').select(['id', 'local_date']).where('id', 'in', roundIds).execute()).map((r) => [
                r.id,
                r.local_date,
              ])
            : [],
        );
        const totals = new Map<string, { channel_id: string; period: string; member_id: string; points: number }>();
        for (const row of inserted) {
          const date = row.round_id === null ? outsideRounds.get(row.key) : dates.get(row.round_id);
          for (const period of ['all', `w:${row.week}`, ...(date ? seasonPeriods(date) : [])]) {
            const key = `${row.channel_id}\u0000${period}\u0000${row.member_id}`;
            const total = totals.get(key) ?? { channel_id: row.channel_id, period, member_id: row.member_id, points: 0 };
            total.points += row.points;
            totals.set(key, total);
          }
        }
        if (totals.size) {
          await trx
            .insertInto('scores')
            .values([...totals.values()])
            .onConflict((oc) =>
              oc.columns(['channel_id', 'period', 'member_id']).doUpdateSet({ points: sql`scores.points + excluded.points` }),
            )
            .execute();
        }
        return inserted.length;
      });
    },

    async settleStreaks(channelId: string, updates: { memberId: string; state: StreakState }[]): Promise<void> {
      if (updates.length === 0) return;
      await db
        .insertInto('streaks')
        .values(
          updates.map((u) => ({
            channel_id: channelId,
            member_id: u.memberId,
            current: u.state.current,
            best: u.state.best,
            last_seq: u.state.lastSeq,
            freezes: u.state.freezes ?? 0,
            away_until: u.state.awayUntil ?? null,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['channel_id', 'member_id']).doUpdateSet({
            current: sql`excluded.current`,
            best: sql`excluded.best`,
            last_seq: sql`excluded.last_seq`,
            freezes: sql`excluded.freezes`,
            away_until: sql`excluded.away_until`,
          }),
        )
        .execute();
    },

    async streaks(channelId: string, memberIds: string[]): Promise<Map<string, StreakState>> {
      if (memberIds.length === 0) return new Map();
      const rows = await db
        .selectFrom('streaks')
        .selectAll()
        .where('channel_id', '=', channelId)
        .where('member_id', 'in', memberIds)
        .execute();
      return new Map(
        rows.map((r) => [
          r.member_id,
          { current: r.current, best: r.best, lastSeq: r.last_seq, freezes: r.freezes, awayUntil: r.away_until },
        ]),
      );
    },

    async liveStreaks(channelId: string, lastSeq: number): Promise<Map<string, StreakState>> {
      const rows = await db
        .selectFrom('streaks')
        .selectAll()
        .where('channel_id', '=', channelId)
        .where('last_seq', '=', lastSeq)
        .where('current', '>', 0)
        .execute();
      return new Map(
        rows.map((r) => [
          r.member_id,
          { current: r.current, best: r.best, lastSeq: r.last_seq, freezes: r.freezes, awayUntil: r.away_until },
        ]),
      );
    },

    async setAway(channelId: string, memberId: string, until: string | null): Promise<void> {
      await db
        .insertInto('streaks')
        .values({ channel_id: channelId, member_id: memberId, current: 0, best: 0, last_seq: 0, away_until: until })
        .onConflict((oc) => oc.columns(['channel_id', 'member_id']).doUpdateSet({ away_until: until }))
        .execute();
    },

    async leaderboard(channelId: string, period: string, limit: number): Promise<LeaderboardRow[]> {
      const rows = await db
        .selectFrom('scores')
        .leftJoin('members', 'members.id', 'scores.member_id')
        .select(['scores.member_id', 'members.name', 'members.hidden', 'scores.points'])
        .where('scores.channel_id', '=', channelId)
        .where('scores.period', '=', period)
        .where('scores.points', '>', 0)
        .orderBy('scores.points', 'desc')
        .orderBy('scores.member_id')
        .limit(limit)
        .execute();
      return ranked(rows);
    },

    async rankOf(channelId: string, period: string, memberId: string): Promise<LeaderboardRow | null> {
      const mine = await db
        .selectFrom('scores')
        .leftJoin('members', 'members.id', 'scores.member_id')
        .select(['scores.member_id', 'members.name', 'members.hidden', 'scores.points'])
        .where('scores.channel_id', '=', channelId)
        .where('scores.period', '=', period)
        .where('scores.member_id', '=', memberId)
        .executeTakeFirst();
      if (!mine || mine.points <= 0) return null;
      const above = await db
        .selectFrom('scores')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('channel_id', '=', channelId)
        .where('period', '=', period)
        .where('points', '>', mine.points)
        .executeTakeFirstOrThrow();
      return ranked([mine], Number(above.n) + 1)[0]!;
    },

    async roundPoints(roundId: number, memberId: string): Promise<number> {
      const row = await db
        .selectFrom('ledger')
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('points'), eb.lit(0)).as('points'))
        .where('round_id', '=', roundId)
        .where('member_id', '=', memberId)
        .executeTakeFirst();
      return Number(row?.points ?? 0);
    },

    async memberStats(channelId: string, memberId: string, week: string): Promise<MemberStats> {
      const [points, reasons, byCategory] = await Promise.all([
        db
          .selectFrom('scores')
          .select(['period', 'points'])
          .where('channel_id', '=', channelId)
          .where('member_id', '=', memberId)
          .where('period', 'in', ['all', `w:${week}`])
          .execute(),
        db
          .selectFrom('ledger')
          .select(['reason', (eb) => eb.fn.countAll().as('n')])
          .where('channel_id', '=', channelId)
          .where('member_id', '=', memberId)
          .groupBy('reason')
          .execute(),
        db
          .selectFrom('answers')
          .innerJoin('rounds', 'rounds.id', 'answers.round_id')
          .innerJoin('questions', 'questions.id', 'rounds.question_id')
          .select(['questions.category', (eb) => eb.fn.countAll().as('n')])
          .where('rounds.channel_id', '=', channelId)
          .where('answers.member_id', '=', memberId)
          .where('answers.withdrawn_at', 'is', null)
          .where('rounds.status', '<>', 'skipped')
          .groupBy('questions.category')
          .execute(),
      ]);
      const count = (reason: string) => Number(reasons.find((r) => r.reason === reason)?.n ?? 0);
      return {
        answers: byCategory.reduce((sum, r) => sum + Number(r.n), 0),
        points: points.find((p) => p.period === 'all')?.points ?? 0,
        weekPoints: points.find((p) => p.period !== 'all')?.points ?? 0,
        probeReplies: count('probe_reply'),
        votesReceived: count('peer_vote'),
        byCategory: byCategory.map((r) => ({ category: r.category as Category, answers: Number(r.n) })),
      };
    },
  };
}
