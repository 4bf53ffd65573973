// The board the Excalidraw plugin hands to the core (boardFromScene) carries
// only the element fields the core's reader reads (signature.js), so that a
// Live edit on a large board serialises and reads a third of the text. These
// tests hold the list to the reader: every field the reader names is in it,
// and the reports on the bundled scenes are the same either way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  applyPatch, boardFromScene, boardTextFromScene, changedSince, contentSnapshot, sceneEdits, sentElements,
} from '../../plugin/excalidraw/adapter.js';
import { buildPatch } from '../../plugin/core-shell/patch.js';
import { fakeExcalidrawLib } from './fault-kit.mjs';
import { CONTENT_FIELDS, LINE_FIELDS } from '../../plugin/excalidraw/signature.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { createCanvasFit } = await import(path.join(root, 'build/wasm/package/canvasfit.js'));
const canvasfit = await createCanvasFit();

// The reader's string literals that are not element fields: element types,
// the scene's own keys, a binding's key, a key inside customData and the
// JSON literals an error quotes (an unsupported scene version), and the
// keys of Live's element edits (ExcalidrawScene::apply).
const NOT_ELEMENT_FIELDS = new Set([
  'arrow', 'diamond', 'ellipse', 'embeddable', 'frame', 'freedraw', 'iframe', 'image', 'line', 'magicframe',
  'rectangle', 'selection', 'text', 'excalidraw', 'elements', 'version', 'transparent', 'elementId', 'tags',
  'true', 'false', 'null', 'upsert', 'remove',
]);

test('every field the core reader names is one the plugin hands to it', () => {
  const source = readFileSync(path.join(root, 'core/src/read/read_excalidraw.cpp'), 'utf8')
    .replace(/\/\/.*$/gm, '');
  const named = new Set([...source.matchAll(/"([A-Za-z]+)"/g)].map((m) => m[1]));
  const handed = new Set([...CONTENT_FIELDS, ...LINE_FIELDS, 'isDeleted']);
  const missing = [...named].filter((name) => !handed.has(name) && !NOT_ELEMENT_FIELDS.has(name));
  assert.deepEqual(missing, [], 'fields read_excalidraw.cpp reads that boardFromScene would drop');
  assert.ok(named.has('containerId') && named.has('startBinding'), 'the literals were found at all');
});

for (const example of ['cafe-canvas.excalidraw', 'two-canvases.excalidraw', 'drawn-canvas.excalidraw']) {
  test(`${example}: the report from the fields the core reads is the report from the whole scene`, () => {
    const scene = JSON.parse(readFileSync(path.join(root, 'examples', example), 'utf8'));
    const board = boardFromScene(scene.elements);
    assert.ok(JSON.stringify(board).length < JSON.stringify(scene).length * 0.7, 'the board is the smaller text');
    const options = { source: example };
    assert.deepEqual(canvasfit.analyze(board, options), canvasfit.analyze(scene, options));
  });
}

// Live hands the core boardTextFromScene's text and compares it on every
// change: it must be JSON.stringify(boardFromScene(...)) exactly, whatever it
// kept from the last call.
test('boardTextFromScene is the board JSON, character for character, across edits and marks', () => {
  const lib = fakeExcalidrawLib();
  const scene = JSON.parse(readFileSync(path.join(root, 'examples', 'cafe-canvas.excalidraw'), 'utf8'))
    .elements.map((e) => ({ version: 1, ...e }));
  assert.equal(boardTextFromScene(scene), JSON.stringify(boardFromScene(scene)));
  // Marked by an analysis: highlights are taken off, created marks left out.
  const marked = applyPatch(scene, buildPatch(canvasfit.analyze(boardFromScene(scene), {})), lib);
  assert.ok(marked.length > scene.length, 'the patch drew marks');
  assert.equal(boardTextFromScene(marked), JSON.stringify(boardFromScene(marked)));
  assert.equal(boardTextFromScene(marked), boardTextFromScene(scene), 'marks are not content');
  // A new object, and an object edited in place with its version bumped.
  const label = marked.findIndex((e) => e.type === 'text' && e.containerId);
  const edited = marked.map((e, i) => (i === label ? lib.newElementWith(e, { text: 'Reworded', originalText: 'Reworded' }) : e));
  assert.equal(boardTextFromScene(edited), JSON.stringify(boardFromScene(edited)));
  assert.match(boardTextFromScene(edited), /Reworded/);
  const moved = edited.find((e) => e.type === 'rectangle');
  Object.assign(moved, { x: moved.x + 7, version: moved.version + 1 });
  assert.equal(boardTextFromScene(edited), JSON.stringify(boardFromScene(edited)));
});

// Live with an Analyzer that keeps the scene hands it only what changed: the
// elements an edit touched, as boardFromScene gives them, never CanvasFit's
// marks; and the analyzer fed that way holds the report of the whole scene.
test('sceneEdits: only the changed elements of the user, marks left out, and the analyzer then holds the whole scene', () => {
  const lib = fakeExcalidrawLib();
  const scene = JSON.parse(readFileSync(path.join(root, 'examples', 'cafe-canvas.excalidraw'), 'utf8'))
    .elements.map((e) => ({ version: 1, ...e })).filter((e) => !e.isDeleted);
  const analyzer = canvasfit.createAnalyzer(boardTextFromScene(scene), {});
  try {
    const sent = sentElements(scene);
    const marked = applyPatch(scene, buildPatch(analyzer.report()), lib).filter((e) => !e.isDeleted);
    assert.ok(marked.length > scene.length, 'the patch drew marks');
    assert.equal(sceneEdits(sent, marked), null, 'marks and highlights are no edit');
    const label = marked.findIndex((e) => e.type === 'text' && e.containerId);
    const reworded = marked.map((e, i) => (i === label ? lib.newElementWith(e, { text: 'Reworded', originalText: 'Reworded' }) : e));
    const edits = JSON.parse(/** @type {string} */ (sceneEdits(sent, reworded)));
    assert.deepEqual(edits.upsert.map((/** @type {any} */ e) => e.id), [marked[label].id]);
    assert.deepEqual(edits.upsert[0], boardFromScene([reworded[label]]).elements[0]);
    assert.deepEqual(edits.remove, []);
    assert.equal(sceneEdits(sent, reworded), null, 'sent is up to date');
    analyzer.updateElements(edits);
    const shape = reworded.find((e) => e.type === 'rectangle' && e.id !== marked[label].containerId);
    const gone = reworded.filter((e) => e !== shape && e.containerId !== shape.id);
    const removal = JSON.parse(/** @type {string} */ (sceneEdits(sent, gone)));
    assert.deepEqual(removal.upsert, []);
    assert.deepEqual(removal.remove.sort(), reworded.filter((e) => e === shape || e.containerId === shape.id).map((e) => e.id).sort());
    analyzer.updateElements(removal);
    assert.deepEqual(analyzer.report(), canvasfit.analyze(boardTextFromScene(gone), {}));
  } finally {
    analyzer.dispose();
  }
});

test('changedSince: the same element objects at the same versions are unchanged; an edit in place is not', () => {
  const scene = JSON.parse(readFileSync(path.join(root, 'examples', 'cafe-canvas.excalidraw'), 'utf8'))
    .elements.map((e) => ({ version: 1, ...e }));
  const before = contentSnapshot(scene);
  assert.deepEqual([...changedSince(before, scene)], []);
  assert.deepEqual([...changedSince(before, scene.map((e) => ({ ...e, version: 9 })))], [], 'copies with the same content');
  const note = scene.find((e) => e.type === 'rectangle');
  Object.assign(note, { x: note.x + 1, version: note.version + 1 });  // how Excalidraw mutates an element
  assert.deepEqual([...changedSince(before, scene)], [note.id]);
});
