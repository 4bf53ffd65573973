// The wasm package in a browser: from a plain <script type="module"> page and
// from a Vite-bundled app, both shown in the README and run here in Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from './browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.excalidraw': 'application/json' };
let browser;

before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** Serves URL prefixes from folders of the repository. */
function serve(routes) {
  const server = http.createServer((request, response) => {
    const url = request.url.split('?')[0];
    const prefix = Object.keys(routes).filter((p) => url.startsWith(p)).sort((a, b) => b.length - a.length)[0];
    const rest = prefix === undefined ? '' : url.slice(prefix.length);
    const file = prefix === undefined ? null : rest ? path.join(routes[prefix], rest) : routes[prefix].endsWith('.excalidraw') ? routes[prefix] : path.join(routes[prefix], 'index.html');
    if (!file || !existsSync(file)) {
      response.writeHead(404);
      response.end();
      return;
    }
    response.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}/` })));
}

async function outputOf(url) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.waitForFunction(() => document.getElementById('out').textContent !== 'analysing…', null, { timeout: 20000 });
  const text = await page.textContent('#out');
  await page.close();
  assert.deepEqual(errors, []);
  return text;
}

function readmeShows(relativePath) {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  assert.ok(readme.includes(readFileSync(path.join(root, relativePath), 'utf8').trim()), `README shows ${relativePath} verbatim`);
}

test('a plain page loads the package with <script type="module">', async () => {
  readmeShows('examples/js/browser-example.html');
  const { server, url } = await serve({
    '/canvasfit/': path.join(root, 'build/wasm/package'),
    '/cafe-canvas.excalidraw': path.join(root, 'examples/cafe-canvas.excalidraw'),
    '/': path.join(root, 'examples/js'),
  });
  try {
    const text = await outputOf(`${url}browser-example.html`);
    assert.match(text, /^canvas-1: fit [0-9.]+ \((weak|good|strong)\)$/);
  } finally {
    server.close();
  }
});

test('a Vite app bundles the package like any npm dependency', async () => {
  readmeShows('examples/js/vite-app/main.js');
  execFileSync('npx', ['--no-install', 'vite', 'build', '--config', 'examples/js/vite-app/vite.config.js'], { cwd: root, stdio: 'pipe' });
  const { server, url } = await serve({ '/': path.join(root, 'build/vite-example') });
  try {
    const text = await outputOf(url);
    assert.match(text, /^canvas-1: 4 pains, fit (weak|good|strong)\ncanvas-2: 5 pains, fit (weak|good|strong)$/);
  } finally {
    server.close();
  }
});
