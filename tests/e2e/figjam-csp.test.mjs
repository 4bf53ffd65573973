// End to end: the built FigJam UI under the Content-Security-Policy of
// Figma's plugin UI iframe, in Chromium (contract host, not FigJam).
//
// What is known of that policy (docs/plugins.md, "FigJam UI and its
// Content-Security-Policy", has the sources): the iframe has a null origin;
// with `networkAccess` in the manifest Figma blocks, by CSP, every request to
// a domain the manifest does not allow (CanvasFit allows none), and the
// directive reported for such a block is `default-src data: blob: <allowed
// domains>`; fonts may come from static.figma.com/webfont. Figma does not
// publish the policy's script directives. So the UI is run under that policy
// twice: with 'wasm-unsafe-eval' (WebAssembly allowed: the whole plugin must
// work, with nothing refused), and without it, the strictest reading (the
// core cannot start: the panel must say why, and nothing is read or written).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser } from './browser.mjs';
import { openFigJam } from './figjam-page.mjs';

const NETWORK_NONE = "default-src data: blob:; style-src 'unsafe-inline' data: blob:; font-src data: blob: https://static.figma.com/webfont/";
export const FIGMA_UI_CSP = `${NETWORK_NONE}; script-src 'unsafe-inline' 'wasm-unsafe-eval' data: blob:`;
export const STRICTEST_UI_CSP = `${NETWORK_NONE}; script-src 'unsafe-inline' data: blob:`;

let browser;
const opened = [];

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  for (const { site } of opened) site.server.close();
});

async function open(csp, name) {
  const figjam = await openFigJam(browser, { csp, name });
  opened.push(figjam);
  return figjam;
}

test('under Figma\'s UI policy with WebAssembly allowed, the wasm core runs and Analyse writes marks; the policy is in force', async () => {
  const { page, ui, site, requests, errors } = await open(FIGMA_UI_CSP, 'e2e-figjam-csp');
  await ui.waitForFunction(() => window.canvasfitFigJam?.ready === true, null, { timeout: 30000 });
  assert.match(await ui.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]').content), /wasm-unsafe-eval/);
  await ui.click('#cf-analyse');
  await ui.waitForFunction(() => window.canvasfitFigJam.session.analyses === 1, null, { timeout: 30000 });
  const marked = await page.evaluate(() => window.canvasfitFakeFigJam.dump().filter((n) => Object.keys(n.pluginData).length > 0 || n.sharedPluginData).length);
  assert.ok(marked > 5, `${marked} nodes carry CanvasFit's records`);
  assert.deepEqual(errors, [], 'the plugin itself needed nothing the policy refuses');
  // The policy is really applied: a request from the UI is refused by it (the
  // strict test below shows its script directive is enforced too).
  const probes = await ui.evaluate(async (url) => {
    const violations = [];
    document.addEventListener('securitypolicyviolation', (event) => violations.push(event.effectiveDirective));
    const fetched = await fetch(url).then(() => 'fetched', () => 'refused');
    await new Promise((r) => setTimeout(r, 100));
    return { fetched, violations };
  }, site.url);
  assert.deepEqual(probes, { fetched: 'refused', violations: ['connect-src'] });
  const origin = new URL(site.url).origin;
  assert.deepEqual(requests.filter((r) => !r.startsWith(origin) && !r.startsWith('data:') && !r.startsWith('about:')), []);
});

test('under Figma\'s UI policy the Summary view draws the summary with its stylesheet, and nothing is refused', async () => {
  const { ui, errors } = await open(FIGMA_UI_CSP, 'e2e-figjam-csp-summary');
  await ui.waitForFunction(() => window.canvasfitFigJam?.ready === true, null, { timeout: 30000 });
  await ui.click('#cf-analyse');
  await ui.waitForFunction(() => window.canvasfitFigJam.session.analyses === 1, null, { timeout: 30000 });
  await ui.click('#cf-view-summary');
  const frame = await (await ui.waitForSelector('iframe.cf-summary')).contentFrame();
  await frame.waitForSelector('svg.fit-matrix');
  assert.equal(await frame.evaluate(() => getComputedStyle(document.querySelector('h1')).fontSize), '18px');
  assert.deepEqual(errors, []);
});

test('under the strictest reading (no \'wasm-unsafe-eval\'), the UI says WebAssembly is refused and nothing is read or changed', async () => {
  const { page, ui } = await open(STRICTEST_UI_CSP, 'e2e-figjam-csp-strict');
  const original = await page.evaluate(() => window.canvasfitFakeFigJam.dump());
  await ui.waitForFunction(() => document.getElementById('panel')?.dataset.failed === 'true', null, { timeout: 30000 });
  assert.match(await ui.textContent('#panel'), /does not allow WebAssembly .*'wasm-unsafe-eval'.*Nothing was read or changed/);
  assert.equal(await ui.evaluate(() => typeof window.canvasfitFigJam), 'undefined', 'no session: no message to the main side');
  assert.deepEqual(await page.evaluate(() => window.canvasfitFakeFigJam.dump()), original);
});
