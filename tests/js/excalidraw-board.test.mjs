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
import { boardFromScene } from '../../plugin/excalidraw/adapter.js';
import { CONTENT_FIELDS } from '../../plugin/excalidraw/signature.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { createCanvasFit } = await import(path.join(root, 'build/wasm/package/canvasfit.js'));
const canvasfit = await createCanvasFit();

// The reader's string literals that are not element fields: element types,
// the scene's own keys, a binding's key, a key inside customData and the
// JSON literals an error quotes (an unsupported scene version).
const NOT_ELEMENT_FIELDS = new Set([
  'arrow', 'diamond', 'ellipse', 'embeddable', 'frame', 'freedraw', 'iframe', 'image', 'line', 'magicframe',
  'rectangle', 'selection', 'text', 'excalidraw', 'elements', 'version', 'transparent', 'elementId', 'tags',
  'true', 'false', 'null',
]);

test('every field the core reader names is one the plugin hands to it', () => {
  const source = readFileSync(path.join(root, 'core/src/read/read_excalidraw.cpp'), 'utf8')
    .replace(/\/\/.*$/gm, '');
  const named = new Set([...source.matchAll(/"([A-Za-z]+)"/g)].map((m) => m[1]));
  const handed = new Set([...CONTENT_FIELDS, 'isDeleted']);
  const missing = [...named].filter((name) => !handed.has(name) && !NOT_ELEMENT_FIELDS.has(name));
  assert.deepEqual(missing, [], 'fields read_excalidraw.cpp reads that boardFromScene would drop');
  assert.ok(named.has('containerId') && named.has('startBinding'), 'the literals were found at all');
});

for (const example of ['cafe-canvas.excalidraw', 'two-canvases.excalidraw']) {
  test(`${example}: the report from the fields the core reads is the report from the whole scene`, () => {
    const scene = JSON.parse(readFileSync(path.join(root, 'examples', example), 'utf8'));
    const board = boardFromScene(scene.elements);
    assert.ok(JSON.stringify(board).length < JSON.stringify(scene).length * 0.7, 'the board is the smaller text');
    const options = { source: example };
    assert.deepEqual(canvasfit.analyze(board, options), canvasfit.analyze(scene, options));
  });
}
