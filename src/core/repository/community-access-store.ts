import type { Channel } from '../types.ts';

/** Channels paused and resumed together when a platform takes the bot's access to a whole community and gives it back. */
export interface CommunityAccessStore {
  /** Pauses every active channel of the community with `reason`; the ids paused. */
  pauseCommunity(communityId: string, reason: string): Promise<string[]>;
  /** The community's channels paused with one of `reasons`. */
  channelsPausedFor(communityId: string, reasons: string[]): Promise<Channel[]>;
}
