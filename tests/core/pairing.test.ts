import { describe, expect, it } from 'vitest';
import { type Pairing, type PairMember, type PastCycle, pairMembers, toPastCycle } from '../../src/core/pairing.ts';
import type { Level } from '../../src/core/types.ts';

const member = (id: string, timezone = 'Europe/London', level: Level = 'mid', snoozedUntil: string | null = null): PairMember => ({
  id,
  timezone,
  level,
  snoozedUntil,
});
const cycle = (date: string, groups: string[][], unmatched: string[] = []): PastCycle => ({ date, groups, unmatched });
/** Groups as sorted lists of sorted ids, to compare without the role order. */
const sets = (pairing: Pairing) => pairing.groups.map((g) => [...g.members].sort()).sort((a, b) => a.join().localeCompare(b.join()));
const DATE = '2026-12-07';

describe('pairing: how many members', () => {
  it('makes nothing of no members', () => {
    expect(pairMembers({ date: DATE, members: [], history: [] })).toEqual({ groups: [], unmatched: [], snoozed: [], repeats: 0 });
  });

  it('leaves a single member unmatched', () => {
    expect(pairMembers({ date: DATE, members: [member('a')], history: [] })).toEqual({
      groups: [],
      unmatched: ['a'],
      snoozed: [],
      repeats: 0,
    });
  });

  it('pairs two members, even when they met last week, and counts the repeat', () => {
    const result = pairMembers({ date: DATE, members: [member('a'), member('b')], history: [cycle('2026-11-30', [['a', 'b']])] });
    expect(sets(result)).toEqual([['a', 'b']]);
    expect(result.unmatched).toEqual([]);
    expect(result.repeats).toBe(1);
  });

  it('makes a trio of three members', () => {
    const result = pairMembers({ date: DATE, members: [member('a'), member('b'), member('c')], history: [] });
    expect(sets(result)).toEqual([['a', 'b', 'c']]);
    expect(result.repeats).toBe(0);
  });

  it('makes two pairs of four and a pair and a trio of five', () => {
    const four = pairMembers({ date: DATE, members: ['a', 'b', 'c', 'd'].map((id) => member(id)), history: [] });
    expect(four.groups.map((g) => g.members.length)).toEqual([2, 2]);
    const five = pairMembers({ date: DATE, members: ['a', 'b', 'c', 'd', 'e'].map((id) => member(id)), history: [] });
    expect(five.groups.map((g) => g.members.length).sort()).toEqual([2, 3]);
  });

  it('counts a member listed twice once', () => {
    const result = pairMembers({ date: DATE, members: [member('a'), member('b'), member('a')], history: [] });
    expect(sets(result)).toEqual([['a', 'b']]);
  });
});

describe('pairing: snoozes', () => {
  it('skips a member snoozed past the cycle date and matches one whose snooze ends on it or before', () => {
    const result = pairMembers({
      date: DATE,
      members: [
        member('a'),
        member('b', 'Europe/London', 'mid', '2026-12-08'),
        member('c', 'Europe/London', 'mid', DATE),
        member('d', 'Europe/London', 'mid', '2026-12-06'),
      ],
      history: [],
    });
    expect(result.snoozed).toEqual(['b']);
    expect(sets(result)).toEqual([['a', 'c', 'd']]);
  });
});

describe('pairing: partners', () => {
  it('prefers a partner nine hours away to last week’s partner', () => {
    const members = [
      member('a', 'Europe/London', 'junior'),
      member('b', 'Europe/London', 'mid'),
      member('c', 'Asia/Tokyo', 'junior'),
      member('d', 'Asia/Tokyo', 'mid'),
    ];
    expect(sets(pairMembers({ date: DATE, members, history: [] }))).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    const result = pairMembers({ date: DATE, members, history: [cycle('2026-11-30', [['a', 'b']])] });
    expect(sets(result)).toEqual([
      ['a', 'c'],
      ['b', 'd'],
    ]);
    expect(result.repeats).toBe(0);
  });

  it.each([
    ['exact', {}],
    ['heuristic', { exactUpTo: 0 }],
  ])('when everyone has met everyone, repeats the partners met longest ago, whatever the seed (%s)', (_name, options) => {
    const history = [
      cycle('2026-11-16', [
        ['a', 'c'],
        ['b', 'd'],
      ]),
      cycle('2026-11-30', [
        ['a', 'd'],
        ['b', 'c'],
      ]),
      cycle('2026-11-23', [
        ['a', 'b'],
        ['c', 'd'],
      ]),
    ];
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const result = pairMembers({ date: DATE, members: ['a', 'b', 'c', 'd'].map((id) => member(id)), history, seed }, options);
      expect(sets(result)).toEqual([
        ['a', 'c'],
        ['b', 'd'],
      ]);
      expect(result.repeats).toBe(2);
    }
  });

  it('with six who have all met, makes three repeat pairs and places each member once (heuristic)', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    const history = [cycle('2026-11-30', [ids])];
    const result = pairMembers({ date: DATE, members: ids.map((id) => member(id)), history }, { exactUpTo: 0 });
    expect(result.groups.flatMap((g) => g.members).sort()).toEqual(ids);
    expect(result.repeats).toBe(3);
  });

  it('pairs members in the same time zone', () => {
    const members = [
      member('a', 'America/New_York'),
      member('b', 'Europe/London'),
      member('c', 'America/New_York'),
      member('d', 'Europe/London'),
    ];
    expect(sets(pairMembers({ date: DATE, members, history: [] }))).toEqual([
      ['a', 'c'],
      ['b', 'd'],
    ]);
  });

  it('pairs members of the same level', () => {
    const members = [
      member('a', 'UTC', 'junior'),
      member('b', 'UTC', 'senior'),
      member('c', 'UTC', 'junior'),
      member('d', 'UTC', 'senior'),
    ];
    expect(sets(pairMembers({ date: DATE, members, history: [] }))).toEqual([
      ['a', 'c'],
      ['b', 'd'],
    ]);
  });

  it('counts an unknown time zone as UTC', () => {
    const members = [member('a', 'Mars/Olympus'), member('b', 'Asia/Tokyo'), member('c', 'UTC'), member('d', 'Asia/Tokyo')];
    expect(sets(pairMembers({ date: DATE, members, history: [] }))).toEqual([
      ['a', 'c'],
      ['b', 'd'],
    ]);
  });
});

describe('pairing: offsets on the cycle date (London changes clocks on 29 March 2026, Karachi never does)', () => {
  const members = [
    member('l-junior', 'Europe/London', 'junior'),
    member('l-mid', 'Europe/London', 'mid'),
    member('k-junior', 'Asia/Karachi', 'junior'),
    member('k-mid', 'Asia/Karachi', 'mid'),
  ];
  const byZone = [
    ['k-junior', 'k-mid'],
    ['l-junior', 'l-mid'],
  ];
  const byLevel = [
    ['k-junior', 'l-junior'],
    ['k-mid', 'l-mid'],
  ];

  it('5 h apart the day before: two pairs across levels (12) beat two pairs 5 h apart (12.5)', () => {
    expect(sets(pairMembers({ date: '2026-03-28', members, history: [] }))).toEqual(byZone);
    expect(sets(pairMembers({ date: '2026-01-12', members, history: [] }))).toEqual(byZone);
  });

  it('4 h apart from the day the clocks change: two pairs 4 h apart (8) beat two pairs across levels (12)', () => {
    expect(sets(pairMembers({ date: '2026-03-29', members, history: [] }))).toEqual(byLevel);
    expect(sets(pairMembers({ date: '2026-03-30', members, history: [] }))).toEqual(byLevel);
    expect(sets(pairMembers({ date: '2026-10-24', members, history: [] }))).toEqual(byLevel);
  });

  it('5 h apart again from the day the clocks go back', () => {
    expect(sets(pairMembers({ date: '2026-10-25', members, history: [] }))).toEqual(byZone);
  });
});

describe('pairing: the trio', () => {
  const members = [
    member('a', 'Europe/London', 'junior'),
    member('b', 'Europe/London', 'mid'),
    member('c', 'Europe/London', 'junior'),
    member('d', 'Asia/Tokyo', 'junior'),
    member('e', 'Asia/Tokyo', 'junior'),
  ];

  it('goes where it costs least when nobody was in a trio', () => {
    expect(sets(pairMembers({ date: DATE, members, history: [] }))).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e'],
    ]);
  });

  it('is not given to a member who was in the trio last cycle, even at a higher cost', () => {
    const history = [cycle('2026-11-30', [['a', 'x', 'y']])];
    expect(sets(pairMembers({ date: DATE, members, history }))).toEqual([
      ['a', 'b'],
      ['c', 'd', 'e'],
    ]);
  });

  it('is not given to a member who sat out last cycle', () => {
    const history = [cycle('2026-11-30', [['x', 'y']], ['a'])];
    expect(sets(pairMembers({ date: DATE, members, history }))).toEqual([
      ['a', 'b'],
      ['c', 'd', 'e'],
    ]);
  });

  it('counts only the last cycle: a trio two cycles ago does not bar a member', () => {
    const history = [cycle('2026-11-30', [['x', 'y']]), cycle('2026-11-23', [['a', 'x', 'y']])];
    expect(sets(pairMembers({ date: DATE, members, history }))).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e'],
    ]);
  });
});

describe('pairing: roles', () => {
  it('in a pair, A interviews B, then B interviews A; A is the one who went first less often', () => {
    const result = pairMembers({ date: DATE, members: [member('a'), member('b')], history: [cycle('2026-11-30', [['a', 'x']])] });
    expect(result.groups).toEqual([
      {
        members: ['b', 'a'],
        turns: [
          { interviewer: 'b', candidate: 'a' },
          { interviewer: 'a', candidate: 'b' },
        ],
      },
    ]);
  });

  it('in a trio, each interviews the next: A to B, B to C, C to A', () => {
    const history = [
      cycle('2026-11-30', [['c', 'x']]),
      cycle('2026-11-23', [
        ['c', 'y'],
        ['a', 'z'],
      ]),
    ];
    const result = pairMembers({ date: DATE, members: [member('a'), member('b'), member('c')], history });
    expect(result.groups).toEqual([
      {
        members: ['b', 'a', 'c'],
        turns: [
          { interviewer: 'b', candidate: 'a' },
          { interviewer: 'a', candidate: 'c' },
          { interviewer: 'c', candidate: 'b' },
        ],
      },
    ]);
  });
});

describe('pairing: the same input gives the same groups', () => {
  const members = 'abcdefghij'.split('').map((id) => member(id));

  it('whatever the order of members and cycles', () => {
    const history = [
      cycle('2026-11-23', [
        ['a', 'b'],
        ['c', 'd'],
      ]),
      cycle('2026-11-30', [
        ['e', 'f'],
        ['g', 'h'],
      ]),
    ];
    const one = pairMembers({ date: DATE, members, history, seed: 5 });
    const two = pairMembers({ date: DATE, members: [...members].reverse(), history: [...history].reverse(), seed: 5 });
    expect(two).toEqual(one);
    expect(pairMembers({ date: DATE, members, history, seed: 5 })).toEqual(one);
  });

  it('ties between equal members are broken by the seed', () => {
    const groupings = new Set(
      [1, 2, 3, 4, 5, 6].map((seed) => JSON.stringify(sets(pairMembers({ date: DATE, members, history: [], seed })))),
    );
    expect(groupings.size).toBeGreaterThan(1);
  });

  it('ignores cycles dated on or after its own date, so a re-run after saving gives the same groups', () => {
    const history = [
      cycle('2026-11-30', [
        ['a', 'b'],
        ['c', 'd'],
      ]),
    ];
    const first = pairMembers({ date: DATE, members, history });
    const again = pairMembers({ date: DATE, members, history: [...history, toPastCycle(DATE, first), cycle('2026-12-14', [['a', 'c']])] });
    expect(again).toEqual(first);
  });
});
