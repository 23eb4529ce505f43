import { type CostModel, groupCost, pairCost } from './pairing-cost.ts';
import { BAD, improve } from './pairing-improve.ts';
import { findBetterTrio, repairPairs } from './pairing-repair.ts';

/** Up to this many members the grouping is exact (dynamic programming over subsets); above it, the heuristic. */
export const EXACT_LIMIT = 14;
/** How many of the nearest unmatched members (by offset, then level) the greedy compares before picking. */
const WINDOW = 24;
/** How much further the greedy looks when all of the window are repeats. */
const WIDER = 256;
/** Edge checks the blossom repair and the trio search may spend in all (deterministic, not a clock). */
const REPAIR_BUDGET = 50_000_000;

/** The cheapest grouping of members 0..n-1 (n ≥ 2) into pairs and, when n is odd, one trio. */
export function exactGroups(m: CostModel): number[][] {
  const n = m.n;
  const full = (1 << n) - 1;
  const best = new Float64Array(1 << n).fill(-1);
  const choice = new Int32Array(1 << n);
  const solve = (mask: number): number => {
    if (mask === full) return 0;
    if (best[mask]! >= 0) return best[mask]!;
    let i = 0;
    while (mask & (1 << i)) i++;
    const left = n - popcount(mask);
    let bestCost = Number.POSITIVE_INFINITY;
    let bestChoice = 0;
    for (let j = i + 1; j < n; j++) {
      if (mask & (1 << j)) continue;
      if (left !== 3) {
        const cost = pairCost(m, i, j) + solve(mask | (1 << i) | (1 << j));
        if (cost < bestCost) [bestCost, bestChoice] = [cost, j];
      }
      if (left % 2 === 0) continue;
      for (let k = j + 1; k < n; k++) {
        if (mask & (1 << k)) continue;
        const cost = groupCost(m, [i, j, k]) + solve(mask | (1 << i) | (1 << j) | (1 << k));
        if (cost < bestCost) [bestCost, bestChoice] = [cost, j | (k << 8)];
      }
    }
    best[mask] = bestCost;
    choice[mask] = bestChoice;
    return bestCost;
  };
  solve(0);
  const groups: number[][] = [];
  for (let mask = 0; mask !== full; ) {
    let i = 0;
    while (mask & (1 << i)) i++;
    const c = choice[mask]!;
    const group = c >> 8 ? [i, c & 255, c >> 8] : [i, c];
    groups.push(group);
    for (const g of group) mask |= 1 << g;
  }
  return groups;
}

function popcount(x: number): number {
  let v = x;
  let count = 0;
  while (v) {
    v &= v - 1;
    count++;
  }
  return count;
}

/**
 * The heuristic for large channels. 1. Greedy: members sorted by offset, level and hash; each takes the cheapest of
 * the next WINDOW unmatched (WIDER when all of those are repeats); with an odd count the last one joins the pair it
 * costs least in. 2. Local improvement: two groups at a time are regrouped into the cheapest split of the same sizes.
 * 3. If repeats remain among the pairs, Edmonds' blossom algorithm grows the repeat-free pairs to a maximum matching
 * of the new-partner graph (so a repeat-free set of pairs is found whenever one exists), then 2. again. 4. If the
 * trio still holds a repeat or last cycle's trio, trios without repeats are tried, cheapest first, each with step 3
 * for the others (all of them up to 25 members, the local ones above), until one leaves no repeat.
 */
export function heuristicGroups(m: CostModel): number[][] {
  let groups = greedy(m);
  improve(m, groups);
  const budget = { left: REPAIR_BUDGET };
  const trio = () => groups.find((g) => g.length === 3) ?? null;
  if (groups.some((g) => g.length === 2 && groupCost(m, g) >= BAD)) {
    groups = repairPairs(m, groups, trio(), budget).groups;
    improve(m, groups);
  }
  if (trio() && groups.some((g) => groupCost(m, g) >= BAD)) groups = findBetterTrio(m, groups, sortedOrder(m), budget) ?? groups;
  return groups;
}

/** Members sorted by offset, level and hash: neighbours in this order are cheap partners. */
function sortedOrder(m: CostModel): number[] {
  return Array.from({ length: m.n }, (_, i) => i).sort(
    (a, b) => m.offsets[a]! - m.offsets[b]! || m.levels[a]! - m.levels[b]! || m.hashes[a]! - m.hashes[b]! || a - b,
  );
}

function greedy(m: CostModel): number[][] {
  const n = m.n;
  const order = sortedOrder(m);
  const next = new Int32Array(n + 1);
  const prev = new Int32Array(n + 1);
  for (let p = 0; p <= n; p++) {
    next[p] = p + 1;
    prev[p] = p - 1;
  }
  const unlink = (p: number) => {
    if (prev[p]! >= 0) next[prev[p]!] = next[p]!;
    prev[next[p]!] = prev[p]!;
  };
  const groups: number[][] = [];
  let leftover = -1;
  for (let p = 0; p < n; p = next[p]!) {
    unlink(p);
    const i = order[p]!;
    let bestCost = Number.POSITIVE_INFINITY;
    let bestPos = -1;
    let seen = 0;
    for (let q = next[p]!; q < n && (seen < WINDOW || (bestCost >= BAD && seen < WINDOW + WIDER)); q = next[q]!, seen++) {
      const cost = pairCost(m, i, order[q]!);
      if (cost < bestCost) [bestCost, bestPos] = [cost, q];
    }
    if (bestPos < 0) {
      leftover = i;
      break;
    }
    if (next[p] === bestPos) next[p] = next[bestPos]!;
    unlink(bestPos);
    groups.push([i, order[bestPos]!]);
  }
  if (leftover >= 0) joinTrio(m, groups, leftover);
  return groups;
}

/** Puts a leftover member into the pair where it adds the least cost. */
function joinTrio(m: CostModel, groups: number[][], member: number): void {
  let bestAdded = Number.POSITIVE_INFINITY;
  let bestGroup = 0;
  groups.forEach((g, index) => {
    const added = groupCost(m, [...g, member]) - groupCost(m, g);
    if (added < bestAdded) [bestAdded, bestGroup] = [added, index];
  });
  groups[bestGroup]!.push(member);
}
