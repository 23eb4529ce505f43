import { type Kysely, sql } from 'kysely';
import type { ChannelRelease, DigestRow } from '../core/repository.ts';
import type { Channel, Round } from '../core/types.ts';
import { toChannel, toRound } from './mappers.ts';
import type { Database } from './schema.ts';


const later = (now: Date, ms: number) => new Date(now.getTime() + ms);

/** Claims of scheduled work: rows locked with SKIP LOCKED and leased, so replicas share the work and a dead one's lease lapses. */
export function workRepo(db: Kysely<Database>) {
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

    /** Leaves a round's claim in place until `until`, when another pass may try it again. */
    async retryLater(table: 'rounds' | 'digests', id: number, until: Date): Promise<void> {
      await db.updateTable(table).set({ lease_until: until }).where('id', '=', id).execute();
    },

    /** Leases the rounds due for their reveal (or whose reveal lease lapsed) and numbers each the first time. */
    async claimReveals(now: Date, limit: number, leaseMs: number, onlyId?: number): Promise<Round[]> {
      return db.transaction().execute(async (trx) => {
        let pick = trx.selectFrom('rounds').select(['id', 'channel_id', 'seq']);
        pick = onlyId
          ? pick.where('id', '=', onlyId).where((w) => w.or([w('status', '=', 'posted'), w.and([w('status', '=', 'revealing'), w('lease_until', '<', now)])]))
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

    async markRevealed(roundId: number, at: Date): Promise<void> {
      await db.updateTable('rounds').set({ status: 'revealed', revealed_at: at, lease_until: null }).where('id', '=', roundId).where('status', '=', 'revealing').execute();
    },

    async dueDigestChannels(now: Date, limit: number): Promise<Channel[]> {
      const rows = await db
        .selectFrom('channels')
        .selectAll()
        .where('active', '=', true)
        .where('next_digest_at', '<=', now)
        .orderBy('next_digest_at')
        .limit(limit)
        .execute();
      return rows.map(toChannel);
    },

    async setNextDigest(channelId: string, at: Date | null): Promise<void> {
      await db.updateTable('channels').set({ next_digest_at: at }).where('id', '=', channelId).execute();
    },

    /** Creates the week's digest once per channel (the claim); null when another replica or an earlier pass has it. */
    async createDigest(channelId: string, week: string, dueAt: Date, now: Date, leaseMs: number, skipped = false): Promise<DigestRow | null> {
      const row = await db
        .insertInto('digests')
        .values({ channel_id: channelId, week, due_at: dueAt, status: skipped ? 'skipped' : 'sending', lease_until: skipped ? null : later(now, leaseMs), attempts: 1 })
        .onConflict((oc) => oc.columns(['channel_id', 'week']).doNothing())
        .returningAll()
        .executeTakeFirst();
      return row && !skipped ? { id: row.id, channelId: row.channel_id, week: row.week, dueAt: row.due_at, attempts: row.attempts } : null;
    },

    async claimStaleDigests(now: Date, limit: number, leaseMs: number): Promise<DigestRow[]> {
      const rows = await db
        .updateTable('digests')
        .set((eb) => ({ lease_until: later(now, leaseMs), attempts: eb('attempts', '+', 1) }))
        .where('id', 'in', (eb) =>
          eb.selectFrom('digests').select('id').where('status', '=', 'sending').where('lease_until', '<', now).limit(limit).forUpdate().skipLocked(),
        )
        .returningAll()
        .execute();
      return rows.map((r) => ({ id: r.id, channelId: r.channel_id, week: r.week, dueAt: r.due_at, attempts: r.attempts }));
    },

    async finishDigest(id: number, status: 'sent' | 'skipped', messageId: string | null): Promise<void> {
      await db.updateTable('digests').set({ status, message_id: messageId, lease_until: null }).where('id', '=', id).execute();
    },

    async skipStaleRound(roundId: number): Promise<void> {
      await db.updateTable('rounds').set({ status: 'skipped', lease_until: null }).where('id', '=', roundId).where('status', '=', 'posting').execute();
    },

  };
}
