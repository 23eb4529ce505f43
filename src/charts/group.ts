import { BASE_OPTION, type ChartSpec, plural, title } from './chart-spec.ts';
import { PALETTE } from './palette.ts';

/** A labelled count: one round's answers, or one category's. */
export interface LabelledCount {
  label: string;
  answers: number;
}

/** The digest's group chart: answers per round of the period (in order) and answers per category. */
export interface GroupData {
  channel: string;
  period: string;
  rounds: LabelledCount[];
  categories: LabelledCount[];
}

/** The first of the largest counts, or undefined for an empty list. */
function largest(counts: LabelledCount[]): LabelledCount | undefined {
  return counts.reduce<LabelledCount | undefined>((best, c) => (!best || c.answers > best.answers ? c : best), undefined);
}

/** The alt text: the rounds and answers of the period, the busiest round and the most answered category. */
export function groupAlt(data: GroupData): string {
  const head = `Answers in ${data.channel}, ${data.period}`;
  const total = data.rounds.reduce((sum, r) => sum + r.answers, 0);
  if (total === 0) return `${head}: ${plural(data.rounds.length, 'round')}, no answers.`;
  const busiest = largest(data.rounds)!;
  const top = largest(data.categories);
  const mix = top && top.answers > 0 ? `; most answered category ${top.label} (${top.answers} of ${total})` : '';
  return `${head}: ${plural(data.rounds.length, 'round')} with ${plural(total, 'answer')}, the most on ${busiest.label} (${busiest.answers})${mix}.`;
}

/** Category labels are cut to this many characters (with an ellipsis) so the right-hand bars keep their room. */
const CATEGORY_LABEL_MAX = 18;

/** Two bar charts side by side: answers per round (left, columns) and the category mix (right, bars, largest on top). */
export function groupSpec(data: GroupData): ChartSpec {
  const mix = [...data.categories].filter((c) => c.answers > 0).sort((a, b) => a.answers - b.answers);
  const axis = { axisLine: { lineStyle: { color: PALETTE.grid } }, axisTick: { show: false }, axisLabel: { color: PALETTE.text } };
  return {
    width: 720,
    height: 320,
    alt: groupAlt(data),
    option: {
      ...BASE_OPTION,
      title: [title(`Answers per round, ${data.period}`) as object, { ...(title('Category mix') as object), left: 420 }],
      grid: [
        { left: 48, top: 56, width: 320, bottom: 36, outerBoundsMode: 'none' },
        { left: 570, top: 56, right: 48, bottom: 36, outerBoundsMode: 'none' },
      ],
      xAxis: [
        { gridIndex: 0, type: 'category', data: data.rounds.map((r) => r.label), ...axis },
        { gridIndex: 1, type: 'value', show: false, min: 0 },
      ],
      yAxis: [
        {
          gridIndex: 0,
          type: 'value',
          min: 0,
          minInterval: 1,
          splitLine: { lineStyle: { color: PALETTE.grid } },
          axisLabel: { color: PALETTE.text },
        },
        {
          gridIndex: 1,
          type: 'category',
          data: mix.map((c) => (c.label.length > CATEGORY_LABEL_MAX ? `${c.label.slice(0, CATEGORY_LABEL_MAX - 1)}…` : c.label)),
          ...axis,
          axisLine: { show: false },
        },
      ],
      series: [
        {
          type: 'bar',
          xAxisIndex: 0,
          yAxisIndex: 0,
          data: data.rounds.map((r) => r.answers),
          itemStyle: { color: PALETTE.bars, borderRadius: [3, 3, 0, 0] },
          barMaxWidth: 36,
          label: { show: true, position: 'top', color: PALETTE.text },
        },
        {
          type: 'bar',
          xAxisIndex: 1,
          yAxisIndex: 1,
          data: mix.map((c) => c.answers),
          itemStyle: { color: PALETTE.median, borderRadius: [0, 3, 3, 0] },
          barMaxWidth: 16,
          label: { show: true, position: 'right', color: PALETTE.text },
        },
      ],
    },
  };
}
