import { DateTime, IANAZone } from 'luxon';
import type { ChannelSettings, Weekday } from './types.ts';

/** The channel-local calendar date of an instant, as YYYY-MM-DD. */
export function localDate(at: Date, timezone: string): string {
  return DateTime.fromJSDate(at, { zone: timezone }).toISODate() ?? '';
}

/** The Monday that starts the week of a local date (weeks run Monday to Sunday). */
export function weekStart(date: string): string {
  const day = DateTime.fromISO(date, { zone: 'UTC' });
  return day.minus({ days: day.weekday - 1 }).toISODate() ?? date;
}

export function weekdayOf(date: string): Weekday {
  return DateTime.fromISO(date, { zone: 'UTC' }).weekday as Weekday;
}

export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate() ?? date;
}

/**
 * The instant of a wall-clock time on a local date. A time skipped by a spring-forward change resolves to the first
 * valid minute after it; a time that occurs twice on a fall-back day resolves to its first occurrence.
 */
export function wallClock(date: string, time: string, timezone: string): Date {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const day = DateTime.fromISO(date, { zone: 'UTC' });
  for (let total = hour * 60 + minute; total < 24 * 60; total++) {
    const wanted = { year: day.year, month: day.month, day: day.day, hour: Math.floor(total / 60), minute: total % 60 };
    const candidate = DateTime.fromObject(wanted, { zone: timezone });
    if (candidate.hour === wanted.hour && candidate.minute === wanted.minute) return firstOccurrence(candidate).toJSDate();
  }
  // Every minute left in the day is skipped (a gap that runs to midnight, as in Nuuk): the next day's midnight.
  const next = day.plus({ days: 1 });
  return DateTime.fromObject({ year: next.year, month: next.month, day: next.day }, { zone: timezone }).toJSDate();
}

function firstOccurrence(at: DateTime): DateTime {
  for (const minutes of [60, 30, 120]) {
    const earlier = at.minus({ minutes });
    if (earlier.hour === at.hour && earlier.minute === at.minute) return earlier;
  }
  return at;
}

export interface PlannedRound {
  localDate: string;
  postAt: Date;
  revealAt: Date;
}

/** The round a schedule plans for a local date, or null when the channel does not meet that weekday. */
export function plannedRound(settings: ChannelSettings, date: string): PlannedRound | null {
  if (!settings.weekdays.includes(weekdayOf(date))) return null;
  const postAt = wallClock(date, settings.postTime, settings.timezone);
  return { localDate: date, postAt, revealAt: revealFor(settings, date, postAt) };
}

/** The reveal of a round: the fixed local reveal time if set (the next day's when it is not after the post), else the delay. */
export function revealFor(settings: ChannelSettings, date: string, postAt: Date): Date {
  if (!settings.revealTime) return new Date(postAt.getTime() + settings.revealDelayMinutes * 60_000);
  const same = wallClock(date, settings.revealTime, settings.timezone);
  return same > postAt ? same : wallClock(addDays(date, 1), settings.revealTime, settings.timezone);
}

/** The next digest instant strictly after `after`, or null when the channel has no digest. */
export function nextDigestAt(settings: ChannelSettings, after: Date): Date | null {
  if (!settings.digestWeekday) return null;
  let date = localDate(after, settings.timezone);
  for (let i = 0; i < 9; i++, date = addDays(date, 1)) {
    if (weekdayOf(date) !== settings.digestWeekday) continue;
    const at = wallClock(date, settings.digestTime ?? '16:00', settings.timezone);
    if (at > after) return at;
  }
  return null;
}

/** The levels a round may use on a date: with the ramp on, junior early in the week, mid midweek, senior at the end. */
export function levelsFor(settings: ChannelSettings, date: string): ChannelSettings['levels'] {
  if (!settings.ramp) return settings.levels;
  const day = weekdayOf(date);
  const wanted = day <= 2 ? 'junior' : day <= 4 ? 'mid' : 'senior';
  return settings.levels.length === 0 || settings.levels.includes(wanted) ? [wanted] : settings.levels;
}

/** The next planned round whose reveal is still ahead of `now`, starting from the local date `from`. */
export function nextPlannedRound(settings: ChannelSettings, now: Date, from?: string): PlannedRound | null {
  let date = from ?? localDate(now, settings.timezone);
  for (let i = 0; i < 15; i++, date = addDays(date, 1)) {
    const planned = plannedRound(settings, date);
    if (planned && planned.revealAt > now) return planned;
  }
  return null;
}

/** A short local time for messages, such as "Tue 15:00 (Europe/Berlin)". */
export function formatLocal(at: Date, timezone: string): string {
  return `${DateTime.fromJSDate(at, { zone: timezone }).toFormat('ccc HH:mm')} (${timezone})`;
}

/** Whether a name is an IANA time zone; luxon's own names (`local`, `UTC+3`) and offsets (`+03:00`, which Node 24's Intl takes) are not. */
export function isValidTimezone(zone: string): boolean {
  return /^[A-Za-z]/.test(zone) && !/^(?:UTC?|GMT)[+-]/i.test(zone) && IANAZone.isValidZone(zone);
}
