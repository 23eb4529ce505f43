import { describe, expect, it } from 'vitest';
import { formatLocal, isValidTimezone, levelsFor, weekdayOf } from '../../src/core/schedule.ts';
import type { ChannelSettings } from '../../src/core/types.ts';

const ramped = (levels: ChannelSettings['levels'], ramp = true): ChannelSettings => ({
  timezone: 'UTC',
  postTime: '09:00',
  weekdays: [1, 2, 3, 4, 5, 6, 7],
  revealDelayMinutes: 360,
  categories: [],
  levels,
  ramp,
});

describe('the difficulty ramp over the week', () => {
  it('asks junior questions on Monday and Tuesday, mid on Wednesday and Thursday, senior from Friday', () => {
    const days = ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06'];
    expect(days.map((d) => levelsFor(ramped([]), d))).toEqual([
      ['junior'],
      ['junior'],
      ['mid'],
      ['mid'],
      ['senior'],
      ['senior'],
      ['senior'],
    ]);
  });

  it('keeps to the levels the channel chose when the ramp wants one it left out, and uses them all with the ramp off', () => {
    expect(levelsFor(ramped(['mid', 'senior']), '2026-11-30')).toEqual(['mid', 'senior']);
    expect(levelsFor(ramped(['mid', 'senior']), '2026-12-02')).toEqual(['mid']);
    expect(levelsFor(ramped(['junior', 'mid'], false), '2026-12-04')).toEqual(['junior', 'mid']);
    expect(levelsFor(ramped([], false), '2026-12-04')).toEqual([]);
  });
});

describe('calendar helpers', () => {
  it('numbers weekdays from Monday 1 to Sunday 7', () => {
    expect(weekdayOf('2026-11-30')).toBe(1);
    expect(weekdayOf('2026-12-06')).toBe(7);
  });

  it('shows a local time in the channel zone, on its local weekday when that differs from UTC', () => {
    const at = new Date('2026-11-29T23:30:00Z');
    expect(formatLocal(at, 'UTC')).toBe('Sun 23:30 (UTC)');
    expect(formatLocal(at, 'Europe/Berlin')).toBe('Mon 00:30 (Europe/Berlin)');
    expect(formatLocal(at, 'Asia/Kolkata')).toBe('Mon 05:00 (Asia/Kolkata)');
  });

  it('accepts IANA zones and refuses made-up ones', () => {
    expect(isValidTimezone('Europe/Berlin')).toBe(true);
    expect(isValidTimezone('UTC')).toBe(true);
    expect(isValidTimezone('Mars/Olympus_Mons')).toBe(false);
  });
});
