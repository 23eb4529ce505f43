import { type Kysely, sql } from 'kysely';
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
  };
}
