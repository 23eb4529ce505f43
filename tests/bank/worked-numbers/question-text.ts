import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..', '..', '..', 'questions');

/** Every string of question `id` (prompt, answers, blocks, probes) joined with newlines, to search for stated numbers. */
export function questionText(id: string): string {
  for (const category of readdirSync(root, { withFileTypes: true })) {
    if (!category.isDirectory()) continue;
    const file = join(root, category.name, `${id}.yaml`);
    try {
      return strings(parse(readFileSync(file, 'utf8'))).join('\n');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  throw new Error(`no question ${id} in questions/`);
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** A number as the bank writes it: fixed decimals, no grouping. */
export const fixed = (value: number, decimals: number) => value.toFixed(decimals);
