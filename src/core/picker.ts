import type { Category, Level } from './types.ts';

export interface PickCandidate {
  id: string;
  category: Category;
  level: Level;
}

export interface PickFilter {
  categories: Category[];
  levels: Level[];
}

/**
 * Picks the channel's next question: never one it has had while an eligible one is unused, spreading categories
 * evenly; once every eligible question is used, the one used longest ago. `used` maps question id to its last use.
 */
export function pickQuestion(
  candidates: PickCandidate[],
  used: Map<string, Date>,
  filter: PickFilter,
  random: () => number = Math.random,
): string | null {
  const eligible = candidates.filter(
    (q) =>
      (filter.categories.length === 0 || filter.categories.includes(q.category)) &&
      (filter.levels.length === 0 || filter.levels.includes(q.level)),
  );
  if (eligible.length === 0) return null;
  const unused = eligible.filter((q) => !used.has(q.id));
  if (unused.length === 0) {
    const oldest = [...eligible].sort((a, b) => used.get(a.id)!.getTime() - used.get(b.id)!.getTime() || a.id.localeCompare(b.id));
    return oldest[0]!.id;
  }
  const usesByCategory = new Map<Category, number>();
  for (const q of eligible) if (used.has(q.id)) usesByCategory.set(q.category, (usesByCategory.get(q.category) ?? 0) + 1);
  const fewest = Math.min(...unused.map((q) => usesByCategory.get(q.category) ?? 0));
  const pool = unused.filter((q) => (usesByCategory.get(q.category) ?? 0) === fewest);
  return pool[Math.floor(random() * pool.length) % pool.length]!.id;
}
