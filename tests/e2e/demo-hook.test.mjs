// The demo page's automation hook (window.canvasfitDemo, docs/demo.md) in
// Chromium: every bundled Excalidraw example goes in through loadScene, is
// analysed as the CLI analyses the same file, is cleared, and comes back out
// of getScene with nothing lost; bad input is refused with the reason and
// leaves the board alone; order keys Excalidraw cannot extend are replaced.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoPageForTheseTests } from './browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(root, 'build/native/canvasfit');
const EXAMPLES = readdirSync(path.join(root, 'examples')).filter((name) => name.endsWith('.excalidraw')).sort();
const demo = demoPageForTheseTests();

/** What the user sees of each element: identity, text, colours and strokes, place, frame and container. */
const FIELDS = ['id', 'type', 'text', 'originalText', 'strokeColor', 'backgroundColor', 'strokeWidth', 'strokeStyle',
  'fillStyle', 'opacity', 'x', 'y', 'width', 'height', 'frameId', 'containerId', 'name', 'customData'];

function userView(elements) {
  return elements.filter((e) => !e.isDeleted).map((e) => Object.fromEntries(FIELDS.map((f) => [f, e[f] ?? null])));
}

/** The figures of a report that do not depend on how the board was read: fit per canvas, each note's place, the links. */
function figures(report) {
  return {
    canvases: report.canvases.map((c) => ({
      id: c.id,
      fit: Object.fromEntries(Object.entries(c.fit).filter(([key]) => !key.endsWith('_detail'))),
      pains: c.fit.pains_detail.map((row) => [row.note, row.status, row.weight, row.covered_by]),
      gains: c.fit.gains_detail.map((row) => [row.note, row.status, row.weight, row.covered_by]),
    })),
    notes: report.notes.map((n) => [n.id, n.canvas, n.section]).sort(),
    links: report.links.map((l) => [l.from, l.to, l.source]).sort(),
    warnings: report.warnings.map((w) => w.code).sort(),
    questions: (report.questions ?? []).map((q) => q.code).sort(),
  };
}

const hook = (page, method, ...args) => page.evaluate(([name, values]) => window.canvasfitDemo[name](...values), [method, args]);
const marks = (scene) => scene.elements.filter((e) => e.customData?.canvasfit);

test('the bundled examples exist', () => {
  assert.ok(EXAMPLES.length >= 2, `examples: ${EXAMPLES}`);
});

for (const name of EXAMPLES) {
  test(`${name}: loadScene, analyze as the CLI does, clear, getScene gives the scene back`, async () => {
    const { page } = demo;
    const file = path.join(root, 'examples', name);
    const text = readFileSync(file, 'utf8');
    const loaded = JSON.parse(text);
    await hook(page, 'loadScene', text);
    assert.equal(await page.evaluate(() => window.canvasfitDemo.session.report), null, 'the previous board\'s report is forgotten');
    const before = await hook(page, 'getScene');
    assert.equal(before.type, 'excalidraw');
    assert.deepEqual(userView(before.elements), userView(loaded.elements), 'the board shows the file');

    const report = await hook(page, 'analyze');
    const cli = JSON.parse(execFileSync(CLI, ['analyze', file], { encoding: 'utf8' }));
    assert.equal(report.canvases.length, cli.canvases.length);
    assert.deepEqual(figures(report), figures(cli));
    assert.deepEqual(await page.evaluate(() => window.canvasfitDemo.session.report), report, 'the panel shows the same report');
    const panelText = await page.textContent('#panel');
    for (const canvas of cli.canvases) assert.match(panelText, new RegExp(`Fit ${Math.round(canvas.fit.overall * 100)} %`));
    const analysed = await hook(page, 'getScene');
    assert.ok(marks(analysed).some((e) => e.customData.canvasfit.created), 'marks written on the board');
    assert.ok(marks(analysed).some((e) => !e.customData.canvasfit.created), 'notes highlighted');

    await hook(page, 'clear');
    const after = await hook(page, 'getScene');
    assert.deepEqual(marks(after), [], 'nothing of CanvasFit left');
    assert.deepEqual(userView(after.elements), userView(loaded.elements), 'the round trip loses nothing');
    assert.deepEqual(Object.keys(after).sort(), ['appState', 'elements', 'files', 'source', 'type', 'version']);

    // What getScene returns is a file loadScene takes back, with the same analysis.
    await hook(page, 'loadScene', after);
    assert.deepEqual(figures(await hook(page, 'analyze')), figures(cli));
    await hook(page, 'clear');
  });
}

test('an analysed scene saved with getScene reopens with its marks, and clear still restores every note', async () => {
  const { page } = demo;
  const text = readFileSync(path.join(root, 'examples', EXAMPLES[0]), 'utf8');
  await hook(page, 'loadScene', text);
  await hook(page, 'analyze');
  const annotated = await hook(page, 'getScene');
  await hook(page, 'loadScene', JSON.stringify(annotated));
  assert.deepEqual(marks(await hook(page, 'getScene')).map((e) => e.id).sort(), marks(annotated).map((e) => e.id).sort());
  await hook(page, 'clear');
  assert.deepEqual(userView((await hook(page, 'getScene')).elements), userView(JSON.parse(text).elements));
});

test('loadScene refuses bad input with the reason, and leaves the board as it was', async () => {
  const { page } = demo;
  await hook(page, 'loadScene', readFileSync(path.join(root, 'examples', EXAMPLES[0]), 'utf8'));
  const board = await hook(page, 'getScene');
  const element = { id: 'n1', type: 'rectangle', x: 0, y: 0, width: 100, height: 80 };
  const scene = (elements, extra = {}) => ({ type: 'excalidraw', version: 2, elements, ...extra });
  const cases = [
    ['{"type": "excalidraw", "elements": [', /^loadScene: not JSON \(/],
    [42, /^loadScene: expected an Excalidraw scene \(JSON text or an object\), got the number 42$/],
    ['[]', /got an array$/],
    [{ elements: [] }, /^loadScene: \/type: expected "excalidraw", got nothing$/],
    [{ type: 'miro', elements: [] }, /^loadScene: \/type: expected "excalidraw", got the string "miro"$/],
    [{ type: 'excalidraw' }, /^loadScene: \/elements: expected an array of elements, got nothing$/],
    [{ type: 'excalidraw', elements: {} }, /^loadScene: \/elements: expected an array of elements, got a object$/],
    [scene([element, null]), /^loadScene: \/elements\/1: expected an element object, got null$/],
    [scene([{ ...element, id: '' }]), /^loadScene: \/elements\/0\/id: expected a non-empty string, got the string ""$/],
    [scene([element, { ...element }]), /^loadScene: \/elements\/1\/id: duplicate id "n1"$/],
    [scene([{ ...element, type: 'sticky' }]), /^loadScene: \/elements\/0\/type: unknown element type the string "sticky" \(element "n1"\)$/],
    [scene([{ ...element, x: '12' }]), /^loadScene: \/elements\/0\/x: expected a finite number, got the string "12" \(element "n1"\)$/],
    [scene([{ ...element, type: 'text', text: 7 }]), /^loadScene: \/elements\/0\/text: expected a string, got the number 7 \(element "n1"\)$/],
    [scene([element], { appState: 'dark' }), /^loadScene: \/appState: expected an object, got the string "dark"$/],
  ];
  for (const [input, message] of cases) {
    const outcome = await page.evaluate((value) => window.canvasfitDemo.loadScene(value).then(
      () => ({ resolved: true }), (error) => ({ name: error.name, message: error.message })), input);
    assert.equal(outcome.name, 'SceneError', `${JSON.stringify(input)} is refused`);
    assert.match(outcome.message, message);
  }
  assert.deepEqual(await hook(page, 'getScene'), board, 'the board is unchanged');
});

// Elements put on a board through the API may carry order keys Excalidraw
// sorts but cannot place a new element after ('a0060': a trailing zero).
// Written to the board as they are, every write-back of an analysis fails;
// loaded through loadScene (as Excalidraw opens a file) they are replaced.
test('loadScene replaces order keys Excalidraw cannot extend, and missing ones, so analyze can write', async () => {
  const { page } = demo;
  const file = JSON.parse(readFileSync(path.join(root, 'examples', EXAMPLES[0]), 'utf8'));
  const badKeys = { ...file, elements: file.elements.map((e, i) => ({ ...e, index: `a${String(i * 10 + 10).padStart(4, '0')}` })) };
  const direct = await page.evaluate(async (scene) => {
    const { session } = window.canvasfitDemo;
    session.api.updateScene({ elements: scene.elements });
    return window.canvasfitDemo.analyze().then(() => 'written', (error) => error.message);
  }, badKeys);
  assert.match(direct, /invalid order key/, 'the keys are ones Excalidraw cannot extend');

  const noKeys = { ...file, elements: file.elements.map(({ index, ...e }) => e) };
  const mixed = { ...file, elements: file.elements.map((e, i) => (i % 3 === 0 ? { ...e, index: `${e.index}0` } : e)) };
  for (const scene of [badKeys, noKeys, mixed]) {
    await hook(page, 'loadScene', scene);
    const report = await hook(page, 'analyze');
    assert.ok(report.notes.length > 0);
    const written = await hook(page, 'getScene');
    assert.ok(marks(written).some((e) => e.customData.canvasfit.created), 'the marks were written');
    const keys = written.elements.map((e) => e.index);
    assert.deepEqual([...keys].sort(), keys, 'keys follow the element order');
    assert.equal(new Set(keys).size, keys.length, 'keys are distinct');
    await hook(page, 'clear');
    assert.deepEqual(userView((await hook(page, 'getScene')).elements), userView(file.elements));
  }
});

test('analyze and clear reject with the error the panel shows when the host fails', async () => {
  const { page } = demo;
  await hook(page, 'loadScene', readFileSync(path.join(root, 'examples', EXAMPLES[0]), 'utf8'));
  const failOnce = () => page.evaluate(() => {
    const { api } = window.canvasfitDemo.session;
    const real = api.updateScene;
    api.updateScene = () => { api.updateScene = real; throw new Error('host unavailable'); };
  });
  await failOnce();
  const analyse = await page.evaluate(() => window.canvasfitDemo.analyze().then(() => 'resolved', (error) => error.message));
  assert.match(analyse, /could not update the board \(host unavailable\)/);
  assert.match(await page.textContent('.cf-status.error'), /host unavailable/);
  assert.deepEqual(marks(await hook(page, 'getScene')), [], 'nothing written');
  await hook(page, 'analyze');
  await failOnce();
  const clear = await page.evaluate(() => window.canvasfitDemo.clear().then(() => 'resolved', (error) => error.message));
  assert.match(clear, /could not update the board \(host unavailable\)/);
  assert.ok(marks(await hook(page, 'getScene')).length > 0, 'the marks are still there');
  await hook(page, 'clear');
  assert.deepEqual(marks(await hook(page, 'getScene')), []);
});

test('with Live on, a loaded scene is analysed as after any edit, and its report replaces the last one', async () => {
  const { page } = demo;
  const cli = (name) => JSON.parse(execFileSync(CLI, ['analyze', path.join(root, 'examples', name)], { encoding: 'utf8' }));
  await hook(page, 'loadScene', readFileSync(path.join(root, 'examples', EXAMPLES[0]), 'utf8'));
  await page.click('#cf-live');
  await page.waitForFunction(() => window.canvasfitDemo.session.report !== null);
  const analyses = await page.evaluate(() => window.canvasfitDemo.session.analyses);
  await hook(page, 'loadScene', readFileSync(path.join(root, 'examples', EXAMPLES[1]), 'utf8'));
  await page.waitForFunction((n) => window.canvasfitDemo.session.analyses > n, analyses);
  const report = await page.evaluate(() => window.canvasfitDemo.session.report);
  assert.deepEqual(figures(report), figures(cli(EXAMPLES[1])));
  await page.click('#cf-live');
  await hook(page, 'clear');
});

test('the page logged no error while the hook was driven', () => {
  assert.deepEqual(demo.errors, []);
});
