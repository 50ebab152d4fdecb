import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PLOT_NAMES } from '../../../static/js/sim/plots.js';
import { renderPlotSvg, staticFigurePath, niceTicks } from '../../../static/js/sim/render-static.mjs';

for (const name of PLOT_NAMES) {
  test(`static/img/sim/${name}.svg is current (regenerate: node static/js/sim/render-static.mjs)`, () => {
    assert.equal(readFileSync(staticFigurePath(name), 'utf8'), renderPlotSvg(name));
  });
}

test('the fallback figures contain every curve and no script', () => {
  for (const name of PLOT_NAMES) {
    const svg = renderPlotSvg(name);
    assert.equal((svg.match(/<polyline /g) || []).length, 6);
    assert.doesNotMatch(svg, /<script|NaN|Infinity|undefined/);
  }
});

test('nice ticks', () => {
  assert.deepEqual(niceTicks(0, 18.2).ticks, [0, 5, 10, 15]);
  assert.deepEqual(niceTicks(0.5, 1).ticks, [0.5, 0.6, 0.7, 0.8, 0.9, 1]);
});
