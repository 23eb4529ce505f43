import { type Kysely, sql } from 'kysely';
import { shownName } from '../core/privacy.ts';
import type { Channel, Member } from '../core/types.ts';
import { toChannel } from './mappers.ts';
import type { Database } from './schema.ts';

export function channelsRepo(db: Kysely<Database>) {
  return {
    async upsertCommunity(id: string, platform: string, name: string): Promise<void> {
      await db
        .insertInto('communities')
        .values({ id, platform, name })
        .onConflict((oc) => oc.column('id').doUpdateSet({ name }))
        .execute();
    },

    /** Adds a member or renames one; a known member with the same name costs a read, no row lock and no WAL. */
    async upsertMember(member: Member, communityId: string): Promise<void> {
      await sql`
        with added as (
          insert into members (id, community_id, name) values (${member.id}, ${communityId}, ${member.name})
          on conflict (id) do nothing
          returning id
        )
        update members set name = ${member.name}
        where id = ${member.id} and name <> ${member.name} and not exists (select 1 from added)`.execute(db);
    },

    async memberName(id: string): Promise<string | null> {
      const row = await db.selectFrom('members').select(['name', 'hidden']).where('id', '=', id).executeTakeFirst();
      return row ? shownName(row) : null;
    },

    async memberNames(ids: string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const rows = await db.selectFrom('members').select(['id', 'name', 'hidden']).where('id', 'in', ids).execute();
      return new Map(rows.map((r) => [r.id, shownName(r)]));
    },

    async getChannel(id: string): Promise<Channel | null> {
      const row = await db.selectFrom('channels').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toChannel(row) : null;
    },

    /**
     * Creates or updates a channel; a channel without `minWords` or the pairs fields gets (or keeps) the columns' values
     * (12 words; no pairs).
     */
    async saveChannel(channel: Channel): Promise<void> {
      const values = {
        community_id: channel.communityId,
        name: channel.name,
        active: channel.active,
        paused_reason: null,
        organiser_ids: channel.organiserIds,
        timezone: channel.timezone,
        post_time: channel.postTime,
        weekdays: channel.weekdays,
        reveal_delay_minutes: channel.revealDelayMinutes,
        categories: channel.categories,
        levels: channel.levels,
        next_post_at: channel.nextPostAt,
        reveal_time: channel.revealTime ?? null,
        digest_weekday: channel.digestWeekday === undefined ? 5 : channel.digestWeekday,
        digest_time: channel.digestTime ?? '16:00',
        ramp: channel.ramp ?? false,
        next_digest_at: channel.nextDigestAt ?? null,
        ...(channel.minWords === undefined ? {} : { min_words: channel.minWords }),
        ...(channel.pairsWeekday === undefined ? {} : { pairs_weekday: channel.pairsWeekday }),
        ...(channel.pairsTime === undefined ? {} : { pairs_time: channel.pairsTime }),
        ...(channel.pairsEveryWeeks === undefined ? {} : { pairs_every_weeks: channel.pairsEveryWeeks }),
        ...(channel.nextPairsAt === undefined ? {} : { next_pairs_at: channel.nextPairsAt }),
        ...(channel.seasonLength === undefined ? {} : { season_length: channel.seasonLength }),
        ...(channel.championRoleId === undefined ? {} : { champion_role_id: channel.championRoleId }),
        updated_at: new Date(),
      };
      await db
        .insertInto('channels')
        .values({ id: channel.id, ...values })
        .onConflict((oc) =>
          oc.column('id').doUpdateSet({
            ...values,
            // the season's end moves with its length and the time zone: the scheduler sets it again from now
            next_season_at: sql`case when channels.season_length = excluded.season_length and channels.timezone = excluded.timezone
              then channels.next_season_at end`,
          }),
        )
        .execute();
    },

    async pauseChannel(id: string, reason: string): Promise<void> {
      await db
        .updateTable('channels')
        .set({ active: false, paused_reason: reason, next_post_at: null, updated_at: new Date() })
        .where('id', '=', id)
        .execute();
    },

    async memberChannels(memberId: string): Promise<{ channel: Channel; joined: boolean }[]> {
      const rows = await db
        .selectFrom('channels as c')
        .innerJoin('members as m', 'm.community_id', 'c.community_id')
        .selectAll('c')
        .select((eb) =>
          eb
            .or([
              eb.exists(
                eb
                  .selectFrom('scores as s')
                  .select('s.member_id')
                  .whereRef('s.channel_id', '=', 'c.id')
                  .where('s.member_id', '=', memberId),
              ),
              eb.exists(
                eb
                  .selectFrom('streaks as k')
                  .select('k.member_id')
                  .whereRef('k.channel_id', '=', 'c.id')
                  .where('k.member_id', '=', memberId),
              ),
            ])
            .as('joined'),
        )
        .where('m.id', '=', memberId)
        .where('c.active', '=', true)
        .orderBy('c.name')
        .orderBy('c.id')
        .execute();
      return rows.map(({ joined, ...row }) => ({ channel: toChannel(row), joined: Boolean(joined) }));
    },
  };
}
