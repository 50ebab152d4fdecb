// uPlot charts for the sweep plots and the reliability diagram, PNG export,
// and keyboard stepping of the cursor. Browser only.

import uPlot from '/webjars/uplot/1.6.30/dist/uPlot.esm.js';
import { f1AxisLabel, f1Name, lossAxisLabel, PLOT_TITLES, RULE_SHORT_LABELS } from './plots.js';

export function formatNumber(v, digits = 6) {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  if (v === Infinity) return '∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 1e-4 && a < 1e6 ? String(Number(v.toPrecision(digits))) : v.toExponential(digits - 1);
}

/**
 * uPlot needs one ascending x array shared by all series. F1 is the x here and
 * each curve has its own F1 values, so join them: x = union of F1 values, and a
 * series is null where it has no point (spanGaps draws through).
 * Returns {data, pointAt} where pointAt[s][idx] is the sweep point behind a value.
 */
export function joinCurves(curves) {
  const xs = [...new Set(curves.flatMap((c) => c.points.map((pt) => pt.f1)))]
    .filter(Number.isFinite).sort((a, b) => a - b);
  const index = new Map(xs.map((x, i) => [x, i]));
  const pointAt = [null];
  const data = [xs];
  for (const curve of curves) {
    const ys = new Array(xs.length).fill(null);
    const pts = new Array(xs.length).fill(null);
    // Points with equal F1 (possible at tiny N) keep the lowest miss rate.
    for (let k = curve.points.length - 1; k >= 0; k--) {
      const pt = curve.points[k];
      if (!index.has(pt.f1)) continue;
      const i = index.get(pt.f1);
      ys[i] = Number.isFinite(pt.loss) ? pt.loss : null;
      pts[i] = pt;
    }
    data.push(ys);
    pointAt.push(pts);
  }
  return { data, pointAt };
}

function chartWidth(container) {
  return Math.max(280, Math.min(900, container.clientWidth || 640));
}

/** Keeps a chart as wide as its container. */
function followWidth(u, container, height) {
  if (typeof ResizeObserver === 'undefined') return;
  let last = chartWidth(container);
  new ResizeObserver(() => {
    const w = chartWidth(container);
    if (w !== last) { last = w; u.setSize({ width: w, height }); }
  }).observe(container);
}

/** Arrow keys move the cursor from point to point; Home/End jump. */
function enableKeyboard(u, target) {
  target.tabIndex = 0;
  target.addEventListener('keydown', (e) => {
    const n = u.data[0].length;
    if (n === 0) return;
    let idx = u.cursor.idx ?? n - 1;
    if (e.key === 'ArrowLeft') idx = Math.max(0, idx - 1);
    else if (e.key === 'ArrowRight') idx = Math.min(n - 1, idx + 1);
    else if (e.key === 'Home') idx = 0;
    else if (e.key === 'End') idx = n - 1;
    else return;
    e.preventDefault();
    const ys = u.data.slice(1).map((s) => s[idx]).filter((v) => v !== null);
    const top = ys.length ? u.valToPos(ys[0], 'y') : u.bbox.height / 2 / devicePixelRatio;
    u.setCursor({ left: u.valToPos(u.data[0][idx], 'x'), top });
  });
}

/**
 * A tap (or click) moves the cursor to where it landed, so that touch screens,
 * which have no hover, get the readout too. Browsers fire click after a tap.
 */
function enableTap(u) {
  u.over.addEventListener('click', (e) => {
    const box = u.over.getBoundingClientRect();
    u.setCursor({ left: e.clientX - box.left, top: e.clientY - box.top });
  });
}

/** Readout hint shown before the first hover, tap or key press. */
export const READOUT_HINT = 'Hover, tap or focus the plot and use the arrow keys for exact values.';

/**
 * Draws one sweep plot into `container`.
 * options: {rule, threshold, logScale, height, onReadout(parts), title}; title
 * null draws none (the essay's figcaption names the figure).
 */
export function drawSweepChart(container, plotName, curves, {
  rule, threshold = 0.5, logScale = false, height = 360, onReadout, title = PLOT_TITLES[plotName],
} = {}) {
  const { data, pointAt } = joinCurves(curves);
  // A log axis cannot show a loss of exactly 0.
  if (logScale) for (const ys of data.slice(1)) ys.forEach((v, i) => { if (v !== null && v <= 0) ys[i] = null; });
  const readout = (u) => {
    if (!onReadout) return;
    const idx = u.cursor.idx;
    if (idx === null || idx === undefined) return;
    const parts = [];
    curves.forEach((curve, s) => {
      const pt = pointAt[s + 1][idx];
      if (pt) parts.push({ curve, pt });
    });
    onReadout(parts);
  };
  const opts = {
    ...(title ? { title } : {}),
    width: chartWidth(container),
    height,
    scales: {
      x: { time: false },
      y: logScale ? { distr: 3 } : {},
    },
    axes: [
      { label: f1AxisLabel(threshold), stroke: '#222', grid: { stroke: '#e5e5e5' } },
      {
        label: lossAxisLabel(rule),
        stroke: '#222',
        grid: { stroke: '#e5e5e5' },
        size: 60,
        values: (u, splits) => splits.map((v) => (v == null ? '' : String(Number(v.toPrecision(3))))),
      },
    ],
    cursor: { points: { size: 8 }, drag: { x: false, y: false } },
    legend: { live: true },
    series: [
      { label: `${f1Name(threshold)} · loss: ${RULE_SHORT_LABELS[rule]}`, value: (u, v) => formatNumber(v, 10) },
      ...curves.map((c) => ({
        label: c.label,
        stroke: c.color,
        width: 2,
        spanGaps: true,
        points: { show: false },
        value: (u, v) => formatNumber(v, 10),
      })),
    ],
    hooks: { setCursor: [readout] },
  };
  container.replaceChildren();
  const u = new uPlot(opts, data, container);
  u.root.querySelector('.u-over')?.setAttribute('aria-hidden', 'true');
  enableKeyboard(u, container);
  enableTap(u);
  followWidth(u, container, height);
  return u;
}

/** Reliability diagram: fraction of positives against mean predicted p, with the diagonal. */
export function drawReliabilityChart(container, calibration, { height = 320 } = {}) {
  const { meanPredicted, fractionOfPositives, counts } = calibration;
  // The diagonal is drawn as a second series sharing the x values plus the ends 0 and 1.
  const xs = [...new Set([0, ...meanPredicted, 1])].sort((a, b) => a - b);
  const observed = xs.map((x) => {
    const i = meanPredicted.indexOf(x);
    return i === -1 ? null : fractionOfPositives[i];
  });
  const opts = {
    title: 'Reliability diagram',
    width: chartWidth(container),
    height,
    scales: { x: { time: false, range: [0, 1] }, y: { range: [0, 1] } },
    axes: [
      { label: 'mean predicted probability (per bin)', stroke: '#222', grid: { stroke: '#e5e5e5' } },
      { label: 'fraction of positives', stroke: '#222', grid: { stroke: '#e5e5e5' } },
    ],
    cursor: { drag: { x: false, y: false } },
    series: [
      { label: 'mean p', value: (u, v) => formatNumber(v, 10) },
      { label: 'perfectly calibrated', stroke: '#999', dash: [6, 6], width: 1, value: (u, v) => formatNumber(v, 10) },
      {
        label: 'your model',
        stroke: '#0072b2',
        width: 2,
        spanGaps: true,
        points: { show: true, size: 7, fill: '#0072b2' },
        value: (u, v, s, idx) => {
          if (v === null || idx === null) return '—';
          const i = meanPredicted.indexOf(u.data[0][idx]);
          return `${formatNumber(v, 10)} (${counts[i]} samples)`;
        },
      },
    ],
  };
  container.replaceChildren();
  const u = new uPlot(opts, [xs, xs.slice(), observed], container);
  enableKeyboard(u, container);
  enableTap(u);
  followWidth(u, container, height);
  return u;
}

/** A PNG of the chart with its title and legend (uPlot's canvas has neither). */
export function chartToPngBlob(u, title) {
  const source = u.ctx.canvas;
  const ratio = source.width / u.width;
  const series = u.series.slice(1).filter((s) => s.show !== false);
  const lineHeight = 20 * ratio;
  const titleHeight = 32 * ratio;
  const canvas = document.createElement('canvas');
  canvas.width = source.width;
  canvas.height = titleHeight + source.height + lineHeight * (series.length + 1);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#111';
  ctx.font = `bold ${15 * ratio}px sans-serif`;
  ctx.textAlign = 'center';
  ctx.fillText(title, canvas.width / 2, 22 * ratio);
  ctx.drawImage(source, 0, titleHeight);
  ctx.textAlign = 'left';
  ctx.font = `${13 * ratio}px sans-serif`;
  let y = titleHeight + source.height + lineHeight;
  for (const s of series) {
    ctx.fillStyle = typeof s.stroke === 'function' ? s.stroke(u, 1) : s.stroke;
    ctx.fillRect(16 * ratio, y - 10 * ratio, 24 * ratio, 4 * ratio);
    ctx.fillStyle = '#111';
    ctx.fillText(s.label, 48 * ratio, y);
    y += lineHeight;
  }
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
}

/** Saves a Blob as a file (no network: an object URL clicked locally). */
export function saveBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
