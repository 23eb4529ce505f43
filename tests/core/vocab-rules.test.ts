import { describe, expect, it } from 'vitest';
import { formatWeekdays, resolveWeekdays } from '../../src/core/vocab.ts';

describe('days of the week as organisers write them', () => {
  it('reads every way of saying every day, in any case', () => {
    for (const all of ['daily', 'Daily', 'everyday', 'every-day', 'all', 'every day', ' EVERY DAY ']) {
      expect(resolveWeekdays(all)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    }
  });

  it('reads weekdays, workdays, weekend and weekends', () => {
    expect(resolveWeekdays('workdays')).toEqual([1, 2, 3, 4, 5]);
    expect(resolveWeekdays('Weekdays')).toEqual([1, 2, 3, 4, 5]);
    expect(resolveWeekdays('weekends')).toEqual([6, 7]);
    expect(resolveWeekdays('weekend')).toEqual([6, 7]);
  });

  it('reads a range in any case, wrapping past Sunday', () => {
    expect(resolveWeekdays('Mon-Fri')).toEqual([1, 2, 3, 4, 5]);
    expect(resolveWeekdays('sat-tue')).toEqual([1, 2, 6, 7]);
    expect(resolveWeekdays('thu-thu')).toEqual([4]);
    expect(resolveWeekdays('monday-wednesday')).toEqual([1, 2, 3]);
  });

  it('refuses a range with an unknown end', () => {
    expect(resolveWeekdays('xyz-fri')).toBeNull();
    expect(resolveWeekdays('mon-xyz')).toBeNull();
  });

  it('reads a list separated by commas, spaces or both, ignoring a stray comma', () => {
    expect(resolveWeekdays('mon, wed,')).toEqual([1, 3]);
    expect(resolveWeekdays(',sat sun')).toEqual([6, 7]);
    expect(resolveWeekdays('fri mon fri')).toEqual([1, 5]);
    expect(resolveWeekdays(' , ')).toBeNull();
    expect(resolveWeekdays('')).toBeNull();
  });

  it('takes a day name up to 9 letters long, from its first three', () => {
    expect(resolveWeekdays('monday')).toEqual([1]);
    expect(resolveWeekdays('thursday')).toEqual([4]);
    expect(resolveWeekdays('wednesday')).toEqual([3]);
    expect(resolveWeekdays('wednesdays')).toBeNull();
    expect(resolveWeekdays('mo')).toBeNull();
    expect(resolveWeekdays('amon')).toBeNull();
  });
});

describe('days of the week as the settings show them', () => {
  it('says every day and Monday to Friday whatever the stored order', () => {
    expect(formatWeekdays([1, 2, 3, 4, 5, 6, 7])).toBe('every day');
    expect(formatWeekdays([7, 6, 5, 4, 3, 2, 1])).toBe('every day');
    expect(formatWeekdays([5, 4, 3, 2, 1])).toBe('Monday to Friday');
    expect(formatWeekdays([1, 2, 3, 4, 5])).toBe('Monday to Friday');
  });

  it('lists other sets by short names', () => {
    expect(formatWeekdays([1, 3, 5])).toBe('mon, wed, fri');
    expect(formatWeekdays([6, 7])).toBe('sat, sun');
    expect(formatWeekdays([1, 2, 3, 4, 5, 6])).toBe('mon, tue, wed, thu, fri, sat');
    expect(formatWeekdays([7])).toBe('sun');
  });
});
