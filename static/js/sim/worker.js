// Module worker: runs sweeps and CSV analyses off the main thread.
// Messages in:  {id, type: 'sweep', state}  |  {id, type: 'analyse', text, options}
// Messages out: {id, type: 'progress', fraction}  |  {id, type: 'done', value}  |  {id, type: 'error', message}

import { PLOT_NAMES, computePlot } from './plots.js';
import { analyseCsv } from './analysis.js';

const PROGRESS_INTERVAL_MS = 100;

self.onmessage = ({ data }) => {
  const { id, type } = data;
  let lastPost = 0;
  const progress = (fraction) => {
    const now = Date.now();
    if (now - lastPost < PROGRESS_INTERVAL_MS) return;
    lastPost = now;
    self.postMessage({ id, type: 'progress', fraction });
  };
  try {
    let value;
    if (type === 'sweep') {
      value = {};
      PLOT_NAMES.forEach((name, i) => {
        value[name] = computePlot(name, data.state, (f) => progress((i + f) / PLOT_NAMES.length));
      });
    } else if (type === 'analyse') {
      value = analyseCsv(data.text, data.options);
    } else {
      throw new Error(`unknown job type: ${type}`);
    }
    self.postMessage({ id, type: 'done', value });
  } catch (e) {
    self.postMessage({ id, type: 'error', message: String(e && e.message ? e.message : e) });
  }
};
