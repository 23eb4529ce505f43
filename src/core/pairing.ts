import { buildCostModel, type CostModel, hashText, metBefore } from './pairing-cost.ts';
import { EXACT_LIMIT, exactGroups, heuristicGroups } from './pairing-search.ts';
import type { Level } from './types.ts';

/** A member opted in to a channel's pairs. */
export interface PairMember {
  id: string;
  /** IANA zone, e.g. Europe/London; an unknown one counts as UTC. */
  timezone: string;
  level: Level;
  /** YYYY-MM-DD: skipped in cycles dated before this day; null when not snoozed. */
  snoozedUntil: string | null;
}

/** One earlier cycle of the channel: its groups in role order, and who sat out. */
export interface PastCycle {
  date: string;
  groups: string[][];
  unmatched: string[];
}

export interface PairingInput {
  /** The cycle's local date, YYYY-MM-DD: UTC offsets and snoozes are taken on this day. */
  date: string;
  members: PairMember[];
  /** Earlier cycles in any order; those dated on or after `date` are ignored, so a re-run gives the same groups. */
  history: PastCycle[];
  /** Varies the tie-breaks; defaults to a hash of the date. */
  seed?: number;
}

/** One interview of a group: the interviewer asks, the candidate answers. */
export interface Turn {
  interviewer: string;
  candidate: string;
}

/** A pair (A interviews B, then B interviews A) or a trio (A interviews B, B interviews C, C interviews A). */
export interface PairGroup {
  members: string[];
  turns: Turn[];
}

export interface Pairing {
  groups: PairGroup[];
  /** The one available member when there is only one. */
  unmatched: string[];
  /** Opted-in members skipped because they are snoozed on the cycle's date, sorted by id. */
  snoozed: string[];
  /** Pairs of group members who had been in a group before. */
  repeats: number;
}

export interface PairingOptions {
  /** Groupings up to this many members are searched exactly; the default is EXACT_LIMIT. */
  exactUpTo?: number;
}

/**
 * Matches one cycle's available members into pairs and, for an odd count, one trio, minimising the cost in
 * pairing-cost.ts: no repeat partner while a new one is available, the trio not given to last cycle's trio, then
 * overlapping hours and close levels. Pure and deterministic for the same input and seed, whatever the order of the
 * members and cycles; a member listed twice counts once.
 */
export function pairMembers(input: PairingInput, options: PairingOptions = {}): Pairing {
  const seen = new Set<string>();
  const available: PairMember[] = [];
  const snoozed: string[] = [];
  for (const member of input.members) {
    if (seen.has(member.id)) continue;
    seen.add(member.id);
    if (member.snoozedUntil !== null && member.snoozedUntil > input.date) snoozed.push(member.id);
    else available.push(member);
  }
  snoozed.sort();
  if (available.length < 2) return { groups: [], unmatched: available.map((m) => m.id), snoozed, repeats: 0 };
  available.sort((a, b) => (a.id < b.id ? -1 : 1));

  const past = input.history.filter((cycle) => cycle.date < input.date).sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const seed = input.seed ?? hashText(input.date, 0);
  const model = buildCostModel(input.date, available, past, seed);
  const groups = available.length <= (options.exactUpTo ?? EXACT_LIMIT) ? exactGroups(model) : heuristicGroups(model);

  // Role order: who was first (the first interviewer) least often goes first; then the seeded hash.
  const ordered = groups
    .map((g) => g.sort((a, b) => model.firsts[a]! - model.firsts[b]! || model.hashes[a]! - model.hashes[b]! || a - b))
    .map((g) => g.map((i) => available[i]!.id))
    .sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
  return {
    groups: ordered.map((members) => ({ members, turns: turnsOf(members) })),
    unmatched: [],
    snoozed,
    repeats: countRepeats(model, groups),
  };
}

/** Each member interviews the next, the last the first: A→B and B→A in a pair, A→B, B→C and C→A in a trio. */
function turnsOf(members: string[]): Turn[] {
  return members.map((interviewer, i) => ({ interviewer, candidate: members[(i + 1) % members.length]! }));
}

function countRepeats(m: CostModel, groups: number[][]): number {
  let count = 0;
  for (const g of groups) for (let x = 0; x < g.length; x++) for (let y = x + 1; y < g.length; y++) if (metBefore(m, g[x]!, g[y]!)) count++;
  return count;
}

/** The history entry to keep for a cycle once its pairing is made. */
export function toPastCycle(date: string, pairing: Pairing): PastCycle {
  return { date, groups: pairing.groups.map((g) => g.members), unmatched: pairing.unmatched };
}
