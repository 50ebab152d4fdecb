// The /simulation page: controls, the two live plots, downloads, and
// "Check your own predictions". Mounts into <div id="sim-app" data-mode="full">.
// All computation runs in worker.js; all numbers come from metrics.js.

import { DEFAULT_STATE, FIELD_LIMITS, coerceField, describeReplaced, stateFromQuery, stateToQuery, validateField } from './state.js';
import { LOSS_RULES, LOSS_RULE_LABELS } from './metrics.js';
import { PLOT_NAMES, PLOT_TITLES, RULE_SHORT_LABELS, f1Name, missRateLabel, plotFixedNote, plotsToCsv, thresholdNote } from './plots.js';
import { READOUT_HINT, drawReliabilityChart, drawSweepChart, chartToPngBlob, formatNumber, saveBlob } from './charts.js';
import { CONFIDENT_MISS_CUTOFF, exampleCsv } from './analysis.js';
import { CancelledError, WorkerJobs } from './jobs.js';
import { el } from './dom.js';

const WORKER_URL = '/static/js/sim/worker.js';
const INPUT_DEBOUNCE_MS = 250;
/** The point #sim-point reports: this miss rate on the last curve of the first plot. */
const REPORTED_MISS_RATE = 0.08;

/** Control definitions: field name, label, input kind, help text. */
const CONTROLS = [
  { legend: 'Data', fields: [
    { name: 'n', label: 'Samples N', type: 'number', step: 1, help: '100 to 1,000,000' },
    { name: 'positiveRate', label: 'Positive rate', type: 'number', step: 0.01, help: 'share of class 1' },
    { name: 'seed', label: 'Seed', type: 'number', step: 1, help: 'same seed, same data' },
    { name: 'steps', label: 'Miss-rate steps', type: 'number', step: 1, help: 'from 0 to 0.5' },
  ] },
  { legend: 'Scoring', fields: [
    { name: 'threshold', label: 'Threshold', type: 'number', step: 0.01, wide: true, help: 'positive when p ≥ threshold. Hits and misses are defined at 0.5; a different threshold re-scores the same predictions' },
    { name: 'rule', label: 'Loss rule', type: 'select', help: 'how log(0) is avoided' },
    { name: 'logScale', label: 'Logarithmic loss axis', type: 'checkbox' },
  ] },
  { legend: 'Plot 1: miss ranges', fields: [
    { name: 'missRanges', label: 'Miss ranges (true-class p)', type: 'text', help: 'a miss gives its true class p below 0.5: "lo-hi" means [lo, hi), e.g. 0.4-0.5; separate ranges with ";"; a single number is exactly that p and must be under 0.5' },
    { name: 'hitRange', label: 'Hit range', type: 'text', help: 'a hit gives p above 0.5: "0.5-1" means (0.5, 1]; 1 = perfect hits' },
  ] },
  { legend: 'Plot 2: hit confidence', fields: [
    { name: 'hitRanges', label: 'Hit ranges (true-class p)', type: 'text', help: 'a hit gives its true class p above 0.5: "lo-hi" means (lo, hi], e.g. 0.5-1; a single number must be over 0.5' },
    { name: 'missRange', label: 'Miss range', type: 'text', help: 'below 0.5: "0-0.5" means [0, 0.5)' },
  ] },
];

const FIELD_IDS = {
  n: 'sim-n', positiveRate: 'sim-positive-rate', seed: 'sim-seed', steps: 'sim-steps',
  threshold: 'sim-threshold', rule: 'sim-rule', logScale: 'sim-log-scale',
  missRanges: 'sim-miss-ranges', hitRange: 'sim-hit-range', hitRanges: 'sim-hit-ranges', missRange: 'sim-miss-range',
  csvThreshold: 'csv-threshold', csvBins: 'csv-bins',
};

const CSV_FIELDS = ['csvThreshold', 'csvBins'];
const SIMULATION_FIELDS = Object.keys(FIELD_IDS).filter((name) => !CSV_FIELDS.includes(name));

function buildInput(field, value) {
  const id = FIELD_IDS[field.name];
  const limits = FIELD_LIMITS[field.name];
  const describedBy = `${id}-help ${id}-error`;
  let input;
  if (field.type === 'select') {
    input = el('select', { id, name: field.name, 'aria-describedby': describedBy },
      LOSS_RULES.map((r) => el('option', { value: r, text: LOSS_RULE_LABELS[r] })));
    input.value = value;
  } else if (field.type === 'checkbox') {
    input = el('input', { id, name: field.name, type: 'checkbox', 'aria-describedby': describedBy });
    input.checked = value;
    // The box comes before its label, on one line.
    return el('div', { class: 'sim-field sim-field-checkbox' },
      input,
      el('label', { for: id, text: field.label }),
      el('small', { id: `${id}-help`, class: 'sim-help', text: field.help ?? '' }),
      el('small', { id: `${id}-error`, class: 'sim-error', 'aria-live': 'polite' }));
  } else {
    input = el('input', {
      id, name: field.name, type: field.type, step: field.step, min: limits.min, max: limits.max,
      inputmode: field.type === 'number' ? 'decimal' : null, spellcheck: 'false', autocomplete: 'off',
      'aria-describedby': describedBy,
    });
    input.value = String(value);
  }
  return el('div', { class: `sim-field sim-field-${field.type}${field.wide ? ' sim-field-wide' : ''}` },
    el('label', { for: id, text: field.label }),
    input,
    el('small', { id: `${id}-help`, class: 'sim-help', text: field.help ?? '' }),
    el('small', { id: `${id}-error`, class: 'sim-error', 'aria-live': 'polite' }));
}

function readInput(name) {
  const input = document.getElementById(FIELD_IDS[name]);
  return coerceField(name, input.type === 'checkbox' ? input.checked : input.value);
}

function showFieldError(name, message) {
  const id = FIELD_IDS[name];
  document.getElementById(id).setAttribute('aria-invalid', message ? 'true' : 'false');
  document.getElementById(`${id}-error`).textContent = message ?? '';
}

function debounce(fn, ms) {
  let timer = null;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
}

/** An output cell: text for people, data-value with full precision for tests. */
function setOutput(id, value, text = formatNumber(value, 8)) {
  const node = document.getElementById(id);
  node.textContent = text;
  node.dataset.value = String(value);
}

class SimulationPage {
  constructor(root) {
    this.root = root;
    const { state, replaced } = stateFromQuery(location.search);
    this.state = state;
    this.replacedFromUrl = replaced; // shown in #sim-notice until the user changes something
    this.plots = null; // {name: curves} of the last finished sweep
    this.charts = {};
    this.sweeps = new WorkerJobs(WORKER_URL);
    this.analyses = new WorkerJobs(WORKER_URL);
    this.lastCsv = null; // {text, source} last analysed, re-run when options change
  }

  mount() {
    this.root.replaceChildren(this.buildIntro(), this.buildNotice(), this.buildControls(), this.buildPlots(), this.buildCheck());
    this.writeUrl(); // the address bar holds the full state from the start
    this.recompute();
  }

  /** #sim-notice: values of the link that were invalid, kept until the user changes a setting. */
  buildNotice() {
    const lines = describeReplaced(this.replacedFromUrl);
    const notice = el('div', { id: 'sim-notice', class: 'sim-notice', role: 'status', hidden: lines.length === 0 });
    if (lines.length) {
      notice.append(
        el('p', { text: `${lines.length === 1 ? 'A value' : 'Some values'} in the link you opened ${lines.length === 1 ? 'was' : 'were'} invalid and replaced by the default:` }),
        el('ul', {}, lines.map((line, i) => el('li', { 'data-param': this.replacedFromUrl[i].key, text: line }))));
    }
    return notice;
  }

  clearNotice() {
    const notice = document.getElementById('sim-notice');
    if (notice.hidden) return;
    notice.hidden = true;
    notice.replaceChildren();
  }

  buildIntro() {
    return el('header', { class: 'sim-intro' },
      el('p', { text: 'Each curve is one simulated classifier whose miss rate sweeps from 0 to 0.5: F1 falls along the x axis, cross-entropy is on the y axis. Misses made with confidence cost a lot of loss whatever the F1; the confidence of hits hardly matters. Every change redraws, and the address bar always holds a link to this exact view.' }),
      el('p', { text: 'A hit gives its true class a probability above 0.5, a miss one below 0.5. The threshold does not change the predictions, only how they are scored: at 0.5 the F1 follows the miss rate, at another threshold some hits count as errors or some misses as correct.' }));
  }

  buildControls() {
    const form = el('form', { id: 'sim-controls', class: 'sim-controls', 'aria-label': 'Simulation settings', onsubmit: (e) => e.preventDefault() },
      CONTROLS.map((group) => el('fieldset', {}, el('legend', { text: group.legend }),
        group.fields.map((f) => buildInput(f, this.state[f.name])))),
      el('div', { class: 'sim-actions' },
        el('button', { type: 'button', id: 'sim-reset', text: 'Reset to defaults', onclick: () => this.reset() }),
        el('button', { type: 'button', id: 'sim-copy-link', text: 'Copy link', onclick: () => this.copyLink() })));
    const onChange = debounce(() => this.onControlsChanged(), INPUT_DEBOUNCE_MS);
    form.addEventListener('input', onChange);
    form.addEventListener('change', onChange);
    return form;
  }

  buildPlots() {
    return el('section', { class: 'sim-plots', 'aria-label': 'Simulation results' },
      el('div', { class: 'sim-run' },
        el('progress', { id: 'sim-progress', max: '1', value: '0', 'aria-label': 'Simulation progress' }),
        el('p', { id: 'sim-status', class: 'sim-status', role: 'status', 'aria-live': 'polite' })),
      el('p', { id: 'sim-point', class: 'sim-point', 'aria-live': 'polite' }),
      PLOT_NAMES.map((name) => el('figure', { class: 'sim-figure', 'data-plot': name },
        el('div', { id: `sim-chart-${name}`, class: 'sim-chart', role: 'img', 'aria-label': `${PLOT_TITLES[name]}; use the arrow keys to step through the points` }),
        el('p', { id: `sim-readout-${name}`, class: 'sim-readout', 'aria-live': 'polite', text: READOUT_HINT }),
        el('figcaption', {},
          el('span', { id: `sim-caption-${name}`, text: PLOT_TITLES[name] }),
          el('button', { type: 'button', id: `sim-download-png-${name}`, class: 'sim-small-button', text: 'Download PNG', onclick: () => this.downloadPng(name) })))),
      el('div', { class: 'sim-actions' },
        el('button', { type: 'button', id: 'sim-download-csv', text: 'Download all points as CSV', onclick: () => this.downloadCsv() })));
  }

  buildCheck() {
    const csvFields = [
      { name: 'csvThreshold', label: 'Threshold', type: 'number', step: 0.01, help: 'positive when p ≥ threshold' },
      { name: 'csvBins', label: 'Calibration bins', type: 'number', step: 1, help: 'equal width, for ECE and the diagram' },
    ];
    const options = el('div', { class: 'sim-csv-options' }, csvFields.map((f) => buildInput(f, this.state[f.name])));
    options.addEventListener('change', () => this.onCsvOptionsChanged());
    const ruleRows = LOSS_RULES.map((r) => el('tr', {},
      el('th', { scope: 'row', text: LOSS_RULE_LABELS[r] }),
      el('td', { id: `csv-logloss-${r}` }),
      el('td', { id: `csv-confident-loss-${r}` }),
      el('td', { id: `csv-confident-share-${r}` }),
      el('td', { id: `csv-rest-loss-${r}` })));
    const metric = (id, label) => el('div', { class: 'sim-metric' }, el('dt', { text: label }), el('dd', { id }));
    return el('section', { id: 'sim-check', class: 'sim-check', 'aria-labelledby': 'sim-check-title' },
      el('h2', { id: 'sim-check-title', text: 'Check your own predictions' }),
      el('p', { text: 'Paste or upload a CSV with one row per sample: label (0 or 1), probability of class 1. A header row is optional; up to 1,000,000 rows. Your data stays in this browser tab: nothing is uploaded.' }),
      el('div', { class: 'sim-field' },
        el('label', { for: 'csv-input', text: 'label,probability rows' }),
        el('textarea', { id: 'csv-input', rows: '8', spellcheck: 'false', autocomplete: 'off', placeholder: 'label,probability\n1,0.93\n0,0.08' })),
      el('div', { class: 'sim-field' },
        el('label', { for: 'csv-file', text: 'or choose a CSV file (analysed at once)' }),
        el('input', { id: 'csv-file', type: 'file', accept: '.csv,.txt,text/csv,text/plain', onchange: (e) => this.analyseFile(e.target.files[0]) })),
      options,
      el('div', { class: 'sim-actions' },
        el('button', { type: 'button', id: 'csv-analyse', text: 'Analyse', onclick: () => this.analyseText() }),
        el('button', { type: 'button', id: 'csv-example', text: 'Load the essay-like example', onclick: () => this.loadExample() })),
      el('progress', { id: 'csv-progress', max: '1', 'aria-label': 'Analysis progress', hidden: true }),
      el('p', { id: 'csv-status', class: 'sim-status', role: 'status', 'aria-live': 'polite' }),
      el('div', { id: 'csv-errors', class: 'sim-csv-errors', hidden: true },
        el('p', { id: 'csv-errors-summary' }),
        el('ul', { id: 'csv-errors-list' })),
      el('div', { id: 'csv-results', class: 'sim-csv-results', hidden: true, 'aria-live': 'polite' },
        el('dl', { class: 'sim-metrics' },
          metric('csv-rows', 'Rows'), metric('csv-tp', 'True positives'), metric('csv-fp', 'False positives'),
          metric('csv-fn', 'False negatives'), metric('csv-tn', 'True negatives'),
          metric('csv-precision', 'Precision'), metric('csv-recall', 'Recall'), metric('csv-f1', 'F1'),
          metric('csv-accuracy', 'Accuracy'), metric('csv-brier', 'Brier score'), metric('csv-ece', 'ECE'),
          metric('csv-confident-count', `Confident misses (true-class p < ${CONFIDENT_MISS_CUTOFF})`)),
        el('table', { class: 'sim-table' },
          el('caption', { text: `Log loss (nats) under each rule, and how much of it comes from confident misses (true-class p < ${CONFIDENT_MISS_CUTOFF})` }),
          el('thead', {}, el('tr', {},
            el('th', { scope: 'col', text: 'Rule' }), el('th', { scope: 'col', text: 'Log loss' }),
            el('th', { scope: 'col', text: 'from confident misses' }), el('th', { scope: 'col', text: 'share' }),
            el('th', { scope: 'col', text: 'from the rest' }))),
          el('tbody', {}, ruleRows)),
        el('h3', { text: 'Temperature scaling' }),
        el('p', {}, 'Dividing the logits by ', el('strong', { id: 'csv-temperature' }),
          ' minimises the log loss; after it the log loss (scikit-learn rule) is ', el('strong', { id: 'csv-logloss-after-temperature' }),
          '. Temperature never moves a prediction across 0.5, so F1 at threshold 0.5 does not change: a better-calibrated model can have exactly the same F1.'),
        el('div', { id: 'csv-reliability', class: 'sim-chart', role: 'img', 'aria-label': 'Reliability diagram' })));
  }

  // ---- simulation ----

  /** Reads and validates the named controls; null if any is invalid. */
  readControls(names) {
    const next = { ...this.state };
    let valid = true;
    for (const name of names) {
      const value = readInput(name);
      const error = validateField(name, value);
      showFieldError(name, error);
      if (error) valid = false; else next[name] = value;
    }
    return valid ? next : null;
  }

  onControlsChanged() {
    const next = this.readControls(SIMULATION_FIELDS);
    if (!next) { this.setStatus('Fix the highlighted setting to redraw.'); return; }
    const changed = JSON.stringify(next) !== JSON.stringify(this.state);
    this.state = next;
    this.writeUrl();
    if (changed) { this.clearNotice(); this.recompute(); }
  }

  writeUrl() {
    history.replaceState(history.state, '', `${location.pathname}?${stateToQuery(this.state)}`);
  }

  reset() {
    this.state = { ...DEFAULT_STATE };
    for (const [name, id] of Object.entries(FIELD_IDS)) {
      const input = document.getElementById(id);
      if (input.type === 'checkbox') input.checked = this.state[name]; else input.value = String(this.state[name]);
      showFieldError(name, null);
    }
    this.clearNotice();
    this.writeUrl();
    this.recompute();
  }

  async copyLink() {
    this.writeUrl();
    try {
      await navigator.clipboard.writeText(location.href);
      this.setStatus('Link copied.');
    } catch {
      this.setStatus('Copy the link from the address bar.');
    }
  }

  setStatus(text) {
    document.getElementById('sim-status').textContent = text;
  }

  async recompute() {
    const state = { ...this.state };
    const progress = document.getElementById('sim-progress');
    progress.value = 0;
    this.root.dataset.state = 'busy';
    this.setStatus(`Simulating ${state.n.toLocaleString('en-US')} samples per curve…`);
    const started = performance.now();
    try {
      const plots = await this.sweeps.run({ type: 'sweep', state }, (f) => { progress.value = f; });
      progress.value = 1;
      this.plots = plots;
      this.plotState = state;
      this.draw();
      const ms = Math.round(performance.now() - started);
      this.setStatus(`Done: ${state.n.toLocaleString('en-US')} samples, ${state.steps + 1} miss rates per curve, in ${ms} ms.`);
      this.root.dataset.state = 'ready';
      document.body.dataset.simReady = '1';
    } catch (e) {
      if (e instanceof CancelledError) return;
      this.root.dataset.state = 'error';
      this.setStatus(`The simulation failed: ${e.message}`);
    }
  }

  draw() {
    const state = this.plotState;
    for (const name of PLOT_NAMES) {
      const readout = document.getElementById(`sim-readout-${name}`);
      this.charts[name]?.destroy();
      this.charts[name] = drawSweepChart(document.getElementById(`sim-chart-${name}`), name, this.plots[name], {
        rule: state.rule,
        threshold: state.threshold,
        logScale: state.logScale,
        onReadout: (parts) => { readout.textContent = describePoints(parts, state.threshold); },
      });
      readout.textContent = READOUT_HINT;
      document.getElementById(`sim-caption-${name}`).textContent =
        `${PLOT_TITLES[name]} (${plotFixedNote(name, state)}; N = ${state.n.toLocaleString('en-US')}, ${thresholdNote(state.threshold)}, seed ${state.seed})`;
    }
    this.reportPoint();
  }

  /** #sim-point: a fixed, documented point that a test can read. */
  reportPoint() {
    const curves = this.plots['miss-ranges'];
    const curve = curves[curves.length - 1];
    const pt = curve.points.reduce((best, p) =>
      (Math.abs(p.missRate - REPORTED_MISS_RATE) < Math.abs(best.missRate - REPORTED_MISS_RATE) ? p : best));
    const node = document.getElementById('sim-point');
    node.dataset.missRate = String(pt.missRate);
    node.dataset.f1 = String(pt.f1);
    node.dataset.loss = String(pt.loss);
    node.textContent = `At a ${missRateLabel(this.plotState.threshold)} of ${formatNumber(pt.missRate)} with ${curve.label}: ${f1Name(this.plotState.threshold)} = ${formatNumber(pt.f1)}, `
      + `cross-entropy = ${formatNumber(pt.loss)} nats (${LOSS_RULE_LABELS[this.plotState.rule]}).`;
  }

  downloadCsv() {
    if (!this.plots) return;
    saveBlob(new Blob([plotsToCsv(this.plots, this.plotState.rule)], { type: 'text/csv' }), `f1-vs-cross-entropy-${stateSlug(this.plotState)}.csv`);
  }

  async downloadPng(name) {
    const chart = this.charts[name];
    if (!chart) return;
    const title = `${PLOT_TITLES[name]} (loss: ${RULE_SHORT_LABELS[this.plotState.rule]})`;
    saveBlob(await chartToPngBlob(chart, title), `${name}-${stateSlug(this.plotState)}.png`);
  }

  // ---- check your own predictions ----

  loadExample() {
    const text = exampleCsv();
    document.getElementById('csv-input').value = text;
    document.getElementById('csv-file').value = '';
    this.analyse(text, 'the example');
  }

  analyseText() {
    this.analyse(document.getElementById('csv-input').value, 'the pasted rows');
  }

  async analyseFile(file) {
    if (!file) return;
    this.setCsvStatus(`Reading ${file.name}…`);
    this.analyse(await file.text(), file.name);
  }

  onCsvOptionsChanged() {
    const next = this.readControls(CSV_FIELDS);
    if (!next) return;
    this.state = next;
    this.writeUrl();
    if (this.lastCsv) this.analyse(this.lastCsv.text, this.lastCsv.source);
  }

  setCsvStatus(text) {
    document.getElementById('csv-status').textContent = text;
  }

  async analyse(text, source) {
    this.lastCsv = { text, source };
    const options = { threshold: this.state.csvThreshold, bins: this.state.csvBins };
    const progress = document.getElementById('csv-progress');
    progress.hidden = false;
    progress.removeAttribute('value'); // indeterminate
    delete this.root.dataset.csvReady;
    this.setCsvStatus(`Analysing ${source}…`);
    try {
      const { parse, result } = await this.analyses.run({ type: 'analyse', text, options });
      this.showParseErrors(parse);
      if (result) {
        this.showResults(result);
        this.setCsvStatus(`Analysed ${result.rows.toLocaleString('en-US')} rows of ${source}`
          + `${parse.errorCount ? `; ${parse.errorCount.toLocaleString('en-US')} bad rows skipped` : ''}.`);
      } else {
        document.getElementById('csv-results').hidden = true;
        this.setCsvStatus(`Nothing to analyse in ${source}: ${parse.fatal}.`);
      }
      this.root.dataset.csvReady = '1';
    } catch (e) {
      if (e instanceof CancelledError) return;
      this.setCsvStatus(`The analysis failed: ${e.message}`);
    } finally {
      progress.hidden = true;
    }
  }

  showParseErrors(parse) {
    const box = document.getElementById('csv-errors');
    box.hidden = parse.errorCount === 0;
    const shown = parse.errors.length;
    document.getElementById('csv-errors-summary').textContent = parse.errorCount === 0 ? ''
      : `${parse.errorCount.toLocaleString('en-US')} bad rows were skipped${shown < parse.errorCount ? ` (first ${shown} listed)` : ''}:`;
    document.getElementById('csv-errors-list').replaceChildren(
      ...parse.errors.map((e) => el('li', { 'data-line': e.line, text: `line ${e.line}: ${e.message}` })));
  }

  showResults(r) {
    document.getElementById('csv-results').hidden = false;
    setOutput('csv-rows', r.rows, r.rows.toLocaleString('en-US'));
    for (const k of ['tp', 'fp', 'fn', 'tn']) setOutput(`csv-${k}`, r.counts[k], r.counts[k].toLocaleString('en-US'));
    for (const k of ['precision', 'recall', 'f1', 'accuracy', 'brier', 'ece']) setOutput(`csv-${k}`, r[k]);
    const anyRule = r.breakdown.sklearn.confidentMisses;
    setOutput('csv-confident-count', anyRule.count, anyRule.count.toLocaleString('en-US'));
    for (const rule of LOSS_RULES) {
      const b = r.breakdown[rule];
      setOutput(`csv-logloss-${rule}`, r.logLoss[rule]);
      setOutput(`csv-confident-loss-${rule}`, b.confidentMisses.meanContribution);
      setOutput(`csv-confident-share-${rule}`, b.confidentMisses.share,
        Number.isFinite(b.confidentMisses.share) ? `${(100 * b.confidentMisses.share).toFixed(1)} %` : '—');
      setOutput(`csv-rest-loss-${rule}`, b.rest.meanContribution);
    }
    setOutput('csv-temperature', r.temperature.temperature, `T = ${formatNumber(r.temperature.temperature)}`);
    setOutput('csv-logloss-after-temperature', r.temperature.logLossAfter);
    this.reliabilityChart?.destroy();
    this.reliabilityChart = drawReliabilityChart(document.getElementById('csv-reliability'), r.calibration);
  }
}

function describePoints(parts, threshold) {
  if (parts.length === 0) return '';
  const { pt } = parts[0];
  const head = `${f1Name(threshold)} = ${formatNumber(pt.f1, 10)} (precision ${formatNumber(pt.precision, 10)}, recall ${formatNumber(pt.recall, 10)})`;
  const lines = parts.map(({ curve, pt: p }) =>
    `${curve.label}: ${missRateLabel(threshold)} = ${formatNumber(p.missRate)}, cross-entropy ${formatNumber(p.loss, 12)}, tp ${p.tp} fp ${p.fp} fn ${p.fn} tn ${p.tn}`);
  return `${head}. ${lines.join('; ')}.`;
}

function stateSlug(state) {
  return `n${state.n}-${state.rule}-seed${state.seed}`;
}

const root = document.getElementById('sim-app');
if (root) new SimulationPage(root).mount();
