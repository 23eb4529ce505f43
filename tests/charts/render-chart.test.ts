import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { heatmapSpec } from '../../src/charts/heatmap.ts';
import { masterySpec } from '../../src/charts/mastery.ts';
import { PALETTE } from '../../src/charts/palette.ts';
import { pointsSpec } from '../../src/charts/points.ts';
import { rasterise, renderChart, renderSvg } from '../../src/charts/render-chart.ts';

const heatmap = heatmapSpec({ who: 'Ada', today: '2026-11-30', counts: { '2026-11-30': 2, '2026-09-01': 5 } });
const mastery = masterySpec({
  who: 'Ada',
  categories: [
    { label: 'Fundamentals', percent: 80 },
    { label: 'Behavioural and communication', percent: 30 },
  ],
});
const points = pointsSpec({ who: 'Ada', labels: ['W46', 'W47'], member: [4, 9], median: [3, 5] });

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Pixels that are not fully transparent in a box given in output pixels. */
function inked(image: { pixels: Buffer; width: number }, box: { x0: number; y0: number; x1: number; y1: number }): number {
  const { pixels, width } = image;
  let count = 0;
  for (let y = box.y0; y < box.y1; y++) for (let x = box.x0; x < box.x1; x++) if (pixels[(y * width + x) * 4 + 3]! > 0) count++;
  return count;
}

/** WCAG contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('rendering a chart to PNG', () => {
  it('writes a valid PNG at 1.5 times the CSS size, with the alt text beside it', async () => {
    const chart = await renderChart(heatmap);
    expect(pngSize(chart.png)).toEqual({ width: 1080, height: 315 });
    expect(chart).toMatchObject({ width: 1080, height: 315 });
    expect(chart.alt).toBe(
      'Activity heatmap of Ada from 2026-06-08 to 2026-11-30: 7 answers on 2 days, the busiest 2026-09-01 with 5 answers.',
    );
    expect(pngSize((await renderChart(mastery)).png)).toEqual({ width: 1080, height: 210 });
    expect(pngSize((await renderChart(points)).png)).toEqual({ width: 1080, height: 480 });
    expect(pngSize((await renderChart(points, 2)).png)).toEqual({ width: 1440, height: 640 });
    expect(pngSize((await renderChart(points, 1)).png)).toEqual({ width: 720, height: 320 });
  });

  it('uses the shipped font in the SVG for every text', async () => {
    const svg = await renderSvg(mastery);
    const families = [...svg.matchAll(/font-family:([^;"]+)/g)].map((m) => m[1]);
    expect(families.length).toBe(5);
    expect(new Set(families)).toEqual(new Set(['DejaVu Sans']));
  });

  it('draws the title and the category labels with ink, and leaves the background transparent', async () => {
    const image = rasterise(await renderSvg(mastery), 2);
    expect(inked(image, { x0: 24, y0: 16, x1: 600, y1: 60 })).toBeGreaterThan(500); // the title
    expect(inked(image, { x0: 0, y0: 96, x1: 480, y1: 260 })).toBeGreaterThan(500); // the category labels
    expect(inked(image, { x0: 0, y0: 0, x1: 20, y1: 16 })).toBe(0); // a corner
  });

  it('would draw no text at all without the shipped font (what the font guards against)', async () => {
    const bare = new Resvg(await renderSvg(mastery), { font: { loadSystemFonts: false }, fitTo: { mode: 'zoom', value: 2 } }).render();
    expect(inked(bare, { x0: 24, y0: 16, x1: 600, y1: 60 })).toBe(0);
  });

  it('has text and line colours that read on light and dark themes (contrast ≥ 3:1)', async () => {
    for (const ground of ['#ffffff', '#1a1d21', '#313338']) {
      for (const ink of [PALETTE.text, PALETTE.member, PALETTE.median]) expect(contrast(ink, ground)).toBeGreaterThanOrEqual(3);
    }
  });
});
