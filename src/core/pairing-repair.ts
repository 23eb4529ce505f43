import { type CostModel, groupCost, metBefore, pairCost } from './pairing-cost.ts';
import { BAD, improve } from './pairing-improve.ts';

/** Edge checks left to spend, shared by every repair of one pairing. */
export interface Budget {
  left: number;
}

/**
 * Grows `match` (partner index or -1) to a maximum matching of the new-partner graph over the `active` members (an
 * edge joins two members who were never in a group together), with Edmonds' blossom algorithm: one search for an
 * augmenting path per unmatched member, each O(n²) on this implicit graph. Returns false if it ran out of `budget`
 * (the matching is then valid but perhaps not maximum).
 */
export function growNewPartnerMatching(m: CostModel, active: Uint8Array, match: Int32Array, budget: Budget): boolean {
  const n = m.n;
  const base = new Int32Array(n);
  const parent = new Int32Array(n);
  const outer = new Uint8Array(n);
  const inBlossom = new Uint8Array(n);
  const seen = new Uint8Array(n);
  const queue = new Int32Array(n);

  const lca = (x: number, y: number): number => {
    seen.fill(0);
    let a = x;
    let b = y;
    for (;;) {
      a = base[a]!;
      seen[a] = 1;
      if (match[a] === -1) break;
      a = parent[match[a]!]!;
    }
    for (;;) {
      b = base[b]!;
      if (seen[b]) return b;
      b = parent[match[b]!]!;
    }
  };
  const markPath = (from: number, top: number, from2: number) => {
    let v = from;
    let child = from2;
    while (base[v] !== top) {
      inBlossom[base[v]!] = 1;
      inBlossom[base[match[v]!]!] = 1;
      parent[v] = child;
      child = match[v]!;
      v = parent[match[v]!]!;
    }
  };
  /** The end of an augmenting path from root, or -1; parent[] then holds the path. */
  const search = (root: number, order: number[]): number => {
    outer.fill(0);
    parent.fill(-1);
    for (let i = 0; i < n; i++) base[i] = i;
    outer[root] = 1;
    let head = 0;
    let tail = 0;
    queue[tail++] = root;
    while (head < tail) {
      const v = queue[head++]!;
      for (const to of order) {
        if (--budget.left < 0) return -2;
        if (to === v || base[v] === base[to] || match[v] === to || metBefore(m, v, to)) continue;
        if (to === root || (match[to] !== -1 && parent[match[to]!] !== -1)) {
          const top = lca(v, to);
          inBlossom.fill(0);
          markPath(v, top, to);
          markPath(to, top, v);
          for (let i = 0; i < n; i++) {
            if (!inBlossom[base[i]!]) continue;
            base[i] = top;
            if (!outer[i]) {
              outer[i] = 1;
              queue[tail++] = i;
            }
          }
        } else if (parent[to] === -1) {
          parent[to] = v;
          if (match[to] === -1) return to;
          outer[match[to]!] = 1;
          queue[tail++] = match[to]!;
        }
      }
    }
    return -1;
  };

  for (let root = 0; root < n; root++) {
    if (!active[root] || match[root] !== -1) continue;
    const exposedFirst: number[] = [];
    const rest: number[] = [];
    for (let i = 0; i < n; i++) if (active[i]) (match[i] === -1 ? exposedFirst : rest).push(i);
    const end = search(root, exposedFirst.concat(rest));
    if (end === -2) return false;
    for (let v = end; v !== -1; ) {
      const pv = parent[v]!;
      const next = match[pv]!;
      match[v] = pv;
      match[pv] = v;
      v = next;
    }
  }
  return true;
}

/**
 * Pairs everyone outside `trio`: keeps the repeat-free pairs of `groups`, grows them to a maximum repeat-free matching,
 * then pairs whoever is left, each with the cheapest of the rest. `perfect` says whether the pairs are free of repeats.
 */
export function repairPairs(
  m: CostModel,
  groups: number[][],
  trio: number[] | null,
  budget: Budget,
): { groups: number[][]; perfect: boolean } {
  const active = new Uint8Array(m.n).fill(1);
  const match = new Int32Array(m.n).fill(-1);
  for (const i of trio ?? []) active[i] = 0;
  for (const g of groups) {
    if (g.length !== 2 || !active[g[0]!] || !active[g[1]!] || metBefore(m, g[0]!, g[1]!)) continue;
    [match[g[0]!], match[g[1]!]] = [g[1]!, g[0]!];
  }
  growNewPartnerMatching(m, active, match, budget);
  const result: number[][] = trio ? [trio] : [];
  const alone: number[] = [];
  for (let i = 0; i < m.n; i++) {
    if (!active[i]) continue;
    if (match[i] === -1) alone.push(i);
    else if (i < match[i]!) result.push([i, match[i]!]);
  }
  while (alone.length >= 2) {
    const a = alone.shift()!;
    let best = 0;
    for (let k = 1; k < alone.length; k++) if (pairCost(m, a, alone[k]!) < pairCost(m, a, alone[best]!)) best = k;
    result.push([a, alone.splice(best, 1)[0]!]);
  }
  return { groups: result, perfect: result.every((g) => g.length === 3 || !metBefore(m, g[0]!, g[1]!)) };
}

/** Trios without a repeat among members close in `order` (all of them up to 25 members), cheapest first. */
function trioCandidates(m: CostModel, order: number[]): number[][] {
  const span = m.n <= 25 ? m.n : 8;
  const found: { trio: number[]; cost: number }[] = [];
  for (let p = 0; p < order.length; p++)
    for (let q = p + 1; q < Math.min(order.length, p + span); q++)
      for (let r = q + 1; r < Math.min(order.length, p + span); r++) {
        const [a, b, c] = [order[p]!, order[q]!, order[r]!];
        if (metBefore(m, a, b) || metBefore(m, a, c) || metBefore(m, b, c)) continue;
        found.push({ trio: [a, b, c], cost: groupCost(m, [a, b, c]) });
      }
  return found.sort((x, y) => x.cost - y.cost).map((f) => f.trio);
}

/**
 * Tries other trios, cheapest first, each with repeat-free pairs for everyone else, and returns the first grouping
 * that costs less than `groups`, or null. A trio that repeats last cycle's is tried only to remove a repeat.
 */
export function findBetterTrio(m: CostModel, groups: number[][], order: number[], budget: Budget): number[][] | null {
  const total = (gs: number[][]) => gs.reduce((sum, g) => sum + groupCost(m, g), 0);
  const before = total(groups);
  const repeats = groups.some((g) => g.some((a) => g.some((b) => a !== b && metBefore(m, a, b))));
  for (const trio of trioCandidates(m, order)) {
    if (budget.left <= 0 || (!repeats && groupCost(m, trio) >= BAD)) break;
    const { groups: next, perfect } = repairPairs(m, groups, trio, budget);
    if (!perfect) continue;
    improve(m, next);
    if (total(next) < before) return next;
  }
  return null;
}
