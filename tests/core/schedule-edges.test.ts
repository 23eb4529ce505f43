import { describe, expect, it } from 'vitest';
import { nextPairsAt, snoozeLastDay, snoozeUntil } from '../../src/core/pairs-schedule.ts';
import { nextPlannedRound } from '../../src/core/schedule.ts';
import type { ChannelSettings } from '../../src/core/types.ts';

/** Tokyo is 9 hours ahead of UTC, so from 15:00 UTC its local date is the next day. */
const tokyo = (extra: Partial<ChannelSettings> = {}): ChannelSettings => ({
  timezone: 'Asia/Tokyo',
  postTime: '09:00',
  weekdays: [1, 2, 3, 4, 5, 6, 7],
  revealDelayMinutes: 360,
  categories: [],
  levels: [],
  ...extra,
});

describe('the next planned round from a given date', () => {
  // 2026-03-15T20:00Z is Monday 16 March, 05:00 in Tokyo; that day's round posts at 00:00Z and reveals at 06:00Z.
  const now = new Date('2026-03-15T20:00:00Z');

  it('looks at 15 local dates from the given one and no further', () => {
    expect(nextPlannedRound(tokyo(), now, '2026-03-01')).toBeNull();
    const round = nextPlannedRound(tokyo(), now, '2026-03-02');
    expect(round?.localDate).toBe('2026-03-16');
    expect(round?.postAt.toISOString()).toBe('2026-03-16T00:00:00.000Z');
    expect(round?.revealAt.toISOString()).toBe('2026-03-16T06:00:00.000Z');
  });

  it('starts from the channel-local date, not the UTC one, without a given date', () => {
    expect(nextPlannedRound(tokyo(), now)?.localDate).toBe('2026-03-16');
    expect(nextPlannedRound(tokyo({ weekdays: [7] }), now)?.localDate).toBe('2026-03-22');
  });
});

describe('pairs timing details', () => {
  it('meets at 09:00 local time when the channel stores no pairs time', () => {
    // Sunday 22 November 20:00 UTC is Monday 05:00 in Tokyo: that Monday's 09:00 is still ahead.
    const monday = tokyo({ pairsWeekday: 1 });
    expect(nextPairsAt(monday, new Date('2026-11-22T20:00:00Z'))).toEqual(new Date('2026-11-23T00:00:00Z'));
    expect(nextPairsAt(monday, new Date('2026-11-23T00:00:00Z'))).toEqual(new Date('2026-11-30T00:00:00Z'));
  });

  it('shows the day before the snooze ends as its last day', () => {
    expect(snoozeLastDay('2026-12-01')).toBe('2026-11-30');
    expect(snoozeLastDay('2027-01-01')).toBe('2026-12-31');
    expect(snoozeLastDay(snoozeUntil('2026-11-23', 1))).toBe('2026-11-30');
  });
});
