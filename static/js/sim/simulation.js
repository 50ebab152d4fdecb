// Seeded simulation of a binary classifier whose hits and misses land in given
// probability ranges, and the sweep of (F1, cross-entropy) over the miss rate.
//
// Data model, for N samples and a miss rate r:
//   samples 0..nPos-1 are positives, the rest negatives;
//   nMiss = round(N r) misses, split between false negatives and false
//   positives in proportion to the classes; the first nFN positives and the
//   first nFP negatives are the misses.
//   Each sample i has one uniform draw u_i; the probability it gives its true
//   class is q = lo + u_i (hi - lo) from the miss range [lo, hi) for a miss,
//   q = hi - u_i (hi - lo) from the hit range (lo, hi] for a hit; p = q for a
//   positive, 1 - q for a negative.
// Draws are counter-based (sample i's draw does not depend on the others), so
// every step of a sweep is exactly the data set generateDataset() would build
// for that miss rate, and a sweep needs no per-sample arrays.

import { sampleLogLoss, predictsPositive, precision, recall, f1 } from './metrics.js';

const GOLDEN_GAMMA = 0x9e3779b9;

/** Uniform draw in [0, 1) for sample `index` under `seed` (SplitMix32-style hash). */
export function uniformDraw(seed, index) {
  let z = (Math.imul(index + 1, GOLDEN_GAMMA) + Math.imul(seed | 0, 0x632be5ab)) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  z ^= z >>> 16;
  return (z >>> 0) / 4294967296;
}

/** Sample counts per class and per kind of miss for one miss rate. */
export function missCounts(n, positiveRate, missRate) {
  const positives = Math.round(n * positiveRate);
  const negatives = n - positives;
  const misses = Math.round(n * missRate);
  const falseNegatives = Math.min(positives, Math.round((misses * positives) / n));
  const falsePositives = Math.min(negatives, misses - falseNegatives);
  return { positives, negatives, falseNegatives, falsePositives };
}

function trueClassProbability(u, isMiss, hitRange, missRange) {
  if (isMiss) return missRange[0] + u * (missRange[1] - missRange[0]);
  return hitRange[1] - u * (hitRange[1] - hitRange[0]);
}

/** Materialises the data set for one miss rate: {y: Uint8Array, p: Float64Array}. */
export function generateDataset({ n, positiveRate, missRate, hitRange, missRange, seed }) {
  const { positives, falseNegatives, falsePositives } = missCounts(n, positiveRate, missRate);
  const y = new Uint8Array(n);
  const p = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const positive = i < positives;
    const isMiss = positive ? i < falseNegatives : i - positives < falsePositives;
    const q = trueClassProbability(uniformDraw(seed, i), isMiss, hitRange, missRange);
    y[i] = positive ? 1 : 0;
    p[i] = positive ? q : 1 - q;
  }
  return { y, p };
}

/** Miss rates of a sweep: steps + 1 evenly spaced values from 0 to maxMissRate. */
export function sweepMissRates(steps, maxMissRate = 0.5) {
  return Array.from({ length: steps + 1 }, (_, k) => (k * maxMissRate) / steps);
}

const PROGRESS_EVERY = 1 << 16;

/**
 * Sums, over samples of one class taking one role (hit or miss), the loss and
 * the number predicted positive, for the index ranges [0, b) (prefix) or
 * [b, count) (suffix) of every boundary b, in a single pass.
 */
function rangeTotals({ first, count, boundaries, suffix, role, label, params, tick }) {
  const { seed, hitRange, missRange, threshold, rule } = params;
  const isMiss = role === 'miss';
  const order = boundaries.map((b, k) => k).sort((a, b) => boundaries[a] - boundaries[b]);
  if (suffix) order.reverse();
  const loss = new Float64Array(boundaries.length);
  const predictedPositive = new Float64Array(boundaries.length);
  let lossSum = 0;
  let positiveCount = 0;
  let next = 0;
  const visit = (j) => {
    const q = trueClassProbability(uniformDraw(seed, first + j), isMiss, hitRange, missRange);
    const p = label === 1 ? q : 1 - q;
    lossSum += sampleLogLoss(label, p, rule);
    if (predictsPositive(p, threshold)) positiveCount++;
    if ((j & (PROGRESS_EVERY - 1)) === 0) tick(PROGRESS_EVERY);
  };
  const record = (k) => { loss[k] = lossSum; predictedPositive[k] = positiveCount; };
  if (!suffix) {
    for (let j = 0; j <= count; j++) {
      while (next < order.length && boundaries[order[next]] === j) record(order[next++]);
      if (j < count) visit(j);
    }
  } else {
    for (let j = count; j >= 0; j--) {
      while (next < order.length && boundaries[order[next]] === j) record(order[next++]);
      if (j > 0) visit(j - 1);
    }
  }
  return { loss, predictedPositive };
}

/**
 * One curve of a sweep: for each miss rate, confusion counts, precision,
 * recall, F1 and mean cross-entropy. O(N) time, O(steps) memory.
 * params: {n, positiveRate, hitRange, missRange, threshold, rule, seed, missRates}
 */
export function sweepCurve(params, onProgress = () => {}) {
  const { n, positiveRate, missRates } = params;
  const perRate = missRates.map((r) => missCounts(n, positiveRate, r));
  const { positives, negatives } = perRate[0];
  let done = 0;
  const total = 2 * n;
  const tick = (k) => { done += k; onProgress(Math.min(1, done / total)); };

  const fnBoundaries = perRate.map((c) => c.falseNegatives);
  const fpBoundaries = perRate.map((c) => c.falsePositives);
  const positiveMisses = rangeTotals({ first: 0, count: positives, boundaries: fnBoundaries, suffix: false, role: 'miss', label: 1, params, tick });
  const positiveHits = rangeTotals({ first: 0, count: positives, boundaries: fnBoundaries, suffix: true, role: 'hit', label: 1, params, tick });
  const negativeMisses = rangeTotals({ first: positives, count: negatives, boundaries: fpBoundaries, suffix: false, role: 'miss', label: 0, params, tick });
  const negativeHits = rangeTotals({ first: positives, count: negatives, boundaries: fpBoundaries, suffix: true, role: 'hit', label: 0, params, tick });

  return missRates.map((missRate, k) => {
    const tp = positiveMisses.predictedPositive[k] + positiveHits.predictedPositive[k];
    const fp = negativeMisses.predictedPositive[k] + negativeHits.predictedPositive[k];
    const counts = { tp, fp, fn: positives - tp, tn: negatives - fp };
    const lossSum = positiveMisses.loss[k] + positiveHits.loss[k] + negativeMisses.loss[k] + negativeHits.loss[k];
    return {
      missRate,
      ...counts,
      precision: precision(counts),
      recall: recall(counts),
      f1: f1(counts),
      loss: lossSum / n,
    };
  });
}

/**
 * Runs every curve of a plot. curves: [{hitRange, missRange, ...}];
 * shared: {n, positiveRate, threshold, rule, seed, steps, maxMissRate}.
 */
export function sweepPlot(shared, curves, onProgress = () => {}) {
  const missRates = sweepMissRates(shared.steps, shared.maxMissRate);
  return curves.map((curve, c) => ({
    ...curve,
    points: sweepCurve({ ...shared, ...curve, missRates }, (f) => onProgress((c + f) / curves.length)),
  }));
}
