// The essay's figures: replaces each <figure class="sim-embed" data-plot="…">
// static <img> by the live chart with default parameters, plus a link that
// opens the full simulation in the same state. Without JavaScript the img stays.
// The server's <figcaption> names the figure, so the chart draws no title of its
// own, and the one "Open in the simulation" link goes into that caption.

import { DEFAULT_STATE, stateToQuery } from './state.js';
import { PLOT_NAMES, computePlot } from './plots.js';
import { READOUT_HINT, drawSweepChart, formatNumber } from './charts.js';
import { el } from './dom.js';

function describe(parts) {
  return parts.map(({ curve, pt }) =>
    `${curve.label}: F1 ${formatNumber(pt.f1, 10)}, cross-entropy ${formatNumber(pt.loss, 10)}`).join('; ');
}

function embed(figure) {
  const name = figure.dataset.plot;
  if (!PLOT_NAMES.includes(name) || figure.dataset.live === '1') return;
  const img = figure.querySelector('img');
  const caption = figure.querySelector('figcaption');
  const chart = el('div', {
    id: `sim-embed-chart-${name}`, class: 'sim-chart', role: 'img',
    'aria-label': img?.alt || caption?.textContent.trim() || name,
  });
  const readout = el('p', { class: 'sim-readout', 'aria-live': 'polite', text: READOUT_HINT });
  let curves;
  try {
    // The defaults are small (10,000 samples): computing here takes milliseconds.
    curves = computePlot(name, DEFAULT_STATE);
  } catch (e) {
    console.error(e); // keep the static image
    return;
  }
  if (img) img.replaceWith(chart); else figure.prepend(chart);
  chart.after(readout);
  const link = el('a', { class: 'sim-open-link', href: `/simulation?${stateToQuery(DEFAULT_STATE)}`, text: 'Open in the simulation' });
  if (caption) {
    caption.append(' ', el('span', { class: 'sim-embed-link' }, link));
  } else {
    figure.append(el('p', { class: 'sim-embed-link' }, link));
  }
  drawSweepChart(chart, name, curves, {
    rule: DEFAULT_STATE.rule,
    threshold: DEFAULT_STATE.threshold,
    logScale: DEFAULT_STATE.logScale,
    height: 320,
    title: null,
    onReadout: (parts) => { readout.textContent = describe(parts); },
  });
  figure.dataset.live = '1';
}

const figures = document.querySelectorAll('figure.sim-embed[data-plot]');
figures.forEach(embed);
if (figures.length) document.body.dataset.simReady = '1';
