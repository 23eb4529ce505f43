import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { installDir } from '../cache-dir.ts';
import type { ChartSpec } from './chart-spec.ts';
import { FONT_FAMILY } from './palette.ts';
import { encodePng } from './png.ts';

/**
 * The shipped TTF: DejaVu Sans cut to Latin, Greek, Cyrillic and common symbols (scripts/subset-font.sh), since resvg
 * parses the font for every chart and the whole font cost a third of a chart's CPU. With system fonts off, text never
 * depends on the host.
 */
export const FONT_FILE = join(installDir(), 'assets', 'fonts', 'DejaVuSans-charts.ttf');

export const DEFAULT_SCALE = 1.5;

/** A rendered chart: the PNG bytes and its pixel size, plus the alt text to send beside it. */
export interface RenderedChart {
  png: Buffer;
  width: number;
  height: number;
  alt: string;
}

let echarts: Promise<typeof import('echarts')> | undefined;

/** ECharts, imported on the first chart (it takes about 0.4 s to load, which start-up should not pay). */
function loadEcharts(): Promise<typeof import('echarts')> {
  echarts ??= import('echarts');
  return echarts;
}

/** The chart as an SVG string (ECharts server-side rendering, no DOM). */
export async function renderSvg(spec: ChartSpec): Promise<string> {
  const chart = (await loadEcharts()).init(null, null, { renderer: 'svg', ssr: true, width: spec.width, height: spec.height });
  try {
    chart.setOption(spec.option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/**
 * Rasterises an SVG with the shipped font only, at `scale` pixels per CSS pixel. Slack and Discord show an image
 * in a message narrower than 720 px, so 1.5 (1080 px for a 720 px chart) stays sharp on HiDPI screens and costs about
 * two thirds of 2's CPU.
 */
export function rasterise(svg: string, scale = DEFAULT_SCALE) {
  const resvg = new Resvg(svg, {
    font: { fontFiles: [FONT_FILE], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
    fitTo: { mode: 'zoom', value: scale },
  });
  return resvg.render();
}

/** The chart as a PNG with a transparent background, ready to upload. */
export async function renderChart(spec: ChartSpec, scale = DEFAULT_SCALE): Promise<RenderedChart> {
  const image = rasterise(await renderSvg(spec), scale);
  return { png: encodePng(image.pixels, image.width, image.height), width: image.width, height: image.height, alt: spec.alt };
}
