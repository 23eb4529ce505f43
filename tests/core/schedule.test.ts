import { describe, expect, it } from 'vitest';
import {
  addDays,
  localDate,
  nextDigestAt,
  nextPlannedRound,
  plannedRound,
  revealFor,
  wallClock,
  weekStart,
} from '../../src/core/schedule.ts';
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

/** Instants at which the channel's local date is not UTC's: Auckland is UTC+13 and Los Angeles UTC-8 in late November. */
describe('dates in zones whose local date differs from UTC', () => {
  const sundayNightUtc = new Date('2026-11-29T12:00:00Z'); // Mon 30 Nov 01:00 in Auckland
  const mondayMorningUtc = new Date('2026-11-30T05:00:00Z'); // Sun 29 Nov 21:00 in Los Angeles

  it('takes the round date from the channel zone', () => {
    expect(localDate(sundayNightUtc, 'UTC')).toBe('2026-11-29');
    expect(localDate(sundayNightUtc, 'Pacific/Auckland')).toBe('2026-11-30');
    expect(localDate(mondayMorningUtc, 'UTC')).toBe('2026-11-30');
    expect(localDate(mondayMorningUtc, 'America/Los_Angeles')).toBe('2026-11-29');
  });

  it('puts the instant into the channel’s week for leaderboards and digests', () => {
    expect(weekStart(localDate(sundayNightUtc, 'UTC'))).toBe('2026-11-23');
    expect(weekStart(localDate(sundayNightUtc, 'Pacific/Auckland'))).toBe('2026-11-30');
    expect(weekStart(localDate(mondayMorningUtc, 'UTC'))).toBe('2026-11-30');
    expect(weekStart(localDate(mondayMorningUtc, 'America/Los_Angeles'))).toBe('2026-11-23');
  });

  it('plans a local Monday round that is still Sunday in UTC, and no round on a local Saturday that is Friday in UTC', () => {
    const monday = plannedRound(settings('Pacific/Auckland'), '2026-11-30')!;
    expect(monday.postAt.toISOString()).toBe('2026-11-29T20:00:00.000Z');
    expect(monday.revealAt.toISOString()).toBe('2026-11-30T02:00:00.000Z');
    expect(plannedRound(settings('Pacific/Auckland'), '2026-11-28')).toBeNull();
    const friday = plannedRound(settings('America/Los_Angeles', '17:30'), '2026-11-27')!;
    expect(friday.postAt.toISOString()).toBe('2026-11-28T01:30:00.000Z');
    expect(friday.revealAt.toISOString()).toBe('2026-11-28T07:30:00.000Z');
  });

  it('finds the next round by the local date', () => {
    const next = nextPlannedRound(settings('Pacific/Auckland'), sundayNightUtc)!;
    expect([next.localDate, next.postAt.toISOString()]).toEqual(['2026-11-30', '2026-11-29T20:00:00.000Z']);
    const friday = nextPlannedRound(settings('America/Los_Angeles', '17:30'), new Date('2026-11-28T02:00:00Z'))!;
    expect([friday.localDate, friday.postAt.toISOString()]).toEqual(['2026-11-27', '2026-11-28T01:30:00.000Z']);
    const after = nextPlannedRound(settings('America/Los_Angeles', '17:30'), new Date('2026-11-28T08:00:00Z'))!;
    expect(after.localDate).toBe('2026-11-30');
  });

  it('puts a fixed reveal time that is not after the post on the next local day', () => {
    const s = { ...settings('America/Los_Angeles', '17:30'), revealTime: '09:00' };
    expect(revealFor(s, '2026-11-27', new Date('2026-11-28T01:30:00Z')).toISOString()).toBe('2026-11-28T17:00:00.000Z');
    const auckland = { ...settings('Pacific/Auckland', '09:00'), revealTime: '17:00' };
    expect(revealFor(auckland, '2026-11-30', new Date('2026-11-29T20:00:00Z')).toISOString()).toBe('2026-11-30T04:00:00.000Z');
  });

  it('times the digest on the channel’s local weekday', () => {
    const auckland = { ...settings('Pacific/Auckland'), digestWeekday: 5 as const, digestTime: '16:00' };
    expect(nextDigestAt(auckland, new Date('2026-11-27T02:00:00Z'))!.toISOString()).toBe('2026-11-27T03:00:00.000Z');
    expect(nextDigestAt(auckland, new Date('2026-11-27T04:00:00Z'))!.toISOString()).toBe('2026-12-04T03:00:00.000Z');
    const la = { ...settings('America/Los_Angeles'), digestWeekday: 5 as const, digestTime: '16:00' };
    expect(nextDigestAt(la, new Date('2026-11-28T01:00:00Z'))!.toISOString()).toBe('2026-12-05T00:00:00.000Z');
    expect(nextDigestAt(la, new Date('2026-11-27T23:00:00Z'))!.toISOString()).toBe('2026-11-28T00:00:00.000Z');
    const sunday = { ...settings('America/Los_Angeles'), digestWeekday: 7 as const, digestTime: '20:00' };
    expect(nextDigestAt(sunday, mondayMorningUtc)!.toISOString()).toBe('2026-12-07T04:00:00.000Z');
    expect(nextDigestAt(sunday, new Date('2026-11-30T03:00:00Z'))!.toISOString()).toBe('2026-11-30T04:00:00.000Z');
  });

  it('adds away days to the local date', () => {
    expect(addDays(localDate(sundayNightUtc, 'Pacific/Auckland'), 1)).toBe('2026-12-01');
    expect(addDays(localDate(mondayMorningUtc, 'America/Los_Angeles'), 1)).toBe('2026-11-30');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});
