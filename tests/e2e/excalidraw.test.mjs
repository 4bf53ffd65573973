// End to end: the real Excalidraw page in the machine's Chromium, the real
// wasm core, the CanvasFit panel clicked like a facilitator would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoPageForTheseTests } from './browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const STYLE = ['strokeColor', 'strokeWidth', 'strokeStyle', 'backgroundColor'];
const demo = demoPageForTheseTests();

/** The user's view of the scene: ids, text and styles, without Excalidraw's bookkeeping. */
function snapshot(page) {
  return page.evaluate((fields) => window.canvasfitDemo.session.api.getSceneElements().map((element) => {
    const entry = { id: element.id, type: element.type, text: element.text ?? null, customData: element.customData ?? null };
    for (const field of fields) entry[field] = element[field];
    return entry;
  }), STYLE);
}

const ours = (elements) => elements.filter((element) => element.customData?.canvasfit);

async function clickAnalyse(page) {
  const before = await page.evaluate(() => window.canvasfitDemo.session.analyses);
  await page.click('#cf-analyse');
  await page.waitForFunction((n) => window.canvasfitDemo.session.analyses > n, before);
  return page.evaluate(() => window.canvasfitDemo.session.report);
}

test('Analyse writes fit highlights, rank marks and warning notes onto the board', async () => {
  const { page } = demo;
  const original = await snapshot(page);
  assert.equal(ours(original).length, 0);
  const report = await clickAnalyse(page);
  assert.equal(report.canvases.length, 1);
  const scene = await snapshot(page);
  const byId = new Map(scene.map((element) => [element.id, element]));
  const rowStatus = new Map(report.canvases.flatMap((c) => [...c.fit.pains_detail, ...c.fit.gains_detail]).map((row) => [row.note, row.status]));
  for (const note of report.notes.filter((n) => n.section === 'pains' || n.section === 'gains')) {
    const status = byId.get(note.id).customData.canvasfit.status;
    assert.equal(status, rowStatus.get(note.id), note.id);
  }
  const created = scene.filter((element) => element.customData?.canvasfit?.created);
  const warningNotes = new Set(created.filter((e) => e.customData.canvasfit.kind === 'warning').map((e) => e.customData.canvasfit.code));
  const expected = report.warnings.filter((w) => w.severity === 'high' || w.severity === 'medium');
  assert.equal(warningNotes.size, new Set(expected.map((w) => w.code)).size);
  assert.ok(created.some((e) => e.customData.canvasfit.kind === 'mark' && e.text === '#1'));
  const panelText = await page.textContent('#panel');
  assert.match(panelText, /canvas-1/);
  assert.match(panelText, /Fit \d+ %/);
  assert.match(panelText, /target 50–70 %/);
  mkdirSync(path.join(root, 'build/e2e'), { recursive: true });
  await page.screenshot({ path: path.join(root, 'build/e2e/excalidraw-analysed.png') });
});

test('re-running Analyse replaces the earlier marks instead of adding more', async () => {
  const { page } = demo;
  await clickAnalyse(page);
  const once = ours(await snapshot(page));
  for (let i = 0; i < 5; i++) await clickAnalyse(page);
  const sixTimes = ours(await snapshot(page));
  assert.equal(sixTimes.length, once.length);
  assert.equal(sixTimes.filter((e) => e.customData.canvasfit.created).length, once.filter((e) => e.customData.canvasfit.created).length);
});

test('Clear restores every colour and stroke, removes only CanvasFit elements, keeps user edits', async () => {
  const { page } = demo;
  await page.click('#cf-clear');
  const pristine = await snapshot(page);
  assert.equal(ours(pristine).length, 0);
  await clickAnalyse(page);
  // The user recolours one highlighted pain and edits another note's text meanwhile.
  const edited = await page.evaluate(() => {
    const { api, lib } = window.canvasfitDemo.session;
    const elements = api.getSceneElementsIncludingDeleted();
    const pain = elements.find((e) => e.id === 'pains-2');
    const next = elements.map((e) => (e.id === pain.id ? lib.newElementWith(e, { strokeColor: '#000000' }) : e));
    api.updateScene({ elements: next });
    return pain.id;
  });
  await page.click('#cf-clear');
  const cleared = await snapshot(page);
  assert.equal(ours(cleared).length, 0, 'no CanvasFit element or customData left');
  assert.equal(cleared.length, pristine.length);
  const byId = new Map(cleared.map((element) => [element.id, element]));
  for (const element of pristine) {
    const now = byId.get(element.id);
    assert.ok(now, `${element.id} still exists`);
    for (const field of STYLE) {
      const expected = element.id === edited && field === 'strokeColor' ? '#000000' : element[field];
      assert.equal(now[field], expected, `${element.id}.${field}`);
    }
    assert.equal(now.text, element.text);
    assert.deepEqual(now.customData, element.customData);
  }
  const panelText = await page.textContent('#panel');
  assert.match(panelText, /Cleared/);
});

test('Live re-analyses after a user edit, once, and not because of its own marks', async () => {
  const { page } = demo;
  await page.click('#cf-live');
  await page.waitForFunction(() => window.canvasfitDemo.session.report !== null);
  const before = await page.evaluate(() => window.canvasfitDemo.session.analyses);
  await page.waitForTimeout(800);
  assert.equal(await page.evaluate(() => window.canvasfitDemo.session.analyses), before, 'no loop on its own marks');
  await page.evaluate(() => {
    const { api, lib } = window.canvasfitDemo.session;
    const elements = api.getSceneElementsIncludingDeleted();
    const text = elements.find((e) => e.containerId === 'pains-3');
    api.updateScene({ elements: elements.map((e) => (e === text ? lib.newElementWith(e, { text: 'Callers hang up', originalText: 'Callers hang up' }) : e)) });
  });
  await page.waitForFunction((n) => window.canvasfitDemo.session.analyses === n + 1, before);
  const report = await page.evaluate(() => window.canvasfitDemo.session.report);
  assert.equal(report.notes.find((n) => n.id === 'pains-3').text, 'Callers hang up');
  await page.waitForTimeout(800);
  assert.equal(await page.evaluate(() => window.canvasfitDemo.session.analyses), before + 1);
  await page.click('#cf-live');
});

/** CanvasFit's marks: each note's highlight, and every created mark by its key (how many of each). */
function markSummary(page) {
  return page.evaluate(() => {
    const elements = window.canvasfitDemo.session.api.getSceneElements().filter((e) => e.customData?.canvasfit);
    const lit = elements.filter((e) => !e.customData.canvasfit.created)
      .map((e) => `${e.id}:${e.customData.canvasfit.status}:${e.strokeColor}`);
    const created = elements.filter((e) => e.customData.canvasfit.created).map((e) => e.customData.canvasfit.key);
    return { lit: lit.sort(), created: created.sort(), versions: elements.map((e) => `${e.id}@${e.version}`) };
  });
}

test('a Live edit goes through the incremental Analyzer and rewrites only the marks it changes', async () => {
  const { page } = demo;
  await clickAnalyse(page);
  await page.click('#cf-links');  // link arrows drawn: the edit must take one away
  await page.click('#cf-live');
  await page.waitForFunction(() => window.canvasfitDemo.session.analyzer !== null);
  const report = await page.evaluate(() => window.canvasfitDemo.session.report);
  // A pain or gain covered by wording alone (no arrow drawn to it), so that rewording it uncovers it.
  const byWording = (row) => report.links.filter((link) => link.to === row.note)
    .every((link) => link.source === 'text' || link.source === 'suggested');
  const { fit } = report.canvases[0];
  const covered = [...fit.pains_detail, ...fit.gains_detail].find((row) => row.status === 'covered' && byWording(row));
  assert.ok(covered, 'the café has a pain or gain covered by wording alone');
  const before = await markSummary(page);
  const updates = await page.evaluate(() => window.canvasfitDemo.session.liveUpdates);
  const handedOver = await page.evaluate(() => window.canvasfitDemo.session.elementUpdates);
  await page.evaluate((id) => {
    const { api, lib } = window.canvasfitDemo.session;
    const elements = api.getSceneElementsIncludingDeleted();
    const text = elements.find((e) => e.containerId === id);
    const words = 'Parrots nesting in the chimney';
    api.updateScene({ elements: elements.map((e) => (e === text ? lib.newElementWith(e, { text: words, originalText: words }) : e)) });
  }, covered.note);
  await page.waitForFunction((n) => window.canvasfitDemo.session.liveUpdates > n, updates);
  const after = await markSummary(page);
  assert.equal(await page.evaluate(() => window.canvasfitDemo.session.elementUpdates), handedOver + 1,
    'Live handed the Analyzer the edited element, not the whole board');

  const kept = before.versions.filter((mark) => after.versions.includes(mark));
  assert.ok(kept.length > 0 && kept.length >= 0.75 * before.versions.length,
    `most marks are the very elements they were (${kept.length} of ${before.versions.length} kept)`);
  const pain = after.lit.find((entry) => entry.startsWith(`${covered.note}:`));
  assert.ok(pain && !pain.includes(':covered:'), `the reworded note is no longer marked covered (${pain})`);
  const arrowsTo = (summary) => summary.created.filter((key) => key.includes(`"to":"${covered.note}"`));
  assert.ok(arrowsTo(before).length > 0 && arrowsTo(after).length === 0, 'its link arrow went with the link');

  // The board Live wrote is the board a full analysis writes.
  await page.click('#cf-live');
  await clickAnalyse(page);
  const full = await markSummary(page);
  assert.deepEqual(after.lit, full.lit);
  assert.deepEqual(after.created, full.created);
  await page.click('#cf-links');
});

// The café is a decent canvas: CanvasFit is sure of no gap there, and asks
// instead. Clicking a question selects the notes it is about, as clicking a
// warning does (the fault tests cover warnings on a café without relievers).
test('clicking a question scrolls to and selects the notes it is about', async () => {
  const { page } = demo;
  const report = await clickAnalyse(page);
  assert.equal(report.warnings.filter((w) => w.severity === 'high').length, 0, 'no red finding on a decent canvas');
  const question = report.questions.find((q) => q.code === 'is-addressed');
  assert.ok(question, 'the example has an is-addressed question');
  await page.locator('.cf-question', { hasText: question.message }).locator('span').nth(1).click();  // the message, not a button
  const selected = await page.evaluate(() => Object.keys(window.canvasfitDemo.session.api.getAppState().selectedElementIds).sort());
  assert.deepEqual(selected, [...question.notes, ...question.candidates].sort());
});

test('links are drawn on demand and removed again', async () => {
  const { page } = demo;
  await page.click('#cf-links');
  await page.waitForFunction(() => window.canvasfitDemo.session.api.getSceneElements().some((e) => e.customData?.canvasfit?.kind === 'link'));
  const report = await page.evaluate(() => window.canvasfitDemo.session.report);
  const arrows = (await snapshot(page)).filter((e) => e.customData?.canvasfit?.kind === 'link');
  assert.equal(arrows.length, report.links.filter((link) => link.source !== 'suggested').length, 'findings only');
  await page.click('#cf-links');
  await page.waitForFunction(() => !window.canvasfitDemo.session.api.getSceneElements().some((e) => e.customData?.canvasfit?.kind === 'link'));
});

test('exports: Markdown and JSON reports, and the annotated .excalidraw board', async () => {
  const { page } = demo;
  const read = async (button) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
    const stream = await download.createReadStream();
    let text = '';
    for await (const chunk of stream) text += chunk;
    return { name: download.suggestedFilename(), text };
  };
  const markdown = await read('#cf-export-md');
  assert.equal(markdown.name, 'canvasfit-report.md');
  assert.match(markdown.text, /^# CanvasFit report: board.excalidraw/);
  const json = await read('#cf-export-json');
  assert.equal(JSON.parse(json.text).schema, 'canvasfit.report/1');
  const board = await read('#cf-export-board');
  const scene = JSON.parse(board.text);
  assert.equal(scene.type, 'excalidraw');
  assert.ok(scene.elements.some((e) => e.customData?.canvasfit?.created), 'marks travel with the file so Clear works after reopening');
});

test('note text is never inserted as HTML', async () => {
  const { page } = demo;
  await page.evaluate(() => {
    const { api, lib } = window.canvasfitDemo.session;
    const hostile = lib.convertToExcalidrawElements([{
      type: 'rectangle', id: 'hostile', x: 1400, y: 900, width: 160, height: 160,
      label: { text: '<img src=x onerror="window.__pwned=1"> Orders get lost' },
    }]);
    api.updateScene({ elements: [...api.getSceneElementsIncludingDeleted(), ...hostile] });
  });
  const report = await clickAnalyse(page);
  assert.ok(report.notes.some((n) => n.text.includes('<img src=x')));
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('#panel img').count(), 0);
});

test('the page attempts no request beyond its own origin', async () => {
  const { url, requests, errors } = demo;
  const origin = new URL(url).origin;
  // Not even one the CSP would block: Excalidraw's CDN copies of its fonts are
  // never named (demo/public/asset-path.js; tests/e2e/offline.test.mjs counts
  // every attempt over a longer session).
  assert.deepEqual(requests.filter((r) => !/^(data|blob):/.test(r) && new URL(r).origin !== origin), []);
  assert.deepEqual(demo.responses.filter((r) => !r.startsWith(origin)), [], 'no response came from another origin');
  assert.deepEqual(errors, []);
});
