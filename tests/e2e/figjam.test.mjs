// End to end: the built FigJam plugin (build/figjam/code.js and the single-file
// ui.html) in the machine's Chromium. The main code runs in the page with the
// FigJam CONTRACT host (tests/contract/fake-figjam.ts) as `figma`; the UI runs
// in a sandboxed iframe and talks to it only through messages. Not FigJam.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser } from './browser.mjs';
import { root } from '../contract/load.mjs';
import { openFigJam } from './figjam-page.mjs';
import { exampleWithoutGainCreators } from '../contract/example-boards.mjs';

let browser;
let site;
let page;
let ui;
let requests;
let errors;

before(async () => {
  browser = await launchBrowser();
  // The example without its gain creators: its gains are certainly
  // unaddressed, so Analyse writes warning stickies (the example itself gives
  // mostly questions; tests/contract/example-boards.mjs).
  ({ page, ui, site, requests, errors } = await openFigJam(browser, { bundle: exampleWithoutGainCreators() }));
  await ui.waitForFunction(() => window.canvasfitFigJam?.ready === true, null, { timeout: 30000 });
});

after(async () => {
  await browser?.close();
  site?.server.close();
});

const dump = () => page.evaluate(() => window.canvasfitFakeFigJam.dump());
const ours = (nodes) => nodes.filter((node) => node.sharedPluginData?.['canvasfit\u0000mark']);

async function clickAndWait(selector) {
  const before = await ui.evaluate(() => window.canvasfitFigJam.session.analyses);
  await ui.click(selector);
  await ui.waitForFunction((n) => window.canvasfitFigJam.session.analyses > n, before);
  await ui.evaluate(() => window.canvasfitFigJam.session.idle());
}

test('the UI is one self-contained file in a null-origin iframe', async () => {
  const html = readFileSync(path.join(root, 'build/figjam/ui.html'), 'utf8');
  assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+href=/, 'nothing to fetch');
  assert.equal(await ui.evaluate(() => window.origin), 'null');
  const manifest = JSON.parse(readFileSync(path.join(root, 'build/figjam/manifest.json'), 'utf8'));
  assert.deepEqual(manifest.editorType, ['figjam']);
  assert.deepEqual(manifest.networkAccess.allowedDomains, ['none']);
});

test('analyse, re-run, links, clear with a user edit', async () => {
  const original = await dump();
  await clickAndWait('#cf-analyse');
  const report = await ui.evaluate(() => window.canvasfitFigJam.session.report);
  const analysed = await dump();
  const rowStatus = new Map(report.canvases.flatMap((c) => c.fit.pains_detail).map((row) => [row.note, row.status]));
  const pains = report.notes.filter((n) => n.section === 'pains');
  for (const note of pains) {
    const node = analysed.find((n) => n.id === note.id);
    assert.equal(JSON.parse(node.sharedPluginData?.['canvasfit\u0000mark']).s, rowStatus.get(note.id));
  }
  assert.ok(ours(analysed).some((n) => n.type === 'STICKY' && /^⚠/.test(n.text)), 'warning stickies');
  assert.match(await ui.textContent('#panel'), /Fit \d+ %/);
  mkdirSync(path.join(root, 'build/e2e'), { recursive: true });
  await page.screenshot({ path: path.join(root, 'build/e2e/figjam-ui.png'), fullPage: true });

  await clickAndWait('#cf-analyse');
  assert.equal(ours(await dump()).length, ours(analysed).length, 're-runs replace marks');

  await ui.click('#cf-links');
  await ui.waitForFunction(() => window.canvasfitFigJam.session.analyses >= 3);
  await ui.evaluate(() => window.canvasfitFigJam.session.idle());
  assert.equal(ours(await dump()).filter((n) => n.type === 'CONNECTOR').length, report.links.filter((l) => l.source !== 'suggested').length);

  const pain = pains[0].id;
  const user = { type: 'SOLID', color: { r: 0.2, g: 0.4, b: 0.6 } };
  await page.evaluate(([id, paint]) => window.canvasfitFakeFigJam.userEdit(id, (node) => { node.fills = [paint]; }), [pain, user]);
  await ui.click('#cf-clear');
  await ui.waitForFunction(() => /Cleared/.test(document.querySelector('.cf-status').textContent));
  const cleared = await dump();
  assert.deepEqual(cleared, original.map((node) => (node.id === pain ? { ...node, fills: [user] } : node)));
});

test('the Summary view draws the one-page summary inside the UI', async () => {
  await clickAndWait('#cf-analyse');
  const report = await ui.evaluate(() => window.canvasfitFigJam.session.report);
  await ui.click('#cf-view-summary');
  const frame = await (await ui.waitForSelector('iframe.cf-summary')).contentFrame();
  await frame.waitForSelector('svg.fit-matrix');
  assert.equal(await frame.locator('svg.fit-matrix').count(), report.canvases.length);
  assert.equal(await frame.evaluate(() => getComputedStyle(document.querySelector('h1')).fontSize), '18px');
  mkdirSync(path.join(root, 'build/e2e'), { recursive: true });
  await page.screenshot({ path: path.join(root, 'build/e2e/figjam-summary.png') });
  await ui.click('#cf-view-details');
});

test('the FigJam pages request nothing beyond the harness and log no errors', () => {
  const origin = new URL(site.url).origin;
  assert.equal(JSON.stringify(requests.filter((r) => !r.startsWith(origin) && !r.startsWith('data:') && !r.startsWith('about:'))), '[]');
  assert.equal(JSON.stringify(errors), '[]');
});
