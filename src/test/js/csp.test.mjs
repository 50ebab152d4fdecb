import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The pages run under script-src 'self' and style-src 'self' and must not send the user's data anywhere.
const dir = fileURLToPath(new URL('../../../static/js/sim/', import.meta.url));
const served = readdirSync(dir).filter((f) => f.endsWith('.js'));

test('served modules avoid what the Content-Security-Policy forbids and never touch the network', () => {
  assert.ok(served.includes('app.js') && served.includes('embed.js') && served.includes('worker.js'));
  for (const file of served) {
    const source = readFileSync(dir + file, 'utf8');
    for (const forbidden of [/\.innerHTML\b/, /\.outerHTML\b/, /insertAdjacentHTML/, /\beval\(/, /new Function\(/,
      /setAttribute\(\s*['"]style['"]/, /\bfetch\(/, /XMLHttpRequest/, /sendBeacon/, /WebSocket/]) {
      assert.doesNotMatch(source, forbidden, `${file} uses ${forbidden}`);
    }
  }
});
