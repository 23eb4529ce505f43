import type { CoreDeps } from './deps.ts';
import type { Channel } from './types.ts';

/** An MLQ_ADMINS entry matches the full opaque id or the platform's own user id at its end. */
export function isListedAdmin(admins: string[], memberId: string): boolean {
  return admins.some((entry) => entry === memberId || memberId.endsWith(`:${entry}`));
}

/** Organisers: MLQ_ADMINS, whoever subscribed the channel, and the platform's own admins (asked through the port). */
export async function isOrganiser(
  deps: Pick<CoreDeps, 'admins' | 'ports'>,
  channelId: string,
  channel: Channel | null,
  memberId: string,
): Promise<boolean> {
  if (isListedAdmin(deps.admins, memberId)) return true;
  if (channel?.organiserIds.includes(memberId)) return true;
  return deps.ports.for(channelId).isAdmin(channelId, memberId);
}
