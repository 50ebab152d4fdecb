import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_STATE, parseRanges, formatRanges, stateFromQuery, stateToQuery, validateField } from '../../../static/js/sim/state.js';

test('ranges parse, including exponents and single values', () => {
  assert.deepEqual(parseRanges('0.4-0.5; 0.3 - 0.4;0'), [[0.4, 0.5], [0.3, 0.4], [0, 0]]);
  assert.deepEqual(parseRanges('1e-10-0.1', { hi: 0.5 }), [[1e-10, 0.1]]);
  assert.equal(formatRanges([[0.4, 0.5], [0, 0]]), '0.4-0.5; 0');
});

test('bad ranges are refused with a reason', () => {
  assert.throws(() => parseRanges(''), /at least one/);
  assert.throws(() => parseRanges('0.5-0.4'), /lower end/);
  assert.throws(() => parseRanges('0.4-0.6', { hi: 0.5 }), /within 0 and 0.5/);
  assert.throws(() => parseRanges('a-b'), /not a number/);
  assert.throws(() => parseRanges('0.1; 0.2', { many: false }), /one range/);
  assert.throws(() => parseRanges('<script>'), /not a number/);
});

test('state round-trips through the query string', () => {
  const state = { ...DEFAULT_STATE, n: 123456, rule: 'keras', seed: 99, missRanges: '0.1-0.2; 0', logScale: true };
  const { state: back, errors } = stateFromQuery(stateToQuery(state));
  assert.deepEqual(errors, {});
  assert.deepEqual(back, state);
});

test('invalid query values fall back to defaults and are reported', () => {
  const { state, errors } = stateFromQuery('?n=5&rule=tf&seed=1.5&thr=0.3&mr=0.6-0.7');
  assert.equal(state.n, DEFAULT_STATE.n);
  assert.equal(state.rule, DEFAULT_STATE.rule);
  assert.equal(state.seed, DEFAULT_STATE.seed);
  assert.equal(state.threshold, 0.3);
  assert.deepEqual(Object.keys(errors).sort(), ['missRanges', 'n', 'rule', 'seed']);
});

test('limits: N from 100 to 1,000,000', () => {
  assert.equal(validateField('n', 100), null);
  assert.equal(validateField('n', 1000000), null);
  assert.match(validateField('n', 1000001), /between/);
  assert.match(validateField('n', 99), /between/);
});
