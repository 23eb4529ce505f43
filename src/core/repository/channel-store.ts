import type { Channel, Member } from '../types.ts';

/** Communities, members and channel settings. */
export interface ChannelStore {
  upsertCommunity(id: string, platform: string, name: string): Promise<void>;
  upsertMember(member: Member, communityId: string): Promise<void>;
  memberName(id: string): Promise<string | null>;
  memberNames(ids: string[]): Promise<Map<string, string>>;
  getChannel(id: string): Promise<Channel | null>;
  saveChannel(channel: Channel): Promise<void>;
  pauseChannel(id: string, reason: string): Promise<void>;
  /**
   * The active channels of a member's community, by name; `joined` when the member has taken part there (a point or a
   * streak), since the store does not know who else is in a channel.
   */
  memberChannels(memberId: string): Promise<{ channel: Channel; joined: boolean }[]>;
}
