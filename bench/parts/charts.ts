import type { ChartSpec } from '../../src/charts/chart-spec.ts';
import { groupSpec } from '../../src/charts/group.ts';
import { heatmapRange, heatmapSpec } from '../../src/charts/heatmap.ts';
import { masterySpec } from '../../src/charts/mastery.ts';
import { pointsSpec } from '../../src/charts/points.ts';
import { renderChart } from '../../src/charts/render-chart.ts';
import { addDays } from '../../src/core/schedule.ts';
import { CATEGORIES, CATEGORY_NAMES } from '../../src/core/types.ts';
import { percentile, progress, type Row } from '../lib.ts';

const TODAY = '2026-11-30';

/** The member charts at their largest (every day of 26 weeks, all 10 categories, 26 weekly points) and the digest's (7 rounds). */
function specs(): [string, ChartSpec][] {
  const counts: Record<string, number> = {};
  const { from } = heatmapRange(TODAY);
  for (let i = 0, day = from; day <= TODAY; i++, day = addDays(from, i)) counts[day] = (i * 7) % 6;
  const weeks = Array.from({ length: 26 }, (_, i) => `W${22 + i}`);
  return [
    ['heatmap, 26 weeks', heatmapSpec({ who: 'Ada', today: TODAY, counts })],
    [
      'mastery, 10 categories',
      masterySpec({ who: 'Ada', categories: CATEGORIES.map((c, i) => ({ label: CATEGORY_NAMES[c], percent: (i * 37) % 101 })) }),
    ],
    [
      'points vs median, 26 weeks',
      pointsSpec({ who: 'Ada', labels: weeks, member: weeks.map((_, i) => i * 9), median: weeks.map((_, i) => i * 7) }),
    ],
    [
      'group, 7 rounds, 10 categories',
      groupSpec({
        channel: '#ml-study',
        period: 'week of 23 Nov',
        rounds: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].map((day, i) => ({ label: `${day} ${23 + i}`, answers: 5 + i * 3 })),
        categories: CATEGORIES.map((c, i) => ({ label: CATEGORY_NAMES[c], answers: (i * 5) % 17 })),
      }),
    ],
  ];
}

/** CPU milliseconds (user + system, all threads) of one call; nothing else runs while it is awaited. */
async function cpuMs(run: () => Promise<unknown>): Promise<number> {
  const before = process.cpuUsage();
  await run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/** CPU time to render each chart to PNG (ECharts SSR to SVG, resvg at 1.5×); the first render of each is cold. */
export async function charts(_baseUrl: string | undefined, quick: boolean): Promise<Row[]> {
  // 200 renders, so that the p99 is the 198th of them, not the single slowest (a garbage collection) as with 50.
  const runs = quick ? 5 : 200;
  progress(`charts: 4 charts, 1 cold render and ${runs} warm renders each`);
  // The renderer imports ECharts on its first chart; the same module is loaded here so that no render row includes it.
  const load = await cpuMs(() => import('echarts'));
  const rows: Row[] = [{ part: 'charts', metric: 'loading ECharts (once, on the first chart)', value: load, unit: 'ms' }];
  for (const [name, spec] of specs()) {
    let bytes = 0;
    const cold = await cpuMs(async () => {
      bytes = (await renderChart(spec)).png.length;
    });
    const times: number[] = [];
    // One render's CPU also holds any garbage collection of earlier renders it triggers; the total over all renders
    // divided by their number shares that out fairly, and is reported beside the percentiles.
    const total = await cpuMs(async () => {
      for (let run = 0; run < runs; run++) times.push(await cpuMs(() => renderChart(spec)));
    });
    const p99 = percentile(times, 99);
    rows.push(
      { part: 'charts', metric: `${name}: CPU of the first (cold) render`, value: cold, unit: 'ms' },
      { part: 'charts', metric: `${name}: CPU per render, p50 of ${runs}`, value: percentile(times, 50), unit: 'ms' },
      { part: 'charts', metric: `${name}: CPU per render, total ÷ ${runs} renders`, value: total / runs, unit: 'ms' },
      {
        part: 'charts',
        metric: `${name}: CPU per render, p99 of ${runs}`,
        value: p99,
        unit: 'ms',
        target: '< 100 ms',
        met: p99 < 100,
      },
      { part: 'charts', metric: `${name}: PNG size`, value: Math.round(bytes / 1024), unit: 'KiB' },
    );
  }
  return rows;
}
