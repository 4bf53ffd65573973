// Loads the real wasm module in Node and checks it against the native CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import os from 'node:os';
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

// Malformed JSON, as a board and as options: the module and the CLI run the
// same reader, so they give the same error, byte for byte (the CLI prints it
// as the JSON error document on stdout and exits with status 2).
const board = (notes) => `{"schema": "canvasfit.board/1", "notes": [${notes}]}`;
const malformedBoards = [
  ['cut.json', board('{"id": "n", "text": "caf')],
  ['garbage.excalidraw', '{"type": "excalidraw", "version": 2, "elements": []} }'],
  ['nan.json', board('{"id": "n", "text": "t", "x": NaN, "y": 0}')],
  ['comma.json', '{\n  "schema": "canvasfit.board/1",\n  "notes": [\n    {"id": "n" "text": "t"}\n  ]\n}'],
  ['accents.json', board('{"id": "n", "text": "Café crème" "x": 0}')],
  ['deep.json', '['.repeat(200)],
  ['huge.json', board('{"id": "n", "text": "t", "x": 1e400, "y": 0}')],
  ['surrogate.json', board('{"id": "n", "text": "\\ud83d alone", "x": 0, "y": 0}')],
  ['control.json', board('{"id": "n", "text": "tab\there", "x": 0, "y": 0}')],
  ['empty.json', ''],
];
const malformedOptions = ['{"source": "a" "b"}', '{"links": {"confirmed": [["a", "b"]]}', '{"all_candidates": tru}', '[1,]'];

function cliError(args) {
  const run = spawnSync(cli, args, { encoding: 'utf8' });
  assert.equal(run.status, 2, run.stderr);
  return run.stdout;
}

test('malformed JSON: the module and the CLI give the same error, byte for byte, placed at a line and column', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'canvasfit-malformed-'));
  try {
    for (const [name, text] of malformedBoards) {
      writeFileSync(path.join(dir, name), text);
      const fromWasm = core.analyze(text, JSON.stringify({ source: name }));
      assert.equal(fromWasm, cliError(['analyze', path.join(dir, name)]), name);
      const { error } = JSON.parse(fromWasm);
      assert.match(error.where, new RegExp(`^${name.replace('.', '\\.')}: line \\d+, column \\d+$`), name);
      assert.match(error.message, /^invalid JSON: /, name);
    }
    const example = path.join(root, 'examples', 'two-canvases.excalidraw');
    for (const [i, options] of malformedOptions.entries()) {
      const file = path.join(dir, `options-${i}.json`);
      writeFileSync(file, options);
      const fromWasm = core.analyze(readFileSync(example, 'utf8'), options);
      assert.equal(fromWasm, cliError(['analyze', example, '--options', file]), options);
      assert.match(JSON.parse(fromWasm).error.where, /^options: line \d+, column \d+$/, options);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // Where and what, in the module's words.
  const comma = JSON.parse(core.analyze(malformedBoards[3][1], JSON.stringify({ source: 'comma.json' }))).error;
  assert.equal(comma.where, 'comma.json: line 4, column 16');
  assert.equal(comma.message, "invalid JSON: expected ',' or '}' after an object member, found '\"'");
  const accents = JSON.parse(core.analyze(malformedBoards[4][1], '')).error;
  assert.equal(accents.where, 'line 1, column 76', 'columns count characters, not bytes');
});

test('bad options are reported, not thrown', () => {
  const error = JSON.parse(core.analyze('{"schema":"canvasfit.board/1"}', '{"format":"visio"}'));
  assert.match(error.error.message, /unknown input format 'visio'/);
});

test('version matches the CLI', () => {
  const cliVersion = execFileSync(cli, ['--version'], { encoding: 'utf8' }).trim();
  assert.equal(`canvasfit ${core.version()}`, cliVersion);
});
