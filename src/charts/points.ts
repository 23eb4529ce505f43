import { BASE_OPTION, type ChartSpec, plural, title } from './chart-spec.ts';
import { PALETTE } from './palette.ts';

/** A member's points per period (e.g. cumulative per week) beside the group's median at the same periods. */
export interface PointsData {
  who: string;
  labels: string[];
  member: number[];
  median: number[];
}

/** The alt text: the latest values and the gap to the median. */
export function pointsAlt(data: PointsData): string {
  const head = `Points of ${data.who} against the group median`;
  const last = data.labels.length - 1;
  if (last < 0) return `${head}: no points yet.`;
  const mine = data.member[last] ?? 0;
  const median = data.median[last] ?? 0;
  const gap = mine - median;
  const standing = gap === 0 ? 'level with it' : `${plural(Math.abs(gap), 'point')} ${gap > 0 ? 'ahead' : 'behind'}`;
  return `${head} over ${plural(data.labels.length, 'period')}: ${mine} at ${data.labels[last]} against a median of ${median}, ${standing}.`;
}

/** Two lines: the member's points (solid, blue, a dot a week) and the group median (dashed, orange), with a legend. */
export function pointsSpec(data: PointsData): ChartSpec {
  return {
    width: 720,
    height: 320,
    alt: pointsAlt(data),
    option: {
      ...BASE_OPTION,
      title: title('Points against the group median'),
      legend: { top: 10, right: 12, textStyle: { color: PALETTE.text, fontSize: 13 }, data: [data.who, 'Group median'] },
      grid: { left: 56, right: 32, top: 56, bottom: 36, outerBoundsMode: 'none' },
      xAxis: {
        type: 'category',
        data: data.labels,
        boundaryGap: false,
        axisLine: { lineStyle: { color: PALETTE.grid } },
        axisLabel: { color: PALETTE.text },
      },
      yAxis: {
        type: 'value',
        min: 0,
        splitLine: { lineStyle: { color: PALETTE.grid } },
        axisLabel: { color: PALETTE.text },
      },
      series: [
        { name: data.who, type: 'line', data: data.member, color: PALETTE.member, lineStyle: { width: 3 }, symbolSize: 6 },
        {
          name: 'Group median',
          type: 'line',
          data: data.median,
          color: PALETTE.median,
          lineStyle: { width: 3, type: 'dashed' },
          // A dashed line without dots reads as the reference beside the member's dotted weeks, and costs fewer paths.
          showSymbol: false,
        },
      ],
    },
  };
}
