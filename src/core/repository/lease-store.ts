/**
 * Named leases, each held by at most one owner (a replica) at a time: taken when free or lapsed, renewed by its
 * holder, released when the holder stops. Times come from the caller, as for the work claims.
 */
export interface LeaseStore {
  /** Takes or renews `name` for `owner` until `now + ms`; false when another owner holds it and its time has not passed. */
  acquireLease(name: string, owner: string, now: Date, ms: number): Promise<boolean>;
  /** Ends `owner`'s hold on each of `names` at once (a lease held by someone else is left alone). */
  releaseLeases(names: string[], owner: string): Promise<void>;
  /** The owners of the unexpired leases whose names start with `prefix`. */
  leaseHolders(prefix: string, now: Date): Promise<{ name: string; owner: string }[]>;
  /** Deletes the leases whose names start with `prefix` that ended before `before` (left by crashed holders); how many. */
  dropLapsed(prefix: string, before: Date): Promise<number>;
}
