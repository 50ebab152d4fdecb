// Generates the no-JavaScript fallback figures static/img/sim/<plot>.svg from the
// same simulation and metrics code, with the default state.
// Run from the repository root:  node static/js/sim/render-static.mjs
// src/test/js/static-figures.test.mjs fails when a committed SVG is not current.

import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_STATE } from './state.js';
import { PLOT_NAMES, PLOT_TITLES, computePlot, f1AxisLabel, lossAxisLabel, plotFixedNote, thresholdNote } from './plots.js';

const WIDTH = 760;
const HEIGHT = 470;
const MARGIN = { left: 70, right: 20, top: 44, bottom: 150 };
const LEGEND_COLUMNS = 3;

const escapeXml = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const fmt = (v) => String(Math.round(v * 100) / 100); // coordinates to 0.01 px

/** About `count` round tick values covering [lo, hi]. */
export function niceTicks(lo, hi, count = 6) {
  const raw = (hi - lo) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw);
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9) + (step / magnitude === 2.5 ? 1 : 0));
  const ticks = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step) ticks.push(Number(v.toFixed(decimals)));
  return { ticks, step, decimals };
}

/** The SVG text of one plot for a state. */
export function renderPlotSvg(plotName, state = DEFAULT_STATE) {
  const curves = computePlot(plotName, state);
  const finite = curves.flatMap((c) => c.points).filter((pt) => Number.isFinite(pt.loss));
  const xMin = Math.min(...finite.map((pt) => pt.f1));
  const yMax = Math.max(...finite.map((pt) => pt.loss));
  const xTicks = niceTicks(Math.floor(xMin * 10) / 10, 1);
  const { step: yStep } = niceTicks(0, yMax);
  const yTicks = niceTicks(0, Math.ceil(yMax / yStep - 1e-9) * yStep); // ends on a tick at or above the top
  const xLo = xTicks.ticks[0];
  const xHi = 1;
  const yHi = yTicks.ticks[yTicks.ticks.length - 1];
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const sx = (x) => MARGIN.left + ((x - xLo) / (xHi - xLo)) * plotW;
  const sy = (y) => MARGIN.top + plotH - (y / yHi) * plotH;

  const out = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12" role="img" aria-labelledby="title">`);
  out.push(`<title id="title">${escapeXml(`${PLOT_TITLES[plotName]} (${plotFixedNote(plotName, state)}, N = ${state.n}, seed ${state.seed})`)}</title>`);
  out.push(`<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>`);
  out.push(`<text x="${WIDTH / 2}" y="24" text-anchor="middle" font-size="15" font-weight="bold">${escapeXml(PLOT_TITLES[plotName])}</text>`);
  for (const t of xTicks.ticks.filter((v) => v >= xLo && v <= xHi)) {
    const x = fmt(sx(t));
    out.push(`<line x1="${x}" y1="${MARGIN.top}" x2="${x}" y2="${MARGIN.top + plotH}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${x}" y="${MARGIN.top + plotH + 18}" text-anchor="middle">${t.toFixed(xTicks.decimals)}</text>`);
  }
  for (const t of yTicks.ticks.filter((v) => v <= yHi)) {
    const y = fmt(sy(t));
    out.push(`<line x1="${MARGIN.left}" y1="${y}" x2="${MARGIN.left + plotW}" y2="${y}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${MARGIN.left - 8}" y="${y}" text-anchor="end" dominant-baseline="middle">${t.toFixed(yTicks.decimals)}</text>`);
  }
  out.push(`<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#222"/>`);
  out.push(`<text x="${MARGIN.left + plotW / 2}" y="${MARGIN.top + plotH + 40}" text-anchor="middle" font-weight="bold">${escapeXml(f1AxisLabel(state.threshold))}</text>`);
  out.push(`<text transform="translate(18 ${MARGIN.top + plotH / 2}) rotate(-90)" text-anchor="middle" font-weight="bold">${escapeXml(lossAxisLabel(state.rule))}</text>`);
  for (const curve of curves) {
    const pts = curve.points.filter((pt) => Number.isFinite(pt.loss)).sort((a, b) => a.f1 - b.f1);
    const d = pts.map((pt) => `${fmt(sx(pt.f1))},${fmt(sy(pt.loss))}`).join(' ');
    out.push(`<polyline fill="none" stroke="${curve.color}" stroke-width="2" points="${d}"/>`);
  }
  const legendTop = MARGIN.top + plotH + 62;
  const columnWidth = plotW / LEGEND_COLUMNS;
  curves.forEach((curve, i) => {
    const x = MARGIN.left + (i % LEGEND_COLUMNS) * columnWidth;
    const y = legendTop + Math.floor(i / LEGEND_COLUMNS) * 20;
    out.push(`<line x1="${fmt(x)}" y1="${y}" x2="${fmt(x + 22)}" y2="${y}" stroke="${curve.color}" stroke-width="3"/>`);
    out.push(`<text x="${fmt(x + 28)}" y="${y}" dominant-baseline="middle">${escapeXml(curve.label)}</text>`);
  });
  const noteY = legendTop + Math.ceil(curves.length / LEGEND_COLUMNS) * 20 + 8;
  out.push(`<text x="${MARGIN.left}" y="${noteY}" fill="#444">${escapeXml(`${plotFixedNote(plotName, state)}; N = ${state.n}, positive rate ${state.positiveRate}, ${thresholdNote(state.threshold)}, seed ${state.seed}. Static image; the live version needs JavaScript.`)}</text>`);
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/** Where a plot's fallback image lives in the repository. */
export function staticFigurePath(plotName) {
  return fileURLToPath(new URL(`../../img/sim/${plotName}.svg`, import.meta.url));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const name of PLOT_NAMES) {
    writeFileSync(staticFigurePath(name), renderPlotSvg(name));
    console.log(`wrote ${staticFigurePath(name)}`);
  }
}
