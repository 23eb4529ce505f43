import { describe, expect, it } from 'vitest';
import { findBetterTrio, growNewPartnerMatching, repairPairs } from '../../src/core/pairing-repair.ts';
import { costModel } from '../helpers/cost-model.ts';

const budget = () => ({ left: 1_000_000 });
const ORDER = [0, 1, 2, 3, 4];
const everyone = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('growNewPartnerMatching', () => {
  it('never matches two members who met before', () => {
    const match = Int32Array.from([-1, -1, -1]);
    expect(growNewPartnerMatching(costModel(3, { history: [{ groups: [[1, 0]] }] }), new Uint8Array(3).fill(1), match, budget())).toBe(
      true,
    );
    expect([...match]).toEqual([2, -1, 0]);
  });

  it('tries unmatched members first, so each free member finds a partner in two edge checks', () => {
    const left = { left: 4 };
    const match = Int32Array.from([1, 0, -1, -1, -1, -1]);
    expect(growNewPartnerMatching(costModel(6), new Uint8Array(6).fill(1), match, left)).toBe(true);
    expect([...match]).toEqual([1, 0, 3, 2, 5, 4]);
    expect(left.left).toBe(0);
  });

  it('stops when one edge check more than its budget is needed', () => {
    const match = Int32Array.from([1, 0, -1, -1, -1, -1]);
    expect(growNewPartnerMatching(costModel(6), new Uint8Array(6).fill(1), match, { left: 3 })).toBe(false);
    expect([...match]).toEqual([1, 0, 3, 2, -1, -1]);
  });
});

describe('repairPairs with a given trio', () => {
  it('calls the pairs perfect even when two of the trio met before, as only pairs are checked', () => {
    const m = costModel(5, { history: [{ groups: [[1, 2]] }] });
    expect(repairPairs(m, [[3, 0]], [1, 2, 4], budget())).toEqual({
      groups: [
        [1, 2, 4],
        [0, 3],
      ],
      perfect: true,
    });
  });
});

describe('findBetterTrio edges', () => {
  it('tries no trio in which any two members met before', () => {
    const m = costModel(5, { history: [{ groups: [[0, 2, 1]] }] });
    expect(
      findBetterTrio(
        m,
        [
          [1, 3],
          [2, 0, 4],
        ],
        ORDER,
        budget(),
      ),
    ).toBeNull();
  });

  it('stops at the first trio costing a repeated trio, exactly, when nothing repeats', () => {
    // 0, 1 and 2 sat out last cycle: every trio has one of them at least, and [0, 3, 4] costs exactly a trio repeat.
    const m = costModel(5, { history: [{ groups: [], unmatched: [0, 1, 2] }] });
    expect(
      findBetterTrio(
        m,
        [
          [0, 1, 2],
          [3, 4],
        ],
        ORDER,
        budget(),
      ),
    ).toBeNull();
  });

  it('counts a repeat inside a trio even when its third member is new to both', () => {
    const m = costModel(7, { history: [{ groups: [[2, 0, 1]] }] });
    expect(
      findBetterTrio(
        m,
        [
          [3, 2],
          [6, 5],
          [1, 0, 4],
        ],
        [2, 6, 1, 4, 0, 5, 3],
        budget(),
      ),
    ).toEqual([
      [2, 6, 4],
      [0, 3],
      [1, 5],
    ]);
  });
});

describe('how far apart in the order a trio may be', () => {
  /** Everyone but `far` sat out last cycle, so `far` is the one trio that repeats nobody's trio; [1, 2, 3] is the current trio. */
  const spread = (n: number, far: number[]) => {
    const m = costModel(n, { history: [{ groups: [], unmatched: everyone(n).filter((i) => !far.includes(i)) }] });
    const rest = [0, ...everyone(n).filter((i) => i > 3)];
    const groups = [[1, 2, 3], ...rest.flatMap((_, i) => (i % 2 ? [] : [[rest[i]!, rest[i + 1]!]]))];
    return findBetterTrio(m, groups, everyone(n), { left: 10_000_000 });
  };

  it('with 25 members, takes a trio from the first, middle and last of the order', () => {
    expect(spread(25, [0, 12, 24])?.[0]).toEqual([0, 12, 24]);
  });

  it('with more than 25, takes trios only among 8 neighbours in the order', () => {
    expect(spread(27, [0, 13, 26])).toBeNull();
  });
});
