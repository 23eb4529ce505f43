import { type Kysely, sql } from 'kysely';
import type { ChannelRelease } from '../core/repository.ts';
import type { Channel, Round } from '../core/types.ts';
import { toChannel, toRound } from './mappers.ts';
import type { Database } from './schema.ts';

/** The instant `ms` after `now`: the end of a lease. */
export const later = (now: Date, ms: number) => new Date(now.getTime() + ms);

/** Claims of scheduled work: rows locked with SKIP LOCKED and leased, so replicas share the work and a dead one's lease lapses. */
export function claimsRepo(db: Kysely<Database>) {
  return {
    async claimDueChannels(now: Date, limit: number, leaseMs: number): Promise<Channel[]> {
      const rows = await db
        .updateTable('channels')
        .set({ post_lease_until: later(now, leaseMs) })
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('channels')
            .select('id')
            .where('active', '=', true)
            .where('next_post_at', '<=', now)
            .where((w) => w.or([w('post_lease_until', 'is', null), w('post_lease_until', '<', now)]))
            .orderBy('next_post_at')
            .limit(limit)
            .forUpdate()
            .skipLocked(),
        )
        .returningAll()
        .execute();
      return rows.map(toChannel);
    },

    async releaseChannels(released: ChannelRelease[]): Promise<void> {
      if (released.length === 0) return;
      const rows = JSON.stringify(released.map((r) => ({ id: r.id, next_post_at: r.nextPostAt?.toISOString() ?? null })));
      await sql`
        update channels set next_post_at = r.next_post_at, post_lease_until = null
        from json_to_recordset(${rows}::json) as r(id text, next_post_at timestamptz)
        where channels.id = r.id`.execute(db);
    },

    async claimStalePosts(now: Date, limit: number, leaseMs: number): Promise<Round[]> {
      const rows = await db
        .updateTable('rounds')
        .set((eb) => ({ lease_until: later(now, leaseMs), attempts: eb('attempts', '+', 1) }))
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('rounds')
            .select('id')
            .where('status', '=', 'posting')
            .where('lease_until', '<', now)
            .orderBy('lease_until')
            .limit(limit)
            .forUpdate()
            .skipLocked(),
        )
        .returningAll()
        .execute();
      return rows.map(toRound);
    },

    async retryLater(table: 'rounds' | 'digests', id: number, until: Date): Promise<void> {
      await db.updateTable(table).set({ lease_until: until }).where('id', '=', id).execute();
    },

    /** Leases the rounds due for their reveal (or whose reveal lease lapsed) and numbers each the first time. */
    async claimReveals(now: Date, limit: number, leaseMs: number, onlyId?: number): Promise<Round[]> {
      return db.transaction().execute(async (trx) => {
        let pick = trx.selectFrom('rounds').select(['id', 'channel_id', 'seq']);
        pick = onlyId
          ? pick
              .where('id', '=', onlyId)
              .where((w) => w.or([w('status', '=', 'posted'), w.and([w('status', '=', 'revealing'), w('lease_until', '<', now)])]))
          : pick.where((w) =>
              w.or([
                w.and([w('status', '=', 'posted'), w('reveal_at', '<=', now)]),
                w.and([w('status', '=', 'revealing'), w('lease_until', '<', now)]),
              ]),
            );
        const due = await pick.orderBy('reveal_at').limit(limit).forUpdate().skipLocked().execute();
        const claimed: Round[] = [];
        for (const row of due) {
          let seq = row.seq;
          if (seq === null) {
            const channel = await trx
              .updateTable('channels')
              .set((eb) => ({ last_seq: eb('last_seq', '+', 1) }))
              .where('id', '=', row.channel_id)
              .returning('last_seq')
              .executeTakeFirstOrThrow();
            seq = channel.last_seq;
          }
          const updated = await trx
            .updateTable('rounds')
            .set((eb) => ({
              status: 'revealing',
              seq,
              lease_until: later(now, leaseMs),
              attempts: sql<number>`case when status = 'posted' then 1 else attempts + 1 end`,
              answer_count: eb
                .selectFrom('answers')
                .select((e) => e.fn.countAll<number>().as('n'))
                .where('answers.round_id', '=', row.id)
                .where('answers.withdrawn_at', 'is', null),
            }))
            .where('id', '=', row.id)
            .returningAll()
            .executeTakeFirstOrThrow();
          claimed.push(toRound(updated));
        }
        return claimed;
      });
    },
  };
}
