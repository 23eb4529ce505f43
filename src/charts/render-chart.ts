import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import type { ChartSpec } from './chart-spec.ts';
import { FONT_FAMILY } from './palette.ts';

const require = createRequire(import.meta.url);
/** The shipped TTF (DejaVu Sans from the dejavu-fonts-ttf package): with system fonts off, text never depends on the host. */
export const FONT_FILE = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');

/** A rendered chart: the PNG bytes and its pixel size, plus the alt text to send beside it. */
export interface RenderedChart {
  png: Buffer;
  width: number;
  height: number;
  alt: string;
}

/** The chart as an SVG string (ECharts server-side rendering, no DOM). */
export function renderSvg(spec: ChartSpec): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: spec.width, height: spec.height });
  try {
    chart.setOption(spec.option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Rasterises an SVG with the shipped font only, at `scale` pixels per CSS pixel (2 reads sharply on HiDPI screens). */
export function rasterise(svg: string, scale = 2) {
  const resvg = new Resvg(svg, {
    font: { fontFiles: [FONT_FILE], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
    fitTo: { mode: 'zoom', value: scale },
  });
  return resvg.render();
}

/** The chart as a PNG with a transparent background, ready to upload. */
export function renderChart(spec: ChartSpec, scale = 2): RenderedChart {
  const image = rasterise(renderSvg(spec), scale);
  return { png: image.asPng(), width: image.width, height: image.height, alt: spec.alt };
}
