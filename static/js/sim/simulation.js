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

import { sampleLossFunction, predictsPositive, precision, recall, f1 } from './metrics.js';

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

/**
 * q = base + u * slope maps a draw u in [0, 1) to the true-class probability:
 * onto [lo, hi) for a miss, onto (lo, hi] for a hit (so a hit never sits at 0.5).
 */
function drawMapping(isMiss, hitRange, missRange) {
  const [lo, hi] = isMiss ? missRange : hitRange;
  return isMiss ? { base: lo, slope: hi - lo } : { base: hi, slope: lo - hi };
}

/** Materialises the data set for one miss rate: {y: Uint8Array, p: Float64Array}. */
export function generateDataset({ n, positiveRate, missRate, hitRange, missRange, seed }) {
  const { positives, falseNegatives, falsePositives } = missCounts(n, positiveRate, missRate);
  const miss = drawMapping(true, hitRange, missRange);
  const hit = drawMapping(false, hitRange, missRange);
  const y = new Uint8Array(n);
  const p = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const positive = i < positives;
    const isMiss = positive ? i < falseNegatives : i - positives < falsePositives;
    const { base, slope } = isMiss ? miss : hit;
    const q = base + uniformDraw(seed, i) * slope;
    y[i] = positive ? 1 : 0;
    p[i] = positive ? q : 1 - q;
  }
  return { y, p };
}

/** Miss rates of a sweep: steps + 1 evenly spaced values from 0 to maxMissRate. */
export function sweepMissRates(steps, maxMissRate = 0.5) {
  return Array.from({ length: steps + 1 }, (_, k) => (k * maxMissRate) / steps);
}

const PROGRESS_CHUNK = 1 << 16;

/**
 * Sums, over samples of one class taking one role (hit or miss), the loss and
 * the number predicted positive over the index range [0, b) (prefix) or
 * [b, count) (suffix), for every boundary b, in a single pass.
 */
function rangeTotals({ first, count, boundaries, suffix, isMiss, label, params, tick }) {
  const { seed, hitRange, missRange, threshold, rule } = params;
  const { base, slope } = drawMapping(isMiss, hitRange, missRange);
  const sampleLoss = sampleLossFunction(rule);
  // Visit boundaries in the order the pass meets them.
  const order = boundaries.map((b, k) => k).sort((a, b) => (suffix ? boundaries[b] - boundaries[a] : boundaries[a] - boundaries[b]));
  const loss = new Float64Array(boundaries.length);
  const predictedPositive = new Float64Array(boundaries.length);
  let lossSum = 0;
  let positiveCount = 0;
  let next = 0;
  const recordAt = (position) => {
    while (next < order.length && boundaries[order[next]] === position) {
      loss[order[next]] = lossSum;
      predictedPositive[order[next]] = positiveCount;
      next++;
    }
  };
  const step = suffix ? -1 : 1;
  const positive = label === 1;
  let j = suffix ? count - 1 : 0;
  let nextPosition = next < order.length ? boundaries[order[next]] : -1;
  for (let visited = 0; visited < count;) {
    const chunkStart = visited;
    const chunkEnd = Math.min(count, visited + PROGRESS_CHUNK);
    for (; visited < chunkEnd; visited++, j += step) {
      if ((suffix ? j + 1 : j) === nextPosition) {
        recordAt(nextPosition);
        nextPosition = next < order.length ? boundaries[order[next]] : -1;
      }
      const q = base + uniformDraw(seed, first + j) * slope;
      const p = positive ? q : 1 - q;
      lossSum += sampleLoss(label, p);
      if (predictsPositive(p, threshold)) positiveCount++;
    }
    tick(chunkEnd - chunkStart);
  }
  recordAt(suffix ? 0 : count);
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
  const positiveMisses = rangeTotals({ first: 0, count: positives, boundaries: fnBoundaries, suffix: false, isMiss: true, label: 1, params, tick });
  const positiveHits = rangeTotals({ first: 0, count: positives, boundaries: fnBoundaries, suffix: true, isMiss: false, label: 1, params, tick });
  const negativeMisses = rangeTotals({ first: positives, count: negatives, boundaries: fpBoundaries, suffix: false, isMiss: true, label: 0, params, tick });
  const negativeHits = rangeTotals({ first: positives, count: negatives, boundaries: fpBoundaries, suffix: true, isMiss: false, label: 0, params, tick });

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
