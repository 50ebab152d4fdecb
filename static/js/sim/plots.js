// The essay's two plots as functions of the simulation state: which curves each
// has, their labels and colours. Shared by the page, the worker and the static
// figure generator so that all three show the same thing.

import { parseRanges } from './state.js';
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
    const [hitRange] = parseRanges(state.hitRange, { lo: 0.5, hi: 1, many: false });
    return parseRanges(state.missRanges, { lo: 0, hi: 0.5 }).map((missRange, i) => ({
      hitRange,
      missRange,
      label: `misses p ${rangeLabel(missRange, 'miss')}`,
      color: SERIES_COLORS[i % SERIES_COLORS.length],
    }));
  }
  if (plotName === 'confidence') {
    const [missRange] = parseRanges(state.missRange, { lo: 0, hi: 0.5, many: false });
    return parseRanges(state.hitRanges, { lo: 0.5, hi: 1 }).map((hitRange, i) => ({
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
    ? `hits p ${rangeLabel(parseRanges(state.hitRange, { many: false })[0], 'hit')}`
    : `misses p ${rangeLabel(parseRanges(state.missRange, { many: false })[0], 'miss')}`;
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
