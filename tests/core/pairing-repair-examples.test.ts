import { describe, expect, it } from 'vitest';
import { findBetterTrio, repairPairs } from '../../src/core/pairing-repair.ts';
import { costModel } from '../helpers/cost-model.ts';

const budget = () => ({ left: 1_000_000 });
const ORDER = [0, 1, 2, 3, 4];

describe('repairPairs', () => {
  it('replaces two repeat pairs with new partners', () => {
    const m = costModel(4, {
      history: [
        {
          groups: [
            [0, 1],
            [2, 3],
          ],
        },
      ],
    });
    expect(
      repairPairs(
        m,
        [
          [0, 1],
          [2, 3],
        ],
        null,
        budget(),
      ),
    ).toEqual({
      groups: [
        [0, 2],
        [1, 3],
      ],
      perfect: true,
    });
  });

  it('keeps the pairs that are free of repeats', () => {
    expect(
      repairPairs(
        costModel(4),
        [
          [0, 3],
          [1, 2],
        ],
        null,
        budget(),
      ),
    ).toEqual({
      groups: [
        [0, 3],
        [1, 2],
      ],
      perfect: true,
    });
  });

  it('does not keep a pair who met before', () => {
    const m = costModel(4, { history: [{ groups: [[0, 3]] }] });
    expect(
      repairPairs(
        m,
        [
          [0, 3],
          [1, 2],
        ],
        null,
        budget(),
      ),
    ).toEqual({
      groups: [
        [0, 1],
        [2, 3],
      ],
      perfect: true,
    });
  });

  it('puts the trio first and pairs only those outside it', () => {
    expect(
      repairPairs(
        costModel(5),
        [
          [0, 1, 2],
          [3, 4],
        ],
        [0, 1, 2],
        budget(),
      ),
    ).toEqual({
      groups: [
        [0, 1, 2],
        [3, 4],
      ],
      perfect: true,
    });
  });

  it('does not keep a pair with a member of the new trio', () => {
    const result = repairPairs(
      costModel(7),
      [
        [0, 1],
        [2, 3],
        [4, 5, 6],
      ],
      [1, 2, 3],
      budget(),
    );
    expect(result).toEqual({
      groups: [
        [1, 2, 3],
        [0, 4],
        [5, 6],
      ],
      perfect: true,
    });
  });

  it('when everyone has met, pairs each with the partner met longest ago, and says the pairs are not perfect', () => {
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
            [0, 2],
            [1, 3],
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
    expect(
      repairPairs(
        m,
        [
          [0, 1],
          [2, 3],
        ],
        null,
        budget(),
      ),
    ).toEqual({
      groups: [
        [0, 3],
        [1, 2],
      ],
      perfect: false,
    });
  });

  it('with one new-partner pair possible among six, keeps it and pairs the rest by cost', () => {
    const everyone = [0, 1, 2, 3, 4, 5];
    const m = costModel(6, {
      levels: [1, 1, 0, 2, 0, 2],
      history: [{ groups: [everyone.filter((i) => i !== 1)] }, { groups: [everyone.filter((i) => i !== 0)] }],
    });
    const result = repairPairs(
      m,
      [
        [0, 2],
        [1, 3],
        [4, 5],
      ],
      null,
      budget(),
    );
    expect(result).toEqual({
      groups: [
        [0, 1],
        [2, 4],
        [3, 5],
      ],
      perfect: false,
    });
  });
});

describe('findBetterTrio', () => {
  it('returns the first cheaper grouping: a trio without last cycle’s trio member', () => {
    const m = costModel(5, { history: [{ groups: [[0, 7, 8]] }] });
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
    ).toEqual([
      [1, 2, 3],
      [0, 4],
    ]);
  });

  it('returns null without budget', () => {
    const m = costModel(5, { history: [{ groups: [[0, 7, 8]] }] });
    expect(
      findBetterTrio(
        m,
        [
          [0, 1, 2],
          [3, 4],
        ],
        ORDER,
        { left: 0 },
      ),
    ).toBeNull();
  });

  it('returns null when no grouping costs less', () => {
    expect(
      findBetterTrio(
        costModel(5),
        [
          [0, 1, 2],
          [3, 4],
        ],
        ORDER,
        budget(),
      ),
    ).toBeNull();
  });

  it('to remove a repeat, tries trios that repeat last cycle’s trio', () => {
    const m = costModel(5, { history: [{ groups: [], unmatched: ORDER }, { groups: [[3, 4]] }] });
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
    ).toEqual([
      [0, 1, 3],
      [2, 4],
    ]);
  });

  it('without a repeat, does not try them', () => {
    const m = costModel(5, { history: [{ groups: [], unmatched: ORDER }] });
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
});
