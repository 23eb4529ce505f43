import type { ChartImage, ChartMaker, ChartRequest } from '../core/charts.ts';
import type { ChartSpec } from './chart-spec.ts';
import { groupSpec } from './group.ts';
import { heatmapSpec } from './heatmap.ts';
import { masterySpec } from './mastery.ts';
import { pointsSpec } from './points.ts';
import { renderChart } from './render-chart.ts';

/** The chart spec of a core request. */
export function specFor(request: ChartRequest): ChartSpec {
  switch (request.kind) {
    case 'heatmap':
      return heatmapSpec(request);
    case 'mastery':
      return masterySpec(request);
    case 'points':
      return pointsSpec(request);
    case 'group':
      return groupSpec(request);
  }
}

/** The chart maker main.ts gives the core: ECharts server-side SVG rasterised to PNG with the shipped font. */
export const chartMaker: ChartMaker = {
  async render(request: ChartRequest): Promise<ChartImage> {
    const { png, alt } = await renderChart(specFor(request));
    return { png, alt, name: `${request.kind}.png` };
  },
};
