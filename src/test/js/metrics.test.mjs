import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as m from '../../../static/js/sim/metrics.js';

// The shared reference cases live beside the repository: ../shared/cases from the repo root.
const vectorsPath = fileURLToPath(new URL('../../../../shared/cases/metric-vectors.json', import.meta.url));
const { cases } = JSON.parse(readFileSync(vectorsPath, 'utf8'));

function assertClose(actual, expected, relative, what) {
  const tolerance = relative * Math.max(Math.abs(expected), Number.MIN_VALUE);
  assert.ok(Math.abs(actual - expected) <= tolerance || actual === expected,
    `${what}: got ${actual}, expected ${expected}`);
}

function assertArrayClose(actual, expected, relative, what) {
  assert.equal(actual.length, expected.length, `${what}: length`);
  expected.forEach((e, i) => assertClose(actual[i], e, relative, `${what}[${i}]`));
}

test('reference file has cases', () => assert.ok(cases.length >= 10));

for (const c of cases) {
  test(`reference: ${c.name}`, () => {
    const { y, p, threshold, bins, expect: e } = c;
    const R = 1e-9;
    assertClose(m.logLoss(y, p, 'sklearn'), e.logLoss_sklearn, R, 'logLoss sklearn');
    assertClose(m.logLoss(y, p, 'keras'), e.logLoss_keras, R, 'logLoss keras');
    assertClose(m.logLoss(y, p, 'pytorch'), e.logLoss_pytorch, R, 'logLoss pytorch');
    const counts = m.confusion(y, p, threshold);
    assertClose(m.precision(counts), e.precision, R, 'precision');
    assertClose(m.recall(counts), e.recall, R, 'recall');
    assertClose(m.f1(counts), e.f1, R, 'f1');
    assertClose(m.f1(counts, 1), e.f1_zeroDivision1, R, 'f1 zero_division=1');
    assertClose(m.accuracy(counts), e.accuracy, R, 'accuracy');
    assertClose(m.brier(y, p), e.brier, R, 'brier');
    assertClose(m.ece(y, p, bins), e.ece, R, 'ece');
    if (e.calibration_fraction_of_positives) {
      const curve = m.calibrationCurve(y, p, bins);
      assertArrayClose(curve.fractionOfPositives, e.calibration_fraction_of_positives, R, 'fraction of positives');
      assertArrayClose(curve.meanPredicted, e.calibration_mean_predicted, R, 'mean predicted');
    }
    if (e.temperature !== undefined) {
      const fit = m.fitTemperature(y, p);
      assertClose(fit.temperature, e.temperature, 1e-6, 'temperature');
      assertClose(fit.logLossAfter, e.logLoss_after_temperature, 1e-6, 'log loss after temperature');
    }
  });
}

test('exact rule gives Infinity for a certain miss', () => {
  assert.equal(m.logLoss([1, 0], [0, 0], 'none'), Infinity);
  assert.equal(m.logLoss([1], [0.5], 'none'), Math.LN2);
});

test('unknown rule and length mismatch throw', () => {
  assert.throws(() => m.logLoss([1], [0.5], 'tf'), RangeError);
  assert.throws(() => m.logLoss([1, 0], [0.5], 'sklearn'), RangeError);
});

test('threshold: p equal to the threshold is positive', () => {
  assert.deepEqual(m.confusion([1, 0, 1, 0], [0.7, 0.7, 0.69, 0.2], 0.7), { tp: 1, fp: 1, fn: 1, tn: 1 });
});

test('zeroDivision is used only where a denominator is 0', () => {
  const none = { tp: 0, fp: 0, fn: 0, tn: 5 };
  assert.equal(m.precision(none, 1), 1);
  assert.equal(m.recall(none, 1), 1);
  assert.equal(m.f1(none, 1), 1);
  const noPredicted = { tp: 0, fp: 0, fn: 2, tn: 1 };
  assert.equal(m.precision(noPredicted, 1), 1);
  assert.equal(m.recall(noPredicted, 1), 0);
  assert.equal(m.f1(noPredicted, 1), 0);
  assert.ok(Number.isNaN(m.accuracy({ tp: 0, fp: 0, fn: 0, tn: 0 }, NaN)));
});

test('bins: edges go to the lower bin, 0 to the first, 1 to the last', () => {
  assert.equal(m.binIndex(0, 10), 0);
  assert.equal(m.binIndex(0.1, 10), 0);
  assert.equal(m.binIndex(0.1000001, 10), 1);
  assert.equal(m.binIndex(0.5, 2), 0);
  assert.equal(m.binIndex(1, 10), 9);
  assert.equal(m.binIndex(0.3, 10), 2);
});

test('loss breakdown adds up to the mean log loss', () => {
  const y = [1, 1, 0, 0, 1];
  const p = [0.01, 0.9, 0.95, 0.2, 0.6];
  const b = m.lossBreakdown(y, p, 'sklearn', 0.1);
  assert.equal(b.confidentMisses.count, 2);
  assert.equal(b.rest.count, 3);
  assertClose(b.confidentMisses.meanContribution + b.rest.meanContribution, m.logLoss(y, p), 1e-12, 'sum');
  assertClose(b.confidentMisses.share + b.rest.share, 1, 1e-12, 'shares');
});

test('temperature keeps every prediction on its side of 0.5', () => {
  const y = [1, 0, 1, 1, 0, 0, 1, 0];
  const p = [0.99, 0.02, 0.7, 0.001, 0.999, 0.3, 0.5, 0.45];
  const { temperature } = m.fitTemperature(y, p);
  const scaled = p.map((v) => m.sigmoid(m.logit(v) / temperature));
  assert.deepEqual(m.confusion(y, scaled, 0.5), m.confusion(y, p, 0.5));
  assert.ok(m.logLoss(y, scaled) <= m.logLoss(y, p));
});

test('temperature of an already calibrated model is about 1', () => {
  // p = 0.8 on 10 samples of which 8 are positive: calibrated, T = 1.
  const y = [1, 1, 1, 1, 1, 1, 1, 1, 0, 0];
  const p = Array(10).fill(0.8);
  assertClose(m.fitTemperature(y, p).temperature, 1, 1e-9, 'T');
});
