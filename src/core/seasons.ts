import { DateTime } from 'luxon';
import { localDate } from './schedule.ts';

/** How long a channel's season runs; a quarter unless an organiser chooses months. */
export type SeasonLength = 'month' | 'quarter';

export const DEFAULT_SEASON: SeasonLength = 'quarter';

/** A results post overdue by more than this (the service was down at the boundary) is skipped rather than posted late. */
export const SEASON_GRACE_MS = 7 * 24 * 60 * 60_000;

/** The score period of the month of a local date (YYYY-MM-DD): `m:2026-11`. */
export const monthKey = (date: string): string => `m:${date.slice(0, 7)}`;

/** The score period of the quarter of a local date: `q:2026-Q4`. */
export const quarterKey = (date: string): string => `q:${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;

/** The score period of the season of a local date. */
export const seasonKey = (length: SeasonLength, date: string): string => (length === 'month' ? monthKey(date) : quarterKey(date));

/** Every season-like period a point earned on a local date counts towards (its month and its quarter). */
export const seasonPeriods = (date: string): string[] => [monthKey(date), quarterKey(date)];

/** The instant the season holding `at` ends in the channel's time zone: local midnight starting the next month or quarter. */
export function seasonEnd(length: SeasonLength, at: Date, timezone: string): Date {
  return DateTime.fromJSDate(at, { zone: timezone })
    .startOf(length)
    .plus(length === 'month' ? { months: 1 } : { months: 3 })
    .toJSDate();
}

/** The season that ends at a boundary instant (the one holding the millisecond before it). */
export const seasonEndingAt = (length: SeasonLength, boundary: Date, timezone: string): string =>
  seasonKey(length, localDate(new Date(boundary.getTime() - 1), timezone));

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A season's period key as people read it: "November 2026", "Q4 2026 (October to December)". */
export function seasonLabel(key: string): string {
  const month = /^m:(\d{4})-(\d{2})$/.exec(key);
  if (month) return `${MONTHS[Number(month[2]) - 1]} ${month[1]}`;
  const quarter = /^q:(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) {
    const first = (Number(quarter[2]) - 1) * 3;
    return `Q${quarter[2]} ${quarter[1]} (${MONTHS[first]} to ${MONTHS[first + 2]})`;
  }
  return key;
}

/** The first and last local dates (YYYY-MM-DD, the last possibly a day past the month's end) of a season's period key. */
export function seasonDates(key: string): { from: string; to: string } | null {
  const month = /^m:(\d{4}-\d{2})$/.exec(key);
  if (month) return { from: `${month[1]}-01`, to: `${month[1]}-31` };
  const quarter = /^q:(\d{4})-Q([1-4])$/.exec(key);
  if (!quarter) return null;
  const first = (Number(quarter[2]) - 1) * 3 + 1;
  const pad = (n: number) => String(n).padStart(2, '0');
  return { from: `${quarter[1]}-${pad(first)}-01`, to: `${quarter[1]}-${pad(first + 2)}-31` };
}
