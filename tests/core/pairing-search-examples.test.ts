import { describe, expect, it } from 'vitest';
import { groupCost } from '../../src/core/pairing-cost.ts';
import { exactGroups, heuristicGroups } from '../../src/core/pairing-search.ts';
import { costModel } from '../helpers/cost-model.ts';

const total = (m: ReturnType<typeof costModel>, groups: number[][]) => groups.reduce((sum, g) => sum + groupCost(m, g), 0);
/** Fourteen members of three levels in three zones (0, 5 and 9 hours east), where the greedy start is far off. */
const fourteen = () =>
  costModel(14, { levels: [0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 2], hours: [0, 0, 5, 5, 9, 9, 0, 0, 5, 5, 9, 9, 0, 5] });

describe('exactGroups', () => {
  it('pairs two and makes a trio of three', () => {
    expect(exactGroups(costModel(2))).toEqual([[0, 1]]);
    expect(exactGroups(costModel(3))).toEqual([[0, 1, 2]]);
  });

  it('on a tie keeps the first grouping found: the lowest members together, the trio last', () => {
    expect(exactGroups(costModel(4))).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(exactGroups(costModel(5))).toEqual([
      [0, 1],
      [2, 3, 4],
    ]);
  });

  it('finds the cheapest pairs', () => {
    expect(exactGroups(costModel(4, { levels: [0, 2, 2, 0] }))).toEqual([
      [0, 3],
      [1, 2],
    ]);
    expect(exactGroups(costModel(6, { levels: [2, 0, 1, 2, 0, 1] }))).toEqual([
      [0, 3],
      [1, 4],
      [2, 5],
    ]);
  });

  it('puts the trio wherever it costs least: first, in the middle or with the highest members', () => {
    expect(exactGroups(costModel(5, { history: [{ groups: [], unmatched: [3, 4] }] }))).toEqual([
      [0, 1, 2],
      [3, 4],
    ]);
    expect(exactGroups(costModel(5, { history: [{ groups: [], unmatched: [0, 2] }] }))).toEqual([
      [0, 2],
      [1, 3, 4],
    ]);
    expect(exactGroups(costModel(7, { levels: [2, 0, 1, 2, 0, 1, 0] }))).toEqual([
      [0, 3],
      [1, 4, 6],
      [2, 5],
    ]);
  });

  it('finds the optimum of fourteen (18.25) where the heuristic settles for 26.25', () => {
    const m = fourteen();
    const exact = exactGroups(m);
    expect(exact).toEqual([
      [0, 1],
      [2, 7],
      [3, 9],
      [4, 10],
      [5, 11],
      [6, 12],
      [8, 13],
    ]);
    expect(total(m, exact)).toBe(18.25);
  });
});

describe('heuristicGroups', () => {
  it('pairs two and makes a trio of three', () => {
    expect(heuristicGroups(costModel(2))).toEqual([[0, 1]]);
    expect(heuristicGroups(costModel(3))).toEqual([[0, 1, 2]]);
  });

  it('pairs neighbours in the order of offsets', () => {
    expect(heuristicGroups(costModel(4, { hours: [0, 10, 0, 10] }))).toEqual([
      [0, 2],
      [1, 3],
    ]);
  });

  it('puts the one left over in the pair where it adds least', () => {
    expect(heuristicGroups(costModel(5, { levels: [0, 2, 2, 0, 2] }))).toEqual([
      [0, 3],
      [1, 2, 4],
    ]);
    expect(heuristicGroups(costModel(7, { levels: [2, 0, 1, 2, 0, 1, 0] }))).toEqual([
      [2, 5],
      [0, 3],
      [6, 1, 4],
    ]);
  });

  it('greedily pairs fourteen by offset, level and index, then improves two groups at a time', () => {
    const m = fourteen();
    const groups = heuristicGroups(m);
    expect(groups).toEqual([
      [0, 6],
      [12, 3],
      [1, 7],
      [9, 4],
      [2, 8],
      [13, 5],
      [10, 11],
    ]);
    expect(total(m, groups)).toBe(26.25);
  });

  it('runs the repair when a pair repeats (3 and 4 met last cycle), which lists its pairs in index order', () => {
    const m = costModel(5, {
      levels: [0, 1, 1, 1, 2],
      history: [{ groups: [[3, 2, 4]] }, { groups: [[0, 3]], unmatched: [1] }, { groups: [[0, 3]], unmatched: [1] }],
    });
    expect(heuristicGroups(m)).toEqual([
      [0, 1, 2],
      [3, 4],
    ]);
  });

  it('puts the one left over into the pair where it adds least, not the last pair', () => {
    const m = costModel(13, {
      levels: [2, 0, 1, 0, 1, 2, 0, 0, 1, 1, 1, 1, 1],
      hours: [9, 6, 6, 3, 0, 0, 0, 0, 9, 9, 9, 9, 9],
      history: [
        {
          groups: [
            [1, 0],
            [4, 12],
            [7, 8],
          ],
          unmatched: [10],
        },
        {
          groups: [
            [0, 6],
            [1, 7],
            [8, 5],
            [2, 4],
            [3, 12],
            [10, 9, 11],
          ],
        },
        {
          groups: [
            [7, 0],
            [4, 12],
            [2, 6],
          ],
          unmatched: [8],
        },
      ],
    });
    expect(heuristicGroups(m)).toEqual([
      [1, 2],
      [4, 5],
      [8, 11],
      [3, 6, 7],
      [9, 12],
      [10, 0],
    ]);
  });

  it('places a leftover who is member 0 too', () => {
    const m = costModel(29, {
      levels: [2, 1, 0, 2, 2, 1, 1, 0, 0, 2, 1, 0, 1, 1, 1, 0, 1, 0, 0, 0, 1, 1, 0, 1, 0, 0, 0, 1, 2],
      hours: [9, 9, 6, 6, 6, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 0, 0, 9, 9, 6, 6, 6, 6, 6, 6, 3],
      jitter: true,
    });
    const groups = heuristicGroups(m);
    expect(groups.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 29 }, (_, i) => i));
    expect(groups[12]).toEqual([4, 3, 0]);
  });
});
