import { type CostModel, metBefore } from './pairing-cost.ts';

/**
 * Grows `match` (partner index or -1) to a maximum matching of the new-partner graph over the `active` members (an
 * edge joins two members who were never in a group together), with Edmonds' blossom algorithm: one search for an
 * augmenting path per unmatched member, each O(n²) on this implicit graph. Returns false if it stopped at the
 * `budget` of edge checks (the matching is then valid but perhaps not maximum).
 */
export function growNewPartnerMatching(m: CostModel, active: Uint8Array, match: Int32Array, budget: number): boolean {
  const n = m.n;
  const base = new Int32Array(n);
  const parent = new Int32Array(n);
  const outer = new Uint8Array(n);
  const inBlossom = new Uint8Array(n);
  const seen = new Uint8Array(n);
  const queue = new Int32Array(n);
  let work = 0;

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
        if (++work > budget) return -2;
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
