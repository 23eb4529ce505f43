import { describe, expect, it } from 'vitest';
import { nextDigestAt, nextPlannedRound, revealFor } from '../../src/core/schedule.ts';
import type { ChannelSettings } from '../../src/core/types.ts';

const berlin = (extra: Partial<ChannelSettings> = {}): ChannelSettings => ({
  timezone: 'Europe/Berlin',
  postTime: '09:00',
  weekdays: [1, 2, 3, 4, 5],
  revealDelayMinutes: 360,
  categories: [],
  levels: [],
  ...extra,
});

describe('a fixed reveal time', () => {
  it('reveals the same day when it is after the post, and the next day when it equals or precedes it', () => {
    const postAt = new Date('2026-11-30T08:00:00Z');
    expect(revealFor(berlin({ revealTime: '09:01' }), '2026-11-30', postAt).toISOString()).toBe('2026-11-30T08:01:00.000Z');
    expect(revealFor(berlin({ revealTime: '09:00' }), '2026-11-30', postAt).toISOString()).toBe('2026-12-01T08:00:00.000Z');
    expect(revealFor(berlin({ revealTime: '08:59' }), '2026-11-30', postAt).toISOString()).toBe('2026-12-01T07:59:00.000Z');
  });

  it('uses the local date of the channel, not UTC, for a round posted just after local midnight', () => {
    const postAt = new Date('2026-11-29T23:30:00Z');
    const settings = berlin({ postTime: '00:30', revealTime: '00:15' });
    expect(revealFor(settings, '2026-11-30', postAt).toISOString()).toBe('2026-11-30T23:15:00.000Z');
  });
});

describe('the next planned round', () => {
  it('is today’s until its reveal, and the next meeting day from the reveal on', () => {
    const s = berlin();
    expect(nextPlannedRound(s, new Date('2026-11-30T13:59:59.999Z'))?.localDate).toBe('2026-11-30');
    expect(nextPlannedRound(s, new Date('2026-11-30T14:00:00Z'))?.localDate).toBe('2026-12-01');
    expect(nextPlannedRound(s, new Date('2026-12-04T14:00:00Z'))?.localDate).toBe('2026-12-07');
  });

  it('takes the channel’s local date when it differs from UTC’s', () => {
    const s = berlin({ weekdays: [1] });
    expect(nextPlannedRound(s, new Date('2026-11-29T23:30:00Z'))?.postAt.toISOString()).toBe('2026-11-30T08:00:00.000Z');
  });

  it('is null for a channel that meets on no weekday', () => {
    expect(nextPlannedRound(berlin({ weekdays: [] }), new Date('2026-11-30T08:00:00Z'))).toBeNull();
  });
});

describe('the next digest', () => {
  it('comes at 16:00 local on the digest weekday unless another time is set', () => {
    const s = berlin({ digestWeekday: 5 });
    expect(nextDigestAt(s, new Date('2026-11-30T08:00:00Z'))?.toISOString()).toBe('2026-12-04T15:00:00.000Z');
    expect(nextDigestAt({ ...s, digestTime: '10:30' }, new Date('2026-11-30T08:00:00Z'))?.toISOString()).toBe('2026-12-04T09:30:00.000Z');
  });

  it('is strictly after the given instant: at the digest itself the next one is a week later', () => {
    const s = berlin({ digestWeekday: 5 });
    expect(nextDigestAt(s, new Date('2026-12-04T14:59:59.999Z'))?.toISOString()).toBe('2026-12-04T15:00:00.000Z');
    expect(nextDigestAt(s, new Date('2026-12-04T15:00:00Z'))?.toISOString()).toBe('2026-12-11T15:00:00.000Z');
  });

  it('is null when the channel has no digest', () => {
    expect(nextDigestAt(berlin({ digestWeekday: null }), new Date('2026-11-30T08:00:00Z'))).toBeNull();
  });
});
