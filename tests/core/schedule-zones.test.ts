import { describe, expect, it } from 'vitest';
import { localDate, wallClock } from '../../src/core/schedule.ts';

describe('a wall-clock time skipped by a half-hour spring-forward', () => {
  it('is the first valid minute after the gap, not the skipped minute moved by the shift', () => {
    // Lord Howe Island moves from 02:00 (+10:30) to 02:30 (+11:00) on the first Sunday of October.
    expect(wallClock('2026-10-04', '02:10', 'Australia/Lord_Howe').toISOString()).toBe('2026-10-03T15:30:00.000Z');
    expect(wallClock('2026-10-04', '02:30', 'Australia/Lord_Howe').toISOString()).toBe('2026-10-03T15:30:00.000Z');
    expect(wallClock('2026-10-04', '01:59', 'Australia/Lord_Howe').toISOString()).toBe('2026-10-03T15:29:00.000Z');
  });
});

describe('the local date of an instant', () => {
  it('is empty for an instant that is not a date', () => {
    expect(localDate(new Date(Number.NaN), 'Europe/Berlin')).toBe('');
  });
});
