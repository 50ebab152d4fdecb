import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parsePredictionsCsv } from '../../../static/js/sim/csv.js';
import { analyseCsv, exampleCsv } from '../../../static/js/sim/analysis.js';
import * as m from '../../../static/js/sim/metrics.js';

const lines = (result) => result.errors.map((e) => e.line);

test('plain rows, with and without a header', () => {
  const a = parsePredictionsCsv('1,0.9\n0,0.2\n');
  assert.equal(a.rows, 2);
  assert.deepEqual([...a.y], [1, 0]);
  assert.deepEqual([...a.p], [0.9, 0.2]);
  assert.equal(a.header, null);
  const b = parsePredictionsCsv('label,probability\r\n1,0.9\r\n0,1e-12\r\n');
  assert.deepEqual(b.header, ['label', 'probability']);
  assert.deepEqual([...b.p], [0.9, 1e-12]);
  assert.equal(b.errorCount, 0);
});

test('BOM, quotes, semicolons, tabs, blank lines and no final newline', () => {
  const r = parsePredictionsCsv('\ufeff"y","p"\n\n"1","0.5"\n0;0.25\n1\t1\n   \n0 , .75');
  assert.equal(r.errorCount, 0);
  assert.deepEqual([...r.y], [1, 0, 1, 0]);
  assert.deepEqual([...r.p], [0.5, 0.25, 1, 0.75]);
});

test('bad rows are reported by line number and skipped', () => {
  const text = [
    'label,probability', // 1 header
    '1,0.9', // 2 ok
    '2,0.5', // 3 bad label
    '1,1.5', // 4 out of range
    '0,-0.1', // 5 out of range
    '1', // 6 one column
    '1,0.3,0.2', // 7 three columns
    '', // 8 blank, skipped
    'x,0.4', // 9 bad label (not first row: no header)
    '1,abc', // 10 bad probability
    '0,', // 11 empty probability
    '1,NaN', // 12
    '1,Infinity', // 13
    '1,0x1', // 14
    '0,0.1', // 15 ok
  ].join('\n');
  const r = parsePredictionsCsv(text);
  assert.equal(r.rows, 2);
  assert.deepEqual(lines(r), [3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14]);
  assert.match(r.errors[0].message, /label must be 0 or 1, found "2"/);
  assert.match(r.errors[1].message, /probability must be a number from 0 to 1/);
  assert.match(r.errors[3].message, /expected 2 columns.*found 1/);
  assert.equal(r.fatal, null);
});

test('a header is only accepted on the first line with content', () => {
  const r = parsePredictionsCsv('1,0.5\nlabel,probability\n');
  assert.deepEqual(lines(r), [2]);
  const s = parsePredictionsCsv('1,prob\n0,0.5');
  assert.deepEqual(lines(s), [1]);
});

test('empty input, only a header, only bad rows are fatal', () => {
  assert.equal(parsePredictionsCsv('').fatal, 'no data rows');
  assert.equal(parsePredictionsCsv('label,probability\n').fatal, 'no data rows');
  assert.equal(parsePredictionsCsv('3,0.5\n4,0.5').fatal, 'no valid rows');
});

test('too many rows is fatal; the reported errors are capped but counted', () => {
  const big = '1,0.5\n'.repeat(11);
  assert.match(parsePredictionsCsv(big, { maxRows: 10 }).fatal, /more than 10 rows \(line 11\)/);
  const bad = '5,0.5\n'.repeat(150) + '1,0.5\n';
  const r = parsePredictionsCsv(bad);
  assert.equal(r.errorCount, 150);
  assert.equal(r.errors.length, 100);
  assert.equal(r.rows, 1);
});

test('a million rows parse', () => {
  const text = '1,0.75\n0,0.25\n'.repeat(500000);
  const r = parsePredictionsCsv(text);
  assert.equal(r.rows, 1000000);
  assert.equal(r.fatal, null);
});

test('hostile inputs are rejected as rows, quoted and truncated in messages', () => {
  const dir = fileURLToPath(new URL('../../../../shared/cases/xss/', import.meta.url));
  const payloads = readdirSync(dir).filter((f) => !f.endsWith('.md'))
    .flatMap((f) => readFileSync(dir + f, 'utf8').split('\n').map((l) => l.replace(/\r$/, '')))
    .filter((l) => l.trim() !== '' && !l.includes(',') && !l.includes(';') && !l.includes('\t'))
    .slice(0, 500);
  assert.ok(payloads.length > 0);
  const text = `1,0.5\n${payloads.map((x) => `1,${x}`).join('\n')}`;
  const r = parsePredictionsCsv(text, { maxReportedErrors: 1000 });
  assert.equal(r.rows, 1);
  for (const e of r.errors) assert.ok(e.message.length < 120);
});

test('the example looks like the essay: F1 0.92, loss about 2', () => {
  const { parse, result } = analyseCsv(exampleCsv(), { threshold: 0.5, bins: 10 });
  assert.equal(parse.errorCount, 0);
  assert.equal(result.rows, 2000);
  assert.ok(Math.abs(result.f1 - 0.92) < 1e-12);
  assert.ok(result.logLoss.sklearn > 1.8 && result.logLoss.sklearn < 2.2, `loss ${result.logLoss.sklearn}`);
  assert.ok(result.breakdown.sklearn.confidentMisses.share > 0.95);
  assert.ok(result.temperature.logLossAfter < result.logLoss.sklearn / 2);
  // metrics come from metrics.js unchanged
  const again = parsePredictionsCsv(exampleCsv());
  assert.equal(result.logLoss.keras, m.logLoss(again.y, again.p, 'keras'));
});
