import { DateTime } from 'luxon';
import { LEVELS, type Level } from './types.ts';

/**
 * The terms of the pairing cost, in tiers. Within two groups (at most five members, all that one local move touches)
 * repeats outweigh everything else, the trio rule outweighs recency and below, and recency outweighs zones and levels
 * for meetings in the last 50 cycles (10,000 / 50 > four pairs at most 48 each). The jitter only breaks ties.
 */
export const PAIRING_WEIGHTS = {
  /** Per earlier cycle in which two members of a group were already in one group together. */
  repeat: 1_000_000,
  /** Per trio member who was in the trio or sat out in the channel's last cycle. */
  trioAgain: 100_000,
  /** Divided by how many cycles ago two group members last met: among repeats, the oldest is the least bad. */
  recent: 10_000,
  /** Per earlier cycle a trio member spent in a trio or sitting out: spreads the trio around. */
  trioBefore: 5,
  /** Per squared hour between two members' UTC offsets on the cycle's date (round the clock, at most 12): 4 h costs 4. */
  zone: 0.25,
  /** Per step between two members' levels (junior, mid, senior): junior with senior costs 12. */
  level: 6,
  /** At most this, from a hash of the seed and the two ids: a stable tie-break that never outweighs a real difference. */
  jitter: 0.001,
} as const;

/** What the cost needs about the members of one cycle, indexed 0..n-1. */
export interface CostModel {
  n: number;
  /** Minutes east of UTC at noon of the cycle's date in the member's zone. */
  offsets: Int32Array;
  levels: Uint8Array;
  /** A 32-bit hash of the seed and the id: tie-breaks and the order of roles. */
  hashes: Uint32Array;
  /** Earlier partners of member i: partners[start[i]..start[i+1]), newest first, met agos[k] cycles ago. */
  start: Int32Array;
  partners: Int32Array;
  agos: Uint16Array;
  /** 1 for a member who was in the trio or sat out in the last cycle. */
  oddLast: Uint8Array;
  /** Earlier cycles each member spent in a trio or sitting out. */
  oddBefore: Uint16Array;
  /** How often each member was first in a group (the first interviewer). */
  firsts: Uint16Array;
}

/** A member as the cost sees it. */
export interface CostMember {
  id: string;
  timezone: string;
  level: Level;
}

/** A past cycle as the cost sees it: its groups and who sat out, by member id. */
export interface CostCycle {
  groups: string[][];
  unmatched: string[];
}

/** A 32-bit FNV-1a hash of a text, mixed with a seed. */
export function hashText(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return mix(h);
}

function mix(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Minutes east of UTC in a zone at noon of a date; an unknown zone or date counts as UTC. */
export function offsetAt(date: string, timezone: string): number {
  const at = DateTime.fromISO(`${date}T12:00`, { zone: timezone });
  return at.isValid ? at.offset : 0;
}

/** The cost model of one cycle; `history` is newest first and may name members who are not in this cycle. */
export function buildCostModel(date: string, members: CostMember[], history: CostCycle[], seed: number): CostModel {
  const n = members.length;
  const index = new Map(members.map((m, i) => [m.id, i]));
  const zones = new Map<string, number>();
  const offsets = new Int32Array(n);
  const levels = new Uint8Array(n);
  const hashes = new Uint32Array(n);
  members.forEach((m, i) => {
    const offset = zones.get(m.timezone) ?? offsetAt(date, m.timezone);
    zones.set(m.timezone, offset);
    offsets[i] = offset;
    levels[i] = Math.max(0, LEVELS.indexOf(m.level));
    hashes[i] = hashText(m.id, seed);
  });
  const oddLast = new Uint8Array(n);
  const oddBefore = new Uint16Array(n);
  const firsts = new Uint16Array(n);
  const odd = (i: number, ago: number) => {
    if (ago === 1) oddLast[i] = 1;
    else oddBefore[i]!++;
  };
  let meetings: Int32Array = new Int32Array(3 * 1024);
  let count = 0;
  const here: number[] = [];
  history.forEach((cycle, c) => {
    const ago = c + 1;
    for (const group of cycle.groups) {
      let k = 0;
      for (const id of group) {
        const i = index.get(id);
        if (i !== undefined) here[k++] = i;
      }
      const first = index.get(group[0]!);
      if (first !== undefined && group.length > 1) firsts[first]!++;
      if (group.length === 3) for (let x = 0; x < k; x++) odd(here[x]!, ago);
      for (let x = 0; x < k; x++)
        for (let y = 0; y < k; y++) {
          if (x === y) continue;
          if (3 * count + 3 > meetings.length) meetings = grow(meetings);
          meetings[3 * count] = here[x]!;
          meetings[3 * count + 1] = here[y]!;
          meetings[3 * count++ + 2] = ago;
        }
    }
    for (const id of cycle.unmatched) {
      const i = index.get(id);
      if (i !== undefined) odd(i, ago);
    }
  });
  const start = new Int32Array(n + 1);
  for (let t = 0; t < count; t++) start[meetings[3 * t]! + 1]!++;
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const partners = new Int32Array(count);
  const agos = new Uint16Array(count);
  const fill = start.slice(0, n);
  for (let t = 0; t < count; t++) {
    const a = meetings[3 * t]!;
    partners[fill[a]!] = meetings[3 * t + 1]!;
    agos[fill[a]!++] = meetings[3 * t + 2]!;
  }
  return { n, offsets, levels, hashes, start, partners, agos, oddLast, oddBefore, firsts };
}

function grow(array: Int32Array): Int32Array {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

/** The repeat and recency cost of two members' earlier meetings: 0 if they never met. */
export function metCost(m: CostModel, a: number, b: number): number {
  let count = 0;
  let newest = 0;
  for (let k = m.start[a]!; k < m.start[a + 1]!; k++) {
    if (m.partners[k] !== b) continue;
    if (count++ === 0) newest = m.agos[k]!;
  }
  return count === 0 ? 0 : PAIRING_WEIGHTS.repeat * count + PAIRING_WEIGHTS.recent / newest;
}

/** Whether two members were in one group before. */
export function metBefore(m: CostModel, a: number, b: number): boolean {
  for (let k = m.start[a]!; k < m.start[a + 1]!; k++) if (m.partners[k] === b) return true;
  return false;
}

/** Hours between two UTC offsets round the clock: +14 and -12 are two hours apart, not 26. */
export function hoursApart(a: number, b: number): number {
  const minutes = Math.abs(a - b) % 1440;
  return Math.min(minutes, 1440 - minutes) / 60;
}

/** The cost of putting two members in one group. */
export function pairCost(m: CostModel, a: number, b: number): number {
  const hours = hoursApart(m.offsets[a]!, m.offsets[b]!);
  return (
    metCost(m, a, b) +
    PAIRING_WEIGHTS.zone * hours * hours +
    PAIRING_WEIGHTS.level * Math.abs(m.levels[a]! - m.levels[b]!) +
    (PAIRING_WEIGHTS.jitter * mix(m.hashes[a]! ^ m.hashes[b]!)) / 2 ** 32
  );
}

/** The cost a member adds by being in the trio. */
export function trioMemberCost(m: CostModel, i: number): number {
  return PAIRING_WEIGHTS.trioAgain * m.oddLast[i]! + PAIRING_WEIGHTS.trioBefore * m.oddBefore[i]!;
}

/** The cost of a group of two or three: each pair in it, plus the trio terms of a trio's members. */
export function groupCost(m: CostModel, group: readonly number[]): number {
  const [a, b, c] = group as [number, number, number?];
  if (c === undefined) return pairCost(m, a, b);
  return pairCost(m, a, b) + pairCost(m, a, c) + pairCost(m, b, c) + trioMemberCost(m, a) + trioMemberCost(m, b) + trioMemberCost(m, c);
}
