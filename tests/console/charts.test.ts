import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartMaker } from '../../src/charts/chart-maker.ts';
import { writeCharts } from '../../src/platforms/console/chart-files.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { pipedTerminal } from '../helpers/terminal.ts';

const ANSWER = 'Bias is the error from wrong assumptions in the model, variance is sensitivity to the particular training sample.';
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

let h: Harness;
let dataDir: string;

beforeAll(async () => {
  h = await createHarness(new Date('2026-11-23T08:00:00Z'));
  h.deps.charts = chartMaker;
  dataDir = mkdtempSync(join(tmpdir(), 'mlq-charts-'));
});
afterAll(async () => {
  await h.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('charts in the terminal', () => {
  it('saves /mlq stats charts in the charts folder it creates in the data folder and prints each path', async () => {
    const charts = join(dataDir, 'charts');
    const shown = await pipedTerminal(h, [ANSWER, '/mlq reveal', '/mlq stats'], { chartsDir: charts });
    const paths = [...shown.matchAll(/Saved as (\S+)/g)].map((m) => m[1]!);
    expect(paths).toEqual([join(charts, 'mlq-activity-2026-11-23.png'), join(charts, 'mlq-points-2026-11-23.png')]);
    for (const path of paths) expect([...readFileSync(path).subarray(0, 8)]).toEqual(PNG);
    expect(flat(shown)).toContain(
      'Chart: Activity heatmap of tester from 2026-06-01 to 2026-11-23: 1 answer on 1 day, the busiest 2026-11-23 with 1 answer.',
    );
    expect(flat(shown)).toContain('Chart: Points of tester against the group median over 12 periods: 10 at 23 Nov against a median of 10');
  });

  it('never overwrites a chart saved before', async () => {
    const charts = join(dataDir, 'charts');
    const shown = await pipedTerminal(h, ['/mlq stats'], { chartsDir: charts });
    expect([...shown.matchAll(/Saved as (\S+)/g)].map((m) => m[1]!)).toEqual([
      join(charts, 'mlq-activity-2026-11-23-2.png'),
      join(charts, 'mlq-points-2026-11-23-2.png'),
    ]);
    expect(readdirSync(charts).sort()).toEqual([
      'mlq-activity-2026-11-23-2.png',
      'mlq-activity-2026-11-23.png',
      'mlq-points-2026-11-23-2.png',
      'mlq-points-2026-11-23.png',
    ]);
  });

  it('shows the alt text alone without a data folder (an external database)', async () => {
    const shown = flat(await pipedTerminal(h, ['/mlq stats']));
    expect(shown).toContain(
      'Chart: Activity heatmap of tester from 2026-06-01 to 2026-11-23: 1 answer on 1 day, the busiest 2026-11-23 with 1 answer. (no data folder to save charts in',
    );
    expect(shown).not.toContain('Saved as');
  });
});

describe('writing chart files', () => {
  const png = new Uint8Array(PNG);
  it('keeps names to safe characters inside the folder', () => {
    const dir = join(dataDir, 'names');
    expect(writeCharts(dir, [{ png, alt: 'a', name: '../../etc/passwd' }])).toEqual([join(dir, 'passwd.png')]);
    expect(writeCharts(dir, [{ png, alt: 'a', name: 'week of 23 Nov.png' }])).toEqual([join(dir, 'week-of-23-Nov.png')]);
    expect(writeCharts(dir, [{ png, alt: 'a', name: '..' }])).toEqual([join(dir, 'chart.png')]);
  });

  it('stops with an error when the data folder itself is missing, creating nothing', () => {
    const missing = join(dataDir, 'absent', 'charts');
    expect(() => writeCharts(missing, [{ png, alt: 'a', name: 'x.png' }])).toThrow(/ENOENT/);
    expect(readdirSync(dataDir)).not.toContain('absent');
  });

  it('leaves a file of the same name as it was', () => {
    const dir = join(dataDir, 'kept');
    writeCharts(dir, []);
    writeFileSync(join(dir, 'x.png'), 'mine');
    expect(writeCharts(dir, [{ png, alt: 'a', name: 'x.png' }])).toEqual([join(dir, 'x-2.png')]);
    expect(readFileSync(join(dir, 'x.png'), 'utf8')).toBe('mine');
  });
});
