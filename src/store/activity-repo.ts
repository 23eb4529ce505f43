import { type Kysely, sql } from 'kysely';
import type { RoundAnswers, WeekPoints } from '../core/repository/activity-store.ts';
import type { Database } from './schema.ts';

export function activityRepo(db: Kysely<Database>) {
  return {
    async answersPerDay(
      channelId: string,
      memberId: string | null,
      zone: string,
      from: string,
      to: string,
    ): Promise<Record<string, number>> {
      // The local dates' bounds become instants (local midnight in the zone), so created_at is compared as stored.
      const { rows } = await sql<{ day: string; answers: number }>`
        select to_char(a.created_at at time zone ${zone}, 'YYYY-MM-DD') as day, count(*)::int as answers
        from answers a join rounds r on r.id = a.round_id
        where r.channel_id = ${channelId}
          and (${memberId}::text is null or a.member_id = ${memberId})
          and a.withdrawn_at is null
          and a.created_at >= (${from}::date)::timestamp at time zone ${zone}
          and a.created_at < (${to}::date + 1)::timestamp at time zone ${zone}
        group by 1
        order by 1`.execute(db);
      return Object.fromEntries(rows.map((row) => [row.day, row.answers]));
    },

    async answersPerRound(channelId: string, from: string, to: string): Promise<RoundAnswers[]> {
      const rows = await db
        .selectFrom('rounds')
        .innerJoin('questions', 'questions.id', 'rounds.question_id')
        .select(['rounds.local_date', 'questions.category', 'rounds.answer_count'])
        .where('rounds.channel_id', '=', channelId)
        .where('rounds.status', '=', 'revealed')
        .where('rounds.local_date', '>=', from)
        .where('rounds.local_date', '<=', to)
        .orderBy('rounds.local_date')
        .orderBy('rounds.id')
        .execute();
      return rows.map((r) => ({
        localDate: r.local_date,
        category: r.category as RoundAnswers['category'],
        answers: Number(r.answer_count),
      }));
    },

    async weeklyPoints(channelId: string, memberId: string, weeks: string[]): Promise<WeekPoints[]> {
      if (weeks.length === 0) return [];
      const rows = await db
        .selectFrom('scores')
        .select([
          'period',
          sql<number>`coalesce(max(points) filter (where member_id = ${memberId}), 0)::int`.as('member'),
          sql<number | null>`(percentile_cont(0.5) within group (order by points) filter (where points > 0))::float8`.as('median'),
        ])
        .where('channel_id', '=', channelId)
        .where(
          'period',
          'in',
          weeks.map((w) => `w:${w}`),
        )
        .groupBy('period')
        .execute();
      const byWeek = new Map(rows.map((r) => [r.period.slice(2), r]));
      return weeks.map((week) => ({ week, member: byWeek.get(week)?.member ?? 0, median: byWeek.get(week)?.median ?? 0 }));
    },
  };
}
