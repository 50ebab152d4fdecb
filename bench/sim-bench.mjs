// Time per sample to simulate and score 1,000,000 samples, against a minimal
// hand-written loop (one hash draw, one log, one comparison per sample) run in
// the same process. Usage: node bench/sim-bench.mjs [N]
import { performance } from 'node:perf_hooks';
import { sweepCurve, sweepMissRates, generateDataset } from '../static/js/sim/simulation.js';
import { confusion, logLoss, f1 } from '../static/js/sim/metrics.js';
import { computePlot } from '../static/js/sim/plots.js';
import { DEFAULT_STATE } from '../static/js/sim/state.js';
import { parsePredictionsCsv } from '../static/js/sim/csv.js';
import { analyseArrays } from '../static/js/sim/analysis.js';

const N = Number(process.argv[2] ?? 1000000);
const REPEATS = 5;

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median wall time of fn() in ms over REPEATS runs after one warm-up. */
function time(fn) {
  let sink = fn();
  const runs = [];
  for (let r = 0; r < REPEATS; r++) {
    const t0 = performance.now();
    sink = fn();
    runs.push(performance.now() - t0);
  }
  globalThis.benchSink = sink; // keep results alive so nothing is optimised away
  return median(runs);
}

// Baseline: the least work any simulate-and-score loop must do per sample.
function baselineLoop(n) {
  let lossSum = 0;
  let positives = 0;
  for (let i = 0; i < n; i++) {
    let z = Math.imul(i + 1, 0x9e3779b9) | 0;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    z ^= z >>> 16;
    const p = ((z >>> 0) + 0.5) / 4294967296;
    lossSum -= Math.log(p);
    if (p >= 0.5) positives++;
  }
  return lossSum + positives;
}

const params = { n: N, positiveRate: 0.5, threshold: 0.5, rule: 'sklearn', seed: 1, hitRange: [0.5, 1], missRange: [0, 0.5] };
const rows = [];
const add = (name, ms, samples) => rows.push({ name, ms, nsPerSample: (ms * 1e6) / samples });

add('baseline: minimal loop (draw, log, compare)', time(() => baselineLoop(N)), N);
add('sweepCurve, 1 miss rate (simulate + score)', time(() => sweepCurve({ ...params, missRates: [0.08] })), N);
add('sweepCurve, 51 miss rates (one curve)', time(() => sweepCurve({ ...params, missRates: sweepMissRates(50) })), N);
add('generateDataset + confusion + logLoss + f1 (materialised)', time(() => {
  const { y, p } = generateDataset({ ...params, missRate: 0.08 });
  return f1(confusion(y, p, 0.5)) + logLoss(y, p, 'sklearn');
}), N);
add('both plots, 12 curves x 51 miss rates (per sample per curve)', time(() =>
  ['miss-ranges', 'confidence'].map((name) => computePlot(name, { ...DEFAULT_STATE, n: N }))), N * 12);

const { y, p } = generateDataset({ ...params, missRate: 0.08 });
let csv = '';
{
  const lines = ['label,probability'];
  for (let i = 0; i < N; i++) lines.push(`${y[i]},${p[i]}`);
  csv = lines.join('\n');
}
add('CSV parse (label,probability rows)', time(() => parsePredictionsCsv(csv).rows), N);
add('CSV analysis: all metrics + temperature fit', time(() => analyseArrays(y, p, { threshold: 0.5, bins: 10 })), N);

const baseline = rows[0].nsPerSample;
console.log(`N = ${N.toLocaleString('en-US')}, node ${process.version}, median of ${REPEATS} runs`);
console.log(`${'what'.padEnd(64)} ${'total ms'.padStart(10)} ${'ns/sample'.padStart(10)} ${'x baseline'.padStart(11)}`);
for (const r of rows) {
  console.log(`${r.name.padEnd(64)} ${r.ms.toFixed(1).padStart(10)} ${r.nsPerSample.toFixed(1).padStart(10)} ${(r.nsPerSample / baseline).toFixed(2).padStart(11)}`);
}
