import type { Logger } from '../../core/log.ts';
import type { LeaseStore } from '../../core/repository.ts';

const SHARD_PREFIX = 'discord-shard:';
/** The lease of one shard; the count is part of the name, so replicas that disagree on it never share a shard id. */
export const shardLeaseName = (id: number, count: number) => `${SHARD_PREFIX}${id}/${count}`;
/** Each replica's heartbeat, so every replica knows how many share the shards. */
export const REPLICA_PREFIX = 'discord-replica:';

export interface ShardLeaseOptions {
  leases: LeaseStore;
  /** This replica's unique name (host, pid and a random part). */
  owner: string;
  /** The shard ids this replica may own, and the total number of shards. */
  ids: number[];
  count: number;
  /** How long a lease holds without renewal: the longest a dead replica's shards stay unanswered is about 4/3 of it. */
  leaseMs: number;
  logger: Logger;
  now?: () => Date;
  /** Connects a shard once its lease is held; a rejection gives the lease back. */
  open(id: number): Promise<void>;
  /** Disconnects a shard before its lease is given back. */
  close(id: number): Promise<void>;
}

/** Leases that ended this many lease times ago are deleted: their replica crashed (or the shard count changed). */
const LAPSED_LEASES = 10;

/** A replica's fair share: the shards divided by the live replicas, rounded up, so together they cover them all. */
export const fairShare = (count: number, replicas: number) => Math.ceil(count / Math.max(1, replicas));

/**
 * Owns Discord shards through leases in the store: each shard is connected by the one replica holding its lease,
 * renewed every third of the lease time. A replica takes free or lapsed shards up to its fair share and gives back
 * any beyond it (highest id first) when another replica joins; a stopped replica gives all of its back at once.
 */
export class ShardOwnership {
  /** Held shards with the end of their last renewed lease. */
  private readonly held = new Map<number, number>();
  private timer?: NodeJS.Timeout;
  private running: Promise<void> | null = null;
  private stopped = false;
  private readonly now: () => Date;

  constructor(private readonly options: ShardLeaseOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /** The shards this replica holds now, in order. */
  owned(): number[] {
    return [...this.held.keys()].sort((a, b) => a - b);
  }

  /** Runs the first round (its first failure to connect a shard rejects, for start-up to report) and then every third of the lease. */
  async start(): Promise<void> {
    await this.round(true);
    this.schedule();
  }

  /** One round now (tests call it rather than wait for the timer). */
  renew(): Promise<void> {
    this.running ??= this.round(false).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Stops renewing, disconnects every held shard and gives back its lease and the heartbeat. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    const ids = this.owned();
    await Promise.all(ids.map((id) => this.options.close(id).catch(() => undefined)));
    this.held.clear();
    const { count, owner, leases } = this.options;
    await leases.releaseLeases([...ids.map((id) => shardLeaseName(id, count)), REPLICA_PREFIX + owner], owner);
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.renew().finally(() => this.schedule()), this.options.leaseMs / 3);
    this.timer.unref();
  }

  private async round(strict: boolean): Promise<void> {
    const { leases, owner, count, leaseMs, logger } = this.options;
    const now = this.now();
    try {
      await leases.acquireLease(REPLICA_PREFIX + owner, owner, now, leaseMs);
      const lapsed = new Date(now.getTime() - LAPSED_LEASES * leaseMs);
      for (const prefix of [REPLICA_PREFIX, SHARD_PREFIX]) await leases.dropLapsed(prefix, lapsed);
      for (const id of this.owned()) {
        if (await leases.acquireLease(shardLeaseName(id, count), owner, now, leaseMs)) this.held.set(id, now.getTime() + leaseMs);
        else await this.drop(id, 'its lease was taken by another replica');
      }
      const replicas = (await leases.leaseHolders(REPLICA_PREFIX, now)).length;
      const share = fairShare(count, replicas);
      for (const id of this.options.ids) {
        if (this.stopped || this.held.size >= share) break;
        if (this.held.has(id) || !(await leases.acquireLease(shardLeaseName(id, count), owner, now, leaseMs))) continue;
        try {
          await this.options.open(id);
          this.held.set(id, now.getTime() + leaseMs);
          logger.info({ platform: 'discord', shard: id, count, replicas }, 'discord shard taken');
        } catch (error) {
          await leases.releaseLeases([shardLeaseName(id, count)], owner);
          if (strict) throw error;
          logger.error({ platform: 'discord', shard: id, err: error }, 'discord shard could not connect; its lease is given back');
        }
      }
      for (const id of this.owned().slice(share).reverse()) {
        await this.drop(id, 'another replica joined');
        await leases.releaseLeases([shardLeaseName(id, count)], owner);
      }
    } catch (error) {
      if (strict) throw error;
      logger.error({ platform: 'discord', err: error }, 'discord shard leases could not be renewed');
      // A lease this replica could not renew may be taken once it ends: disconnect before that happens.
      for (const [id, until] of this.held)
        if (until - this.now().getTime() < leaseMs / 3) await this.drop(id, 'its lease could not be renewed');
    }
  }

  private async drop(id: number, why: string): Promise<void> {
    this.held.delete(id);
    await this.options.close(id).catch(() => undefined);
    this.options.logger.warn({ platform: 'discord', shard: id }, `discord shard given up: ${why}`);
  }
}
