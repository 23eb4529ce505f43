import { describe, expect, it } from 'vitest';
import { type Pairing, type PairMember, type PastCycle, pairMembers, toPastCycle } from '../../src/core/pairing.ts';
import { hashText } from '../../src/core/pairing-cost.ts';
import type { Level } from '../../src/core/types.ts';

const DATE = '2026-12-07';
const member = (id: string, timezone = 'UTC', level: Level = 'mid', snoozedUntil: string | null = null): PairMember => ({
  id,
  timezone,
  level,
  snoozedUntil,
});
const cycle = (date: string, groups: string[][], unmatched: string[] = []): PastCycle => ({ date, groups, unmatched });
const sets = (pairing: Pairing) => pairing.groups.map((g) => [...g.members].sort()).sort((a, b) => a.join().localeCompare(b.join()));
const members = (ids: string) => ids.split('').map((id) => member(id));
const LEVEL: Record<string, Level> = { J: 'junior', M: 'mid', S: 'senior' };
/** Members a, b, c, ... from `N` (New York) or `U` (UTC) and a level letter each, e.g. "NM US UM". */
const spelled = (spec: string) =>
  spec.split(' ').map((s, i) => member(String.fromCharCode(97 + i), s[0] === 'N' ? 'America/New_York' : 'UTC', LEVEL[s[1]!]));

describe('pairing: the exact search up to 14 members, the heuristic above', () => {
  /** Fourteen members on which the two searches break a tie between juniors differently. */
  const fourteen = spelled('NM US UM US UJ UM UM US US UJ UJ UJ UJ UM');
  const exactFourteen = [
    ['a', 'g'],
    ['b', 'd'],
    ['c', 'n'],
    ['e', 'j'],
    ['f', 'k'],
    ['h', 'i'],
    ['l', 'm'],
  ];
  const heuristicFourteen = [
    ['a', 'g'],
    ['b', 'd'],
    ['c', 'n'],
    ['e', 'l'],
    ['f', 'k'],
    ['h', 'i'],
    ['j', 'm'],
  ];

  it('searches 14 members exactly by default', () => {
    expect(sets(pairMembers({ date: DATE, members: fourteen, history: [] }))).toEqual(exactFourteen);
    expect(sets(pairMembers({ date: DATE, members: fourteen, history: [] }, { exactUpTo: 14 }))).toEqual(exactFourteen);
  });

  it('uses the heuristic when 14 members are above exactUpTo', () => {
    expect(sets(pairMembers({ date: DATE, members: fourteen, history: [] }, { exactUpTo: 13 }))).toEqual(heuristicFourteen);
    expect(sets(pairMembers({ date: DATE, members: fourteen, history: [] }, { exactUpTo: 0 }))).toEqual(heuristicFourteen);
  });

  it('uses the heuristic for 15 members by default', () => {
    const fifteen = spelled('UJ UM UM UJ UJ UM UJ US UM UM UJ UM UM US UM');
    const heuristic = [
      ['a', 'g', 'k'],
      ['b', 'c'],
      ['d', 'e'],
      ['f', 'j'],
      ['h', 'n'],
      ['i', 'o'],
      ['l', 'm'],
    ];
    expect(sets(pairMembers({ date: DATE, members: fifteen, history: [] }))).toEqual(heuristic);
    expect(sets(pairMembers({ date: DATE, members: fifteen, history: [] }, { exactUpTo: 15 }))).toEqual([
      ['a', 'd', 'e'],
      ['b', 'c'],
      ['f', 'j'],
      ['g', 'k'],
      ['h', 'n'],
      ['i', 'o'],
      ['l', 'm'],
    ]);
  });
});

describe('pairing: seeds and the order of roles and groups', () => {
  it('seeds the tie-breaks with a hash of the date when no seed is given', () => {
    const bySeed = (seed?: number) =>
      pairMembers({ date: DATE, members: members('abcdef'), history: [], seed }).groups.map((g) => g.members);
    expect(bySeed()).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
    ]);
    expect(bySeed(hashText(DATE, 0))).toEqual(bySeed());
    expect(bySeed(0)).toEqual([
      ['a', 'e'],
      ['b', 'f'],
      ['c', 'd'],
    ]);
  });

  it('between two who went first equally often, the smaller hash of id and seed goes first', () => {
    const first = (seed: number) => pairMembers({ date: DATE, members: members('ab'), history: [], seed }).groups[0]!.members;
    expect(hashText('b', 1)).toBeLessThan(hashText('a', 1));
    expect(first(1)).toEqual(['b', 'a']);
    expect(hashText('a', 2)).toBeLessThan(hashText('b', 2));
    expect(first(2)).toEqual(['a', 'b']);
  });

  it('who went first less often goes first, whatever the hash', () => {
    const history = [cycle('2026-11-30', [['b', 'x']])];
    expect(pairMembers({ date: DATE, members: members('ab'), history, seed: 1 }).groups[0]!.members).toEqual(['a', 'b']);
    const twice = [cycle('2026-11-30', [['a', 'x']]), cycle('2026-11-23', [['a', 'y']]), cycle('2026-11-16', [['b', 'z']])];
    expect(pairMembers({ date: DATE, members: members('ab'), history: twice, seed: 2 }).groups[0]!.members).toEqual(['b', 'a']);
  });

  it('lists the groups by their first member', () => {
    const result = pairMembers({ date: DATE, members: members('abcdef'), history: [], seed: 1 });
    const firsts = result.groups.map((g) => g.members[0]!);
    expect(firsts).toEqual([...firsts].sort());
    expect(result.groups.map((g) => g.turns[0]!.interviewer)).toEqual(firsts);
  });
});

describe('pairing: history', () => {
  const five = [
    member('a', 'Europe/London', 'junior'),
    member('b', 'Europe/London', 'mid'),
    member('c', 'Europe/London', 'junior'),
    member('d', 'Asia/Tokyo', 'junior'),
    member('e', 'Asia/Tokyo', 'junior'),
  ];

  it('takes the newest cycle as the last one whatever the order the cycles come in', () => {
    const trioLast = [cycle('2026-11-23', [['x', 'y']]), cycle('2026-11-30', [['a', 'x', 'y']])];
    for (const history of [trioLast, [...trioLast].reverse()])
      expect(sets(pairMembers({ date: DATE, members: five, history }))).toEqual([
        ['a', 'b'],
        ['c', 'd', 'e'],
      ]);
    const trioBefore = [cycle('2026-11-30', [['x', 'y']]), cycle('2026-11-23', [['a', 'x', 'y']])];
    for (const history of [trioBefore, [...trioBefore].reverse()])
      expect(sets(pairMembers({ date: DATE, members: five, history }))).toEqual([
        ['a', 'b', 'c'],
        ['d', 'e'],
      ]);
  });

  it('among repeats, repeats the partner met longest ago, whatever the order the cycles come in', () => {
    const history = [cycle('2026-11-30', [['a', 'b']]), cycle('2026-11-16', [['a', 'c']]), cycle('2026-11-23', [['a', 'd']])];
    for (const h of [history, [...history].reverse()]) {
      const result = pairMembers({ date: DATE, members: members('abcd'), history: [...h, cycle('2026-11-09', [['b', 'c', 'd']])] });
      expect(sets(result)).toEqual([
        ['a', 'c'],
        ['b', 'd'],
      ]);
      expect(result.repeats).toBe(2);
    }
  });

  it('counts each pair of a trio who met before as one repeat', () => {
    const all = pairMembers({ date: DATE, members: members('abc'), history: [cycle('2026-11-30', [['a', 'b', 'c']])] });
    expect(all.repeats).toBe(3);
    const one = pairMembers({ date: DATE, members: members('abc'), history: [cycle('2026-11-30', [['a', 'c']])] });
    expect(one.repeats).toBe(1);
    const twice = pairMembers({
      date: DATE,
      members: members('abc'),
      history: [cycle('2026-11-30', [['a', 'c']]), cycle('2026-11-23', [['a', 'c']])],
    });
    expect(twice.repeats).toBe(1);
  });
});

describe('pairing: snoozes and a lone member', () => {
  it('lists the snoozed sorted and leaves the one available member unmatched', () => {
    const result = pairMembers({
      date: DATE,
      members: [member('c', 'UTC', 'mid', '2026-12-08'), member('b'), member('a', 'UTC', 'mid', '2027-01-01')],
      history: [],
    });
    expect(result).toEqual({ groups: [], unmatched: ['b'], snoozed: ['a', 'c'], repeats: 0 });
  });

  it('pairs two available members and lists the snoozed one', () => {
    const result = pairMembers({
      date: DATE,
      members: [member('c'), member('b', 'UTC', 'mid', '2026-12-08'), member('a', 'UTC', 'mid', DATE)],
      history: [],
    });
    expect(sets(result)).toEqual([['a', 'c']]);
    expect(result.snoozed).toEqual(['b']);
    expect(result.unmatched).toEqual([]);
  });
});

describe('toPastCycle', () => {
  it('keeps the date, each group’s members in role order and who sat out', () => {
    const pairing: Pairing = {
      groups: [
        {
          members: ['b', 'a'],
          turns: [
            { interviewer: 'b', candidate: 'a' },
            { interviewer: 'a', candidate: 'b' },
          ],
        },
        { members: ['c', 'e', 'd'], turns: [] },
      ],
      unmatched: ['f'],
      snoozed: ['g'],
      repeats: 0,
    };
    expect(toPastCycle(DATE, pairing)).toEqual({
      date: DATE,
      groups: [
        ['b', 'a'],
        ['c', 'e', 'd'],
      ],
      unmatched: ['f'],
    });
  });
});
