import { describe, expect, it } from 'vitest';
import { parseDuration, parseTime } from '../../src/core/commands/config-settings.ts';
import { resolveWeekdays } from '../../src/core/vocab.ts';

describe('schedule setting values', () => {
  it('reads times', () => {
    expect(parseTime('09:30')).toBe('09:30');
    expect(parseTime('9:05')).toBe('09:05');
    expect(parseTime('9am')).toBe('09:00');
    expect(parseTime('12am')).toBe('00:00');
    expect(parseTime('5:30pm')).toBe('17:30');
    for (const bad of ['25:00', '9', '9:60', '13pm', 'noon', '']) expect(parseTime(bad)).toBeNull();
  });

  it('reads delays', () => {
    expect(parseDuration('6h')).toBe(360);
    expect(parseDuration('90m')).toBe(90);
    expect(parseDuration('1h30m')).toBe(90);
    expect(parseDuration('45 min')).toBe(45);
    for (const bad of ['six hours', '', 'h', '-1h']) expect(parseDuration(bad)).toBeNull();
  });

  it('reads weekdays', () => {
    expect(resolveWeekdays('mon-fri')).toEqual([1, 2, 3, 4, 5]);
    expect(resolveWeekdays('weekdays')).toEqual([1, 2, 3, 4, 5]);
    expect(resolveWeekdays('daily')).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(resolveWeekdays('mon,wed,fri')).toEqual([1, 3, 5]);
    expect(resolveWeekdays('fri-mon')).toEqual([1, 5, 6, 7]);
    expect(resolveWeekdays('funday')).toBeNull();
  });
});
