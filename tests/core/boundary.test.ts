import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const FORBIDDEN = [/^pg$/, /^pg-/, /^@electric-sql\//, /^kysely/, /^@slack\//, /^discord\.js/, /^node-cron/, /^pino/, /platforms\//, /\/store\//, /\/scheduler\//];

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

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
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
    const offenders = files('src/core').flatMap((file) => forbiddenImports(readFileSync(file, 'utf8')).map((name) => `${file} imports ${name}`));
    expect(offenders).toEqual([]);
  });

  it('keeps platform folders private to main.ts', () => {
    const outside = files('src').filter((f) => !f.startsWith(join('src', 'platforms')) && f !== join('src', 'main.ts'));
    const offenders = outside.filter((file) => importsOf(readFileSync(file, 'utf8')).some((name) => name.includes('platforms/')));
    expect(offenders).toEqual([]);
  });
});
