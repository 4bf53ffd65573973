// The wasm package as a web developer uses it, in Node 20.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { createCanvasFit, CanvasFitError } = await import(path.join(root, 'build/wasm/package/canvasfit.js'));
const canvasfit = await createCanvasFit();
const example = (name) => readFileSync(path.join(root, 'examples', name), 'utf8');

test('analyze takes text or an object and returns the report object', () => {
  const text = example('cafe-canvas.excalidraw');
  const fromText = canvasfit.analyze(text, { source: 'cafe-canvas.excalidraw' });
  const fromObject = canvasfit.analyze(JSON.parse(text), { source: 'cafe-canvas.excalidraw' });
  assert.deepEqual(fromObject, fromText);
  assert.equal(fromText.schema, 'canvasfit.report/1');
  assert.equal(fromText.canvases.length, 1);
  assert.ok(fromText.notes.find((note) => note.id === 'pains-1').section === 'pains');
});

test('bad input throws a CanvasFitError with a location, and the module stays usable', () => {
  const bad = { schema: 'canvasfit.board/1', notes: [{ id: 'n1', text: 'x', x: 0, y: 'top' }] };
  assert.throws(() => canvasfit.analyze(bad, { source: 'board.json' }), (error) => {
    assert.ok(error instanceof CanvasFitError);
    assert.ok(error instanceof Error);
    assert.equal(error.name, 'CanvasFitError');
    assert.equal(error.where, 'board.json: /notes/0/y');
    assert.match(error.reason, /must be a number/);
    return true;
  });
  assert.throws(() => canvasfit.analyze('{"type": "excalidraw", "elem'), CanvasFitError);
  assert.throws(() => canvasfit.analyze('{}', 'not options'), CanvasFitError);
  assert.equal(canvasfit.analyze(example('two-canvases.excalidraw')).canvases.length, 2);
});

test('render gives the Markdown and text reports', () => {
  const markdown = canvasfit.render(example('cafe-canvas.excalidraw'), { source: 'cafe' }, 'markdown');
  assert.match(markdown, /^# CanvasFit report: cafe/);
  assert.match(markdown, /### Pains \(6\)/);
  const text = canvasfit.render(example('cafe-canvas.excalidraw'), {}, 'text');
  assert.match(text, /Pain Relievers \(5\)/);
  assert.throws(() => canvasfit.render('{}', {}, 'pdf'), /unknown format 'pdf'/);
});

test('thousands of calls leave the wasm heap flat (no leak across calls)', () => {
  const board = example('miro-saas-canvas.json');
  for (let i = 0; i < 50; i++) canvasfit.analyze(board);  // warm up allocator pools
  const before = canvasfit.heapBytesInUse();
  for (let i = 0; i < 2000; i++) {
    canvasfit.analyze(board);
    if (i % 10 === 0) assert.throws(() => canvasfit.analyze('{"schema":"canvasfit.board/1","notes":[1]}'));
  }
  const after = canvasfit.heapBytesInUse();
  assert.ok(before > 0);
  assert.ok(after - before < 64 * 1024, `heap grew by ${after - before} bytes over 2000 calls`);
});

test('the README Node example runs as shown', () => {
  const script = path.join(root, 'examples/js/node-example.mjs');
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  assert.ok(readme.includes(readFileSync(script, 'utf8').trim()), 'README shows examples/js/node-example.mjs verbatim');
  const output = execFileSync('node', [script, path.join(root, 'examples/two-canvases.excalidraw')], { encoding: 'utf8' });
  assert.match(output, /^canvas-1 (weak|good|strong) [0-9.]+\ncanvas-2 (weak|good|strong) [0-9.]+\n$/);
  const failed = spawnSync('node', [script, path.join(root, 'package.json')], { encoding: 'utf8' });
  assert.equal(failed.status, 2);
  assert.match(failed.stderr, /cannot read .*package\.json: \/: unrecognised board/);
});

test('the README Live example runs as shown: one reworded pain, its marks and its coverers', () => {
  const script = path.join(root, 'examples/js/live-example.mjs');
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  assert.ok(readme.includes(readFileSync(script, 'utf8').trim()), 'README shows examples/js/live-example.mjs verbatim');
  const scene = JSON.parse(example('cafe-canvas.excalidraw'));
  const label = scene.elements.find((element) => element.containerId === 'pains-2');
  label.text = label.originalText = 'Parrots nesting in the chimney';
  const dir = mkdtempSync(path.join(tmpdir(), 'canvasfit-live-'));
  const after = path.join(dir, 'after.excalidraw');
  writeFileSync(after, JSON.stringify(scene));
  const output = execFileSync('node', [script, path.join(root, 'examples/cafe-canvas.excalidraw'), after], { encoding: 'utf8' });
  assert.match(output, /^notes changed: pains-2\n/);
  assert.match(output, /links added \d+, removed [1-9]\d*\n/);  // the link that covered it goes
  const touched = output.match(/marks to redraw on: (.*)\n$/)[1].split(' ');
  const notes = canvasfit.analyze(scene).notes.length;
  assert.ok(touched.includes('pains-2') && touched.length < notes / 2, `${touched.length} of ${notes}: ${touched.join(' ')}`);
});

test('the incremental Analyzer gives the same report as a fresh analysis', () => {
  const board = JSON.parse(example('cafe-canvas.excalidraw'));
  const analyzer = canvasfit.createAnalyzer(board, { source: 'cafe' });
  try {
    const report = analyzer.report();
    assert.deepEqual(report, canvasfit.analyze(board, { source: 'cafe' }));
    const pain = report.notes.find((note) => note.id === 'pains-4');
    const updated = analyzer.upsertNote({ id: 'pains-4', text: 'Orders go missing when the phone rings', x: 0, y: 0 });
    assert.equal(updated.notes.find((note) => note.id === 'pains-4').text, 'Orders go missing when the phone rings');
    assert.notEqual(pain.text, 'Orders go missing when the phone rings');
    const removed = analyzer.removeNote('pains-4');
    assert.equal(removed.notes.some((note) => note.id === 'pains-4'), false);
    assert.throws(() => analyzer.removeNote('no-such-note'), CanvasFitError);
    assert.throws(() => analyzer.upsertNote({ id: 'n', text: 'x', x: 'left', y: 0 }), (error) => error.where.endsWith('/x'));
    assert.ok(typeof analyzer.stats() === 'object');
  } finally {
    analyzer.dispose();
  }
  assert.throws(() => analyzer.report(), /disposed/);
  assert.throws(() => canvasfit.createAnalyzer('{"type": "excalidraw"'), CanvasFitError);
});
