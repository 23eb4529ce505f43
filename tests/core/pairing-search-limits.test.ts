import { describe, expect, it } from 'vitest';
import { exactGroups, heuristicGroups } from '../../src/core/pairing-search.ts';
import { costModel } from '../helpers/cost-model.ts';

/** Pairs [first, first + 1], [first + 2, first + 3], ... up to last: the greedy's run of neighbours. */
const run = (first: number, last: number) => Array.from({ length: (last - first + 1) / 2 }, (_, g) => [first + 2 * g, first + 2 * g + 1]);

describe('exactGroups: one trio at most', () => {
  it('makes one trio and pairs of nine in three clusters, never three trios (9 where three trios would cost 0)', () => {
    // 0-2 junior at UTC, 3-5 senior at UTC (12 from the juniors), 6-8 junior at +6 h (9 from 0-2, 21 from 3-5).
    // Trio 3-5 (0), pairs 0-1 and 7-8 (0), and one cross pair 2-6 (9); the first such grouping the search finds.
    const m = costModel(9, { levels: [0, 0, 0, 2, 2, 2, 0, 0, 0], hours: [0, 0, 0, 0, 0, 0, 6, 6, 6] });
    expect(exactGroups(m)).toEqual([
      [0, 1],
      [2, 6],
      [3, 4, 5],
      [7, 8],
    ]);
  });
});

describe('heuristicGroups: greedy order and limits', () => {
  it('orders members of one offset and level by hash, and keeps the greedy order without a repeat', () => {
    // Hashes 10, 30, 0, 20: the greedy order is 2, 0, 3, 1. Only 0-2 and 1-3 are new partners.
    const m = costModel(4, {
      history: [
        {
          groups: [
            [0, 1],
            [2, 3],
          ],
        },
        {
          groups: [
            [0, 3],
            [1, 2],
          ],
        },
      ],
    });
    m.hashes.set([10, 30, 0, 20]);
    expect(heuristicGroups(m)).toEqual([
      [2, 0],
      [3, 1],
    ]);
  });

  it('puts the one left over into the first pair when every pair costs the same', () => {
    expect(heuristicGroups(costModel(5))).toEqual([
      [0, 1, 4],
      [2, 3],
    ]);
  });

  it('leaves pairs without a repeat as the greedy listed them when only the trio breaks the trio rule', () => {
    // All five sat out last cycle, so any trio costs 300,000; 4 joins [2, 3] (same level) rather than [0, 1] (+12).
    const m = costModel(5, { levels: [0, 0, 1, 1, 1], history: [{ groups: [], unmatched: [0, 1, 2, 3, 4] }] });
    expect(heuristicGroups(m)).toEqual([
      [0, 1],
      [2, 3, 4],
    ]);
  });

  it('compares only the 24 nearest: a cheaper partner 25th in the order is not taken, the improvement finds it later', () => {
    // 0 is mid at UTC, 1-24 senior at UTC (6 from 0), 25 mid at +1 h (0.25 from 0, 6.25 from the seniors).
    const levels = [1, ...Array.from({ length: 24 }, () => 2), 1];
    const hours = [...Array.from({ length: 25 }, () => 0), 1];
    const groups = heuristicGroups(costModel(26, { levels, hours }));
    // Greedy: [0, 1], [2, 3] ... [22, 23], [24, 25]; the improvement swaps the first and last into [0, 25], [1, 24].
    expect(groups).toEqual([[0, 25], ...run(2, 23), [1, 24]]);
  });

  it('takes the 24th nearest when it is the cheapest', () => {
    const levels = [1, ...Array.from({ length: 23 }, () => 2), 1, 2];
    const hours = [...Array.from({ length: 24 }, () => 0), 1, 1];
    // Order: 0, 1-23 (seniors at UTC), 24 (mid at +1 h, 0.25 from 0), 25 (senior at +1 h).
    expect(heuristicGroups(costModel(26, { levels, hours }))).toEqual([[0, 24], ...run(1, 23).slice(0, 11), [23, 25]]);
  });

  it('looks past the 24 nearest when all of them are repeats, and takes the new partner 25th in the order', () => {
    // 0 met k (1..24) k cycles ago: 1e6 + 10,000 / k each; 25 is new.
    const history = Array.from({ length: 24 }, (_, c) => ({ groups: [[0, c + 1]] }));
    expect(heuristicGroups(costModel(26, { history }))).toEqual([[0, 25], ...run(1, 24)]);
  });

  it('looks at most 280 members on: a new partner 281st in the order is found only by the improvement', () => {
    // 0 met k (1..280) k cycles ago; the greedy takes the oldest, 280, and pairs 279 with 281; the improvement swaps.
    const history = Array.from({ length: 280 }, (_, c) => ({ groups: [[0, c + 1]] }));
    const groups = heuristicGroups(costModel(282, { history }));
    expect(groups).toEqual([[0, 281], ...run(1, 278), [280, 279]]);
  });
});
