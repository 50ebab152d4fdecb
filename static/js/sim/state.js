// The simulation's whole state, its defaults, and its URL query form.
// A link with the query string reproduces the view; every key is always written
// so that a later change of defaults does not change what an old link shows.

import { LOSS_RULES } from './metrics.js';

export const DEFAULT_STATE = Object.freeze({
  n: 10000,
  positiveRate: 0.5,
  threshold: 0.5,
  rule: 'sklearn',
  seed: 1,
  steps: 50,
  missRanges: '0.4-0.5; 0.3-0.4; 0.2-0.3; 0.1-0.2; 0-0.1; 0',
  hitRange: '1',
  hitRanges: '0.5-1; 0.6-1; 0.7-1; 0.8-1; 0.9-1; 1',
  missRange: '0-0.5',
  logScale: false,
  csvThreshold: 0.5,
  csvBins: 10,
});

/** How each field is written in the URL, read back and validated. */
const FIELDS = {
  n: { key: 'n', kind: 'int', min: 100, max: 1000000 },
  positiveRate: { key: 'pos', kind: 'number', min: 0.01, max: 0.99 },
  threshold: { key: 'thr', kind: 'number', min: 0, max: 1 },
  rule: { key: 'rule', kind: 'choice', choices: LOSS_RULES },
  seed: { key: 'seed', kind: 'int', min: 0, max: 4294967295 },
  steps: { key: 'steps', kind: 'int', min: 50, max: 1000 },
  missRanges: { key: 'mr', kind: 'ranges', side: 'miss', many: true },
  hitRange: { key: 'hit', kind: 'ranges', side: 'hit', many: false },
  hitRanges: { key: 'hr', kind: 'ranges', side: 'hit', many: true },
  missRange: { key: 'miss', kind: 'ranges', side: 'miss', many: false },
  logScale: { key: 'log', kind: 'bool' },
  csvThreshold: { key: 'cthr', kind: 'number', min: 0, max: 1 },
  csvBins: { key: 'cbins', kind: 'int', min: 2, max: 100 },
};

export const FIELD_LIMITS = FIELDS;

/**
 * Hits and misses are defined at p = 0.5, whatever the scoring threshold: a hit
 * gives its true class p > 0.5 (right side of 0.5), a miss p < 0.5 (wrong side).
 * So a hit range "lo-hi" means (lo, hi] and may start at 0.5, which it excludes;
 * a miss range means [lo, hi) and may end at 0.5. A single value is exactly that
 * p and must not be 0.5, which would be on neither side.
 */
export const HIT_MISS_BOUNDARY = 0.5;
export const RANGE_SIDES = Object.freeze({
  hit: Object.freeze({ side: 'hit', lo: HIT_MISS_BOUNDARY, hi: 1 }),
  miss: Object.freeze({ side: 'miss', lo: 0, hi: HIT_MISS_BOUNDARY }),
});

// A "-" between two numbers separates a range; the one in "1e-10" does not.
const RANGE_DASH = /(?<=[0-9.])\s*-\s*(?=[0-9.])/;

/** A part of the input for an error message, cut short if long. */
function quote(part) {
  return `"${part.length > 30 ? `${part.slice(0, 30)}…` : part}"`;
}

/**
 * Parses "0.4-0.5; 0.3-0.4; 0" into [[0.4, 0.5], [0.3, 0.4], [0, 0]].
 * A single number means exactly that value. Throws RangeError with a message.
 * side: 'hit' or 'miss' sets the limits of RANGE_SIDES and refuses a range that
 * would put a hit at or below 0.5 or a miss at or above it.
 */
export function parseRanges(text, { side = null, many = true, ...limits } = {}) {
  const sideLimits = side ? RANGE_SIDES[side] : null;
  if (side && !sideLimits) throw new RangeError(`unknown side: ${side}`);
  const { lo = 0, hi = 1 } = sideLimits ?? limits;
  const parts = String(text).split(';').map((s) => s.trim()).filter((s) => s !== '');
  if (parts.length === 0) throw new RangeError('enter at least one range');
  if (!many && parts.length > 1) throw new RangeError('enter one range');
  if (parts.length > 12) throw new RangeError('at most 12 ranges');
  return parts.map((part) => {
    const ends = part.split(RANGE_DASH);
    if (ends.length > 2) throw new RangeError(`${quote(part)} is not a range like 0.1-0.2`);
    const values = ends.map((e) => (/^\s*[0-9.eE+-]+\s*$/.test(e) ? Number(e) : NaN));
    if (values.some((v) => !Number.isFinite(v))) throw new RangeError(`${quote(part)} is not a number or a range like 0.1-0.2`);
    const [a, b = a] = values;
    if (a > b) throw new RangeError(`${quote(part)}: the lower end comes first`);
    if (side === 'hit' && (a < lo || b > hi || (a === b && a <= lo))) {
      throw new RangeError(`${quote(part)}: a hit must give its true class p above 0.5 (within 0.5 and 1; "0.5-1" means (0.5, 1], a single value must exceed 0.5)`);
    }
    if (side === 'miss' && (a < lo || b > hi || (a === b && b >= hi))) {
      throw new RangeError(`${quote(part)}: a miss must give its true class p below 0.5 (within 0 and 0.5; "0-0.5" means [0, 0.5), a single value must be under 0.5)`);
    }
    if (a < lo || b > hi) throw new RangeError(`${quote(part)} must lie within ${lo} and ${hi}`);
    return [a, b];
  });
}

export function formatRanges(ranges) {
  return ranges.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join('; ');
}

/** Checks one field's value; returns an error message or null. */
export function validateField(name, value) {
  const f = FIELDS[name];
  switch (f.kind) {
    case 'int':
      if (!Number.isInteger(value)) return 'must be a whole number';
      if (value < f.min || value > f.max) return `must be between ${f.min} and ${f.max}`;
      return null;
    case 'number':
      if (!Number.isFinite(value)) return 'must be a number';
      if (value < f.min || value > f.max) return `must be between ${f.min} and ${f.max}`;
      return null;
    case 'choice':
      return f.choices.includes(value) ? null : `must be one of ${f.choices.join(', ')}`;
    case 'ranges':
      try { parseRanges(value, f); return null; } catch (e) { return e.message; }
    case 'bool':
      return typeof value === 'boolean' ? null : 'must be true or false';
    default:
      return 'unknown field';
  }
}

/** Converts a raw string (from a URL or an input) to the field's type. */
export function coerceField(name, raw) {
  const f = FIELDS[name];
  switch (f.kind) {
    case 'int':
    case 'number':
      return String(raw).trim() === '' ? NaN : Number(raw);
    case 'bool':
      return raw === true || raw === '1' || raw === 'true';
    default:
      return String(raw);
  }
}

/**
 * State from a query string; invalid or missing values fall back to defaults.
 * errors: {field: message}; replaced: [{name, key, raw, error, fallback}] in field order.
 */
export function stateFromQuery(search) {
  const params = new URLSearchParams(search);
  const state = { ...DEFAULT_STATE };
  const errors = {};
  const replaced = [];
  for (const [name, f] of Object.entries(FIELDS)) {
    if (!params.has(f.key)) continue;
    const raw = params.get(f.key);
    const value = coerceField(name, raw);
    const error = validateField(name, value);
    if (error) {
      errors[name] = error;
      replaced.push({ name, key: f.key, raw, error, fallback: DEFAULT_STATE[name] });
    } else {
      state[name] = value;
    }
  }
  return { state, errors, replaced };
}

const MAX_SHOWN_RAW = 40;

/** One line per replaced link value, for the notice: `steps=10: must be between 50 and 1000; using 50`. */
export function describeReplaced(replaced) {
  return replaced.map(({ key, raw, error, fallback }) => {
    const shown = raw.length > MAX_SHOWN_RAW ? `${raw.slice(0, MAX_SHOWN_RAW)}…` : raw;
    const using = typeof fallback === 'boolean' ? (fallback ? '1' : '0') : String(fallback);
    return `${key}=${shown}: ${error}; using ${using}`;
  });
}

export function stateToQuery(state) {
  const params = new URLSearchParams();
  for (const [name, f] of Object.entries(FIELDS)) {
    const value = state[name];
    params.set(f.key, f.kind === 'bool' ? (value ? '1' : '0') : String(value));
  }
  return params.toString();
}
