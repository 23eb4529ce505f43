import { describe, expect, it } from 'vitest';
import { buildCostModel, type CostCycle, hoursApart, metBefore, metCost } from '../../src/core/pairing-cost.ts';

const members = (...ids: string[]) => ids.map((id) => ({ id, timezone: 'UTC', level: 'mid' as const }));
const cycle = (...groups: string[][]): CostCycle => ({ groups, unmatched: [] });

describe('buildCostModel limits', () => {
  it('counts a first interviewer only in a group of two or more', () => {
    const m = buildCostModel('2026-12-07', members('a', 'b', 'c'), [cycle(['a']), cycle(['b', 'c'])], 7);
    expect(Array.from(m.firsts)).toEqual([0, 1, 0]);
  });

  it('counts the trio only for its members in this cycle, not for an earlier trio member', () => {
    const history = [cycle(['a', 'b', 'c']), cycle(['d', 'e', 'gone'])];
    const m = buildCostModel('2026-12-07', members('a', 'b', 'c', 'd', 'e'), history, 7);
    expect(Array.from(m.oddLast)).toEqual([1, 1, 1, 0, 0]);
    expect(Array.from(m.oddBefore)).toEqual([0, 0, 0, 1, 1]);
  });

  it('lists each member with the others of a group, never with itself', () => {
    const m = buildCostModel('2026-12-07', members('a', 'b'), [cycle(['a', 'b'])], 7);
    expect(Array.from(m.start)).toEqual([0, 1, 2]);
    expect(Array.from(m.partners)).toEqual([1, 0]);
    expect(Array.from(m.agos)).toEqual([1, 1]);
    expect(metBefore(m, 0, 0)).toBe(false);
  });

  it('keeps every meeting past the first 1,024 (600 cycles of one pair: 1,200 meetings)', () => {
    const history = Array.from({ length: 600 }, () => cycle(['a', 'b']));
    const m = buildCostModel('2026-12-07', members('a', 'b'), history, 7);
    expect(Array.from(m.start)).toEqual([0, 600, 1200]);
    expect(m.agos[599]).toBe(600);
    expect(metCost(m, 0, 1)).toBe(600_010_000);
  });
});

describe('metCost and hoursApart', () => {
  it('charges the repeat weight once per earlier meeting, plus recency of the newest', () => {
    const twice = buildCostModel('2026-12-07', members('a', 'b'), [cycle(['a', 'b']), cycle(['a', 'b'])], 7);
    expect(metCost(twice, 0, 1)).toBe(2_010_000);
    const older = buildCostModel('2026-12-07', members('a', 'b'), [cycle(), cycle(['b', 'a']), cycle(['a', 'b']), cycle(['a', 'b'])], 7);
    expect(metCost(older, 0, 1)).toBe(3_005_000);
  });

  it('measures offsets round the clock: +14 h and -12 h are 2 h apart, 12 h at most', () => {
    expect(hoursApart(840, -720)).toBe(2);
    expect(hoursApart(-720, 840)).toBe(2);
    expect(hoursApart(0, 720)).toBe(12);
    expect(hoursApart(-60, 60)).toBe(2);
    expect(hoursApart(0, 780)).toBe(11);
  });
});
