// End to end: the built Miro app (build/miro) in the machine's Chromium, the
// real wasm core and panel, with the Miro CONTRACT host (tests/contract/
// fake-miro.ts) served in place of Miro's SDK script. Not the real Miro.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser } from './browser.mjs';
import { bundleForBrowser, loadTs, root } from '../contract/load.mjs';
import { serveDirectory } from '../../scripts/static-server.mjs';
import { MIRO_CONTENT_SECURITY_POLICY as CSP } from '../../scripts/serve-miro.mjs';

const SDK_URL = 'https://miro.com/app/static/sdk/v2/miro.js';
let browser;
let site;
let fakeSdk;
const requests = [];
const errors = [];

before(async () => {
  const h = await loadTs('tests/contract/miro-harness.ts');
  const items = h.sdkItemsFromRestExport(JSON.parse(readFileSync(path.join(root, 'examples/miro-saas-canvas.json'), 'utf8')));
  fakeSdk = `${await bundleForBrowser('tests/contract/browser-miro.ts', 'CanvasFitFakeMiro')}\nCanvasFitFakeMiro.install(${JSON.stringify(items)});`;
  site = await serveDirectory(path.join(root, 'build/miro'), CSP);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  site?.server.close();
});

async function openPage(file) {
  const page = await browser.newPage({ viewport: { width: 420, height: 900 } });
  await page.route(SDK_URL, (route) => route.fulfill({ body: fakeSdk, contentType: 'text/javascript' }));
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  await page.goto(site.url + file);
  return page;
}

const dump = (page) => page.evaluate(() => {
  const { items, tags, metadata } = window.canvasfitFakeMiro.dump();
  return { items: items.map(({ modifiedAt, modifiedBy, ...rest }) => rest), tags, metadata };
});

async function clickAndWait(page, selector, counter = 'analyses') {
  const before = await page.evaluate((c) => window.canvasfitMiro.session[c], counter);
  await page.click(selector);
  await page.waitForFunction(([c, n]) => window.canvasfitMiro.session[c] > n, [counter, before]);
  await page.evaluate(() => window.canvasfitMiro.session.idle());
}

test('the headless entry opens the panel when the app icon is clicked', async () => {
  const page = await openPage('index.html');
  await page.waitForFunction(() => window.canvasfitFakeMiro !== undefined);
  await page.evaluate(() => window.canvasfitFakeMiro.clickIcon());
  await page.waitForFunction(() => window.canvasfitFakeMiro.openedPanels.length === 1);
  assert.deepEqual(await page.evaluate(() => window.canvasfitFakeMiro.openedPanels), ['panel.html']);
  await page.close();
});

test('panel: analyse, re-run, links, clear with a user edit, exports, in Miro\'s look', async () => {
  const page = await openPage('panel.html');
  await page.waitForFunction(() => window.canvasfitMiro?.ready === true, null, { timeout: 30000 });
  const original = await dump(page);
  assert.ok(await page.locator('#cf-analyse.button.button-primary').count(), 'mirotone button classes');

  await clickAndWait(page, '#cf-analyse');
  const report = await page.evaluate(() => window.canvasfitMiro.session.report);
  const analysed = await dump(page);
  const palette = ['gray', 'light_yellow', 'yellow', 'orange', 'light_green', 'green', 'dark_green', 'cyan', 'light_pink', 'pink', 'violet', 'red', 'light_blue', 'blue', 'dark_blue', 'black'];
  for (const item of analysed.items.filter((i) => i.type === 'sticky_note')) assert.ok(palette.includes(item.style.fillColor));
  const rowStatus = new Map(report.canvases.flatMap((c) => c.fit.pains_detail).map((row) => [row.note, row.status]));
  for (const note of report.notes.filter((n) => n.section === 'pains')) {
    const item = analysed.items.find((i) => i.id === note.id);
    const expected = { covered: 'light_green', unaddressed: 'red', question: 'gray' }[rowStatus.get(note.id)];
    if (item.type === 'sticky_note') assert.equal(item.style.fillColor, expected);
  }
  if ([...rowStatus.values()].includes('unaddressed')) assert.ok(analysed.tags.some((t) => t.title === 'CanvasFit: gap'));
  if ([...rowStatus.values()].includes('question')) assert.ok(analysed.tags.some((t) => t.title === 'CanvasFit: ?'));
  assert.match(await page.textContent('#panel'), /Fit \d+ %/);
  mkdirSync(path.join(root, 'build/e2e'), { recursive: true });
  await page.screenshot({ path: path.join(root, 'build/e2e/miro-panel.png'), fullPage: true });

  await clickAndWait(page, '#cf-analyse');
  await clickAndWait(page, '#cf-analyse');
  assert.deepEqual(await dump(page), analysed, 're-runs replace marks, never add more');

  await page.click('#cf-links');
  await page.waitForFunction(() => window.canvasfitMiro.session.analyses >= 4);
  await page.evaluate(() => window.canvasfitMiro.session.idle());
  const withLinks = await dump(page);
  assert.equal(withLinks.items.filter((i) => i.type === 'connector' && i.style.strokeStyle === 'dashed').length, report.links.filter((l) => l.source !== 'suggested').length);

  const pain = report.notes.find((n) => n.section === 'pains' && analysed.items.find((i) => i.id === n.id).type === 'sticky_note').id;
  await page.evaluate((id) => window.canvasfitFakeMiro.userEdit(id, { style: { fillColor: 'violet' } }), pain);
  await page.click('#cf-clear');
  await page.waitForFunction(() => /Cleared/.test(document.querySelector('.cf-status').textContent));
  await page.evaluate(() => window.canvasfitMiro.session.idle());
  const cleared = await dump(page);
  const expected = structuredClone(original);
  expected.items.find((i) => i.id === pain).style.fillColor = 'violet';
  assert.deepEqual(cleared, expected, 'every colour, tag and item as before, except the user\'s own edit');

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#cf-export-md')]);
  assert.equal(download.suggestedFilename(), 'canvasfit-report.md');
  await page.close();
});

test('panel: the Summary view draws the one-page summary under the panel\'s CSP', async () => {
  const page = await openPage('panel.html');
  await page.waitForFunction(() => window.canvasfitMiro?.ready === true, null, { timeout: 30000 });
  await clickAndWait(page, '#cf-analyse');
  const report = await page.evaluate(() => window.canvasfitMiro.session.report);
  await page.click('#cf-view-summary');
  const frame = await (await page.waitForSelector('iframe.cf-summary')).contentFrame();
  await frame.waitForSelector('svg.fit-matrix');
  assert.equal(await frame.locator('svg.fit-matrix').count(), report.canvases.length);
  assert.equal(await frame.locator('g.mark').count(),
    report.links.filter((l) => report.notes.some((n) => n.id === l.to && (n.section === 'pains' || n.section === 'gains'))
      && report.notes.some((n) => n.id === l.from && (n.section === 'relievers' || n.section === 'creators'))).length);
  // The stylesheet applied: the CSP lets exactly it through.
  assert.equal(await frame.evaluate(() => getComputedStyle(document.querySelector('h1')).fontSize), '18px');
  await page.screenshot({ path: path.join(root, 'build/e2e/miro-summary.png'), fullPage: true });
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#cf-export-summary')]);
  assert.equal(download.suggestedFilename(), 'canvasfit-summary.html');
  await page.close();
});

test('the Miro pages load nothing from another origin but Miro\'s SDK, and log no errors', () => {
  const origin = new URL(site.url).origin;
  const outside = requests.filter((r) => !r.startsWith(origin) && r !== SDK_URL && !r.startsWith('data:') && !r.startsWith('blob:'));
  assert.equal(JSON.stringify(outside), '[]');
  assert.equal(JSON.stringify(errors), '[]');
});
