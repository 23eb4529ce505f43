import { describe, expect, it } from 'vitest';
import { parseDuration, parseMinWords, parseTime } from '../../src/core/commands/config-settings.ts';
import { parseCommand } from '../../src/core/commands/parse.ts';
import { COMMANDS } from '../../src/core/commands/registry.ts';
import { isValidTimezone } from '../../src/core/schedule.ts';
import { set, show, why } from '../helpers/config-setting.ts';

describe('a post time', () => {
  it('takes hours 0 to 23 and minutes 0 to 59, and refuses 24 and 60', () => {
    expect(parseTime('0:00')).toBe('00:00');
    expect(parseTime('23:59')).toBe('23:59');
    expect(parseTime('22:58')).toBe('22:58');
    expect(parseTime('24:00')).toBeNull();
    expect(parseTime('23:60')).toBeNull();
  });

  it('takes 1am to 12pm on the 12-hour clock and refuses 0am and 13pm', () => {
    expect(parseTime('0am')).toBeNull();
    expect(parseTime('1am')).toBe('01:00');
    expect(parseTime('2am')).toBe('02:00');
    expect(parseTime('11pm')).toBe('23:00');
    expect(parseTime('12pm')).toBe('12:00');
    expect(parseTime('12am')).toBe('00:00');
    expect(parseTime('13pm')).toBeNull();
    expect(parseTime('9:30 PM')).toBe('21:30');
  });

  it('ignores surrounding spaces but nothing else around the time', () => {
    expect(parseTime('  9:30  ')).toBe('09:30');
    for (const bad of ['a9:30', '9:30x', 'at 9:30', '9:30 pm please']) expect(parseTime(bad)).toBeNull();
  });

  it('is saved as HH:MM and shown as it is', () => {
    expect(set('time', '7:05pm').data).toEqual({ postTime: '19:05' });
    expect(show('time', { postTime: '07:45' })).toBe('07:45');
  });

  it('names the wrong value, cut to 20 characters', () => {
    expect(why('time', 'teatime')).toBe('`teatime` is not a time; write it like 09:30 or 9am');
    expect(why('time', 'half past nine please')).toBe('`half past nine pleas` is not a time; write it like 09:30 or 9am');
  });
});

describe('a delay', () => {
  it('reads hours and minutes in the ways people write them', () => {
    expect(parseDuration('6 h')).toBe(360);
    expect(parseDuration('1 hour')).toBe(60);
    expect(parseDuration('2 hours')).toBe(120);
    expect(parseDuration('2hr')).toBe(120);
    expect(parseDuration('2hrs')).toBe(120);
    expect(parseDuration('1 minute')).toBe(1);
    expect(parseDuration('90 minutes')).toBe(90);
    expect(parseDuration(' 6h ')).toBe(360);
    expect(parseDuration('2h 15min')).toBe(135);
  });

  it('refuses anything after or before the delay', () => {
    for (const bad of ['6hx', '6h later', 'in 6h', '6 days']) expect(parseDuration(bad)).toBeNull();
  });
});

describe('the reveal', () => {
  it('is shown as a fixed time or as hours and minutes after the post', () => {
    expect(show('reveal', { revealTime: '17:00' })).toBe('at 17:00');
    expect(show('reveal', { revealDelayMinutes: 360 })).toBe('6h after the post');
    expect(show('reveal', { revealDelayMinutes: 60 })).toBe('1h after the post');
    expect(show('reveal', { revealDelayMinutes: 61 })).toBe('1h1m after the post');
    expect(show('reveal', { revealDelayMinutes: 90 })).toBe('1h30m after the post');
    expect(show('reveal', { revealDelayMinutes: 59 })).toBe('59m after the post');
    expect(show('reveal', { revealDelayMinutes: 5 })).toBe('5m after the post');
    expect(show('reveal', { revealDelayMinutes: 1380, revealTime: null })).toBe('23h after the post');
  });

  it('explains a value that is neither a delay nor a time', () => {
    expect(why('reveal', 'soon')).toBe('`soon` is not a delay or a time; write it like 6h, 90m or at 17:00');
    expect(why('reveal', 'when everyone has answered')).toBe(
      '`when everyone has an` is not a delay or a time; write it like 6h, 90m or at 17:00',
    );
  });

  it('takes a fixed time with or without "at"', () => {
    expect(set('reveal', 'AT 5pm').data).toEqual({ revealTime: '17:00' });
    expect(set('reveal', '17:30').data).toEqual({ revealTime: '17:30' });
  });
});

describe('the time zone', () => {
  it('takes IANA names of one, two and three parts', () => {
    expect(set('timezone', 'UTC').data).toEqual({ timezone: 'UTC' });
    expect(set('timezone', 'Europe/Berlin').data).toEqual({ timezone: 'Europe/Berlin' });
    expect(set('timezone', 'America/Port-au-Prince').data).toEqual({ timezone: 'America/Port-au-Prince' });
    expect(set('timezone', 'America/Argentina/Buenos_Aires').data).toEqual({ timezone: 'America/Argentina/Buenos_Aires' });
    expect(set('timezone', 'Etc/GMT+3').data).toEqual({ timezone: 'Etc/GMT+3' });
    expect(show('timezone', { timezone: 'Asia/Kolkata' })).toBe('Asia/Kolkata');
  });

  it('refuses the server-dependent names local, system and default, and fixed offsets', () => {
    const generic = 'use an IANA name such as Europe/Berlin or America/New_York';
    expect(why('timezone', 'local')).toBe(`\`local\` is not a time zone; ${generic}`);
    expect(why('timezone', 'system')).toBe(`\`system\` is not a time zone; ${generic}`);
    expect(why('timezone', 'default')).toBe(`\`default\` is not a time zone; ${generic}`);
    expect(why('timezone', 'UTC+3')).toBe(`\`UTC+3\` is not a time zone; ${generic}`);
    expect(why('timezone', 'Europe/Berlin/Mitte')).toBe(`\`Europe/Berlin/Mitte\` is not a time zone; ${generic}`);
    for (const zone of ['local', 'system', 'default', 'UTC+3', '+03:00']) expect(isValidTimezone(zone)).toBe(false);
    for (const zone of ['UTC', 'Etc/GMT+3', 'Asia/Kolkata']) expect(isValidTimezone(zone)).toBe(true);
  });

  it('suggests the full name of a city, whatever its case and spacing', () => {
    expect(why('timezone', 'Tokyo')).toBe('`Tokyo` is not a time zone; use an IANA name such as Asia/Tokyo');
    expect(why('timezone', 'TOKYO')).toBe('`TOKYO` is not a time zone; use an IANA name such as Asia/Tokyo');
    expect(why('timezone', 'new  york')).toBe('`new  york` is not a time zone; use an IANA name such as America/New_York');
    expect(why('timezone', 'Atlantis')).toBe('`Atlantis` is not a time zone; use an IANA name such as Europe/Berlin or America/New_York');
  });

  it('cuts a long wrong value to 40 characters', () => {
    const long = `${'Nowhere'.repeat(6)}`;
    expect(why('timezone', long)).toBe(
      `\`${long.slice(0, 40)}\` is not a time zone; use an IANA name such as Europe/Berlin or America/New_York`,
    );
    expect(long.slice(0, 40)).toBe('NowhereNowhereNowhereNowhereNowhereNowhe');
  });
});

describe('the days', () => {
  it('are saved as ISO weekdays and shown in words', () => {
    expect(set('days', 'mon,wed,fri').data).toEqual({ weekdays: [1, 3, 5] });
    expect(show('days', { weekdays: [1, 3, 5] })).toBe('mon, wed, fri');
    expect(show('days', { weekdays: [1, 2, 3, 4, 5] })).toBe('Monday to Friday');
  });

  it('name a wrong value, cut to 40 characters', () => {
    expect(why('days', 'funday')).toBe('`funday` is not a set of days; try mon-fri, daily or mon,wed,fri');
    expect(why('days', `${'x'.repeat(45)}`)).toBe(`\`${'x'.repeat(40)}\` is not a set of days; try mon-fri, daily or mon,wed,fri`);
  });
});

describe('the weekly digest', () => {
  it('is one weekday at 16:00 unless a time is given', () => {
    expect(set('digest', 'fri').data).toEqual({ digestWeekday: 5, digestTime: '16:00' });
    expect(set('digest', 'mon 9am').data).toEqual({ digestWeekday: 1, digestTime: '09:00' });
    expect(set('digest', 'sunday 5:30 pm').data).toEqual({ digestWeekday: 7, digestTime: '17:30' });
    expect(set('digest', '  fri 16:00  ').data).toEqual({ digestWeekday: 5, digestTime: '16:00' });
  });

  it('is turned off with off, none or no, and nothing longer', () => {
    for (const off of ['off', 'OFF', 'none', 'no', ' off ']) expect(set('digest', off).data).toEqual({ digestWeekday: null });
    expect(set('digest', 'offf').success).toBe(false);
    expect(set('digest', 'not on fri').success).toBe(false);
    expect(set('digest', 'wed 5pm or none').success).toBe(false);
  });

  it('refuses several days, a wrong day and a wrong time', () => {
    const message = (v: string) => `\`${v}\` is not a digest time; write it like fri 16:00, or off`;
    expect(why('digest', 'mon-fri 16:00')).toBe(message('mon-fri 16:00'));
    expect(why('digest', 'funday 16:00')).toBe(message('funday 16:00'));
    expect(why('digest', 'fri 25:00')).toBe(message('fri 25:00'));
    expect(why('digest', `fri 16:00 ${'and more '.repeat(4)}`)).toBe(message('fri 16:00 and more and more an'));
  });

  it('is shown as the day and time, 16:00 when no time is stored, or off', () => {
    expect(show('digest', { digestWeekday: 1, digestTime: '08:15' })).toBe('Mon 08:15');
    expect(show('digest', { digestWeekday: 7, digestTime: '17:30' })).toBe('Sun 17:30');
    expect(show('digest', { digestWeekday: 5 })).toBe('Fri 16:00');
    expect(show('digest', { digestWeekday: null })).toBe('off');
  });
});

describe('the difficulty ramp', () => {
  it('is on with on, yes or true and off with off, no or false, in any case', () => {
    for (const on of ['on', 'YES', 'true', ' on ']) expect(set('ramp', on).data).toEqual({ ramp: true });
    for (const off of ['off', 'No', 'false', ' off ']) expect(set('ramp', off).data).toEqual({ ramp: false });
  });

  it('refuses anything else', () => {
    for (const bad of ['onn', 'maybe', 'turn on', 'offf', 'not off']) expect(why('ramp', bad)).toBe('ramp is on or off');
  });

  it('is shown with the levels of the week when on', () => {
    expect(show('ramp', { ramp: true })).toBe('on (junior Mon–Tue, mid Wed–Thu, senior Fri–Sun)');
    expect(show('ramp', { ramp: false })).toBe('off');
    expect(show('ramp', {})).toBe('off');
  });
});

describe('the word bar', () => {
  it('reads off, none and no as 0 but not longer words', () => {
    expect(parseMinWords('NONE')).toBe(0);
    expect(parseMinWords('no')).toBe(0);
    expect(parseMinWords('offx')).toBeNull();
    expect(parseMinWords('kick off')).toBeNull();
  });

  it('takes the number with or without a space before "words"', () => {
    expect(parseMinWords('12words')).toBe(12);
    expect(parseMinWords('12   words')).toBe(12);
  });

  it('names a long wrong value cut to 20 characters', () => {
    expect(why('min-words', 'about twenty or thirty')).toBe(
      '`about twenty or thir` is not a word count; give a whole number from 0 to 200, for example 12 (0 or off turns the bar off)',
    );
  });
});

describe('categories and levels', () => {
  it('take a list separated by commas or spaces, without repeats, or all', () => {
    expect(set('categories', 'stats, deep').data).toEqual({ categories: ['statistics', 'deep-learning'] });
    expect(set('categories', 'stats statistics prob').data).toEqual({ categories: ['statistics'] });
    expect(set('categories', 'mlops,, design,').data).toEqual({ categories: ['mlops', 'system-design'] });
    expect(set('categories', 'all').data).toEqual({ categories: [] });
    expect(set('categories', 'ALL').data).toEqual({ categories: [] });
    expect(set('levels', 'sr jr').data).toEqual({ levels: ['senior', 'junior'] });
    expect(set('levels', 'mid,Senior,mid').data).toEqual({ levels: ['mid', 'senior'] });
    expect(set('levels', 'All').data).toEqual({ levels: [] });
  });

  it('name the first unknown word, cut to 30 characters, and the choices', () => {
    expect(why('categories', 'stats,astrology,alchemy')).toBe(
      '`astrology` is not a category; choose from fundamentals, statistics, evaluation, features, deep-learning, mlops, ' +
        'system-design, case-studies, behavioural, coding or all',
    );
    expect(why('levels', `mid ${'expert'.repeat(6)}`)).toBe(
      `\`${'expert'.repeat(5)}\` is not a level; choose from junior, mid, senior or all`,
    );
  });

  it('are shown as a list, or all when empty', () => {
    expect(show('categories', { categories: ['statistics', 'mlops'] })).toBe('statistics, mlops');
    expect(show('categories', { categories: [] })).toBe('all');
    expect(show('levels', { levels: ['junior', 'senior'] })).toBe('junior, senior');
    expect(show('levels', { levels: [] })).toBe('all');
  });
});

describe('/mlq config with a value', () => {
  it('reads the rest of the line as the value', () => {
    const result = parseCommand('/mlq config digest thu 5:30 pm', COMMANDS);
    expect(result.ok && result.value.args).toEqual({
      show: false,
      setting: 'digest',
      change: { digestWeekday: 4, digestTime: '17:30' },
    });
    const tz = parseCommand('/mlq config tz local', COMMANDS);
    expect(!tz.ok && tz.message).toBe(
      '`local` is not a time zone; use an IANA name such as Europe/Berlin or America/New_York. Usage: ' +
        '`/mlq config [<setting> <value>]`.',
    );
  });
});
