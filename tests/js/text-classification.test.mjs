// The text classifier gives the same answers in wasm as natively
// (docs/text-classification.md): the held-out notes as one board without
// sections, and every corpus board (where misplaced-note may fire), go through
// the wasm `analyze` and the native CLI, and the reports must be identical
// byte for byte.
//
// CANVASFIT_BUILD_ROOT points at another build tree (default: build/), holding
// native/canvasfit and wasm/canvasfit_core.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const buildRoot = process.env.CANVASFIT_BUILD_ROOT ?? path.join(root, 'build');
const { default: createCanvasFitModule } = await import(path.join(buildRoot, 'wasm/canvasfit_core.mjs'));
const core = await createCanvasFitModule();
const cli = path.join(buildRoot, 'native/canvasfit');

function heldOutBoard() {
  const lines = readFileSync(path.join(root, 'tests/corpus/notes/heldout.tsv'), 'utf8')
    .split('\n').filter((line) => line.length > 0);
  const notes = lines.map((line, i) => ({
    id: `n${i + 1}`,
    text: line.slice(line.indexOf('\t') + 1),
    x: (i % 20) * 120,
    y: Math.floor(i / 20) * 120,
    width: 100,
    height: 100,
  }));
  return { schema: 'canvasfit.board/1', notes };
}

function bothReports(boardJson, name) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'canvasfit-text-'));
  try {
    const file = path.join(dir, name);
    writeFileSync(file, boardJson);
    const native = execFileSync(cli, ['analyze', file], { encoding: 'utf8' });
    const wasm = core.analyze(boardJson, JSON.stringify({ source: name }));
    return { native, wasm };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('held-out notes on a board without sections: wasm and native classify them alike', () => {
  const board = heldOutBoard();
  assert.equal(board.notes.length, 266);
  const { native, wasm } = bothReports(JSON.stringify(board), 'heldout-board.json');
  assert.equal(wasm, native);
  const report = JSON.parse(wasm);
  assert.equal(report.canvases.length, 1);
  assert.equal(report.canvases[0].id, 'canvas-1');
  assert.equal(report.canvases[0].title, '');
  // No template and no colours: text alone places only what the model is 99 %
  // sure of, and says what such readings were worth on canvases it never saw
  // (0.90); every other note with words is a which-section question, which
  // says less.
  const byText = report.notes.filter((note) => note.via === 'text');
  assert.ok(byText.length > 0, 'some notes are placed by text');
  for (const note of byText) {
    assert.equal(note.confidence, 0.9, note.id);
    assert.equal(note.canvas, 'canvas-1');
  }
  const asked = report.questions.filter((question) => question.code === 'which-section');
  assert.ok(byText.length + asked.length > 200, `${byText.length} placed, ${asked.length} asked`);
  for (const question of asked) {
    assert.ok(question.confidence < 0.9, `${question.notes[0]}: ${question.confidence}`);
    assert.equal(report.notes.find((note) => note.id === question.notes[0]).section, 'unknown');
  }
  assert.ok(report.warnings.some((warning) => warning.code === 'no-sections'));
});

const boards = readdirSync(path.join(root, 'tests/corpus/boards')).filter((name) => name.endsWith('.json'));

for (const name of boards) {
  test(`corpus board ${name}: wasm report equals the native one`, () => {
    const boardJson = readFileSync(path.join(root, 'tests/corpus/boards', name), 'utf8');
    const { native, wasm } = bothReports(boardJson, name);
    assert.equal(wasm, native);
  });
}

test('a deliberately misplaced note is reported the same way in wasm and natively', () => {
  const board = JSON.parse(readFileSync(path.join(root, 'tests/corpus/boards/bookkeeping-saas.json'), 'utf8'));
  const pains = board.containers.find((c) => c.title === 'Customer Pains');
  const segment = board.notes.find((n) => n.id === 's1');
  // The segment note dropped among the pains.
  Object.assign(segment, { parent: pains.id, x: pains.x + 20, y: pains.y + 40 });
  const { native, wasm } = bothReports(JSON.stringify(board), 'misplaced.json');
  assert.equal(wasm, native);
  const warning = JSON.parse(wasm).warnings.find((w) => w.code === 'misplaced-note');
  assert.ok(warning, 'misplaced-note fires');
  assert.deepEqual(warning.notes, ['s1']);
  assert.match(warning.message, /sits in Pains but reads as a customer segment/);
});

// A board titled and written in German (docs/judgment.md, "Boards in other
// languages"): the titles make sections, articles link nothing, and a note
// whose words the English model cannot read gets no guess, in wasm as
// natively.
test('a German board: its titles make sections, and unread notes get no guess', () => {
  const frames = [['f-jobs', 'Kundenaufgaben'], ['f-pains', 'Probleme'], ['f-gains', 'Gewinne'],
    ['f-products', 'Produkte & Dienstleistungen'], ['f-relievers', 'Problemlöser'],
    ['f-creators', 'Gewinnerzeuger']];
  const containers = frames.map(([id, title], i) => ({
    id, kind: 'frame', title, x: i * 400, y: 0, width: 380, height: 600,
  }));
  const inFrame = (id, frame, text, k = 0) => {
    const f = containers.find((c) => c.id === frame);
    return { id, text, x: f.x + 20, y: 60 + k * 130, width: 160, height: 110, parent: frame };
  };
  const notes = [
    inFrame('j1', 'f-jobs', 'Pünktlich im Büro ankommen'),
    inFrame('p1', 'f-pains', 'Bei Regen kommt man nass an'),
    inFrame('p2', 'f-pains', 'Die Werkstatt hat erst in zwei Wochen einen Termin frei', 1),
    inFrame('g1', 'f-gains', 'Ein Rad, das immer funktioniert'),
    inFrame('s1', 'f-products', 'Monatliches Fahrrad-Abo'),
    inFrame('r1', 'f-relievers', 'Pannenhilfe holt dich bei einem Platten ab'),
    inFrame('r2', 'f-relievers', 'Termin in der Werkstatt innerhalb von 48 Stunden', 1),
    inFrame('c1', 'f-creators', 'Ein fester Preis pro Monat'),
    { id: 'stray-de', text: 'Schutzbleche gehören zur Ausstattung', x: 3000, y: 0, width: 160, height: 110 },
  ];
  const board = JSON.stringify({ schema: 'canvasfit.board/1', notes, containers });
  const { native, wasm } = bothReports(board, 'fahrrad-abo.json');
  assert.equal(wasm, native);
  const report = JSON.parse(wasm);
  const section = Object.fromEntries(report.notes.map((n) => [n.id, n.section]));
  assert.deepEqual([section.j1, section.p1, section.g1, section.s1, section.r1, section.c1],
    ['jobs', 'pains', 'gains', 'products', 'relievers', 'creators']);
  const linked = report.links.map((l) => `${l.from}->${l.to}`);
  assert.ok(linked.includes('r2->p2'), 'Werkstatt and Termin are shared words');
  assert.ok(!linked.includes('r1->p1'), 'only "bei" in common');
  assert.ok(!linked.some((l) => l.startsWith('c1->')), 'only "ein" in common');
  assert.equal(section['stray-de'], 'unknown');
  assert.ok(!report.questions.some((q) => q.code === 'which-section' && q.notes[0] === 'stray-de'),
    'no guess about words the model cannot read');
});
