import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ChartImage } from '../../core/charts.ts';

/** A file name of letters, digits, dots, dashes and underscores only, ending in .png. */
function safeName(name: string): string {
  const base =
    basename(name)
      .replace(/[^A-Za-z0-9._-]/g, '-')
      .replace(/^\.+/, '') || 'chart.png';
  return base.endsWith('.png') ? base : `${base}.png`;
}

/**
 * Writes charts into `dir`, mlq's own folder inside its data folder: `dir` is created when missing (its parent must
 * exist) and no file is ever overwritten (a repeated name gets -2, -3 …). Returns the paths written, in order.
 */
export function writeCharts(dir: string, images: ChartImage[]): string[] {
  try {
    mkdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return images.map((image) => {
    const name = safeName(image.name);
    for (let n = 1; ; n++) {
      const path = join(dir, n === 1 ? name : name.replace(/\.png$/, `-${n}.png`));
      try {
        writeFileSync(path, image.png, { flag: 'wx' });
        return path;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || n >= 1000) throw error;
      }
    }
  });
}
