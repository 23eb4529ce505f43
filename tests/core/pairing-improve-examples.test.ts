import { describe, expect, it } from 'vitest';
import { groupCost } from '../../src/core/pairing-cost.ts';
import { BAD, improve } from '../../src/core/pairing-improve.ts';
import { costModel } from '../helpers/cost-model.ts';

/** Levels: junior 0, mid 1, senior 2; each step between two members costs 6. */
const J = 0;
const M = 1;
const S = 2;

describe('improve: two pairs', () => {
  it('regroups them crossed (a with c, b with d) when that costs less', () => {
    const groups = [
      [0, 1],
      [2, 3],
    ];
    improve(costModel(4, { levels: [J, S, J, S] }), groups);
    expect(groups).toEqual([
      [0, 2],
      [1, 3],
    ]);
  });

  it('regroups them swapped (a with d, b with c) when that costs less', () => {
    const groups = [
      [0, 1],
      [2, 3],
    ];
    improve(costModel(4, { levels: [J, S, S, J] }), groups);
    expect(groups).toEqual([
      [0, 3],
      [1, 2],
    ]);
  });

  it('takes the crossed split when crossed and swapped cost the same, and a flawless pair is no bar', () => {
    const groups = [
      [0, 1],
      [2, 3],
    ];
    improve(costModel(4, { history: [{ groups: [[0, 1]] }] }), groups);
    expect(groups).toEqual([
      [0, 2],
      [1, 3],
    ]);
  });

  it('takes the swapped split when both splits cost less and the swapped one least', () => {
    const groups = [
      [0, 1],
      [2, 3],
    ];
    improve(costModel(4, { levels: [J, S, S, J], history: [{ groups: [[0, 1]] }] }), groups);
    expect(groups).toEqual([
      [0, 3],
      [1, 2],
    ]);
  });

  it('leaves them alone when no split costs less (12 each way)', () => {
    const groups = [
      [0, 1],
      [2, 3],
    ];
    improve(costModel(4, { levels: [J, M, M, S] }), groups);
    expect(groups).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });

  it('leaves two flawless pairs alone even when another split has a smaller jitter', () => {
    const m = costModel(4, { jitter: true });
    const splits = [
      [
        [0, 1],
        [2, 3],
      ],
      [
        [0, 2],
        [1, 3],
      ],
      [
        [0, 3],
        [1, 2],
      ],
    ];
    const total = (gs: number[][]) => groupCost(m, gs[0]!) + groupCost(m, gs[1]!);
    const dearest = splits.reduce((a, b) => (total(a) >= total(b) ? a : b));
    expect(Math.min(...splits.map(total))).toBeLessThan(total(dearest));
    const groups = dearest.map((g) => [...g]);
    improve(m, groups);
    expect(groups).toEqual(dearest);
  });
});

describe('improve: a pair and a trio', () => {
  const levels = [J, S, S, J, S];

  it('splits the five into the cheapest pair and trio, the trio staying where the trio was', () => {
    const groups = [
      [0, 1, 2],
      [3, 4],
    ];
    improve(costModel(5, { levels }), groups);
    expect(groups).toEqual([
      [1, 2, 4],
      [0, 3],
    ]);
  });

  it('keeps the pair first when the pair came first', () => {
    const groups = [
      [3, 4],
      [0, 1, 2],
    ];
    improve(costModel(5, { levels }), groups);
    expect(groups).toEqual([
      [3, 0],
      [4, 1, 2],
    ]);
  });

  it('leaves them alone when the split is already the cheapest', () => {
    const groups = [
      [1, 2, 4],
      [0, 3],
    ];
    improve(costModel(5, { levels }), groups);
    expect(groups).toEqual([
      [1, 2, 4],
      [0, 3],
    ]);
  });

  it('moves a member who was in last cycle’s trio out of the trio, taking the first of the splits that cost nothing', () => {
    const groups = [
      [0, 1, 2],
      [3, 4],
    ];
    improve(costModel(5, { history: [{ groups: [[0, 7, 8]] }] }), groups);
    expect(groups).toEqual([
      [2, 3, 4],
      [0, 1],
    ]);
  });
});

describe('improve: passes', () => {
  it('makes another pass while the last one changed something', () => {
    const groups = [
      [0, 1],
      [2, 3],
      [4, 5, 6],
    ];
    improve(costModel(7, { levels: [M, M, M, M, M, J, J], hours: [3, 6, 6, 0, 6, 0, 6] }), groups);
    expect(groups).toEqual([
      [3, 0],
      [5, 6],
      [1, 2, 4],
    ]);
  });
});

/** `count` pairs of mids, flawless, except junior-senior pairs at the positions given. */
function mixedPairs(count: number, mixedAt: number[]) {
  const levels: number[] = [];
  const groups: number[][] = [];
  for (let g = 0; g < count; g++) {
    levels.push(mixedAt.includes(g) ? J : M, mixedAt.includes(g) ? S : M);
    groups.push([2 * g, 2 * g + 1]);
  }
  return { m: costModel(2 * count, { levels }), groups };
}

describe('improve: which groups are compared', () => {
  it('up to 400 groups, every two: two junior-senior pairs 20 apart become a junior and a senior pair', () => {
    for (const count of [399, 400]) {
      const { m, groups } = mixedPairs(count, [0, 20]);
      improve(m, groups);
      expect(groups[0]).toEqual([0, 40]);
      expect(groups[20]).toEqual([1, 41]);
    }
  });

  it('above 400 groups, only the next 8 of each: pairs 20 apart are not compared', () => {
    const { m, groups } = mixedPairs(401, [0, 20]);
    improve(m, groups);
    expect(groups[0]).toEqual([0, 1]);
    expect(groups[20]).toEqual([40, 41]);
  });

  it('above 400 groups, pairs 8 apart are compared and pairs 9 apart are not', () => {
    const eight = mixedPairs(401, [3, 11]);
    improve(eight.m, eight.groups);
    expect(eight.groups[3]).toEqual([6, 22]);
    expect(eight.groups[11]).toEqual([7, 23]);
    const nine = mixedPairs(401, [3, 12]);
    improve(nine.m, nine.groups);
    expect(nine.groups[3]).toEqual([6, 7]);
    expect(nine.groups[12]).toEqual([24, 25]);
  });

  it('above 400 groups, the last groups compare with those left before the end', () => {
    const { m, groups } = mixedPairs(401, [395, 400]);
    improve(m, groups);
    expect(groups[395]).toEqual([790, 800]);
    expect(groups[400]).toEqual([791, 801]);
  });

  /**
   * A trio at `trioAt` whose first member was in last cycle's trio (cost exactly BAD), one pair of fresh members at
   * `freshAt`, and every other pair of members who were also in last cycle's trio, so only the fresh pair can help.
   */
  function trioAmongOddPairs(count: number, trioAt: number, freshAt: number) {
    const groups: number[][] = [];
    let next = 0;
    for (let g = 0; g < count; g++) {
      const size = g === trioAt ? 3 : 2;
      groups.push(Array.from({ length: size }, () => next++));
    }
    const fresh = new Set([...groups[trioAt]!.slice(1), ...groups[freshAt]!]);
    const odd = Array.from({ length: next }, (_, i) => i).filter((i) => !fresh.has(i));
    const m = costModel(next, { history: [{ groups: [], unmatched: odd }] });
    return { m, groups };
  }

  it('a group that costs BAD or more is compared with every group, before it and after it', () => {
    const cases: [number, number][] = [
      [0, 20],
      [30, 10],
    ];
    for (const [trioAt, freshAt] of cases) {
      const { m, groups } = trioAmongOddPairs(401, trioAt, freshAt);
      expect(groupCost(m, groups[trioAt]!)).toBe(BAD);
      improve(m, groups);
      expect(groupCost(m, groups[trioAt]!)).toBe(0);
      expect(groupCost(m, groups[freshAt]!)).toBe(0);
    }
  });
});
