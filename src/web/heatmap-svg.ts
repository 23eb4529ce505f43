import { DateTime } from 'luxon';
import { heatmapAlt, heatmapRange } from '../charts/heatmap.ts';
import { html, type Safe } from './html.ts';

/** Cell colours from none to most answers: a light grey outlined cell, then blues (the darkest steps hold 3:1 against white). */
const STEPS = ['#eef1f4', '#9cc6f5', '#5aa2ee', '#2f7fd6', '#1f5fae'];
const CELL = 13;
const GAP = 3;
const LEFT = 34;
const TOP = 18;

const step = (n: number) => STEPS[Math.min(n, 4)]!;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The heatmap of the last 26 weeks as inline SVG (one column a week, Monday on top), with its alt sentence as the
 * accessible name, a tooltip title on each day, month labels, and a legend.
 */
export function heatmapSvg(data: { who: string; today: string; counts: Record<string, number> }, id: string): Safe {
  const { from, to } = heatmapRange(data.today);
  const alt = heatmapAlt(data);
  const cells: Safe[] = [];
  const months: Safe[] = [];
  let lastMonth = '';
  let day = DateTime.fromISO(from, { zone: 'UTC' });
  for (let i = 0; day.toISODate()! <= to; i++, day = day.plus({ days: 1 })) {
    const date = day.toISODate()!;
    const [col, row] = [Math.floor(i / 7), i % 7];
    const x = LEFT + col * (CELL + GAP);
    const n = data.counts[date] ?? 0;
    cells.push(
      html`<rect x="${x}" y="${TOP + row * (CELL + GAP)}" width="${CELL}" height="${CELL}" rx="2" fill="${step(n)}" stroke="#8c959f" stroke-width="${n ? 0 : 0.5}"><title>${date}: ${plural(n, 'answer')}</title></rect>`,
    );
    const month = day.toFormat('LLL');
    if (row === 0 && month !== lastMonth) {
      months.push(html`<text x="${x}" y="12">${month}</text>`);
      lastMonth = month;
    }
  }
  const width = LEFT + 26 * (CELL + GAP) + 150;
  const height = TOP + 7 * (CELL + GAP) + 24;
  const legendY = height - 14;
  const legend = STEPS.map(
    (colour, i) =>
      html`<rect x="${LEFT + 40 + i * (CELL + GAP)}" y="${legendY}" width="${CELL}" height="${CELL}" rx="2" fill="${colour}" stroke="#8c959f" stroke-width="${i ? 0 : 0.5}"/>`,
  );
  return html`<figure>
<svg class="heatmap" role="img" aria-labelledby="${id}-title" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-size="11" fill="#4b5563" font-family="system-ui, sans-serif">
<title id="${id}-title">${alt}</title>
${months}
<text x="0" y="${TOP + 10}">Mon</text><text x="0" y="${TOP + 2 * (CELL + GAP) + 10}">Wed</text><text x="0" y="${TOP + 4 * (CELL + GAP) + 10}">Fri</text>
${cells}
<text x="${LEFT}" y="${legendY + 10}">Less</text>${legend}<text x="${LEFT + 44 + 5 * (CELL + GAP)}" y="${legendY + 10}">More</text>
</svg>
<figcaption class="muted">${alt}</figcaption>
</figure>`;
}
