import { describe, expect, it } from 'vitest';
import { localDate, nextPlannedRound, plannedRound, wallClock, weekStart } from '../../src/core/schedule.ts';
import type { ChannelSettings } from '../../src/core/types.ts';

const settings = (timezone: string, postTime = '09:00'): ChannelSettings => ({
  timezone,
  postTime,
  weekdays: [1, 2, 3, 4, 5],
  revealDelayMinutes: 360,
  categories: [],
  levels: [],
});

describe('wall-clock times in the channel zone', () => {
  it('posts a time skipped by spring-forward at the first valid minute after it', () => {
    expect(wallClock('2026-03-29', '02:30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(wallClock('2026-03-08', '02:15', 'America/New_York').toISOString()).toBe('2026-03-08T07:00:00.000Z');
  });

  it('resolves a time that occurs twice on a fall-back day to its first occurrence', () => {
    expect(wallClock('2026-10-25', '02:30', 'Europe/Berlin').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(wallClock('2026-11-01', '01:30', 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });

  it('handles a half-hour zone', () => {
    expect(wallClock('2026-11-24', '09:00', 'Asia/Kolkata').toISOString()).toBe('2026-11-24T03:30:00.000Z');
    expect(wallClock('2026-10-04', '02:30', 'Australia/Adelaide').toISOString()).toBe('2026-10-03T16:30:00.000Z');
  });
});

describe('local dates and weeks', () => {
  it('takes the local date in the channel zone', () => {
    const at = new Date('2026-11-29T23:30:00Z');
    expect(localDate(at, 'UTC')).toBe('2026-11-29');
    expect(localDate(at, 'Europe/Berlin')).toBe('2026-11-30');
    expect(localDate(at, 'America/New_York')).toBe('2026-11-29');
  });

  it('starts weeks on Monday', () => {
    expect(weekStart('2026-11-29')).toBe('2026-11-23');
    expect(weekStart('2026-11-30')).toBe('2026-11-30');
  });
});

describe('planned rounds', () => {
  it('skips days the channel does not meet', () => {
    expect(plannedRound(settings('UTC'), '2026-11-28')).toBeNull();
    const monday = plannedRound(settings('UTC'), '2026-11-30')!;
    expect(monday.postAt.toISOString()).toBe('2026-11-30T09:00:00.000Z');
    expect(monday.revealAt.toISOString()).toBe('2026-11-30T15:00:00.000Z');
  });

  it('finds the next round whose reveal is still ahead', () => {
    const friday = new Date('2026-11-27T16:00:00Z');
    expect(nextPlannedRound(settings('UTC'), friday)!.localDate).toBe('2026-11-30');
    const fridayNoon = new Date('2026-11-27T12:00:00Z');
    expect(nextPlannedRound(settings('UTC'), fridayNoon)!.localDate).toBe('2026-11-27');
  });
});
