// Dev helper: drives headless chromium through chromedriver's WebDriver HTTP API.
// Usage: node src/test/js/dev/browse.mjs URL OUT.png [JS to run once ready] [JS to run 1.5 s later]
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const [url, out = '/tmp/page.png', script = '', after = ''] = process.argv.slice(2);
const driver = spawn('/usr/bin/chromedriver', ['--port=9515'], { stdio: 'ignore' });
const base = 'http://127.0.0.1:9515';
const call = async (method, path, body) => {
  const r = await fetch(base + path, { method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
  const j = await r.json();
  if (j.value && j.value.error) throw new Error(`${path}: ${j.value.message}`);
  return j.value;
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
try {
  await sleep(500);
  const { sessionId } = await call('POST', '/session', { capabilities: { alwaysMatch: {
    'goog:loggingPrefs': { browser: 'ALL' },
    'goog:chromeOptions': { binary: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--window-size=1200,2400'] },
  } } });
  const s = `/session/${sessionId}`;
  await call('POST', `${s}/url`, { url });
  const exec = (code) => call('POST', `${s}/execute/sync`, { script: code, args: [] });
  for (let i = 0; i < 100 && !(await exec('return document.body.dataset.simReady')); i++) await sleep(100);
  console.log('simReady:', await exec('return document.body.dataset.simReady'));
  if (script) {
    console.log('script result:', JSON.stringify(await exec(script)));
    await sleep(1500);
    if (after) console.log('after:', JSON.stringify(await exec(after)));
  }
  const height = await exec('return document.documentElement.scrollHeight');
  await call('POST', `${s}/window/rect`, { width: 1200, height: Math.min(height + 100, 6000) });
  await sleep(300);
  writeFileSync(out, Buffer.from(await call('GET', `${s}/screenshot`), 'base64'));
  const logs = await call('POST', `${s}/se/log`, { type: 'browser' }).catch((e) => [{ message: String(e) }]);
  for (const l of logs) console.log('console:', l.level, l.message);
  await call('DELETE', s);
} finally {
  driver.kill();
}
