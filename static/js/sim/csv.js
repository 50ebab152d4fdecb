// Parser for "label,probability" prediction files. Runs entirely in the browser
// (or worker); nothing is sent anywhere.
//
// Rules: one row per line (\n or \r\n); blank lines are skipped; an optional
// header is allowed on the first non-blank line only when neither field is a
// number; fields are separated by a comma, or by a semicolon or tab when the
// line has one; fields may be wrapped in double quotes; label must be 0 or 1;
// probability a number in [0, 1]. Bad rows are reported by line number.

export const MAX_ROWS = 1000000;
export const MAX_REPORTED_ERRORS = 100;

function unquote(field) {
  const t = field.trim();
  return t.length >= 2 && t[0] === '"' && t[t.length - 1] === '"' ? t.slice(1, -1).trim() : t;
}

function splitFields(line) {
  const separator = line.includes(';') ? ';' : line.includes('\t') ? '\t' : ',';
  return line.split(separator).map(unquote);
}

// Only plain decimal notation: Number() alone would also accept "0x1", "Infinity", " ".
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

// The common row "1,0.93" in one regex match; anything else takes the general path.
const PLAIN_ROW = /^([01]),([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)$/;

function parseNumber(text) {
  return NUMBER.test(text) ? Number(text) : NaN;
}

function quoteForMessage(text) {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/**
 * Parses prediction rows.
 * Returns {y: Uint8Array, p: Float64Array, rows, header, errors: [{line, message}],
 *          errorCount, fatal: string|null}. y and p hold only the valid rows.
 */
export function parsePredictionsCsv(text, { maxRows = MAX_ROWS, maxReportedErrors = MAX_REPORTED_ERRORS } = {}) {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let capacity = 1024;
  let y = new Uint8Array(capacity);
  let p = new Float64Array(capacity);
  let rows = 0;
  let header = null;
  let seenContent = false;
  let fatal = null;
  const errors = [];
  let errorCount = 0;
  const report = (line, message) => {
    errorCount++;
    if (errors.length < maxReportedErrors) errors.push({ line, message });
  };

  /** Appends a valid row; false (and fatal set) past maxRows. */
  const push = (label, probability, lineNumber) => {
    if (rows === maxRows) {
      fatal = `more than ${maxRows.toLocaleString('en-US')} rows (line ${lineNumber}); split the file`;
      return false;
    }
    if (rows === capacity) {
      capacity *= 2;
      const grownY = new Uint8Array(capacity); grownY.set(y); y = grownY;
      const grownP = new Float64Array(capacity); grownP.set(p); p = grownP;
    }
    y[rows] = label;
    p[rows] = probability;
    rows++;
    return true;
  };

  let start = 0;
  for (let lineNumber = 1; start <= source.length; lineNumber++) {
    let end = source.indexOf('\n', start);
    if (end === -1) end = source.length;
    const raw = source.slice(start, end);
    start = end + 1;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const plain = PLAIN_ROW.exec(line);
    if (plain) {
      seenContent = true;
      const probability = Number(plain[2]);
      if (probability >= 0 && probability <= 1) {
        if (!push(plain[1] === '1' ? 1 : 0, probability, lineNumber)) break;
        continue;
      }
    }
    if (line.trim() === '') continue;

    const fields = splitFields(line);
    const firstContent = !seenContent;
    seenContent = true;
    if (fields.length !== 2) {
      report(lineNumber, `expected 2 columns (label, probability), found ${fields.length}`);
      continue;
    }
    const label = parseNumber(fields[0]);
    const probability = parseNumber(fields[1]);
    if (firstContent && Number.isNaN(label) && Number.isNaN(probability)) {
      header = fields;
      continue;
    }
    if (label !== 0 && label !== 1) {
      report(lineNumber, `label must be 0 or 1, found ${quoteForMessage(fields[0])}`);
      continue;
    }
    if (!(probability >= 0 && probability <= 1)) {
      report(lineNumber, `probability must be a number from 0 to 1, found ${quoteForMessage(fields[1])}`);
      continue;
    }
    if (!push(label, probability, lineNumber)) break;
  }
  if (!fatal && rows === 0) fatal = errorCount > 0 ? 'no valid rows' : 'no data rows';
  return { y: y.subarray(0, rows), p: p.subarray(0, rows), rows, header, errors, errorCount, fatal };
}
