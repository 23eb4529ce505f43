import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';
import type { CommandFiles } from '../../core/commands/spec.ts';

/**
 * Writes a command's files into a folder it creates under `base` (the name, else the name with -2, -3 …): never into a
 * folder that exists already, and never outside the one it made. Returns the folder's path.
 */
export function writeFiles(base: string, output: CommandFiles): string {
  let folder = '';
  for (let n = 1; !folder; n++) {
    const candidate = join(base, n === 1 ? output.folder : `${output.folder}-${n}`);
    try {
      mkdirSync(candidate);
      folder = candidate;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || n >= 100) throw error;
    }
  }
  for (const file of output.files) {
    const path = normalize(file.path);
    if (isAbsolute(path) || path.startsWith(`..${sep}`) || path === '..')
      throw new Error(`refusing to write ${file.path} outside ${folder}`);
    const target = join(folder, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.content, { flag: 'wx' });
  }
  return folder;
}
