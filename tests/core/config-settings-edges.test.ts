import { describe, expect, it } from 'vitest';
import { findSetting, parseMinWords } from '../../src/core/commands/config-settings.ts';
import { set, show, why } from '../helpers/config-setting.ts';

describe('the pairs cycle', () => {
  it('is one weekday at 09:00 weekly unless a time or cadence is given', () => {
    expect(set('pairs', 'mon').data).toEqual({ pairsWeekday: 1, pairsTime: '09:00', pairsEveryWeeks: 1 });
    expect(set('pairs', 'wed 14:30').data).toEqual({ pairsWeekday: 3, pairsTime: '14:30', pairsEveryWeeks: 1 });
    expect(set('pairs', ' Fri   5:30 pm ').data).toEqual({ pairsWeekday: 5, pairsTime: '17:30', pairsEveryWeeks: 1 });
  });

  it('reads biweekly and fortnightly as every two weeks and weekly as every week, in any case', () => {
    expect(set('pairs', 'tue 10:00 biweekly').data).toEqual({ pairsWeekday: 2, pairsTime: '10:00', pairsEveryWeeks: 2 });
    expect(set('pairs', 'thu 8am FORTNIGHTLY').data).toEqual({ pairsWeekday: 4, pairsTime: '08:00', pairsEveryWeeks: 2 });
    expect(set('pairs', 'sun 11:15 Weekly').data).toEqual({ pairsWeekday: 7, pairsTime: '11:15', pairsEveryWeeks: 1 });
  });

  it('takes a cadence without a time, at 09:00', () => {
    expect(set('pairs', 'sat biweekly').data).toEqual({ pairsWeekday: 6, pairsTime: '09:00', pairsEveryWeeks: 2 });
    expect(set('pairs', 'mon weekly').data).toEqual({ pairsWeekday: 1, pairsTime: '09:00', pairsEveryWeeks: 1 });
  });

  it('is turned off with off, none or no, and nothing longer', () => {
    for (const off of ['off', 'NONE', 'no', '  off  ']) expect(set('pairs', off).data).toEqual({ pairsWeekday: null });
    expect(set('pairs', 'offf').success).toBe(false);
    expect(set('pairs', 'not mon').success).toBe(false);
    expect(set('pairs', 'mon 9am or none').success).toBe(false);
  });

  it('refuses several days, a wrong day, a wrong time and a wrong cadence, naming the value cut to 30 characters', () => {
    const message = (v: string) => `\`${v}\` is not a pairs cycle; write it like mon 09:00, mon 09:00 biweekly, or off`;
    expect(why('pairs', 'mon-fri 09:00')).toBe(message('mon-fri 09:00'));
    expect(why('pairs', 'funday 09:00')).toBe(message('funday 09:00'));
    expect(why('pairs', 'mon 25:00')).toBe(message('mon 25:00'));
    expect(why('pairs', 'mon 09:00 monthly')).toBe(message('mon 09:00 monthly'));
    expect(why('pairs', 'mon 9')).toBe(message('mon 9'));
    expect(why('pairs', `mon 09:00 ${'and more '.repeat(4)}`)).toBe(message('mon 09:00 and more and more an'));
  });

  it('is shown as the day, time and cadence, 09:00 when no time is stored, or off', () => {
    expect(show('pairs', { pairsWeekday: 1, pairsTime: '08:15', pairsEveryWeeks: 1 })).toBe('Mon 08:15 weekly');
    expect(show('pairs', { pairsWeekday: 7, pairsTime: '17:30', pairsEveryWeeks: 2 })).toBe('Sun 17:30 every two weeks');
    expect(show('pairs', { pairsWeekday: 2 })).toBe('Tue 09:00 weekly');
    expect(show('pairs', { pairsWeekday: null })).toBe('off');
    expect(findSetting('pairing')).toBe(findSetting('pairs'));
    expect(findSetting('mock-pairs')).toBe(findSetting('pairs'));
  });
});

describe('the season length', () => {
  it('takes month or quarter in any case and with spaces around', () => {
    expect(set('season', 'month').data).toEqual({ seasonLength: 'month' });
    expect(set('season', ' QUARTER ').data).toEqual({ seasonLength: 'quarter' });
    expect(set('season', 'Month').data).toEqual({ seasonLength: 'month' });
  });

  it('refuses anything else, naming the value cut to 20 characters', () => {
    expect(why('season', 'year')).toBe('`year` is not a season length; write month or quarter');
    expect(why('season', 'months')).toBe('`months` is not a season length; write month or quarter');
    expect(why('season', 'a quarter of a yearly thing')).toBe('`a quarter of a yearl` is not a season length; write month or quarter');
    expect(set('season', '').success).toBe(false);
  });

  it('is shown as the stored length, a quarter when unset', () => {
    expect(show('season', {})).toBe('quarter');
    expect(show('season', { seasonLength: 'month' })).toBe('month');
    expect(show('season', { seasonLength: 'quarter' })).toBe('quarter');
  });
});

describe('the champion role', () => {
  it('takes a role mention or a bare id of 5 to 25 digits', () => {
    expect(set('champion-role', '<@&123456789012345678>').data).toEqual({ championRoleId: '123456789012345678' });
    expect(set('champion-role', ' 123456789012345678 ').data).toEqual({ championRoleId: '123456789012345678' });
    expect(set('champion-role', '12345').data).toEqual({ championRoleId: '12345' });
    expect(set('champion-role', '1234567890123456789012345').data).toEqual({ championRoleId: '1234567890123456789012345' });
  });

  it('refuses 4 or 26 digits, letters, and text before or after the id', () => {
    for (const bad of ['1234', '12345678901234567890123456', 'abcdef', 'x12345', '12345x', '<@123456>', '<#123456>', '@&123456', ''])
      expect(set('champion-role', bad).success).toBe(false);
  });

  it('names the wrong value cut to 30 characters', () => {
    const message = (v: string) => `\`${v}\` is not a role; mention it (@Champion) or give its id, or off`;
    expect(why('champion-role', '@Champion')).toBe(message('@Champion'));
    expect(why('champion-role', '  the best people in the whole server ')).toBe(message('the best people in the whole s'));
  });

  it('is turned off with off, none or no, and nothing longer', () => {
    for (const off of ['off', 'None', 'NO', ' off ']) expect(set('champion-role', off).data).toEqual({ championRoleId: null });
    expect(set('champion-role', 'offf').success).toBe(false);
    expect(set('champion-role', 'no role').success).toBe(false);
  });

  it('is shown as the role id, or off', () => {
    expect(show('champion-role', { championRoleId: '123456789012345678' })).toBe('role 123456789012345678');
    expect(show('champion-role', { championRoleId: null })).toBe('off');
    expect(show('champion-role', {})).toBe('off');
    expect(findSetting('champion')).toBe(findSetting('champion-role'));
  });
});

describe('edges of the other settings', () => {
  it('counts 0 to 200 words and refuses 201 and 9999', () => {
    expect(parseMinWords('200')).toBe(200);
    expect(parseMinWords('201')).toBeNull();
    expect(parseMinWords('9999')).toBeNull();
  });

  it('removes "at" from a reveal time only at the start', () => {
    expect(set('reveal', 'at 17:00').data).toEqual({ revealTime: '17:00' });
    expect(set('reveal', '1at 7:00').success).toBe(false);
  });

  it('gives every refusal a message', () => {
    expect(why('time', 'noon')).toBe('`noon` is not a time; write it like 09:30 or 9am');
    expect(why('ramp', 'maybe')).toBe('ramp is on or off');
    expect(why('reveal', '2m')).toBe('the reveal delay must be between 5m and 23h');
  });
});
