import { addDays, localDate, wallClock, weekdayOf } from './schedule.ts';
import type { ChannelSettings } from './types.ts';

/** A member may snooze pairs for 1 to this many weeks. */
export const MAX_SNOOZE_WEEKS = 8;

/** A cycle overdue by more than this is skipped (its date passed while no replica ran) rather than made late. */
export const PAIRS_GRACE_MS = 24 * 60 * 60_000;

const DAY_MS = 24 * 60 * 60_000;

/**
 * The next pairing cycle strictly after `now`: the channel's pairs weekday at its local time. After a cycle dated
 * `lastDate`, the next comes at least the cadence later (one or two weeks), so a biweekly channel keeps its rhythm.
 * Null when the channel has no pairs.
 */
export function nextPairsAt(settings: ChannelSettings, now: Date, lastDate: string | null = null): Date | null {
  if (!settings.pairsWeekday) return null;
  const every = settings.pairsEveryWeeks ?? 1;
  const today = localDate(now, settings.timezone);
  const earliest = lastDate ? addDays(lastDate, every * 7 - 6) : today;
  let date = [earliest, today].sort()[1]!;
  for (let i = 0; i < 15; i++, date = addDays(date, 1)) {
    if (weekdayOf(date) !== settings.pairsWeekday) continue;
    const at = wallClock(date, settings.pairsTime ?? '09:00', settings.timezone);
    if (at > now) return at;
  }
  return null;
}

/** The mid-cycle "did you meet?" check-in: half a cadence after the cycle (3.5 days weekly, 7 days every two weeks). */
export function checkinAt(dueAt: Date, everyWeeks: 1 | 2 = 1): Date {
  return new Date(dueAt.getTime() + (everyWeeks * 7 * DAY_MS) / 2);
}

/**
 * The first local date a snooze of `weeks` from `today` no longer covers (the matching skips cycles dated before it):
 * the member sits out every cycle up to and including `today` plus `weeks` weeks, so a weekly channel's next
 * `weeks` cycles, whichever weekday they snooze on.
 */
export function snoozeUntil(today: string, weeks: number): string {
  return addDays(today, weeks * 7 + 1);
}

/** The last local date a snooze covers, for members to read. */
export const snoozeLastDay = (until: string) => addDays(until, -1);
