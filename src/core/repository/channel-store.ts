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
}
