import { type Kysely, sql } from 'kysely';
import type { LeaseStore } from '../core/repository.ts';
import { later } from './claims-repo.ts';
import type { Database } from './schema.ts';

/** Leases in one row each: an upsert that only overwrites a row of the same owner or one whose time has passed. */
export function leasesRepo(db: Kysely<Database>): LeaseStore {
  return {
    async acquireLease(name, owner, now, ms) {
      const row = await db
        .insertInto('leases')
        .values({ name, owner, lease_until: later(now, ms) })
        .onConflict((oc) =>
          oc
            .column('name')
            .doUpdateSet({ owner, lease_until: later(now, ms) })
            .where((w) => w.or([w('leases.owner', '=', owner), w('leases.lease_until', '<', now)])),
        )
        .returning('name')
        .executeTakeFirst();
      return row !== undefined;
    },

    async releaseLeases(names, owner) {
      if (names.length === 0) return;
      await db.deleteFrom('leases').where('name', 'in', names).where('owner', '=', owner).execute();
    },

    async leaseHolders(prefix, now) {
      return db
        .selectFrom('leases')
        .select(['name', 'owner'])
        .where('name', 'like', startsWith(prefix))
        .where('lease_until', '>=', now)
        .orderBy('name')
        .execute();
    },

    async dropLapsed(prefix, before) {
      const result = await db
        .deleteFrom('leases')
        .where('name', 'like', startsWith(prefix))
        .where('lease_until', '<', before)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

/** A LIKE pattern for names that start with `prefix` (its %, _ and backslash taken literally). */
const startsWith = (prefix: string) => sql<string>`${prefix.replace(/[\\%_]/g, '\\$&')} || '%'`;
