// Small numerical tools for recomputing the statistics questions' worked numbers.

/** Standard normal density. */
export const phi = (x: number) => Math.exp(-(x * x) / 2) / Math.sqrt(2 * Math.PI);

/** Standard normal cumulative distribution, from the complementary error function (Numerical Recipes' erfcc, relative error < 1.2e-7). */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const tail =
    (t *
      Math.exp(
        -z * z -
          1.26551223 +
          t *
            (1.00002368 +
              t *
                (0.37409196 +
                  t *
                    (0.09678418 +
                      t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
      )) /
    2;
  return x >= 0 ? 1 - tail : tail;
}

/** Two-sided p-value of a z statistic. */
export const twoSidedP = (z: number) => 2 * (1 - normalCdf(Math.abs(z)));

/** Standard normal quantile by bisection. */
export function normalQuantile(p: number): number {
  let [lo, hi] = [-10, 10];
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (normalCdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Root of an increasing function on [lo, hi] by bisection. */
export function solveIncreasing(f: (x: number) => number, target: number, lo: number, hi: number, rounds = 60): number {
  for (let i = 0; i < rounds; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Chance that a sum of standard normal increments leaves (-bound(k), bound(k)) at one of looks k = 1..looks,
 * by propagating the density (trapezoid rule) of the paths still inside on a grid (Armitage, McPherson and Rowe's recursion).
 */
export function crossingProbability(looks: number, bound: (k: number) => number, step = 0.01): number {
  const half = (k: number) => Math.floor(bound(k) / step);
  const widest = Math.max(...Array.from({ length: looks }, (_, i) => half(i + 1)));
  const kernel = Array.from({ length: 2 * widest + 1 }, (_, d) => phi((d - widest) * step));
  const weight = (i: number, length: number) => (i === 0 || i === length - 1 ? 0.5 : 1);
  let density = Array.from({ length: 2 * half(1) + 1 }, (_, i) => phi((i - half(1)) * step));
  for (let k = 2; k <= looks; k++) {
    const [from, to] = [half(k - 1), half(k)];
    density = Array.from({ length: 2 * to + 1 }, (_, j) => {
      let sum = 0;
      for (let i = 0; i < density.length; i++)
        sum += weight(i, density.length) * (density[i] ?? 0) * (kernel[j - to - (i - from) + widest] ?? 0);
      return sum * step;
    });
  }
  return 1 - density.reduce((a, b, i) => a + weight(i, density.length) * b, 0) * step;
}

/** A seeded uniform generator on [0, 1) (mulberry32), so simulations give the same numbers on every run. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw by the Box-Muller transform. */
export const gaussian = (uniform: () => number) => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());

/** ROC AUC of scores against 0/1 labels from average ranks, ties counting one half. */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => (scores[a] ?? 0) - (scores[b] ?? 0));
  let positives = 0;
  let rankSum = 0;
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && scores[order[end + 1] ?? 0] === scores[order[start] ?? 0]) end++;
    const rank = (start + end) / 2 + 1;
    for (let i = start; i <= end; i++) if (labels[order[i] ?? 0] === 1) positives++, (rankSum += rank);
    start = end + 1;
  }
  const negatives = scores.length - positives;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
