import { type Kysely, sql } from 'kysely';
import type { RateSlots } from '../core/repository/rate-slots.ts';
import type { Database } from './schema.ts';

const ms = (value: number) => sql`make_interval(secs => ${value / 1000}::float8)`;

/** The shared slots in `rate_slots`, on the database's clock; a bucket's rows are made on its first use. */
export function rateSlotsRepo(db: Kysely<Database>): RateSlots {
  const made = new Set<string>();
  return {
    async takeSlots(bucket, size, n, holdMs) {
      if (!made.has(bucket)) {
        await sql`insert into rate_slots (bucket, slot, free_at)
          select ${bucket}, g, '-infinity'::timestamptz from generate_series(0, ${size - 1}::int) g
          on conflict do nothing`.execute(db);
        made.add(bucket);
      }
      const { rows } = await sql<{ slot: number; taken: string }>`
        with free as (
          select slot from rate_slots where bucket = ${bucket} and slot < ${size} and free_at <= clock_timestamp()
          order by free_at limit ${n} for update skip locked)
        update rate_slots s set free_at = clock_timestamp() + ${ms(holdMs)}, taken = s.taken + 1
        from free where s.bucket = ${bucket} and s.slot = free.slot
        returning s.slot, s.taken`.execute(db);
      if (rows.length > 0) return { tickets: rows.map((r) => ({ slot: r.slot, taken: Number(r.taken) })), retryInMs: 0 };
      // A slot that is free but locked by another taker (it is about to be taken) means: look again at once.
      const next = await sql<{ wait: number | null }>`
        select (extract(epoch from greatest(min(free_at), clock_timestamp()) - clock_timestamp()) * 1000)::float8 as wait
        from rate_slots where bucket = ${bucket} and slot < ${size}`.execute(db);
      return { tickets: [], retryInMs: Math.max(0, Number(next.rows[0]?.wait ?? 0)) };
    },

    async giveSlot(bucket, ticket, windowMs) {
      await sql`update rate_slots set free_at = clock_timestamp() + ${ms(windowMs)}
        where bucket = ${bucket} and slot = ${ticket.slot} and taken = ${ticket.taken}`.execute(db);
    },
  };
}
