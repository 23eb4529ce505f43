import { BASE_OPTION, type ChartSpec, title } from './chart-spec.ts';
import { PALETTE } from './palette.ts';

/** One category's mastery from the member's self-assessments, 0 to 100 (per cent). */
export interface CategoryMastery {
  label: string;
  percent: number;
}

export interface MasteryData {
  who: string;
  categories: CategoryMastery[];
}

/** DejaVu Sans at 13 px averages under 8 px a character: the label column is sized from the longest label. */
const LABEL_CHAR_WIDTH = 8;

const clampPercent = (n: number) => Math.max(0, Math.min(100, Math.round(n)));

/** The alt text: the strongest and weakest categories (first in the given order on ties). */
export function masteryAlt(data: MasteryData): string {
  const head = `Mastery by category of ${data.who}`;
  if (data.categories.length === 0) return `${head}: no self-assessments yet.`;
  const rated = data.categories.map((c) => ({ label: c.label, percent: clampPercent(c.percent) }));
  const strongest = rated.reduce((best, c) => (c.percent > best.percent ? c : best));
  const weakest = rated.reduce((worst, c) => (c.percent < worst.percent ? c : worst));
  if (rated.length === 1) return `${head}: ${strongest.label} at ${strongest.percent}%.`;
  return `${head} across ${rated.length} categories: strongest ${strongest.label} at ${strongest.percent}%, weakest ${weakest.label} at ${weakest.percent}%.`;
}

/** Horizontal bars, one per category in the given order (top to bottom), each labelled with its per cent. */
export function masterySpec(data: MasteryData): ChartSpec {
  const rated = data.categories.map((c) => ({ label: c.label, percent: clampPercent(c.percent) }));
  const rows = [...rated].reverse();
  const labelWidth = Math.max(0, ...rated.map((r) => r.label.length)) * LABEL_CHAR_WIDTH;
  return {
    width: 720,
    height: 80 + 30 * Math.max(1, rated.length),
    alt: masteryAlt(data),
    option: {
      ...BASE_OPTION,
      title: title('Mastery per category (self-assessed)'),
      grid: { left: 24 + labelWidth, right: 56, top: 48, bottom: 12, outerBoundsMode: 'none' },
      xAxis: { type: 'value', min: 0, max: 100, show: false },
      yAxis: {
        type: 'category',
        data: rows.map((r) => r.label),
        axisLine: { show: false },
        axisTick: { show: false },
        axisLabel: { color: PALETTE.text, fontSize: 13 },
      },
      series: [
        {
          type: 'bar',
          data: rows.map((r) => r.percent),
          barWidth: 16,
          itemStyle: { color: PALETTE.bars, borderRadius: 3 },
          showBackground: true,
          backgroundStyle: { color: PALETTE.grid, borderRadius: 3 },
          label: { show: true, position: 'right', color: PALETTE.text, formatter: '{c}%' },
        },
      ],
    },
  };
}
