// Loads the real wasm module in Node and checks it against the native CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { default: createCanvasFitModule } = await import(path.join(root, 'build/wasm/canvasfit_core.mjs'));
const core = await createCanvasFitModule();
const cli = path.join(root, 'build/native/canvasfit');

const examples = readdirSync(path.join(root, 'examples'))
  .filter((name) => name.endsWith('.excalidraw') || name.endsWith('.json'));

test('there are bundled examples to compare', () => {
  assert.ok(examples.length >= 3, `found ${examples.length}`);
});

for (const name of examples) {
  test(`wasm report equals the native CLI report byte for byte: ${name}`, () => {
    const board = readFileSync(path.join(root, 'examples', name), 'utf8');
    const fromWasm = core.analyze(board, JSON.stringify({ source: name }));
    const fromCli = execFileSync(cli, ['analyze', path.join(root, 'examples', name)], { encoding: 'utf8' });
    assert.equal(fromWasm, fromCli);
    const report = JSON.parse(fromWasm);
    assert.equal(report.schema, 'canvasfit.report/1');
    assert.ok(report.notes.length > 0);
  });
}

test('bad input comes back as a structured error, and the module stays usable', () => {
  const error = JSON.parse(core.analyze('{"type": "excalidraw", "version": 2, "elements": [', '{}'));
  assert.equal(error.schema, 'canvasfit.error/1');
  assert.match(error.error.message, /invalid JSON/);
  const wrongType = JSON.parse(core.analyze(
    '{"schema":"canvasfit.board/1","notes":[{"id":"n1","text":"x","x":"left","y":0}]}',
    '{"source":"board.json"}'));
  assert.equal(wrongType.error.where, 'board.json: /notes/0/x');
  assert.match(wrongType.error.message, /must be a number/);
  const afterwards = JSON.parse(core.analyze(
    '{"schema":"canvasfit.board/1","notes":[{"id":"n1","text":"x","x":0,"y":0}]}', ''));
  assert.equal(afterwards.notes[0].id, 'n1');
});

test('bad options are reported, not thrown', () => {
  const error = JSON.parse(core.analyze('{"schema":"canvasfit.board/1"}', '{"format":"visio"}'));
  assert.match(error.error.message, /unknown input format 'visio'/);
});

test('version matches the CLI', () => {
  const cliVersion = execFileSync(cli, ['--version'], { encoding: 'utf8' }).trim();
  assert.equal(`canvasfit ${core.version()}`, cliVersion);
});
