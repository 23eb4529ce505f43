import { DateTime } from 'luxon';
import { BASE_OPTION, type ChartSpec, plural, title } from './chart-spec.ts';
import { PALETTE } from './palette.ts';

export const HEATMAP_WEEKS = 26;

/** Answers on each local day (ISO date in the zone) of a member or channel. */
export type DayCounts = Record<string, number>;

/** Counts answer instants per local calendar day in `zone` (an IANA name), so 23:30 in Tokyo counts on Tokyo's date. */
export function answersPerLocalDay(instants: readonly Date[], zone: string): DayCounts {
  const counts: DayCounts = {};
  for (const at of instants) {
    const day = DateTime.fromJSDate(at, { zone }).toISODate();
    if (day) counts[day] = (counts[day] ?? 0) + 1;
  }
  return counts;
}

/** Today's date in `zone` at the instant `now`. */
export function localToday(now: Date, zone: string): string {
  return DateTime.fromJSDate(now, { zone }).toISODate() ?? now.toISOString().slice(0, 10);
}

/** The heatmap's days: from the Monday 25 weeks before this week's Monday up to `today`, so 26 week columns. */
export function heatmapRange(today: string): { from: string; to: string } {
  const day = DateTime.fromISO(today, { zone: 'UTC' });
  const monday = day.minus({ days: day.weekday - 1 });
  return { from: monday.minus({ weeks: HEATMAP_WEEKS - 1 }).toISODate()!, to: today };
}

/** Everything the heatmap shows: the answers per local day and the member's (or channel's) local today. */
export interface HeatmapData {
  who: string;
  today: string;
  counts: DayCounts;
}

/** The colour step of a day with `n` answers: 0 grey, then 1, 2, 3, 4 or more. */
function pieces() {
  const [none, one, two, three, more] = PALETTE.heat;
  return [
    { value: 0, color: none, label: '0' },
    { value: 1, color: one, label: '1' },
    { value: 2, color: two, label: '2' },
    { value: 3, color: three, label: '3' },
    { gte: 4, color: more, label: '4+' },
  ];
}

/** The alt text: the window, the total, the active days and the busiest day. */
export function heatmapAlt(data: HeatmapData): string {
  const { from, to } = heatmapRange(data.today);
  const inRange = Object.entries(data.counts).filter(([day, n]) => day >= from && day <= to && n > 0);
  const total = inRange.reduce((sum, [, n]) => sum + n, 0);
  const head = `Activity heatmap of ${data.who} from ${from} to ${to}`;
  if (total === 0) return `${head}: no answers yet.`;
  const [busyDay, busyCount] = inRange.reduce((best, entry) =>
    entry[1] > best[1] || (entry[1] === best[1] && entry[0] < best[0]) ? entry : best,
  );
  return `${head}: ${plural(total, 'answer')} on ${plural(inRange.length, 'day')}, the busiest ${busyDay} with ${plural(busyCount, 'answer')}.`;
}

/** A calendar heatmap of the last 26 weeks, Monday on top, one cell per local day. */
export function heatmapSpec(data: HeatmapData): ChartSpec {
  const { from, to } = heatmapRange(data.today);
  const cells: [string, number][] = [];
  for (let d = DateTime.fromISO(from, { zone: 'UTC' }); d.toISODate()! <= to; d = d.plus({ days: 1 })) {
    const day = d.toISODate()!;
    cells.push([day, data.counts[day] ?? 0]);
  }
  return {
    width: 720,
    height: 210,
    alt: heatmapAlt(data),
    option: {
      ...BASE_OPTION,
      title: title(`Answers per day, last ${HEATMAP_WEEKS} weeks`),
      visualMap: {
        type: 'piecewise',
        pieces: pieces(),
        orient: 'horizontal',
        right: 16,
        top: 12,
        itemWidth: 14,
        itemHeight: 14,
        itemGap: 6,
        textGap: 4,
        textStyle: { color: PALETTE.text, fontSize: 11 },
      },
      calendar: {
        range: [from, to],
        left: 50,
        top: 70,
        cellSize: [24, 16],
        itemStyle: { color: 'transparent', borderColor: 'transparent', borderWidth: 2 },
        splitLine: { show: false },
        dayLabel: { firstDay: 1, color: PALETTE.text, nameMap: ['Sun', 'Mon', '', 'Wed', '', 'Fri', ''], fontSize: 11 },
        monthLabel: { color: PALETTE.text, fontSize: 11 },
        yearLabel: { show: false },
      },
      series: [{ type: 'heatmap', coordinateSystem: 'calendar', data: cells, itemStyle: { borderColor: 'transparent', borderWidth: 2 } }],
    },
  };
}
