import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tsFiles } from '../helpers/source-files.ts';

/**
 * The relative modules a TypeScript source loads when it is evaluated: static imports and re-exports, less those that
 * import only types (erased at build time); dynamic `import()` loads later and cannot close a cycle at start-up.
 */
export function runtimeImports(source: string): string[] {
  const found: string[] = [];
  const pattern = /(?:^|\n)\s*(import|export)\s+(type\s+)?([^;'"]*?)\s*from\s*['"](\.[^'"]+)['"]|(?:^|\n)\s*import\s+['"](\.[^'"]+)['"]/g;
  for (const m of source.matchAll(pattern)) {
    if (m[5]) {
      found.push(m[5]);
      continue;
    }
    if (m[2]) continue;
    const names = /^\{([\s\S]*)\}$/.exec(m[3]!.trim())?.[1];
    const typesOnly = names?.trim() !== '' && (names?.split(',').every((n) => n.trim() === '' || /^type\s/.test(n.trim())) ?? false);
    if (!typesOnly) found.push(m[4]!);
  }
  return found;
}

/** Every cycle in a module graph, each written from its smallest name, once. */
export function cyclesOf(graph: Map<string, string[]>): string[] {
  const cycles = new Set<string>();
  const visit = (node: string, path: string[]) => {
    for (const next of graph.get(node) ?? []) {
      const at = path.indexOf(next);
      if (at >= 0) {
        const cycle = path.slice(at);
        const first = cycle.indexOf([...cycle].sort()[0]!);
        cycles.add([...cycle.slice(first), ...cycle.slice(0, first)].join(' > '));
      } else if (path.length < 40) visit(next, [...path, next]);
    }
  };
  for (const node of graph.keys()) visit(node, [node]);
  return [...cycles].sort();
}

describe('src has no import cycle among the modules it loads', () => {
  it('reads runtime imports and leaves out type-only ones', () => {
    const source = [
      "import { a, type B } from './a.ts';",
      "import type { C } from './c.ts';",
      "import { type D, type E } from './d.ts';",
      "export { f } from './f.ts';",
      "export type { G } from './g.ts';",
      "import './side-effect.ts';",
      "const lazy = await import('./lazy.ts');",
      "import { z } from 'zod';",
    ].join('\n');
    expect(runtimeImports(source)).toEqual(['./a.ts', './f.ts', './side-effect.ts']);
  });

  it('finds a cycle of three and a cycle of two, once each', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', ['e']],
      ['e', ['d']],
    ]);
    expect(cyclesOf(graph)).toEqual(['a > b > c', 'd > e']);
    expect(
      cyclesOf(
        new Map([
          ['a', ['b']],
          ['b', []],
        ]),
      ),
    ).toEqual([]);
  });

  it('has none in src', () => {
    const graph = new Map<string, string[]>();
    for (const file of tsFiles('src')) {
      const imports = runtimeImports(readFileSync(file, 'utf8')).map((spec) => relative('src', resolve(dirname(file), spec)));
      graph.set(relative('src', file), imports);
    }
    expect(graph.size).toBeGreaterThan(100);
    expect(cyclesOf(graph)).toEqual([]);
  });
});
