import type { Channel, Round } from '../types.ts';

/** A channel whose post lease ends, with the time of its next post (null when it has none). */
export interface ChannelRelease {
  id: string;
  nextPostAt: Date | null;
}

/** Leases on scheduled work (posts and reveals), so replicas share it and a dead one's lease lapses. */
export interface WorkClaims {
  claimDueChannels(now: Date, limit: number, leaseMs: number): Promise<Channel[]>;
  /** Ends the post leases of channels whose pass is done, each with its next post time; one statement. */
  releaseChannels(released: ChannelRelease[]): Promise<void>;
  claimStalePosts(now: Date, limit: number, leaseMs: number): Promise<Round[]>;
  claimReveals(now: Date, limit: number, leaseMs: number, onlyId?: number): Promise<Round[]>;
  /** Leaves a claim in place until `until`, when another pass may try it again. */
  retryLater(table: 'rounds' | 'digests', id: number, until: Date): Promise<void>;
}
