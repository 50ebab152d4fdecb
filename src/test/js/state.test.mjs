import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_STATE, describeReplaced, parseRanges, formatRanges, stateFromQuery, stateToQuery, validateField } from '../../../static/js/sim/state.js';

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

// Hits and misses are defined at p = 0.5: a hit on the right side, a miss on the wrong one.
test('a hit range must lie above 0.5 and a miss range below it, 0.5 itself on neither side', () => {
  for (const [name, value] of [['hitRanges', '0.5'], ['hitRange', '0.5'], ['hitRanges', '0.6-1; 0.5'], ['hitRanges', '0.4-1'],
    ['hitRange', '0.5-0.5'], ['hitRanges', '0.3']]) {
    assert.match(validateField(name, value) ?? '', /a hit must give its true class p above 0.5/, `${name}=${value}`);
  }
  for (const [name, value] of [['missRanges', '0.5'], ['missRange', '0.5'], ['missRanges', '0.4-0.5; 0.5'], ['missRanges', '0.4-0.6'],
    ['missRange', '0.7']]) {
    assert.match(validateField(name, value) ?? '', /a miss must give its true class p below 0.5/, `${name}=${value}`);
  }
  // Half-open ranges may touch 0.5 from their own side: hits (0.5, 1], misses [0, 0.5).
  for (const [name, value] of [['hitRanges', '0.5-1'], ['hitRange', '0.500001'], ['hitRange', '1'], ['missRanges', '0.4-0.5'],
    ['missRange', '0-0.5'], ['missRange', '0.499999'], ['missRanges', '0']]) {
    assert.equal(validateField(name, value), null, `${name}=${value}`);
  }
  assert.deepEqual(parseRanges('0.5-1; 0.9', { side: 'hit' }), [[0.5, 1], [0.9, 0.9]]);
  assert.throws(() => parseRanges('0.5', { side: 'hit' }), /above 0.5/);
  assert.throws(() => parseRanges('0.5', { side: 'miss' }), /below 0.5/);
});

test('links with p = 0.5 as a hit or a miss are refused like any invalid value', () => {
  const { state, errors } = stateFromQuery('?hr=0.5&mr=0.5&hit=0.5&miss=0.5');
  assert.deepEqual(Object.keys(errors).sort(), ['hitRange', 'hitRanges', 'missRange', 'missRanges']);
  for (const name of ['hitRange', 'hitRanges', 'missRange', 'missRanges']) assert.equal(state[name], DEFAULT_STATE[name]);
});

test('replaced link values are listed with key, value, reason and the default used', () => {
  const { state, replaced } = stateFromQuery('?steps=10&n=1000001&seed=3&log=1');
  assert.equal(state.seed, 3);
  assert.equal(state.logScale, true);
  assert.deepEqual(replaced.map((r) => r.key), ['n', 'steps']);
  assert.deepEqual(describeReplaced(replaced), [
    'n=1000001: must be between 100 and 1000000; using 10000',
    'steps=10: must be between 50 and 1000; using 50',
  ]);
  assert.deepEqual(stateFromQuery(stateToQuery(DEFAULT_STATE)).replaced, []);
  const [long] = describeReplaced(stateFromQuery(`?mr=${'9'.repeat(200)}`).replaced);
  assert.ok(long.startsWith('mr=999') && long.includes('…') && !long.includes('9'.repeat(50)), long);
});
