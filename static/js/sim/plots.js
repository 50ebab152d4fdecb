// The essay's two plots as functions of the simulation state: which curves each
// has, their labels and colours. Shared by the page, the worker and the static
// figure generator so that all three show the same thing.

import { HIT_MISS_BOUNDARY, parseRanges } from './state.js';
import { sweepPlot } from './simulation.js';
import { LOSS_RULES } from './metrics.js';

export const PLOT_NAMES = Object.freeze(['miss-ranges', 'confidence']);

export const PLOT_TITLES = Object.freeze({
  'miss-ranges': 'F1-Score and Cross Entropy with varying Miss Ranges',
  confidence: 'F1-Score and Cross Entropy with varying Confidence',
});

// Colour-blind-safe (Okabe–Ito), darkened where needed for contrast on white.
export const SERIES_COLORS = Object.freeze([
  '#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#000000',
  '#56b4e9', '#8c6d00', '#6a3d9a', '#b15928', '#1b7837', '#666666',
]);

export const RULE_SHORT_LABELS = Object.freeze({
  sklearn: 'sklearn clip 2.2e-16',
  keras: 'Keras clip 1e-7',
  pytorch: 'PyTorch log ≥ −100',
  none: 'exact',
});

/** "[0.4, 0.5)" for a miss range, "(0.5, 1]" for a hit range, "= 0" for a point. */
export function rangeLabel([lo, hi], kind) {
  if (lo === hi) return `= ${lo}`;
  return kind === 'miss' ? `∈ [${lo}, ${hi})` : `∈ (${lo}, ${hi}]`;
}

/** Curves of one plot: [{hitRange, missRange, label, color}]. */
export function plotCurves(plotName, state) {
  if (plotName === 'miss-ranges') {
    const [hitRange] = parseRanges(state.hitRange, { side: 'hit', many: false });
    return parseRanges(state.missRanges, { side: 'miss' }).map((missRange, i) => ({
      hitRange,
      missRange,
      label: `misses p ${rangeLabel(missRange, 'miss')}`,
      color: SERIES_COLORS[i % SERIES_COLORS.length],
    }));
  }
  if (plotName === 'confidence') {
    const [missRange] = parseRanges(state.missRange, { side: 'miss', many: false });
    return parseRanges(state.hitRanges, { side: 'hit' }).map((hitRange, i) => ({
      hitRange,
      missRange,
      label: `hits p ${rangeLabel(hitRange, 'hit')}`,
      color: SERIES_COLORS[i % SERIES_COLORS.length],
    }));
  }
  throw new RangeError(`unknown plot: ${plotName}`);
}

/** What the other curves of a plot hold fixed, for the caption. */
export function plotFixedNote(plotName, state) {
  return plotName === 'miss-ranges'
    ? `hits p ${rangeLabel(parseRanges(state.hitRange, { side: 'hit', many: false })[0], 'hit')}`
    : `misses p ${rangeLabel(parseRanges(state.missRange, { side: 'miss', many: false })[0], 'miss')}`;
}

// Hits and misses are defined at 0.5 (see state.js); the threshold only decides
// how those same predictions are counted. These labels say so whenever the
// threshold is not 0.5, so that "miss rate 0" next to an F1 below 1 is explained.

/** The x axis: "F1-Score", or "F1-Score at threshold 0.9". */
export function f1AxisLabel(threshold) {
  return threshold === HIT_MISS_BOUNDARY ? 'F1-Score' : `F1-Score at threshold ${threshold}`;
}

/** The metric's short name: "F1", or "F1 at threshold 0.9". */
export function f1Name(threshold) {
  return threshold === HIT_MISS_BOUNDARY ? 'F1' : `F1 at threshold ${threshold}`;
}

/** What the sweep varies: "miss rate", or "miss rate (misses defined at 0.5)". */
export function missRateLabel(threshold) {
  return threshold === HIT_MISS_BOUNDARY ? 'miss rate' : `miss rate (misses defined at ${HIT_MISS_BOUNDARY})`;
}

/** The threshold for captions: "threshold 0.5", or with a note that it re-scores. */
export function thresholdNote(threshold) {
  return threshold === HIT_MISS_BOUNDARY ? `threshold ${threshold}`
    : `threshold ${threshold}, which re-scores predictions whose hits and misses are defined at ${HIT_MISS_BOUNDARY}`;
}

export function lossAxisLabel(rule) {
  if (!LOSS_RULES.includes(rule)) throw new RangeError(`unknown loss rule: ${rule}`);
  return `cross-entropy (nats, ${rule})`;
}

/** Computes one plot for a state: [{label, color, hitRange, missRange, points}]. */
export function computePlot(plotName, state, onProgress) {
  const shared = {
    n: state.n,
    positiveRate: state.positiveRate,
    threshold: state.threshold,
    rule: state.rule,
    seed: state.seed,
    steps: state.steps,
    maxMissRate: 0.5,
  };
  return sweepPlot(shared, plotCurves(plotName, state), onProgress);
}

const CSV_COLUMNS = ['plot', 'curve', 'miss_rate', 'tp', 'fp', 'fn', 'tn', 'precision', 'recall', 'f1', 'cross_entropy', 'loss_rule'];

/** All points of computed plots as CSV (full precision). plots: {name: curves}. */
export function plotsToCsv(plots, rule) {
  const lines = [CSV_COLUMNS.join(',')];
  for (const [name, curves] of Object.entries(plots)) {
    for (const curve of curves) {
      const label = `"${curve.label.replace(/"/g, '""')}"`;
      for (const pt of curve.points) {
        lines.push([name, label, pt.missRate, pt.tp, pt.fp, pt.fn, pt.tn, pt.precision, pt.recall, pt.f1, pt.loss, rule].join(','));
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
