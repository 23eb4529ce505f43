import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PairingInput, type PairingOptions, type PastCycle, pairMembers } from '../../src/core/pairing.ts';
import { addDays } from '../../src/core/schedule.ts';
import { LEVELS } from '../../src/core/types.ts';

const DATE = '2026-12-07';
const ZONES = ['Europe/London', 'America/New_York', 'Asia/Tokyo', 'Asia/Kolkata', 'Australia/Sydney'];
/** The exact search (the default at these sizes) and the heuristic that large channels get, forced onto small ones. */
const STRATEGIES: [string, PairingOptions][] = [
  ['exact', {}],
  ['heuristic', { exactUpTo: 0 }],
];

/** A past cycle from an order of ids: consecutive pairs; an odd tail of three is the trio, a tail of one sat out. */
function cycleOf(order: string[], weeksAgo: number): PastCycle {
  const groups: string[][] = [];
  const pairsEnd = order.length % 2 === 1 && order.length >= 3 ? order.length - 3 : order.length - (order.length % 2);
  for (let i = 0; i + 1 < pairsEnd; i += 2) groups.push([order[i]!, order[i + 1]!]);
  if (pairsEnd === order.length - 3) groups.push(order.slice(pairsEnd));
  return { date: addDays(DATE, -7 * weeksAgo), groups, unmatched: pairsEnd === order.length - 1 ? [order.at(-1)!] : [] };
}

/** Up to `max` members, some snoozed, and up to 10 weekly cycles: of all of them, or of some and two who have left. */
const inputs = (max: number) =>
  fc.integer({ min: 0, max }).chain((count) => {
    const ids = Array.from({ length: count }, (_, i) => `m${i}`);
    const member = fc.record({
      timezone: fc.constantFrom(...ZONES),
      level: fc.constantFrom(...LEVELS),
      snoozed: fc.constantFrom(false, false, false, false, true),
    });
    return fc
      .record({
        members: fc.tuple(...ids.map(() => member)),
        orders: fc.array(fc.oneof(fc.shuffledSubarray([...ids, 'gone1', 'gone2']), fc.shuffledSubarray(ids, { minLength: count })), {
          maxLength: 10,
        }),
        seed: fc.integer({ min: 0, max: 1000 }),
      })
      .map(
        ({ members, orders, seed }): PairingInput => ({
          date: DATE,
          members: members.map((m, i) => ({
            id: ids[i]!,
            timezone: m.timezone,
            level: m.level,
            snoozedUntil: m.snoozed ? '2026-12-14' : null,
          })),
          history: orders.map((order, k) => cycleOf(order, k + 1)),
          seed,
        }),
      );
  });

/** Every way to split ids into pairs and, for an odd count of three or more, exactly one trio. */
function* splits(ids: string[], trio: boolean): Generator<string[][]> {
  if (ids.length === 0) {
    if (!trio) yield [];
    return;
  }
  const [first, ...rest] = ids as [string, ...string[]];
  for (let j = 0; j < rest.length; j++) {
    const others = rest.filter((_, x) => x !== j);
    for (const split of splits(others, trio)) yield [[first, rest[j]!], ...split];
    if (!trio) continue;
    for (let k = j + 1; k < rest.length; k++) {
      const left = rest.filter((_, x) => x !== j && x !== k);
      for (const split of splits(left, false)) yield [[first, rest[j]!, rest[k]!], ...split];
    }
  }
}

/** The facts a brute force needs: who met whom, and who was in the trio or sat out in the newest cycle. */
function facts(input: PairingInput) {
  const met = new Set<string>();
  for (const cycle of input.history) for (const g of cycle.groups) for (const a of g) for (const b of g) if (a !== b) met.add(`${a} ${b}`);
  const newest = [...input.history].sort((a, b) => b.date.localeCompare(a.date))[0];
  const oddLast = new Set(newest ? [...newest.groups.filter((g) => g.length === 3).flat(), ...newest.unmatched] : []);
  const repeats = (split: string[][]) => {
    let count = 0;
    for (const g of split)
      for (let x = 0; x < g.length; x++) for (let y = x + 1; y < g.length; y++) if (met.has(`${g[x]} ${g[y]}`)) count++;
    return count;
  };
  const freshTrio = (split: string[][]) => split.every((g) => g.length === 2 || g.every((id) => !oddLast.has(id)));
  return { repeats, freshTrio };
}

const available = (input: PairingInput) => input.members.filter((m) => m.snoozedUntil === null).map((m) => m.id);

describe.each(STRATEGIES)('pairing properties (%s)', (_name, options) => {
  it('places every available member exactly once, in pairs and at most one trio, and no snoozed member', () => {
    fc.assert(
      fc.property(inputs(12), (input) => {
        const result = pairMembers(input, options);
        const ids = available(input);
        const placed = [...result.groups.flatMap((g) => g.members), ...result.unmatched];
        expect([...placed].sort()).toEqual([...ids].sort());
        expect(result.unmatched.length).toBe(ids.length === 1 ? 1 : 0);
        const sizes = result.groups.map((g) => g.members.length);
        expect(sizes.filter((s) => s === 3).length).toBe(ids.length % 2 === 1 && ids.length > 1 ? 1 : 0);
        expect(sizes.every((s) => s === 2 || s === 3)).toBe(true);
        expect(result.snoozed).toEqual(
          input.members
            .filter((m) => m.snoozedUntil !== null)
            .map((m) => m.id)
            .sort(),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('repeats no partner whenever a split without repeats exists, and counts the repeats it makes', () => {
    fc.assert(
      fc.property(inputs(10), (input) => {
        const result = pairMembers(input, options);
        const { repeats } = facts(input);
        const groups = result.groups.map((g) => g.members);
        expect(result.repeats).toBe(repeats(groups));
        let possible = false;
        for (const split of splits(available(input).sort(), available(input).length % 2 === 1))
          if ((possible = repeats(split) === 0)) break;
        if (possible) expect(result.repeats).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps last cycle’s trio and lone member out of the trio whenever a split without repeats allows it', () => {
    fc.assert(
      fc.property(inputs(10), (input) => {
        const ids = available(input);
        fc.pre(ids.length % 2 === 1 && ids.length > 1);
        const { repeats, freshTrio } = facts(input);
        const result = pairMembers(input, options);
        let possible = false;
        for (const split of splits(ids.sort(), true)) if ((possible = repeats(split) === 0 && freshTrio(split))) break;
        if (possible) expect(freshTrio(result.groups.map((g) => g.members))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same groups for the same input, whatever the order of members and cycles', () => {
    fc.assert(
      fc.property(inputs(12), (input) => {
        const reordered = { ...input, members: [...input.members].reverse(), history: [...input.history].reverse() };
        expect(pairMembers(reordered, options)).toEqual(pairMembers(input, options));
      }),
      { numRuns: 100 },
    );
  });
});

/** Rounds 1..k of a round-robin (circle method) over a shuffled order: round k+1 is a split without repeats. */
const roundRobin = fc.integer({ min: 8, max: 20 }).chain((half) =>
  fc.record({
    order: fc.shuffledSubarray(
      Array.from({ length: half * 2 }, (_, i) => `m${i}`),
      { minLength: half * 2 },
    ),
    rounds: fc.integer({ min: 1, max: half * 2 - 2 }),
    zones: fc.array(fc.constantFrom(...ZONES), { minLength: half * 2, maxLength: half * 2 }),
  }),
);

describe('pairing properties on channels of 16 to 40 with up to n-2 cycles of a round-robin', () => {
  it('repeats no partner (the heuristic grows its pairs to a maximum matching of new partners), in any member order', () => {
    fc.assert(
      fc.property(roundRobin, ({ order, rounds, zones }) => {
        const ring = order.length - 1;
        const history = Array.from({ length: rounds }, (_, r) => {
          const groups = [[order[r]!, order[ring]!]];
          for (let k = 1; k < order.length / 2; k++) groups.push([order[(r + k) % ring]!, order[(r - k + ring) % ring]!]);
          return { date: addDays(DATE, -7 * (r + 1)), groups, unmatched: [] };
        });
        const members = order.map((id, i) => ({ id, timezone: zones[i]!, level: LEVELS[i % 3]!, snoozedUntil: null }));
        const result = pairMembers({ date: DATE, members, history });
        expect(result.repeats).toBe(0);
        expect(pairMembers({ date: DATE, members: [...members].reverse(), history })).toEqual(result);
      }),
      { numRuns: 60 },
    );
  });
});

/** 15 to 26 members with up to n-2 weekly cycles, each of all of them in a random order. */
const midSize = fc.integer({ min: 15, max: 26 }).chain((count) => {
  const ids = Array.from({ length: count }, (_, i) => `m${i}`);
  return fc.record({
    members: fc.tuple(
      ...ids.map((id) => fc.record({ id: fc.constant(id), timezone: fc.constantFrom(...ZONES), level: fc.constantFrom(...LEVELS) })),
    ),
    orders: fc.array(fc.shuffledSubarray(ids, { minLength: count }), { maxLength: count - 2 }),
  });
});

describe('pairing properties on channels of 15 to 26 with dense random histories (the heuristic)', () => {
  it('places everyone once and gives the same groups in any member order', () => {
    fc.assert(
      fc.property(midSize, ({ members, orders }) => {
        const input = {
          date: DATE,
          members: members.map((m) => ({ ...m, snoozedUntil: null })),
          history: orders.map((order, k) => cycleOf(order, k + 1)),
        };
        const result = pairMembers(input);
        expect(result.groups.flatMap((g) => g.members).sort()).toEqual(members.map((m) => m.id).sort());
        expect(pairMembers({ ...input, members: [...input.members].reverse() })).toEqual(result);
      }),
      { numRuns: 1000 },
    );
  });
});
