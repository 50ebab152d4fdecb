// Throwaway dev harness: serves static/ and the unzipped uPlot WebJar with the
// production Content-Security-Policy. Usage: node src/test/js/dev/server.mjs PORT UPLOT_DIST_DIR
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const [port = '8765', uplotDist = '/tmp/uplot/META-INF/resources/webjars/uplot/1.6.30/dist'] = process.argv.slice(2);
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.html': 'text/html; charset=utf-8' };

const page = (title, body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>
<link rel="stylesheet" href="/webjars/uplot/1.6.30/dist/uPlot.min.css"><link rel="stylesheet" href="/static/css/sim.css"></head><body>${body}</body></html>`;
const PAGES = {
  '/simulation': page('Simulation', '<main><h1>F1 vs cross-entropy</h1><div id="sim-app" data-mode="full"></div></main><script type="module" src="/static/js/sim/app.js"></script>'),
  '/essay': page('Essay', `<main><h1>F1-Score rises while Loss keeps increasing</h1><p>…</p>
<figure class="sim-embed" data-plot="miss-ranges"><img src="/static/img/sim/miss-ranges.svg" alt="F1 against cross-entropy for several miss ranges"><figcaption>F1-Score and Cross Entropy with varying Miss Ranges</figcaption></figure>
<figure class="sim-embed" data-plot="confidence"><img src="/static/img/sim/confidence.svg" alt="F1 against cross-entropy for several hit confidences"><figcaption>F1-Score and Cross Entropy with varying Confidence</figcaption></figure>
</main><script type="module" src="/static/js/sim/embed.js"></script>`),
};

createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  console.log(req.method, url.pathname);
  res.setHeader('Content-Security-Policy', CSP);
  if (PAGES[url.pathname]) { res.setHeader('Content-Type', TYPES['.html']); res.end(PAGES[url.pathname]); return; }
  let file = null;
  if (url.pathname.startsWith('/static/')) file = join(root, normalize(url.pathname).replace(/^\/+/, ''));
  if (url.pathname.startsWith('/webjars/uplot/1.6.30/dist/')) file = join(uplotDist, normalize(url.pathname).split('/').pop());
  try {
    if (!file) throw new Error('not found');
    const body = await readFile(file);
    res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    res.end(body);
  } catch {
    res.statusCode = 404;
    res.end('not found');
  }
}).listen(Number(port), '127.0.0.1');
