import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every TypeScript file under `dir`, depth first. */
export function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? tsFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}
