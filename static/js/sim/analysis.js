// "Check your own predictions": every metric of a pasted or uploaded CSV,
// computed locally with metrics.js.

import * as metrics from './metrics.js';
import { parsePredictionsCsv } from './csv.js';
import { generateDataset } from './simulation.js';

/** True-class probability below which a wrong prediction counts as a confident miss. */
export const CONFIDENT_MISS_CUTOFF = 0.1;

/** Scores parsed predictions. */
export function analyseArrays(y, p, { threshold = 0.5, bins = 10 } = {}) {
  const counts = metrics.confusion(y, p, threshold);
  const logLoss = Object.fromEntries(metrics.LOSS_RULES.map((r) => [r, metrics.logLoss(y, p, r)]));
  return {
    rows: y.length,
    counts,
    precision: metrics.precision(counts),
    recall: metrics.recall(counts),
    f1: metrics.f1(counts),
    accuracy: metrics.accuracy(counts),
    logLoss,
    brier: metrics.brier(y, p),
    ece: metrics.ece(y, p, bins),
    calibration: metrics.calibrationCurve(y, p, bins),
    // Per rule: how much of the loss comes from confident misses versus the rest.
    breakdown: Object.fromEntries(metrics.LOSS_RULES.map((r) => [r, metrics.lossBreakdown(y, p, r, CONFIDENT_MISS_CUTOFF)])),
    temperature: metrics.fitTemperature(y, p),
  };
}

/** Parses CSV text and scores it: {parse: {rows, header, errors, errorCount, fatal}, result|null}. */
export function analyseCsv(text, options) {
  const { y, p, ...parse } = parsePredictionsCsv(text);
  return { parse, result: parse.fatal ? null : analyseArrays(y, p, options) };
}

/**
 * An example shaped like the essay's validation set: 8% misses made with near
 * certainty (true-class p below 1e-10), confident hits; F1 = 0.92, loss ≈ 2.
 */
export const EXAMPLE_PARAMS = Object.freeze({
  n: 2000,
  positiveRate: 0.5,
  missRate: 0.08,
  hitRange: [0.95, 1],
  missRange: [0, 1e-10],
  seed: 2017,
});

export function exampleCsv() {
  const { y, p } = generateDataset(EXAMPLE_PARAMS);
  const lines = ['label,probability'];
  for (let i = 0; i < y.length; i++) lines.push(`${y[i]},${p[i]}`);
  return `${lines.join('\n')}\n`;
}
