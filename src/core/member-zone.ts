import type { CoreDeps } from './deps.ts';

/** The time zone a member's dates are shown in: their reminder's, else the channel's, else the default. */
export async function memberZone(deps: CoreDeps, memberId: string, channelId: string): Promise<string> {
  const reminder = await deps.repo.reminder(memberId);
  if (reminder) return reminder.timezone;
  return (await deps.repo.getChannel(channelId))?.timezone ?? deps.defaults.timezone;
}
