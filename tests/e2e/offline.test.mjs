// The demo page attempts no request beyond its own origin during a session of
// use, not even one its Content-Security-Policy would block: every request
// Chromium starts is recorded (DevTools Network.requestWillBeSent sees the
// blocked ones too, as well as playwright's request event), from the first
// page load through Analyse, Links, Suggestions, Live, Clear, each bundled
// example, text in every Excalidraw font (and Chinese, which Excalidraw sets
// in Xiaolai), font switches and an SVG export. And the text still renders:
// every font face loads, from /fonts/ on the page's origin, and draws glyphs
// of its own.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from './browser.mjs';
import { startDemoServer } from '../../scripts/serve-demo.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const EXAMPLES = readdirSync(path.join(root, 'examples')).filter((name) => name.endsWith('.excalidraw')).sort();
/** Excalidraw 0.18's font families (FONT_FAMILY) and the folder of dist/prod/fonts each is served from. */
const FONTS = [
  { id: 1, family: 'Virgil', folder: 'Virgil' },
  { id: 3, family: 'Cascadia', folder: 'Cascadia' },
  { id: 5, family: 'Excalifont', folder: 'Excalifont' },
  { id: 6, family: 'Nunito', folder: 'Nunito' },
  { id: 7, family: 'Lilita One', folder: 'Lilita' },
  { id: 8, family: 'Comic Shanns', folder: 'ComicShanns' },
  { id: 9, family: 'Liberation Sans', folder: 'Liberation' },
];

let browser;
let server;
let origin;
let page;
const attempts = [];       // every URL Chromium started a request for (DevTools)
const requests = [];       // playwright's view, which includes the page's workers
const fontResponses = [];  // [status, url] of every font file served
const cdnProbe = 'https://fonts.canvasfit.invalid/probe.woff2';

before(async () => {
  browser = await launchBrowser();
  let url;
  ({ server, url } = await startDemoServer(0));
  origin = new URL(url).origin;
  page = await browser.newPage({ viewport: { width: 1500, height: 900 }, acceptDownloads: true });
  const devtools = await page.context().newCDPSession(page);
  await devtools.send('Network.enable');
  devtools.on('Network.requestWillBeSent', (event) => attempts.push(event.request.url));
  page.on('request', (request) => requests.push(request.url()));
  page.on('response', (response) => {
    if (/\.(woff2|ttf)$/.test(new URL(response.url()).pathname)) fontResponses.push([response.status(), response.url()]);
  });
  await page.goto(url);
  await page.waitForFunction(() => window.canvasfitDemo?.ready === true, null, { timeout: 30000 });
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** Requests to anywhere but the page's origin (inline data: and blob: URLs are no requests). */
const outside = (urls) => urls.filter((url) => !/^(data|blob):/.test(url) && new URL(url).origin !== origin);

const hook = (method, ...args) => page.evaluate(([name, values]) => window.canvasfitDemo[name](...values), [method, args]);

/** A scene with one text per Excalidraw font, and one in Chinese. */
function fontScene() {
  const text = (id, y, fontFamily, words) => ({
    type: 'text', id, x: 0, y, width: 600, height: 45, fontSize: 36, fontFamily, lineHeight: 1.25,
    text: words, originalText: words, strokeColor: '#1e1e1e',
  });
  return {
    type: 'excalidraw', version: 2,
    elements: [
      ...FONTS.map((font, i) => text(`font-${font.id}`, i * 60, font.id, `Pains ${font.family} ÀÉÎ 0123`)),
      text('font-chinese', FONTS.length * 60, 5, '客户痛点 顾客收益'),
    ],
  };
}

test('a session of use: the panel, every example, every font, an SVG export', async () => {
  await page.click('#cf-analyse');
  await page.waitForFunction(() => window.canvasfitDemo.session.report !== null);
  for (const toggle of ['#cf-links', '#cf-suggestions']) {
    await page.click(toggle);
    await page.click(toggle);
  }
  await page.click('#cf-live');
  const analyses = await page.evaluate(() => window.canvasfitDemo.session.analyses);
  await page.evaluate(() => {
    const { api, lib } = window.canvasfitDemo.session;
    const elements = api.getSceneElementsIncludingDeleted();
    const text = elements.find((e) => e.type === 'text' && e.containerId);
    api.updateScene({ elements: elements.map((e) => (e === text ? lib.newElementWith(e, { text: 'Orders lost at rush hour', originalText: 'Orders lost at rush hour' }) : e)) });
  });
  await page.waitForFunction((n) => window.canvasfitDemo.session.analyses > n, analyses);
  await page.click('#cf-live');
  await page.click('#cf-clear');
  for (const name of EXAMPLES) {
    await hook('loadScene', readFileSync(path.join(root, 'examples', name), 'utf8'));
    const report = await hook('analyze');
    assert.ok(report.notes.length > 0, name);
    await hook('clear');
  }
  // Text in each font, then one text switched through all of them, as the font picker does.
  await hook('loadScene', fontScene());
  for (const font of FONTS) {
    await page.evaluate((fontFamily) => {
      const { api, lib } = window.canvasfitDemo.session;
      api.updateScene({ elements: api.getSceneElementsIncludingDeleted().map((e) => (e.id === 'font-chinese' ? lib.newElementWith(e, { fontFamily }) : e)) });
    }, font.id);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  }
  await page.evaluate(() => document.fonts.ready);
  // Excalidraw's own SVG export embeds the fonts it uses: it fetches them itself.
  await page.click('.excalidraw canvas.interactive', { position: { x: 1100, y: 800 } });
  await page.keyboard.press('Control+Shift+E');
  const fontFetched = page.waitForRequest((request) => request.resourceType() === 'fetch' && request.url().includes('/fonts/'), { timeout: 15000 });
  await page.click('button[aria-label="Export to SVG"]');
  assert.ok((await fontFetched).url().startsWith(`${origin}/fonts/`), 'the export fetched a font from the page\'s origin');
  await page.waitForTimeout(500);
  await page.keyboard.press('Escape');
});

test('a font face created with a source on another origin never requests it, and loads from its local one', async () => {
  const outcome = await page.evaluate(async (probe) => {
    const face = new FontFace('CanvasFit probe', `url(${probe}) format('woff2'), url(/fonts/Virgil/Virgil-Regular.woff2) format('woff2')`);
    await face.load();
    const remoteOnly = new FontFace('CanvasFit probe 2', `url(${probe}) format('woff2')`);
    const remote = await remoteOnly.load().then(() => 'loaded', () => 'error');
    return { status: face.status, remote };
  }, cdnProbe);
  assert.deepEqual(outcome, { status: 'loaded', remote: 'error' });
  assert.deepEqual(attempts.filter((url) => url === cdnProbe), [], 'the other origin was never asked');
});

test('no request was attempted beyond the page\'s origin', (t) => {
  t.diagnostic(`requests attempted: ${attempts.length}, outside ${origin}: ${outside(attempts).length}`);
  assert.ok(attempts.length > 10, 'requests were recorded');
  assert.deepEqual(outside(attempts), []);
  assert.deepEqual(outside(requests), [], 'none from a worker either');
});

test('the text renders in Excalidraw\'s fonts, loaded from /fonts/ on the page\'s origin', async () => {
  const families = await page.evaluate(() => [...document.fonts].map((face) => ({ family: face.family.replace(/"/g, ''), status: face.status })));
  assert.deepEqual(families.filter((face) => face.status === 'error'), [], 'no face failed to load');
  for (const font of [...FONTS, { family: 'Xiaolai', folder: 'Xiaolai' }]) {
    assert.ok(families.some((face) => face.family === font.family && face.status === 'loaded'), `${font.family} loaded`);
    const served = fontResponses.filter(([, url]) => url.startsWith(`${origin}/fonts/${font.folder}/`));
    assert.ok(served.length > 0, `${font.family} came from /fonts/${font.folder}/`);
    assert.deepEqual(served.filter(([status]) => status !== 200), [], `${font.family} served`);
  }
  // A loaded face draws its own glyphs: the text is wider or narrower than in the fallback alone.
  const widths = await page.evaluate((names) => {
    const context = document.createElement('canvas').getContext('2d');
    const measure = (font, text) => { context.font = font; return context.measureText(text).width; };
    return names.map(([family, text]) => [family, measure(`36px "${family}", monospace`, text), measure('36px monospace', text)]);
  }, [...FONTS.map((font) => [font.family, 'Pains ÀÉÎ 0123 the quick brown fox']), ['Xiaolai', '客户痛点 顾客收益']]);
  for (const [family, own, fallback] of widths) assert.notEqual(own, fallback, `${family} draws the text`);
});
