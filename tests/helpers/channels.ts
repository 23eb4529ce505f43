import { nextDigestAt, nextPlannedRound } from '../../src/core/schedule.ts';
import type { Channel, ChannelSettings } from '../../src/core/types.ts';
import type { Harness } from './harness.ts';

/**
 * A subscribed channel saved straight into the store (community `test`): UTC, 09:00 on weekdays, the reveal 6 hours
 * later, no digest, unless `extra` says otherwise; its next post and digest follow from its settings at the clock.
 */
export async function addChannel(
  h: Harness,
  id: string,
  extra: Partial<ChannelSettings & Pick<Channel, 'organiserIds'>> = {},
): Promise<Channel> {
  const { organiserIds = [], ...changes } = extra;
  const settings: ChannelSettings = {
    timezone: 'UTC',
    postTime: '09:00',
    weekdays: [1, 2, 3, 4, 5],
    revealDelayMinutes: 360,
    categories: [],
    levels: [],
    digestWeekday: null,
    ...changes,
  };
  await h.repo.upsertCommunity('test', 'test', 'Test');
  const channel: Channel = {
    ...settings,
    id,
    communityId: 'test',
    name: id,
    active: true,
    organiserIds,
    nextPostAt: nextPlannedRound(settings, h.clock.now())?.postAt ?? null,
    nextDigestAt: nextDigestAt(settings, h.clock.now()),
  };
  await h.repo.saveChannel(channel);
  return channel;
}

/**
 * A channel of `communityId` posting every day at the time of `due` (UTC), revealed six hours later, with its next post
 * at `nextPostAt` (`due` unless given; null saves it with nothing due yet).
 */
export function everyDayChannel(id: string, communityId: string, name: string, due: Date, nextPostAt: Date | null = due): Channel {
  return {
    id,
    communityId,
    name,
    active: true,
    organiserIds: [],
    timezone: 'UTC',
    postTime: due.toISOString().slice(11, 16),
    weekdays: [1, 2, 3, 4, 5, 6, 7],
    revealDelayMinutes: 360,
    categories: [],
    levels: [],
    nextPostAt,
    nextDigestAt: null,
  };
}
