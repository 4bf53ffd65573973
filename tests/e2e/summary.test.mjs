// End to end: the panel's Summary view on the demo page (real Excalidraw,
// real wasm core, Chromium). For each bundled example the fit matrix drawn in
// the sandboxed iframe has the report's rows (pains then gains, by rank), one
// column per reliever and creator, one mark per link with its source, and the
// unaddressed rows and orphan columns marked. A note whose text is markup is
// shown as text in the board's summary, and a board with a competitor sheet
// gets a price/value map. Screenshots: build/e2e/summary-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoPageForTheseTests } from './browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = path.join(root, 'build/e2e');
const demo = demoPageForTheseTests();
const HOSTILE = '<img src=x onerror="window.top.__canvasfitPwned=1"><script>window.top.__canvasfitPwned=2</script> ]]> <b>"Orders" & \'lost\'</b>';

const exampleText = (name) => readFileSync(path.join(root, 'examples', name), 'utf8');

/** Loads a scene, analyses it, opens the Summary view; returns the report and the iframe's frame. */
async function summaryOf(scene) {
  const { page } = demo;
  const report = await page.evaluate(async (text) => {
    await window.canvasfitDemo.loadScene(text);
    return window.canvasfitDemo.analyze();
  }, typeof scene === 'string' ? scene : JSON.stringify(scene));
  await page.click('#cf-view-summary');
  const frameElement = await page.waitForSelector('#panel iframe.cf-summary');
  const frame = await frameElement.contentFrame();
  await frame.waitForSelector('h1');
  return { report, frame, frameElement };
}

/** What the summary should draw for a canvas, from the report alone. */
function expectedMatrix(report, canvas) {
  const noteById = new Map(report.notes.map((note) => [note.id, note]));
  const byRank = (ids) => ids.map((id) => noteById.get(id)).filter(Boolean)
    .map((note, index) => ({ note, index }))
    .sort((a, b) => (a.note.rank ?? 1e9) - (b.note.rank ?? 1e9) || a.index - b.index).map(({ note }) => note.id);
  const rows = [...byRank(canvas.sections.pains), ...byRank(canvas.sections.gains)];
  const columns = [...canvas.sections.relievers, ...canvas.sections.creators];
  const status = new Map([...canvas.fit.pains_detail, ...canvas.fit.gains_detail].map((row) => [row.note, row.status]));
  const counted = new Set(report.links.filter((link) => link.source !== 'suggested').map((link) => link.from));
  const asked = new Set(report.questions.filter((q) => q.code === 'what-does-it-address').flatMap((q) => q.notes));
  const marks = report.links.filter((link) => rows.includes(link.to) && columns.includes(link.from))
    .map((link) => `${link.source} ${link.from}->${link.to}`);
  return {
    rows,
    columns,
    unaddressed: rows.filter((id) => status.get(id) === 'unaddressed'),
    orphans: columns.filter((id) => !counted.has(id) && !asked.has(id)),
    marks,
  };
}

/** What the iframe shows for a canvas: read from the rendered SVG. */
function drawnMatrix(frame, canvasId) {
  return frame.evaluate((id) => {
    const svg = document.getElementById(id).querySelector('svg.fit-matrix');
    const all = (selector) => [...svg.querySelectorAll(selector)];
    return {
      rows: all('g.row').map((g) => g.getAttribute('data-note')),
      columns: all('g.col').map((g) => g.getAttribute('data-note')),
      unaddressed: all('g.row[data-status="unaddressed"]').map((g) => g.getAttribute('data-note')),
      orphans: all('g.col[data-status="orphan"]').map((g) => g.getAttribute('data-note')),
      marks: all('g.mark').map((g) => `${g.getAttribute('data-source')} ${g.getAttribute('data-from')}->${g.getAttribute('data-to')}`),
      untitled: all('g.mark, g.row, g.col').filter((g) => !g.querySelector(':scope > title')?.textContent).length,
      width: svg.getBoundingClientRect().width,
    };
  }, canvasId);
}

for (const example of ['cafe-canvas.excalidraw', 'two-canvases.excalidraw']) {
  test(`the Summary view of ${example} draws the report's fit matrix`, async () => {
    const { report, frame, frameElement } = await summaryOf(exampleText(example));
    assert.ok(report.canvases.length >= 1);
    const sandbox = await frameElement.getAttribute('sandbox');
    assert.equal(sandbox, '', 'a sandboxed iframe without allow-scripts');
    for (const canvas of report.canvases) {
      const expected = expectedMatrix(report, canvas);
      const drawn = await drawnMatrix(frame, canvas.id);
      assert.deepEqual(drawn.rows, expected.rows, `${canvas.id}: rows`);
      assert.deepEqual(drawn.columns, expected.columns, `${canvas.id}: columns`);
      assert.deepEqual(drawn.unaddressed, expected.unaddressed, `${canvas.id}: unaddressed rows`);
      assert.deepEqual(drawn.orphans, expected.orphans, `${canvas.id}: orphan columns`);
      assert.deepEqual(drawn.marks, expected.marks, `${canvas.id}: marks`);
      assert.ok(expected.marks.length > 0, `${canvas.id}: the example has links to draw`);
      assert.equal(drawn.untitled, 0, 'every mark, row and column names its evidence in a <title>');
      assert.ok(drawn.width <= 360, `${canvas.id}: the matrix fits the panel (${drawn.width} px)`);
    }
    // The fit per canvas against the band, and the line saying what to add for a price/value map.
    const fits = await frame.$$eval('svg.fit-bands g.fit', (groups) => groups.map((g) => g.getAttribute('data-canvas')));
    assert.deepEqual(fits, report.canvases.map((canvas) => canvas.id));
    assert.equal(await frame.locator('svg.price-value').count(), 0);
    assert.match(await frame.textContent('body'), /No competitor information on this canvas/);
    mkdirSync(OUT, { recursive: true });
    const name = example.replace('.excalidraw', '');
    await demo.page.screenshot({ path: path.join(OUT, `summary-panel-${name}.png`) });
    await demo.page.click('#cf-view-details');
  });
}

/** A copy of a note of the scene (its rectangle and bound text) with a new id, text and place. */
function noteLike(elements, id, text, x, y, frameId) {
  const box = elements.find((element) => element.id === 'segment-1');
  const label = elements.find((element) => element.id === 'segment-1-text');
  return [
    { ...box, id, x, y, frameId, boundElements: [{ type: 'text', id: `${id}-text` }] },
    { ...label, id: `${id}-text`, x: x + 5, y: y + 20, frameId, containerId: id, text, originalText: text },
  ];
}

test('markup in a note is text in the summary, and a competitor sheet gives a price/value map', async () => {
  const scene = JSON.parse(exampleText('cafe-canvas.excalidraw'));
  const pain = scene.elements.find((element) => element.containerId && /Phone orders get lost/.test(element.text));
  pain.text = HOSTILE;
  pain.originalText = HOSTILE;
  const frame = { ...scene.elements.find((element) => element.id === 'frame-pains'), id: 'frame-competitors', name: 'Competitors', x: 0, y: 1700, width: 1220, height: 300 };
  scene.elements.push(frame,
    ...noteLike(scene.elements, 'rival-1', 'Counter Pro: speed 2, price 3', 40, 1780, frame.id),
    ...noteLike(scene.elements, 'rival-2', 'Us: speed 5, price 4', 340, 1780, frame.id));
  const { report, frame: summary } = await summaryOf(scene);
  const painId = pain.containerId;
  assert.equal(report.notes.find((note) => note.id === painId).text, HOSTILE);

  // Shown as text: no element made from it, the very characters in the row's title and the top list.
  const inside = await summary.evaluate((id) => ({
    images: document.querySelectorAll('img').length,
    scripts: document.querySelectorAll('script').length,
    bold: document.querySelectorAll('b').length,
    rowTitle: document.querySelector(`g.row[data-note="${id}"] > title`)?.textContent,
    topItem: document.querySelector(`ul.top li[data-note="${id}"]`)?.textContent,
  }), painId);
  assert.deepEqual([inside.images, inside.scripts, inside.bold], [0, 0, 0]);
  assert.ok(inside.rowTitle.includes(HOSTILE), inside.rowTitle);
  assert.ok(inside.topItem.includes(HOSTILE), inside.topItem);
  assert.equal(await demo.page.evaluate(() => window.__canvasfitPwned), undefined);

  // The price/value map: both alternatives placed, the offer ("Us") apart, the driver named.
  const canvas = report.canvases[0];
  assert.ok(canvas.competitors, 'the sheet is read');
  const placed = await summary.$$eval('svg.price-value g.alternative', (groups) => groups.map((g) => ({
    name: g.getAttribute('data-name'), offer: g.getAttribute('data-offer'), price: g.getAttribute('data-price'), value: g.getAttribute('data-value'),
  })));
  assert.deepEqual(placed, canvas.competitors.price_value_map.filter((point) => point.price !== null && point.value !== null)
    .map((point) => ({ name: point.name, offer: String(point.name === 'Us'), price: point.price.toFixed(1), value: point.value.toFixed(1) })));
  assert.equal(placed.length, 2);
  const drivers = await summary.textContent('ul.drivers');
  assert.match(drivers, /speed/);

  mkdirSync(OUT, { recursive: true });
  await demo.page.screenshot({ path: path.join(OUT, 'summary-panel-markup-and-competitors.png') });
  // The whole page, drawn at the panel's width (the iframe grown to the page's height).
  const height = await summary.evaluate(() => document.documentElement.scrollHeight);
  // (A page screenshot clipped to the iframe: an element screenshot would try to run script in the sandboxed frame.)
  await demo.page.setViewportSize({ width: 1500, height: height + 300 });
  await demo.page.evaluate((h) => {
    const iframe = document.querySelector('#panel iframe.cf-summary');
    iframe.style.height = `${h}px`;
    iframe.scrollIntoView();
  }, height);
  const box = await demo.page.locator('#panel iframe.cf-summary').boundingBox();
  await demo.page.screenshot({ path: path.join(OUT, 'summary-full-markup-and-competitors.png'), clip: box });
  await demo.page.setViewportSize({ width: 1500, height: 900 });
  await demo.page.click('#cf-view-details');
  // The panel's own lists show it as text too.
  assert.ok((await demo.page.textContent('#panel .cf-body')).includes(HOSTILE));
  assert.deepEqual(demo.errors, []);
});
