import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** The helper through which a test reaches the database MLQ_TEST_DB names (tests/helpers/database.ts). */
const DATABASE_HELPER = join('tests', 'helpers', 'database.ts');

const IMPORT = /(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g;

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : testFiles(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/**
 * The test files (relative to `root`, under its tests/ folder) whose behaviour does not depend on MLQ_TEST_DB: they
 * neither read it nor import, directly or through other test files, tests/helpers/database.ts. They run the same on
 * either database, so a run on Postgres after one on PGlite may leave them out.
 */
export function databaseFreeTests(root: string): string[] {
  const helper = resolve(root, DATABASE_HELPER);
  const known = new Map<string, boolean>();
  const reaches = (file: string, trail: Set<string>): boolean => {
    const cached = known.get(file);
    if (cached !== undefined) return cached;
    if (file === helper) return true;
    if (trail.has(file) || !existsSync(file)) return false;
    trail.add(file);
    const text = readFileSync(file, 'utf8');
    const local = [...text.matchAll(IMPORT)].map((m) => resolve(dirname(file), m[1]!));
    const found = text.includes('MLQ_TEST_DB') || local.some((path) => path.startsWith(resolve(root, 'tests')) && reaches(path, trail));
    trail.delete(file);
    known.set(file, found);
    return found;
  };
  return testFiles(join(root, 'tests'))
    .filter((file) => !reaches(resolve(file), new Set()))
    .map((file) => relative(root, file))
    .sort();
}
