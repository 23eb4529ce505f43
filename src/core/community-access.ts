import type { CoreDeps } from './deps.ts';
import type { ChannelStore } from './repository/channel-store.ts';
import type { CommunityAccessStore } from './repository/community-access-store.ts';
import { nextPlannedRound } from './schedule.ts';

/** Pause reasons given when a platform takes the bot's access to a whole community away (an uninstall, revoked tokens). */
export const ACCESS_LOST = ['app_uninstalled', 'tokens_revoked'] as const;

export type AccessLost = (typeof ACCESS_LOST)[number];

/** Pauses every active channel of the community, with the reason; the ids paused. */
export async function accessLost(deps: CoreDeps<CommunityAccessStore>, communityId: string, reason: AccessLost): Promise<string[]> {
  const paused = await deps.repo.pauseCommunity(communityId, reason);
  if (paused.length) deps.logger.warn({ community: communityId, reason, channels: paused.length }, 'channels paused: the app lost access');
  return paused;
}

/** Resumes the community's channels paused because access was lost (not those paused by an organiser); the ids resumed. */
export async function accessRestored(deps: CoreDeps<CommunityAccessStore & ChannelStore>, communityId: string): Promise<string[]> {
  const now = deps.clock.now();
  const channels = await deps.repo.channelsPausedFor(communityId, [...ACCESS_LOST]);
  for (const channel of channels) {
    const next = nextPlannedRound(channel, now);
    await deps.repo.saveChannel({ ...channel, active: true, nextPostAt: next?.postAt ?? null });
  }
  if (channels.length) deps.logger.info({ community: communityId, channels: channels.length }, 'channels resumed: the app is back');
  return channels.map((c) => c.id);
}
