import { type CostModel, groupCost, PAIRING_WEIGHTS, pairCost } from './pairing-cost.ts';

/** Up to this many groups, every two groups are compared; above it, each with its NEIGHBOURS next groups. */
const ALL_PAIRS_LIMIT = 400;
const NEIGHBOURS = 8;
const MAX_PASSES = 12;
/** Past this cost a group holds a repeat or breaks the trio rule; it is then compared with every other group. */
export const BAD = PAIRING_WEIGHTS.trioAgain;
const EPS = 1e-9;

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
export function improve(m: CostModel, groups: number[][]): void {
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
