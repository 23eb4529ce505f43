import { gaussian, rocAuc, seeded } from './sweep-a-maths.ts';

// The two simulations the features questions quote, rebuilt from the setups their text states.

/** Training, test, out-of-fold and smoothed (m = 10) AUCs of a target-encoded noise column, averaged over seeds. */
export function targetEncodingNoise(seeds: number[]) {
  const totals = { inSample: 0, test: 0, outOfFold: 0, smoothed: 0 };
  for (const seed of seeds) {
    const uniform = seeded(seed);
    const [levels, rows, folds] = [5000, 15_000, 5];
    const draw = () => {
      const category = Array.from({ length: rows }, () => Math.floor(uniform() * levels));
      const label = category.map(() => (uniform() < 0.2 ? 1 : 0));
      return { category, label };
    };
    const train = draw();
    const test = draw();
    const fold = train.category.map(() => Math.floor(uniform() * folds));
    const encoder = (keep: (i: number) => boolean, m: number) => {
      const [sum, count] = [new Float64Array(levels), new Float64Array(levels)];
      let [all, n] = [0, 0];
      train.category.forEach((c, i) => {
        if (!keep(i)) return;
        sum[c] = (sum[c] ?? 0) + (train.label[i] ?? 0);
        count[c] = (count[c] ?? 0) + 1;
        all += train.label[i] ?? 0;
        n++;
      });
      const prior = all / n;
      return (c: number) => {
        const seen = count[c] ?? 0;
        return seen + m === 0 ? prior : ((sum[c] ?? 0) + m * prior) / (seen + m);
      };
    };
    const full = encoder(() => true, 0);
    const smooth = encoder(() => true, 10);
    const perFold = Array.from({ length: folds }, (_, f) => encoder((i) => fold[i] !== f, 0));
    totals.inSample += rocAuc(train.category.map(full), train.label);
    totals.test += rocAuc(test.category.map(full), test.label);
    totals.outOfFold += rocAuc(
      train.category.map((c, i) => perFold[fold[i] ?? 0]?.(c) ?? 0),
      train.label,
    );
    totals.smoothed += rocAuc(train.category.map(smooth), train.label);
  }
  const n = seeds.length;
  return { inSample: totals.inSample / n, test: totals.test / n, outOfFold: totals.outOfFold / n, smoothed: totals.smoothed / n };
}

/**
 * 5-fold cross-validated accuracy of a nearest-centroid classifier on pure noise (100 rows, 10,000 features, balanced
 * random labels) after keeping the 20 features most correlated with the label: chosen on all rows, or inside each fold.
 */
export function selectionOnNoise(seeds: number[]) {
  const [rows, features, keep, folds] = [100, 10_000, 20, 5];
  let [outside, inside] = [0, 0];
  for (const seed of seeds) {
    const uniform = seeded(seed);
    const x = Array.from({ length: features }, () => Float64Array.from({ length: rows }, () => gaussian(uniform)));
    const order = Array.from({ length: rows }, (_, i) => i);
    for (let i = rows - 1; i > 0; i--) {
      const j = Math.floor(uniform() * (i + 1));
      [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
    }
    const label = new Array<number>(rows);
    order.forEach((row, i) => {
      label[row] = i < rows / 2 ? 1 : 0;
    });
    const best = (train: number[]) => {
      const mean = train.reduce((a, r) => a + (label[r] ?? 0), 0) / train.length;
      const score = x.map((column) => {
        const m = train.reduce((a, r) => a + (column[r] ?? 0), 0) / train.length;
        let [xy, xx] = [0, 0];
        for (const r of train) {
          const d = (column[r] ?? 0) - m;
          xy += d * ((label[r] ?? 0) - mean);
          xx += d * d;
        }
        return Math.abs(xy) / Math.sqrt(xx);
      });
      return Array.from(score.keys())
        .sort((a, b) => (score[b] ?? 0) - (score[a] ?? 0))
        .slice(0, keep);
    };
    const all = Array.from({ length: rows }, (_, i) => i);
    const chosenOnAll = best(all);
    for (const selectInside of [false, true]) {
      let correct = 0;
      for (let f = 0; f < folds; f++) {
        const held = order.filter((_, i) => i % folds === f);
        const train = all.filter((r) => !held.includes(r));
        const chosen = selectInside ? best(train) : chosenOnAll;
        const centroid = (cls: number) => {
          const members = train.filter((r) => label[r] === cls);
          return chosen.map((c) => members.reduce((a, r) => a + (x[c]?.[r] ?? 0), 0) / members.length);
        };
        const [c0, c1] = [centroid(0), centroid(1)];
        for (const r of held) {
          const distance = (centre: number[]) => chosen.reduce((a, c, k) => a + ((x[c]?.[r] ?? 0) - (centre[k] ?? 0)) ** 2, 0);
          if ((distance(c1) < distance(c0) ? 1 : 0) === label[r]) correct++;
        }
      }
      if (selectInside) inside += correct / rows;
      else outside += correct / rows;
    }
  }
  return { outside: outside / seeds.length, inside: inside / seeds.length };
}
