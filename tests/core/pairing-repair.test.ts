import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCostModel, metBefore } from '../../src/core/pairing-cost.ts';
import { growNewPartnerMatching } from '../../src/core/pairing-repair.ts';

/** The largest number of disjoint edges in a graph given as an edge test, by brute force. */
function maximumMatching(n: number, edge: (a: number, b: number) => boolean, used = 0): number {
  let first = 0;
  while (first < n && used & (1 << first)) first++;
  if (first >= n) return 0;
  let best = maximumMatching(n, edge, used | (1 << first));
  for (let b = first + 1; b < n; b++)
    if (!(used & (1 << b)) && edge(first, b)) best = Math.max(best, 1 + maximumMatching(n, edge, used | (1 << first) | (1 << b)));
  return best;
}

/** A sparse new-partner graph on up to 12 members (every other pair met before), and a starting matching. */
const graphs = fc.integer({ min: 2, max: 12 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 2 * n }),
    start: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: n }),
  }),
);

describe('the blossom repair (maximum matching of new partners)', () => {
  it('finds a matching as large as the brute force, from any starting matching, using only new partners', () => {
    fc.assert(
      fc.property(graphs, ({ n, edges, start }) => {
        const members = Array.from({ length: n }, (_, i) => ({ id: `m${i}`, timezone: 'UTC', level: 'mid' as const }));
        const allowed = new Set(edges.flatMap(([a, b]) => [`${a} ${b}`, `${b} ${a}`]));
        const history = [];
        for (let a = 0; a < n; a++)
          for (let b = a + 1; b < n; b++) if (!allowed.has(`${a} ${b}`)) history.push({ groups: [[`m${a}`, `m${b}`]], unmatched: [] });
        const model = buildCostModel('2026-12-07', members, history, 1);
        const match = new Int32Array(n).fill(-1);
        for (const [a, b] of start)
          if (a !== b && match[a] === -1 && match[b] === -1 && !metBefore(model, a, b)) [match[a], match[b]] = [b, a];
        expect(growNewPartnerMatching(model, new Uint8Array(n).fill(1), match, { left: 1e7 })).toBe(true);
        let size = 0;
        for (let i = 0; i < n; i++) {
          if (match[i] === -1) continue;
          expect(match[match[i]!]).toBe(i);
          expect(metBefore(model, i, match[i]!)).toBe(false);
          if (i < match[i]!) size++;
        }
        expect(size).toBe(maximumMatching(n, (a, b) => !metBefore(model, a, b)));
      }),
      { numRuns: 1000 },
    );
  });

  /** New partners as edges; every other pair met before. */
  const modelOf = (n: number, edges: [number, number][]) => {
    const allowed = new Set(edges.flatMap(([a, b]) => [`${a} ${b}`, `${b} ${a}`]));
    const history = [];
    for (let a = 0; a < n; a++)
      for (let b = a + 1; b < n; b++) if (!allowed.has(`${a} ${b}`)) history.push({ groups: [[`m${a}`, `m${b}`]], unmatched: [] });
    const members = Array.from({ length: n }, (_, i) => ({ id: `m${i}`, timezone: 'UTC', level: 'mid' as const }));
    return buildCostModel('2026-12-07', members, history, 1);
  };
  /** A stem 0-1=2 and a five-cycle 2-3=4-5=6-2 (a blossom based at 2), with 1-2, 3-4, 5-6 matched; 0 and 7 alone. */
  const flower: [number, number][] = [
    [0, 1],
    [1, 2],
    [2, 3],
    [3, 4],
    [4, 5],
    [5, 6],
    [6, 2],
  ];

  it.each([
    ['3, reached round one side of the blossom', 3, [1, 0, 6, 7, 5, 4, 2, 3]],
    ['6, reached round the other side', 6, [1, 0, 3, 2, 5, 4, 7, 6]],
  ])('finds the augmenting path through a blossom when 7 is a new partner of %s', (_name, end, expected) => {
    const match = Int32Array.from([-1, 2, 1, 4, 3, 6, 5, -1]);
    expect(growNewPartnerMatching(modelOf(8, [...flower, [end as number, 7]]), new Uint8Array(8).fill(1), match, { left: 10_000 })).toBe(
      true,
    );
    expect([...match]).toEqual(expected);
  });

  it('finds a path that needs a blossom contracted from either end: two flowers joined at their far sides', () => {
    const edges: [number, number][] = [...flower, [3, 10], [10, 9], [9, 8], [8, 7], [7, 11], [11, 10], [11, 12], [12, 13]];
    const match = Int32Array.from([-1, 2, 1, 4, 3, 6, 5, 8, 7, 10, 9, 12, 11, -1]);
    expect(growNewPartnerMatching(modelOf(14, edges), new Uint8Array(14).fill(1), match, { left: 100_000 })).toBe(true);
    expect([...match]).toEqual([1, 0, 6, 10, 5, 4, 2, 11, 9, 8, 3, 7, 13, 12]);
  });

  it('stops at its budget with a valid matching', () => {
    const members = Array.from({ length: 8 }, (_, i) => ({ id: `m${i}`, timezone: 'UTC', level: 'mid' as const }));
    const model = buildCostModel('2026-12-07', members, [], 1);
    const match = new Int32Array(8).fill(-1);
    expect(growNewPartnerMatching(model, new Uint8Array(8).fill(1), match, { left: 3 })).toBe(false);
    for (let i = 0; i < 8; i++) if (match[i] !== -1) expect(match[match[i]!]).toBe(i);
  });
});
