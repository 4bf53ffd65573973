// The wasm module faced with inputs past every documented limit
// (docs/limits.md): each is a CanvasFitError naming what and where, the
// module keeps answering correctly afterwards, and rejected inputs leak no
// wasm heap.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { createCanvasFit, CanvasFitError } = await import(path.join(root, 'build/wasm/package/canvasfit.js'));
const canvasfit = await createCanvasFit();

const board = (notes, rest = '') => `{"schema": "canvasfit.board/1", "notes": [${notes}]${rest}}`;
const note = (text, extra = '') => `{"id": "n", "text": ${JSON.stringify(text)}, "x": 0, "y": 0${extra}}`;
const good = board(note('Late orders'));

const pastTheLimits = [
  ['input over 64 MiB', () => good + ' '.repeat(64 * 1024 * 1024), /bytes, more than the limit of 67108864/, 'input'],
  ['nesting past 128 levels', () => '['.repeat(129) + ']'.repeat(129), /nests deeper than 128 levels/, 'line 1, column 129'],
  ['more than 200,000 items', () => board('', `, "connectors": [${Array.from({ length: 200001 },
    (_, i) => `{"id":"c${i}","from":"a","to":"b"}`).join(',')}]`), /200001 items, more than the limit/, 'board'],
  ['note text over 16 KiB', () => board(note('a'.repeat(16385))), /16385 bytes of text/, 'n'],
  ['coordinate past 1e9', () => board(note('t', ', "x": 1e9, "y": -1000000001')), /out of range/, '/notes/0/y'],
  ['1e400 coordinate', () => board(note('t').replace('"x": 0', '"x": 1e400')), /^invalid JSON: the number 1e400 is too large for a double$/, 'line 1, column 73'],
  ['negative size', () => board(note('t', ', "width": -1')), /must not be negative/, '/notes/0'],
];

for (const [name, make, message, where] of pastTheLimits) {
  test(`wasm: ${name} is a clear error, and the module stays usable`, () => {
    const expected = canvasfit.analyze(good);
    assert.throws(() => canvasfit.analyze(make()), (error) => {
      assert.ok(error instanceof CanvasFitError, `a CanvasFitError, not ${error?.constructor?.name}`);
      assert.match(error.reason, message);
      assert.equal(error.where, where);
      return true;
    });
    assert.deepEqual(canvasfit.analyze(good), expected);
  });
}

test('wasm: inputs at every limit are read', () => {
  assert.equal(canvasfit.analyze(board(note('a'.repeat(16384)))).notes[0].text.length, 16384);
  assert.equal(canvasfit.analyze(`{"schema": "canvasfit.board/1", "notes": [], "x": ${'['.repeat(127)}${']'.repeat(127)}}`).notes.length, 0);
  assert.equal(canvasfit.analyze(board(note('t', ', "x": -1e9, "y": 1e9, "width": 1e9'))).notes.length, 1);
});

test('wasm: a thousand rejected inputs leak no heap and leave the module answering', () => {
  const hostile = [
    board(note('a'.repeat(16385))), '['.repeat(200), '{"type": "excalidraw", "version": 2, "elements": [',
    board(note('t', ', "width": -1')), '\u0000\u00ff', board(note('\ud800')),
  ];
  for (const input of hostile) assert.throws(() => canvasfit.analyze(input), CanvasFitError);
  const before = canvasfit.heapBytesInUse();
  for (let i = 0; i < 1000; i++) assert.throws(() => canvasfit.analyze(hostile[i % hostile.length]), CanvasFitError);
  const after = canvasfit.heapBytesInUse();
  assert.ok(after - before < 64 * 1024, `heap grew by ${after - before} bytes`);
  assert.equal(canvasfit.analyze(good).notes[0].text, 'Late orders');
});
