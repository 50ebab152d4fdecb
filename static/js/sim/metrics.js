// Binary-classification metrics: plain numbers in, plain numbers out.
// Labels are 0/1; p is the predicted probability of class 1.
// This is the only implementation: the page, the worker, the static-figure
// generator and the tests all import it.

/** Float64 machine epsilon: scikit-learn's default clip for log_loss (>= 1.2). */
export const SKLEARN_EPS = 2.220446049250313e-16;
/** Keras 3 backend.epsilon(). */
export const KERAS_EPS = 1e-7;
/** torch.nn.BCELoss clamps each log term to >= -100. */
export const PYTORCH_LOG_FLOOR = -100;

export const LOSS_RULES = Object.freeze(['sklearn', 'keras', 'pytorch', 'none']);

export const LOSS_RULE_LABELS = Object.freeze({
  sklearn: 'scikit-learn (clip p to [2.2e-16, 1 − 2.2e-16])',
  keras: 'Keras (clip p to [1e-7, 1 − 1e-7])',
  pytorch: 'PyTorch BCELoss (log ≥ −100)',
  none: 'exact (no clipping; may be ∞)',
});

function clip(x, lo, hi) {
  return x < lo ? lo : x > hi ? hi : x;
}

// One function per rule, so hot loops resolve the rule once (see sampleLossFunction).
// Branching on y (rather than y*log p + (1-y)*log(1-p)) avoids 0 * -Infinity = NaN.
const SAMPLE_LOSS = Object.freeze({
  sklearn(y, p) {
    const q = clip(p, SKLEARN_EPS, 1 - SKLEARN_EPS);
    return y === 1 ? -Math.log(q) : -Math.log(1 - q);
  },
  keras(y, p) {
    const q = clip(p, KERAS_EPS, 1 - KERAS_EPS);
    return y === 1 ? -Math.log(q) : -Math.log(1 - q);
  },
  pytorch(y, p) {
    return -Math.max(y === 1 ? Math.log(p) : Math.log(1 - p), PYTORCH_LOG_FLOOR);
  },
  none(y, p) {
    return y === 1 ? -Math.log(p) : -Math.log(1 - p);
  },
});

/** The per-sample loss (y, p) => nats for a rule. */
export function sampleLossFunction(rule) {
  if (!Object.hasOwn(SAMPLE_LOSS, rule)) throw new RangeError(`unknown loss rule: ${rule}`);
  return SAMPLE_LOSS[rule];
}

/** Binary cross-entropy of one sample, in nats, under a framework's convention. */
export function sampleLogLoss(y, p, rule = 'sklearn') {
  return sampleLossFunction(rule)(y, p);
}

/** Mean binary cross-entropy in nats (NaN for no samples). */
export function logLoss(y, p, rule = 'sklearn') {
  checkSameLength(y, p);
  const sampleLoss = sampleLossFunction(rule);
  let sum = 0;
  for (let i = 0; i < y.length; i++) sum += sampleLoss(y[i], p[i]);
  return sum / y.length;
}

/** scikit-learn's decision rule: positive when p >= threshold. */
export function predictsPositive(p, threshold = 0.5) {
  return p >= threshold;
}

/** Confusion counts {tp, fp, fn, tn}. */
export function confusion(y, p, threshold = 0.5) {
  checkSameLength(y, p);
  const counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (let i = 0; i < y.length; i++) addToConfusion(counts, y[i], p[i], threshold);
  return counts;
}

/** Adds one sample to confusion counts in place (for streaming). */
export function addToConfusion(counts, y, p, threshold = 0.5) {
  if (predictsPositive(p, threshold)) {
    if (y === 1) counts.tp++; else counts.fp++;
  } else if (y === 1) counts.fn++; else counts.tn++;
}

// zeroDivision is used only where a denominator is 0 (scikit-learn >= 1.3).
function ratio(numerator, denominator, zeroDivision) {
  return denominator === 0 ? zeroDivision : numerator / denominator;
}

export function precision({ tp, fp }, zeroDivision = 0) {
  return ratio(tp, tp + fp, zeroDivision);
}

export function recall({ tp, fn }, zeroDivision = 0) {
  return ratio(tp, tp + fn, zeroDivision);
}

/** F1 = 2tp / (2tp + fp + fn), as scikit-learn >= 1.3 computes it. */
export function f1({ tp, fp, fn }, zeroDivision = 0) {
  return ratio(2 * tp, 2 * tp + fp + fn, zeroDivision);
}

export function accuracy({ tp, fp, fn, tn }, zeroDivision = 0) {
  return ratio(tp + tn, tp + fp + fn + tn, zeroDivision);
}

/** Mean squared error of p against y. */
export function brier(y, p) {
  checkSameLength(y, p);
  let sum = 0;
  for (let i = 0; i < y.length; i++) {
    const d = p[i] - y[i];
    sum += d * d;
  }
  return sum / y.length;
}

/**
 * Equal-width bin index: bin i holds (edge_i, edge_{i+1}], the first bin also 0.
 * Edges are i * (1 / bins) like numpy.linspace, and the search mirrors
 * np.searchsorted(edges[1:-1], p) (side="left") in sklearn's calibration_curve.
 */
export function binIndex(p, bins) {
  const step = 1 / bins;
  let lo = 0;
  let hi = bins - 1; // answer in [0, bins-1]: count of inner edges strictly below p
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((mid + 1) * step < p) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** Per-bin sample counts, sums of p and positives (shared by ECE and the curve). */
export function binStatistics(y, p, bins = 10) {
  checkSameLength(y, p);
  if (!(Number.isInteger(bins) && bins >= 1)) throw new RangeError('bins must be a positive integer');
  const count = new Float64Array(bins);
  const sumPredicted = new Float64Array(bins);
  const positives = new Float64Array(bins);
  for (let i = 0; i < y.length; i++) {
    const b = binIndex(p[i], bins);
    count[b]++;
    sumPredicted[b] += p[i];
    positives[b] += y[i];
  }
  return { count, sumPredicted, positives };
}

/** Expected calibration error: count-weighted mean of |fraction of positives - mean p|. */
export function ece(y, p, bins = 10) {
  const { count, sumPredicted, positives } = binStatistics(y, p, bins);
  let weighted = 0;
  for (let b = 0; b < bins; b++) {
    if (count[b] === 0) continue;
    weighted += count[b] * Math.abs(positives[b] / count[b] - sumPredicted[b] / count[b]);
  }
  return weighted / y.length;
}

/** Like sklearn.calibration.calibration_curve(strategy="uniform"): non-empty bins only. */
export function calibrationCurve(y, p, bins = 10) {
  const { count, sumPredicted, positives } = binStatistics(y, p, bins);
  const fractionOfPositives = [];
  const meanPredicted = [];
  const binCounts = [];
  for (let b = 0; b < bins; b++) {
    if (count[b] === 0) continue;
    fractionOfPositives.push(positives[b] / count[b]);
    meanPredicted.push(sumPredicted[b] / count[b]);
    binCounts.push(count[b]);
  }
  return { fractionOfPositives, meanPredicted, counts: binCounts };
}

/**
 * Splits the summed loss between confident misses (probability given to the
 * true class below `cutoff`) and all other samples.
 */
export function lossBreakdown(y, p, rule = 'sklearn', cutoff = 0.1) {
  checkSameLength(y, p);
  const sampleLoss = sampleLossFunction(rule);
  const confidentMisses = { count: 0, lossSum: 0 };
  const rest = { count: 0, lossSum: 0 };
  for (let i = 0; i < y.length; i++) {
    const trueClassP = y[i] === 1 ? p[i] : 1 - p[i];
    const part = trueClassP < cutoff ? confidentMisses : rest;
    part.count++;
    part.lossSum += sampleLoss(y[i], p[i]);
  }
  const total = confidentMisses.lossSum + rest.lossSum;
  for (const part of [confidentMisses, rest]) {
    part.meanContribution = part.lossSum / y.length; // adds up to the mean log loss
    part.share = part.lossSum / total;
  }
  return { confidentMisses, rest, total: total / y.length };
}

const LOGIT_CLIP = 1e-12;

export function logit(p) {
  const q = clip(p, LOGIT_CLIP, 1 - LOGIT_CLIP);
  return Math.log(q / (1 - q));
}

export function sigmoid(z) {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/**
 * Temperature scaling: the T > 0 minimising the mean log loss of sigmoid(logit(p) / T).
 * With s = 1/T the loss is convex in s, so a safeguarded Newton iteration on s finds it.
 * T does not move any prediction across 0.5, so F1 at threshold 0.5 is unchanged.
 */
export function fitTemperature(y, p) {
  checkSameLength(y, p);
  const n = y.length;
  const z = new Float64Array(n);
  const sign = new Float64Array(n); // +1 for positives, -1 for negatives
  for (let i = 0; i < n; i++) {
    z[i] = logit(p[i]);
    sign[i] = y[i] === 1 ? 1 : -1;
  }
  // loss(s) = mean softplus(-sign*z*s); derivatives in s.
  const derivatives = (s) => {
    let g = 0;
    let h = 0;
    for (let i = 0; i < n; i++) {
      const m = sign[i] * z[i];
      const q = sigmoid(-m * s); // probability of the wrong class
      g -= m * q;
      h += m * m * q * (1 - q);
    }
    return { g: g / n, h: h / n };
  };
  const S_MIN = 1e-6; // T up to 1e6: predictions carry (almost) no information
  const S_MAX = 1e6;
  let lo = 0;
  let hi = Infinity;
  let s = 1;
  for (let iter = 0; iter < 200; iter++) {
    const { g, h } = derivatives(s);
    if (g > 0) hi = s; else lo = s;
    let next = h > 0 ? s - g / h : NaN;
    // Keep the step inside the bracket; fall back to bisection/expansion.
    if (!(next > lo && next < hi)) next = Number.isFinite(hi) ? (lo + hi) / 2 : s * 4;
    if (next > S_MAX) { s = S_MAX; break; }
    if (next < S_MIN && hi <= S_MIN) { s = S_MIN; break; }
    if (Math.abs(next - s) <= 1e-15 * Math.max(1, s)) { s = next; break; }
    s = next;
  }
  const temperature = 1 / s;
  const scaled = new Float64Array(n);
  for (let i = 0; i < n; i++) scaled[i] = sigmoid(z[i] / temperature);
  return { temperature, logLossAfter: logLoss(y, scaled, 'sklearn') };
}

function checkSameLength(y, p) {
  if (y.length !== p.length) throw new RangeError(`y has ${y.length} values but p has ${p.length}`);
}
