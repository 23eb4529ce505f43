import type { ChannelSettings } from '../../src/core/types.ts';

/** A channel's settings as a new subscription has them: UTC, 09:00 on weekdays, the reveal six hours later. */
export const BASE_SETTINGS: ChannelSettings = {
  timezone: 'UTC',
  postTime: '09:00',
  weekdays: [1, 2, 3, 4, 5],
  revealDelayMinutes: 360,
  categories: [],
  levels: [],
};
