// The FigJam contract host in Chromium for the end-to-end tests: the built
// code.js runs in the page with the contract host as `figma`, the built
// ui.html in a sandboxed (null-origin) iframe, optionally under a
// Content-Security-Policy (as Figma's UI iframe). Records every request, every
// error and every CSP violation the pages report. Not FigJam.
import { mkdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import { bundleForBrowser, loadTs, root } from '../contract/load.mjs';
import { exampleExport } from '../contract/example-boards.mjs';
import { serveDirectory } from '../../scripts/static-server.mjs';

/**
 * Opens the plugin in `browser` on the board drawn from `bundle` (a Miro REST
 * export; the bundled example by default); the UI document gets `csp` when given.
 */
export async function openFigJam(browser, { csp, name = 'e2e-figjam', bundle = exampleExport() } = {}) {
  const h = await loadTs('tests/contract/figjam-harness.ts');
  const specs = h.figjamNodesFromRestExport(bundle);
  const dir = path.join(root, 'build', name);
  mkdirSync(dir, { recursive: true });
  const uiHtml = readFileSync(path.join(root, 'build/figjam/ui.html'), 'utf8');
  const host = await bundleForBrowser('tests/contract/browser-figjam.ts', 'CanvasFitFakeFigJam');
  writeFileSync(path.join(dir, 'host.js'), `${host}\nCanvasFitFakeFigJam.install(${JSON.stringify(specs)}, ${JSON.stringify(uiHtml)}, ${JSON.stringify(csp ?? '')});`);
  copyFileSync(path.join(root, 'build/figjam/code.js'), path.join(dir, 'code.js'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>FigJam contract host</title><link rel="icon" href="data:,">'
    + '<body><script src="host.js"></script><script src="code.js"></script></body>');
  const site = await serveDirectory(dir);
  const page = await browser.newPage({ viewport: { width: 500, height: 900 } });
  const requests = [];
  const errors = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  await page.goto(site.url);
  await page.waitForFunction(() => document.querySelector('iframe') !== null);
  const ui = page.frames().find((frame) => frame !== page.mainFrame());
  return { page, ui, site, requests, errors };
}
