import { Settings } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addDays, localDate, plannedRound, wallClock } from '../../src/core/schedule.ts';

describe('a wall-clock time skipped by a half-hour spring-forward', () => {
  it('is the first valid minute after the gap, not the skipped minute moved by the shift', () => {
    // Lord Howe Island moves from 02:00 (+10:30) to 02:30 (+11:00) on the first Sunday of October.
    expect(wallClock('2026-10-04', '02:10', 'Australia/Lord_Howe').toISOString()).toBe('2026-10-03T15:30:00.000Z');
    expect(wallClock('2026-10-04', '02:30', 'Australia/Lord_Howe').toISOString()).toBe('2026-10-03T15:30:00.000Z');
    expect(wallClock('2026-10-04', '01:59', 'Australia/Lord_Howe').toISOString()).toBe('2026-10-03T15:29:00.000Z');
  });
});

describe('a wall-clock time skipped by a spring-forward that runs to midnight', () => {
  // Nuuk moves from 22:59 (-02:00) straight to 00:00 (-01:00) on Saturday 28 March 2026.
  it('is the next local midnight, the first valid minute after it', () => {
    expect(wallClock('2026-03-28', '22:59', 'America/Nuuk').toISOString()).toBe('2026-03-29T00:59:00.000Z');
    expect(wallClock('2026-03-28', '23:00', 'America/Nuuk').toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(wallClock('2026-03-28', '23:30', 'America/Nuuk').toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(wallClock('2026-03-28', '23:59', 'America/Nuuk').toISOString()).toBe('2026-03-29T01:00:00.000Z');
  });

  it('keeps the Saturday round of a channel posting at 23:30 on that Saturday’s local date', () => {
    const settings = {
      timezone: 'America/Nuuk',
      postTime: '23:30',
      weekdays: [6 as const],
      revealDelayMinutes: 60,
      categories: [],
      levels: [],
    };
    const round = plannedRound(settings, '2026-03-28')!;
    expect(round.localDate).toBe('2026-03-28');
    expect(round.postAt.toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(round.revealAt.toISOString()).toBe('2026-03-29T02:00:00.000Z');
  });
});

describe('calendar arithmetic', () => {
  it('does not depend on the server’s zone, even where the server skipped a whole day', () => {
    const before = Settings.defaultZone;
    try {
      // Samoa skipped 30 December 2011 entirely.
      Settings.defaultZone = 'Pacific/Apia';
      expect(addDays('2011-12-29', 1)).toBe('2011-12-30');
      expect(wallClock('2011-12-30', '09:00', 'UTC').toISOString()).toBe('2011-12-30T09:00:00.000Z');
    } finally {
      Settings.defaultZone = before;
    }
  });
});

describe('the local date of an instant', () => {
  it('is empty for an instant that is not a date', () => {
    expect(localDate(new Date(Number.NaN), 'Europe/Berlin')).toBe('');
  });
});
