import { type CostModel, groupCost, PAIRING_WEIGHTS, pairCost } from './pairing-cost.ts';
import { growNewPartnerMatching } from './pairing-repair.ts';

/** Up to this many members the grouping is exact (dynamic programming over subsets); above it, the heuristic. */
export const EXACT_LIMIT = 14;
/** How many of the nearest unmatched members (by offset, then level) the greedy compares before picking. */
const WINDOW = 24;
/** How much further the greedy looks when all of the window are repeats. */
const WIDER = 256;
/** Up to this many groups, every two groups are compared in local improvement; above it, each with its neighbours. */
const ALL_PAIRS_LIMIT = 400;
const NEIGHBOURS = 8;
const MAX_PASSES = 12;
/** Edge checks the blossom repair may spend (deterministic, not a clock). */
const REPAIR_BUDGET = 50_000_000;
/** Past this cost a group holds a repeat or breaks the trio rule; it is then compared with every other group. */
const BAD = PAIRING_WEIGHTS.trioAgain;
const EPS = 1e-9;

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
 * of the new-partner graph (so a repeat-free set of pairs is found whenever one exists), then 2. again.
 */
export function heuristicGroups(m: CostModel): number[][] {
  const groups = greedy(m);
  improve(m, groups);
  if (groups.some((g) => g.length === 2 && groupCost(m, g) >= BAD)) {
    const repaired = repair(m, groups);
    improve(m, repaired);
    return repaired;
  }
  return groups;
}

function greedy(m: CostModel): number[][] {
  const n = m.n;
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => m.offsets[a]! - m.offsets[b]! || m.levels[a]! - m.levels[b]! || m.hashes[a]! - m.hashes[b]! || a - b,
  );
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

/** Splits of five members (indexes 0..4) into a pair and a trio: the pair's two. */
const FIVE_SPLITS: [number, number][] = [];
for (let a = 0; a < 5; a++) for (let b = a + 1; b < 5; b++) FIVE_SPLITS.push([a, b]);

/** Regroups two groups into their cheapest split of the same sizes; true if that lowered the cost. */
function regroup(m: CostModel, groups: number[][], costs: number[], x: number, y: number): boolean {
  const g = groups[x]!;
  const h = groups[y]!;
  const before = costs[x]! + costs[y]!;
  let bestCost = before - EPS;
  let best: [number[], number[]] | null = null;
  if (g.length === 2 && h.length === 2) {
    const [a, b] = g as [number, number];
    const [c, d] = h as [number, number];
    const crossed = pairCost(m, a, c) + pairCost(m, b, d);
    const swapped = pairCost(m, a, d) + pairCost(m, b, c);
    if (crossed < bestCost && crossed <= swapped)
      best = [
        [a, c],
        [b, d],
      ];
    else if (swapped < bestCost)
      best = [
        [a, d],
        [b, c],
      ];
  } else {
    const five = [...g, ...h];
    for (const [s, t] of FIVE_SPLITS) {
      const pair = [five[s]!, five[t]!];
      const trio = five.filter((_, i) => i !== s && i !== t);
      const cost = groupCost(m, pair) + groupCost(m, trio);
      if (cost < bestCost) [bestCost, best] = [cost, g.length === 2 ? [pair, trio] : [trio, pair]];
    }
  }
  if (!best) return false;
  [groups[x], groups[y]] = best;
  costs[x] = groupCost(m, best[0]);
  costs[y] = groupCost(m, best[1]);
  return true;
}

/** Local improvement: passes of regrouping two groups at a time until a pass changes nothing; two flawless groups are left alone. */
function improve(m: CostModel, groups: number[][]): void {
  const costs = groups.map((g) => groupCost(m, g));
  const all = groups.length <= ALL_PAIRS_LIMIT;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let changed = false;
    for (let x = 0; x < groups.length; x++) {
      const wide = all || costs[x]! >= BAD;
      const last = wide ? groups.length : Math.min(groups.length, x + 1 + NEIGHBOURS);
      for (let y = wide ? 0 : x + 1; y < last; y++) {
        if (y === x || (costs[x]! < PAIRING_WEIGHTS.jitter && costs[y]! < PAIRING_WEIGHTS.jitter)) continue;
        if (regroup(m, groups, costs, x, y)) changed = true;
      }
    }
    if (!changed) return;
  }
}

/** Keeps the trio and the repeat-free pairs, grows them to a maximum repeat-free matching, pairs whoever is left. */
function repair(m: CostModel, groups: number[][]): number[][] {
  const active = new Uint8Array(m.n);
  const match = new Int32Array(m.n).fill(-1);
  const kept: number[][] = [];
  for (const g of groups) {
    if (g.length === 3) {
      kept.push(g);
      continue;
    }
    for (const i of g) active[i] = 1;
    if (groupCost(m, g) < BAD) [match[g[0]!], match[g[1]!]] = [g[1]!, g[0]!];
  }
  growNewPartnerMatching(m, active, match, REPAIR_BUDGET);
  const alone: number[] = [];
  for (let i = 0; i < m.n; i++) {
    if (!active[i]) continue;
    if (match[i] === -1) alone.push(i);
    else if (i < match[i]!) kept.push([i, match[i]!]);
  }
  for (let k = 0; k + 1 < alone.length; k += 2) kept.push([alone[k]!, alone[k + 1]!]);
  return kept;
}
