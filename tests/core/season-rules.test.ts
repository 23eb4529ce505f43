import { describe, expect, it } from 'vitest';
import { HIDDEN_NAME, shownName } from '../../src/core/privacy.ts';
import { monthKey, quarterKey, seasonDates, seasonEnd, seasonEndingAt, seasonLabel, seasonPeriods } from '../../src/core/seasons.ts';

describe('season periods', () => {
  it('puts each month in its quarter, at and on either side of each quarter boundary', () => {
    expect(quarterKey('2026-01-01')).toBe('q:2026-Q1');
    expect(quarterKey('2026-03-31')).toBe('q:2026-Q1');
    expect(quarterKey('2026-04-01')).toBe('q:2026-Q2');
    expect(quarterKey('2026-06-30')).toBe('q:2026-Q2');
    expect(quarterKey('2026-07-01')).toBe('q:2026-Q3');
    expect(quarterKey('2026-09-30')).toBe('q:2026-Q3');
    expect(quarterKey('2026-10-01')).toBe('q:2026-Q4');
    expect(quarterKey('2026-12-31')).toBe('q:2026-Q4');
    expect(monthKey('2026-12-31')).toBe('m:2026-12');
    expect(seasonPeriods('2027-01-01')).toEqual(['m:2027-01', 'q:2027-Q1']);
  });

  it('ends a season at local midnight in the channel time zone', () => {
    // Auckland is UTC+13 in November: 1 December starts at 11:00 UTC on 30 November
    expect(seasonEnd('month', new Date('2026-11-30T10:59:59Z'), 'Pacific/Auckland')).toEqual(new Date('2026-11-30T11:00:00Z'));
    expect(seasonEnd('month', new Date('2026-11-30T11:00:00Z'), 'Pacific/Auckland')).toEqual(new Date('2026-12-31T11:00:00Z'));
    // Los Angeles is UTC−8 in winter: 1 January starts at 08:00 UTC
    expect(seasonEnd('quarter', new Date('2027-01-01T07:59:59Z'), 'America/Los_Angeles')).toEqual(new Date('2027-01-01T08:00:00Z'));
    expect(seasonEnd('quarter', new Date('2027-01-01T08:00:00Z'), 'America/Los_Angeles')).toEqual(new Date('2027-04-01T07:00:00Z'));
    expect(seasonEnd('quarter', new Date('2026-11-15T12:00:00Z'), 'UTC')).toEqual(new Date('2027-01-01T00:00:00Z'));
  });

  it('names the season that ends at a boundary, not the one it starts', () => {
    expect(seasonEndingAt('month', new Date('2026-11-30T11:00:00Z'), 'Pacific/Auckland')).toBe('m:2026-11');
    expect(seasonEndingAt('quarter', new Date('2027-01-01T08:00:00Z'), 'America/Los_Angeles')).toBe('q:2026-Q4');
  });

  it('labels and bounds months and quarters', () => {
    expect(seasonLabel('m:2026-11')).toBe('November 2026');
    expect(seasonLabel('q:2027-Q1')).toBe('Q1 2027 (January to March)');
    expect(seasonLabel('q:2026-Q4')).toBe('Q4 2026 (October to December)');
    expect(seasonDates('m:2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-31' });
    expect(seasonDates('q:2026-Q2')).toEqual({ from: '2026-04-01', to: '2026-06-31' });
    expect(seasonDates('all')).toBeNull();
  });

  it('leaves anything that is not exactly a month or quarter key alone', () => {
    for (const key of ['all', 'w:2026-11-23', 'xm:2026-11', 'm:2026-11x', 'xq:2026-Q4', 'q:2026-Q4x', 'q:2026-Q5']) {
      expect(seasonLabel(key)).toBe(key);
      expect(seasonDates(key)).toBeNull();
    }
  });
});

describe('the display-name rule', () => {
  it('shows a hidden member as "a member" and a visible one by name', () => {
    expect(shownName({ name: 'Ada', hidden: true })).toBe(HIDDEN_NAME);
    expect(HIDDEN_NAME).toBe('a member');
    expect(shownName({ name: 'Ada', hidden: false })).toBe('Ada');
    expect(shownName({ name: 'Ada' })).toBe('Ada');
    expect(shownName({ name: null }, 'slack:T1:U1')).toBe('slack:T1:U1');
    expect(shownName({ name: null, hidden: true }, 'slack:T1:U1')).toBe('a member');
  });
});
