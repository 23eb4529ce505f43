import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PickCandidate, pickQuestion } from '../../src/core/picker.ts';
import { CATEGORIES, LEVELS } from '../../src/core/types.ts';

const pool: PickCandidate[] = CATEGORIES.flatMap((category) =>
  LEVELS.flatMap((level) => [1, 2].map((n) => ({ id: `${category}-${level}-${n}`, category, level }))),
);

describe('the question picker', () => {
  it('never repeats a question before every eligible one has been used', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 30 }), (seed) => {
        let state = seed;
        const random = () => (state = (state * 48271) % 2147483647) / 2147483647;
        const used = new Map<string, Date>();
        for (let day = 0; day < pool.length; day++) {
          const id = pickQuestion(pool, used, { categories: [], levels: [] }, random)!;
          expect(used.has(id)).toBe(false);
          used.set(id, new Date(Date.UTC(2026, 0, 1 + day)));
        }
        expect(used.size).toBe(pool.length);
      }),
      { numRuns: 50 },
    );
  });

  it('repeats the question used longest ago once the pool is exhausted', () => {
    const used = new Map(pool.map((q, i) => [q.id, new Date(Date.UTC(2026, 0, 1 + i))]));
    used.set(pool[0]!.id, new Date(Date.UTC(2027, 0, 1)));
    expect(pickQuestion(pool, used, { categories: [], levels: [] })).toBe(pool[1]!.id);
  });

  it('honours the channel categories and levels', () => {
    for (let i = 0; i < 20; i++) {
      const id = pickQuestion(pool, new Map(), { categories: ['statistics'], levels: ['senior'] })!;
      expect(id).toMatch(/^statistics-senior-/);
    }
    expect(pickQuestion(pool, new Map(), { categories: ['statistics'], levels: [] }, () => 0.99)).toMatch(/^statistics-/);
  });

  it('spreads categories evenly while unused questions remain', () => {
    const used = new Map<string, Date>();
    const seen: string[] = [];
    for (let i = 0; i < CATEGORIES.length; i++) {
      const id = pickQuestion(pool, used, { categories: [], levels: [] }, Math.random)!;
      used.set(id, new Date(Date.UTC(2026, 0, 1 + i)));
      seen.push(pool.find((q) => q.id === id)!.category);
    }
    expect(new Set(seen).size).toBe(CATEGORIES.length);
  });

  it('returns null when nothing is eligible', () => {
    expect(pickQuestion([], new Map(), { categories: [], levels: [] })).toBeNull();
  });
});
