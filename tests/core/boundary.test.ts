import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tsFiles } from '../helpers/source-files.ts';

const FORBIDDEN = [
  /^pg$/,
  /^pg-/,
  /^@electric-sql\//,
  /^kysely/,
  /^@slack\//,
  /^discord\.js/,
  /^node-cron/,
  /^pino/,
  /platforms\//,
  /\/store\//,
  /\/scheduler\//,
];

/** The module names a TypeScript source imports (static, dynamic and re-exports). */
export function importsOf(source: string): string[] {
  const found: string[] = [];
  const pattern = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;
  for (const m of source.matchAll(pattern)) found.push((m[1] ?? m[2] ?? m[3])!);
  return found;
}

export function forbiddenImports(source: string): string[] {
  return importsOf(source).filter((name) => FORBIDDEN.some((rule) => rule.test(name)));
}

describe('src/core is platform- and driver-neutral', () => {
  it('detects a forbidden import when one is there', () => {
    expect(forbiddenImports("import pg from 'pg';")).toEqual(['pg']);
    expect(forbiddenImports("import { App } from '@slack/bolt';")).toEqual(['@slack/bolt']);
    expect(forbiddenImports("import { Client } from 'discord.js';")).toEqual(['discord.js']);
    expect(forbiddenImports("const x = await import('../platforms/slack/platform.ts');")).toEqual(['../platforms/slack/platform.ts']);
    expect(forbiddenImports("import { z } from 'zod';\nimport type { Card } from './message.ts';")).toEqual([]);
  });

  it('has no core file importing a chat SDK, a database driver, a platform or the store', () => {
    const offenders = tsFiles('src/core').flatMap((file) =>
      forbiddenImports(readFileSync(file, 'utf8')).map((name) => `${file} imports ${name}`),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps platform folders private to main.ts', () => {
    const outside = tsFiles('src').filter((f) => !f.startsWith(join('src', 'platforms')) && f !== join('src', 'main.ts'));
    const offenders = outside.filter((file) => importsOf(readFileSync(file, 'utf8')).some((name) => name.includes('platforms/')));
    expect(offenders).toEqual([]);
  });
});

/** The platform folder (`src/platforms/<name>`) a path lies in, or null for a path outside every platform folder. */
function platformFolder(path: string): string | null {
  const parts = relative('src/platforms', path).split(sep);
  return parts.length > 1 && parts[0] !== '..' ? join('src', 'platforms', parts[0]!) : null;
}

/** Files that import a platform folder's files from outside that folder; only src/main.ts may. */
export function platformLeaks(sources: { file: string; source: string }[]): string[] {
  return sources.flatMap(({ file, source }) =>
    importsOf(source)
      .filter((name) => name.startsWith('.'))
      .map((name) => relative('.', resolve(dirname(file), name)))
      .filter((target) => {
        const folder = platformFolder(target);
        return folder !== null && folder !== platformFolder(file) && file !== join('src', 'main.ts');
      })
      .map((target) => `${file} imports ${target}`),
  );
}

describe('each platform folder is private to itself and main.ts', () => {
  it('detects an import of a platform file from outside its folder', () => {
    const leak = { file: join('src', 'platforms', 'discord', 'port.ts'), source: "import { ids } from '../slack/parse.ts';" };
    const shared = { file: join('src', 'platforms', 'slack', 'parse.ts'), source: "import { idCodec } from '../ids.ts';" };
    const core = { file: join('src', 'core', 'app.ts'), source: "import type { X } from '../platforms/console/render.ts';" };
    const main = { file: join('src', 'main.ts'), source: "import { slack } from './platforms/slack/index.ts';" };
    const inside = { file: join('src', 'platforms', 'slack', 'listeners', 'events.ts'), source: "import { ids } from '../parse.ts';" };
    expect(platformLeaks([leak, shared, core, main, inside])).toEqual([
      `${join('src', 'platforms', 'discord', 'port.ts')} imports ${join('src', 'platforms', 'slack', 'parse.ts')}`,
      `${join('src', 'core', 'app.ts')} imports ${join('src', 'platforms', 'console', 'render.ts')}`,
    ]);
  });

  it('has no file in src, another platform folder included, importing a platform folder except main.ts', () => {
    const sources = tsFiles('src').map((file) => ({ file, source: readFileSync(file, 'utf8') }));
    expect(platformLeaks(sources)).toEqual([]);
  });
});
