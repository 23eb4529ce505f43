import { describe, expect, it } from 'vitest';
import { findSetting, parseDuration, parseMinWords, parseTime } from '../../src/core/commands/config-settings.ts';
import type { ChannelSettings } from '../../src/core/types.ts';
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

describe('min-words', () => {
  it('takes 0 to 200, and off as 0', () => {
    expect(parseMinWords('0')).toBe(0);
    expect(parseMinWords('off')).toBe(0);
    expect(parseMinWords('1')).toBe(1);
    expect(parseMinWords('12')).toBe(12);
    expect(parseMinWords(' 12 words ')).toBe(12);
    expect(parseMinWords('1 word')).toBe(1);
    expect(parseMinWords('199')).toBe(199);
    expect(parseMinWords('200')).toBe(200);
  });

  it('refuses values below 0, above 200 and anything that is not a whole number', () => {
    for (const bad of ['-1', '201', '1000', '99999', '1.5', 'twelve', '', '12 lines', '0x10']) expect(parseMinWords(bad)).toBeNull();
  });

  it('names the range in its message and shows the setting', () => {
    const setting = findSetting('min-words')!;
    const bad = setting.value.safeParse('201');
    expect(!bad.success && bad.error.issues[0]!.message).toBe(
      '`201` is not a word count; give a whole number from 0 to 200, for example 12 (0 or off turns the bar off)',
    );
    expect(setting.value.safeParse('200').data).toEqual({ minWords: 200 });
    expect(setting.value.safeParse('-1').success).toBe(false);
    const base: ChannelSettings = {
      timezone: 'UTC',
      postTime: '09:00',
      weekdays: [1],
      revealDelayMinutes: 360,
      categories: [],
      levels: [],
    };
    expect(setting.show(base)).toBe('12 words');
    expect(setting.show({ ...base, minWords: 30 })).toBe('30 words');
    expect(setting.show({ ...base, minWords: 0 })).toBe('off (any reply counts)');
    expect(findSetting('minwords')).toBe(setting);
  });
});
