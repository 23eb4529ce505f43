import { buildCostModel, type CostCycle, type CostModel } from '../../src/core/pairing-cost.ts';

export interface ModelSpec {
  /** Hours east of UTC of each member; 0 for anyone not listed. */
  hours?: number[];
  /** Level index of each member (0 junior, 1 mid, 2 senior); 1 for anyone not listed. */
  levels?: number[];
  /** Earlier cycles, newest first, by member index. */
  history?: { groups: number[][]; unmatched?: number[] }[];
  /** Keep the seeded hashes (and so the jitter); by default every hash is 0, so costs come out exact. */
  jitter?: boolean;
}

/**
 * A cost model of members 0..n-1 (ids m0, m1, ...) with offsets, levels and history set by hand. Without jitter every
 * cost is an exact sum of the tiers, so tests can write it out literally.
 */
export function costModel(n: number, spec: ModelSpec = {}): CostModel {
  const members = Array.from({ length: n }, (_, i) => ({ id: `m${i}`, timezone: 'UTC', level: 'mid' as const }));
  const history: CostCycle[] = (spec.history ?? []).map((c) => ({
    groups: c.groups.map((g) => g.map((i) => `m${i}`)),
    unmatched: (c.unmatched ?? []).map((i) => `m${i}`),
  }));
  const model = buildCostModel('2026-12-07', members, history, 7);
  for (let i = 0; i < n; i++) {
    model.offsets[i] = (spec.hours?.[i] ?? 0) * 60;
    model.levels[i] = spec.levels?.[i] ?? 1;
  }
  if (!spec.jitter) model.hashes.fill(0);
  return model;
}

/** Groups as sorted lists, sorted, to compare without the order inside or between groups. */
export const sorted = (groups: number[][]) =>
  groups.map((g) => [...g].sort((a, b) => a - b)).sort((a, b) => a[0]! - b[0]! || a.length - b.length);
