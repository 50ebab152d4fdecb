import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as m from '../../../static/js/sim/metrics.js';
import { generateDataset, sweepCurve, sweepMissRates, missCounts, uniformDraw } from '../../../static/js/sim/simulation.js';
import { computePlot, f1AxisLabel, f1Name, missRateLabel, plotCurves, plotsToCsv, thresholdNote } from '../../../static/js/sim/plots.js';
import { DEFAULT_STATE } from '../../../static/js/sim/state.js';

const base = { n: 1000, positiveRate: 0.5, threshold: 0.5, rule: 'sklearn', seed: 7, hitRange: [1, 1], missRange: [0, 0.1] };

function close(a, b, rel = 1e-12) {
  return a === b || Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b));
}

test('draws are uniform-looking in [0, 1) and depend on the seed', () => {
  let sum = 0;
  let min = 1;
  let max = 0;
  for (let i = 0; i < 100000; i++) {
    const u = uniformDraw(3, i);
    sum += u; min = Math.min(min, u); max = Math.max(max, u);
  }
  assert.ok(Math.abs(sum / 100000 - 0.5) < 0.005);
  assert.ok(min >= 0 && min < 1e-4 && max < 1 && max > 1 - 1e-4);
  assert.notEqual(uniformDraw(1, 0), uniformDraw(2, 0));
});

test('balanced classes: F1 = 1 - miss rate at every step', () => {
  for (const missRange of [[0.4, 0.5], [0, 0], [0, 0.5]]) {
    const points = sweepCurve({ ...base, missRange, missRates: sweepMissRates(50) });
    assert.equal(points.length, 51);
    for (const pt of points) assert.ok(close(pt.f1, 1 - pt.missRate, 1e-12), `F1 ${pt.f1} at miss rate ${pt.missRate}`);
  }
});

test('misses are split between FN and FP in proportion to the classes', () => {
  const c = missCounts(1000, 0.2, 0.1);
  assert.deepEqual(c, { positives: 200, negatives: 800, falseNegatives: 20, falsePositives: 80 });
  const [pt] = sweepCurve({ ...base, positiveRate: 0.2, missRates: [0.1] });
  assert.deepEqual([pt.tp, pt.fp, pt.fn, pt.tn], [180, 80, 20, 720]);
});

test('every sweep point equals the metrics of the materialised data set', () => {
  for (const rule of m.LOSS_RULES) {
    for (const threshold of [0.5, 0.3, 0.95]) {
      const params = { ...base, n: 997, positiveRate: 0.37, rule, threshold, hitRange: [0.6, 1], missRange: [0.05, 0.45] };
      const missRates = sweepMissRates(50);
      const points = sweepCurve({ ...params, missRates });
      missRates.forEach((missRate, k) => {
        const { y, p } = generateDataset({ ...params, missRate });
        const counts = m.confusion(y, p, threshold);
        const pt = points[k];
        assert.deepEqual([pt.tp, pt.fp, pt.fn, pt.tn], [counts.tp, counts.fp, counts.fn, counts.tn]);
        assert.ok(close(pt.f1, m.f1(counts)));
        assert.ok(close(pt.loss, m.logLoss(y, p, rule), 1e-12), `${rule} loss at ${missRate}: ${pt.loss} vs ${m.logLoss(y, p, rule)}`);
      });
    }
  }
});

test('the same seed reproduces, another seed differs', () => {
  const state = { ...DEFAULT_STATE, n: 2000 };
  assert.deepEqual(computePlot('confidence', state), computePlot('confidence', state));
  const other = computePlot('confidence', { ...state, seed: 2 });
  assert.notDeepEqual(other, computePlot('confidence', state));
});

test('hits [1,1] and misses at p = 0 give the closed-form loss', () => {
  const clippedMiss = { sklearn: -Math.log(m.SKLEARN_EPS), keras: -Math.log(m.KERAS_EPS), pytorch: 100, none: Infinity };
  const clippedHit = { sklearn: -Math.log(1 - m.SKLEARN_EPS), keras: -Math.log(1 - m.KERAS_EPS), pytorch: 0, none: 0 };
  for (const rule of m.LOSS_RULES) {
    const points = sweepCurve({ ...base, rule, missRange: [0, 0], missRates: sweepMissRates(50) });
    for (const pt of points) {
      const expected = pt.missRate === 0 ? clippedHit[rule] : pt.missRate * clippedMiss[rule] + (1 - pt.missRate) * clippedHit[rule];
      assert.ok(close(pt.loss, expected, 1e-6), `${rule} at ${pt.missRate}: ${pt.loss} vs ${expected}`);
    }
  }
});

test('essay numbers: 8% certain misses give F1 0.92 and sklearn loss 2.88', () => {
  const points = sweepCurve({ ...base, missRange: [0, 0], missRates: [0.08] });
  assert.ok(close(points[0].f1, 0.92));
  assert.ok(close(points[0].loss, 0.08 * 36.04365338911715 + 0.92 * 2.220446049250313e-16, 1e-9));
});

test('confident misses cost more than less confident ones; hit confidence matters little', () => {
  const missPlot = computePlot('miss-ranges', DEFAULT_STATE);
  const at = (curve, rate) => curve.points.find((pt) => Math.abs(pt.missRate - rate) < 1e-12);
  const losses = missPlot.map((c) => at(c, 0.08).loss);
  for (let i = 1; i < losses.length; i++) assert.ok(losses[i] > losses[i - 1], `curve ${i} should lose more`);
  const hitPlot = computePlot('confidence', DEFAULT_STATE);
  const spread = Math.max(...hitPlot.map((c) => at(c, 0.08).loss)) - Math.min(...hitPlot.map((c) => at(c, 0.08).loss));
  assert.ok(spread < 0.5 && losses.at(-1) - losses[0] > 2);
});

test('plots follow the state and export as CSV', () => {
  assert.equal(plotCurves('miss-ranges', DEFAULT_STATE).length, 6);
  assert.deepEqual(plotCurves('confidence', DEFAULT_STATE).map((c) => c.hitRange), [[0.5, 1], [0.6, 1], [0.7, 1], [0.8, 1], [0.9, 1], [1, 1]]);
  const csv = plotsToCsv({ 'miss-ranges': computePlot('miss-ranges', { ...DEFAULT_STATE, n: 100 }) }, 'sklearn');
  const lines = csv.trim().split('\n');
  assert.equal(lines.length, 1 + 6 * 51);
  assert.equal(lines[0], 'plot,curve,miss_rate,tp,fp,fn,tn,precision,recall,f1,cross_entropy,loss_rule');
});

test('progress is reported and ends at 1', () => {
  const seen = [];
  computePlot('miss-ranges', { ...DEFAULT_STATE, n: 300000 }, (f) => seen.push(f));
  assert.ok(seen.length > 10);
  for (let i = 1; i < seen.length; i++) assert.ok(seen[i] >= seen[i - 1]);
  assert.ok(seen.at(-1) <= 1 && seen.at(-1) > 0.9);
});

// Hits and misses are defined at 0.5 whatever the threshold; the threshold re-scores them.
test('at threshold 0.5 every miss is an error and every hit correct, even for ranges touching 0.5', () => {
  for (const [hitRange, missRange] of [[[0.5, 1], [0.4, 0.5]], [[0.5, 0.5000001], [0.4999999, 0.5]], [[1, 1], [0, 0]], [[0.75, 0.75], [0.25, 0.25]]]) {
    for (const positiveRate of [0.5, 0.23]) {
      const missRates = sweepMissRates(50);
      const points = sweepCurve({ ...base, n: 2000, positiveRate, hitRange, missRange, missRates });
      points.forEach((pt, k) => {
        const c = missCounts(2000, positiveRate, missRates[k]);
        assert.equal(pt.fn, c.falseNegatives, `fn for hits ${hitRange}, misses ${missRange} at ${missRates[k]}`);
        assert.equal(pt.fp, c.falsePositives, `fp for hits ${hitRange}, misses ${missRange} at ${missRates[k]}`);
      });
      assert.equal(points[0].f1, 1);
    }
  }
});

test('another threshold re-scores the same predictions: loss unchanged, counts differ', () => {
  const params = { ...base, hitRange: [0.5, 1], missRange: [0, 0.5], missRates: sweepMissRates(50) };
  const atHalf = sweepCurve({ ...params, threshold: 0.5 });
  const atHigh = sweepCurve({ ...params, threshold: 0.9 });
  atHalf.forEach((pt, k) => assert.equal(atHigh[k].loss, pt.loss));
  assert.equal(atHalf[0].f1, 1);
  assert.ok(atHigh[0].f1 < 0.5, `F1 at threshold 0.9 and miss rate 0: ${atHigh[0].f1}`);
});

test('plots refuse a state with a hit or miss exactly at 0.5', () => {
  assert.throws(() => plotCurves('confidence', { ...DEFAULT_STATE, hitRanges: '0.5' }), /above 0.5/);
  assert.throws(() => plotCurves('miss-ranges', { ...DEFAULT_STATE, missRanges: '0.5' }), /below 0.5/);
  assert.throws(() => plotCurves('confidence', { ...DEFAULT_STATE, missRange: '0.5' }), /below 0.5/);
  assert.throws(() => plotCurves('miss-ranges', { ...DEFAULT_STATE, hitRange: '0.5' }), /above 0.5/);
});

test('labels say when the threshold is not 0.5', () => {
  assert.equal(f1AxisLabel(0.5), 'F1-Score');
  assert.equal(f1Name(0.5), 'F1');
  assert.equal(missRateLabel(0.5), 'miss rate');
  assert.equal(thresholdNote(0.5), 'threshold 0.5');
  assert.equal(f1AxisLabel(0.9), 'F1-Score at threshold 0.9');
  assert.equal(f1Name(0.9), 'F1 at threshold 0.9');
  assert.match(missRateLabel(0.9), /misses defined at 0.5/);
  assert.match(thresholdNote(0.9), /^threshold 0.9, which re-scores predictions whose hits and misses are defined at 0.5$/);
});
