// The incremental Analyzer through the wasm binding: after upserts and
// removals its report equals, byte for byte, a fresh analyze() of a board
// holding the same notes in the same order; errors come back as JSON.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { dice } from './dice.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { default: createCanvasFitModule } = await import(path.join(root, 'build/wasm/canvasfit_core.mjs'));
const core = await createCanvasFitModule();

const ERROR_SCHEMA = 'canvasfit.error/1';
const isError = (json) => JSON.parse(json).schema === ERROR_SCHEMA;

// createAnalyzer returns a handle, or the error JSON as a string.
function createAnalyzer(board, options) {
  const created = core.createAnalyzer(board, options);
  assert.notEqual(typeof created, 'string', `createAnalyzer failed: ${created}`);
  return created;
}

// A CanvasFit board from the corpus whose notes are all stickies or cards, so
// that reading it again promotes no note to a container or a title.
function corpusBoard() {
  const dir = path.join(root, 'tests/corpus/boards');
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const board = JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
    const plain = board.notes.every((note) => ['sticky', 'card', undefined].includes(note.kind));
    if (plain && board.markers?.length && board.containers?.length > 3) return { name, board };
  }
  throw new Error('no plain corpus board with markers');
}

test('an Excalidraw example: the same report as analyze, before and after removing notes', () => {
  const name = 'cafe-canvas.excalidraw';
  const scene = JSON.parse(readFileSync(path.join(root, 'examples', name), 'utf8'));
  const options = JSON.stringify({ source: name });
  const analyzer = createAnalyzer(JSON.stringify(scene), options);
  try {
    assert.equal(analyzer.report(), core.analyze(JSON.stringify(scene), options));
    // Notes no arrow touches: removing one is removing its shape and its text from the scene.
    const removable = scene.elements.filter((element) => element.type === 'rectangle' &&
      element.boundElements?.length && element.boundElements.every((bound) => bound.type === 'text'));
    assert.ok(removable.length >= 6, `found ${removable.length}`);
    for (const note of [removable[0], removable[3], removable[5]]) {
      const fromAnalyzer = analyzer.removeNote(note.id);
      scene.elements = scene.elements.filter((e) => e.id !== note.id && e.containerId !== note.id);
      assert.equal(fromAnalyzer, core.analyze(JSON.stringify(scene), options));
      assert.ok(!JSON.parse(fromAnalyzer).notes.some((n) => n.id === note.id));
    }
  } finally {
    analyzer.delete();
  }
});

test('a CanvasFit board: random upserts and removals match a fresh analysis of the same notes', () => {
  const { name, board } = corpusBoard();
  const options = JSON.stringify({ source: name });
  const analyzer = createAnalyzer(JSON.stringify(board), options);
  const roll = dice(20261123);
  const pick = (items) => items[roll(items.length)];
  const words = board.notes.flatMap((note) => note.text.split(/\s+/));
  const sentence = () => Array.from({ length: 2 + roll(5) }, () => pick(words)).join(' ');
  let notes = board.notes.map((note) => ({ ...note }));
  const removed = [];
  let added = 0;
  try {
    for (let step = 0; step < 60; step += 1) {
      const kind = roll(6);
      let result;
      if (kind === 0 || notes.length < 5) {  // a new note in some section, by frame or by position
        const area = pick(board.containers);
        const note = { id: `js-new-${added += 1}`, text: sentence(),
          x: area.x + roll(Math.max(1, area.width)), y: area.y + roll(Math.max(1, area.height)) };
        if (roll(2)) note.parent = area.id;
        notes.push(note);
        result = analyzer.upsertNote(JSON.stringify(note));
      } else if (kind === 1) {  // a new note over a dot vote
        const dot = pick(board.markers);
        const note = { id: `js-new-${added += 1}`, text: sentence(), x: dot.x - roll(80), y: dot.y - roll(80) };
        notes.push(note);
        result = analyzer.upsertNote(JSON.stringify(note));
      } else if (kind === 2) {
        const [note] = notes.splice(roll(notes.length), 1);
        removed.push(note);
        result = analyzer.removeNote(note.id);
      } else if (kind === 3 && removed.length) {  // back again: at the end
        const [note] = removed.splice(roll(removed.length), 1);
        notes.push(note);
        result = analyzer.upsertNote(JSON.stringify(note));
      } else {  // re-worded or moved where it stands in the order
        const index = roll(notes.length);
        const note = { ...notes[index] };
        if (kind === 4) note.text = sentence();
        else {
          const area = pick(board.containers);
          Object.assign(note, { x: area.x + roll(Math.max(1, area.width)), y: area.y + roll(Math.max(1, area.height)),
            parent: roll(2) ? area.id : '' });
        }
        notes[index] = note;
        result = analyzer.upsertNote(JSON.stringify(note));
      }
      const fresh = core.analyze(JSON.stringify({ ...board, notes }), options);
      assert.equal(result, fresh, `step ${step}`);
    }
    assert.equal(analyzer.report(), core.analyze(JSON.stringify({ ...board, notes }), options));
  } finally {
    analyzer.delete();
  }
});

test('an edit in one canvas re-runs the stages of that canvas only', () => {
  const board = readFileSync(path.join(root, 'examples', 'two-canvases.excalidraw'), 'utf8');
  const analyzer = createAnalyzer(board, '{}');
  try {
    const report = JSON.parse(analyzer.report());
    assert.equal(report.canvases.length, 2);
    const before = JSON.parse(analyzer.stats());
    assert.equal(before.canvases_analyzed, 2);
    const note = report.notes.find((n) => n.canvas === 'canvas-2' && n.section === 'pains');
    assert.ok(!isError(analyzer.removeNote(note.id)));
    const after = JSON.parse(analyzer.stats());
    assert.equal(after.canvases_analyzed - before.canvases_analyzed, 1);
    assert.equal(after.text_steps - before.text_steps, 1);  // the text step reads the whole board
  } finally {
    analyzer.delete();
  }
});

test('errors come back as JSON, and a failed edit changes nothing', () => {
  const badBoard = core.createAnalyzer(
    '{"schema":"canvasfit.board/1","notes":[{"id":"n1","text":"x","x":"left","y":0}]}',
    '{"source":"board.json"}');
  assert.equal(typeof badBoard, 'string');
  assert.equal(JSON.parse(badBoard).schema, ERROR_SCHEMA);
  assert.equal(JSON.parse(badBoard).error.where, 'board.json: /notes/0/x');
  const badOptions = core.createAnalyzer('{"schema":"canvasfit.board/1"}', '{"format":"visio"}');
  assert.match(JSON.parse(badOptions).error.message, /unknown input format 'visio'/);

  const { board } = corpusBoard();
  const analyzer = createAnalyzer(JSON.stringify(board), '');
  try {
    const before = analyzer.report();
    const container = board.containers[0].id;
    const duplicate = JSON.parse(analyzer.upsertNote(JSON.stringify({ id: container, text: 'x', x: 0, y: 0 })));
    assert.equal(duplicate.schema, ERROR_SCHEMA);
    assert.equal(duplicate.error.where, container);
    assert.match(duplicate.error.message, /used by a container and a note/);
    const notANumber = JSON.parse(analyzer.upsertNote('{"id": "n-new", "text": "x", "x": "left", "y": 0}'));
    assert.equal(notANumber.error.where, '/x');
    const cut = JSON.parse(analyzer.upsertNote('{"id": "n-new", "text": ')).error;  // as test_analyzer.cpp has it natively
    assert.deepEqual(cut, { where: 'line 1, column 25', message: 'invalid JSON: expected a value, found the end of the input' });
    assert.ok(isError(analyzer.upsertNote(JSON.stringify({ id: 'far', text: 'x', x: 2e9, y: 0 }))));
    const missing = JSON.parse(analyzer.removeNote('nobody'));
    assert.equal(missing.error.where, 'nobody');
    assert.equal(analyzer.report(), before);
  } finally {
    analyzer.delete();
  }
});

test('freed analyzers give their memory back', () => {
  const board = readFileSync(path.join(root, 'examples', 'cafe-canvas.excalidraw'), 'utf8');
  createAnalyzer(board, '{}').delete();  // let the heap reach its working size first
  const before = core.heapBytesInUse();
  for (let i = 0; i < 20; i += 1) {
    const analyzer = createAnalyzer(board, '{}');
    analyzer.removeNote('pains-2');
    analyzer.delete();
  }
  assert.ok(core.heapBytesInUse() - before < 64 * 1024, `${core.heapBytesInUse() - before} bytes kept`);
});

test('the facilitator\'s confirmed and rejected pairs reach the Analyzer and survive edits', () => {
  const board = {
    schema: 'canvasfit.board/1',
    containers: [
      { id: 'fp', title: 'Pains', x: 0, y: 0, width: 400, height: 300 },
      { id: 'fr', title: 'Pain Relievers', x: 500, y: 0, width: 400, height: 300 },
    ],
    notes: [
      { id: 'p1', text: 'Bike shop repairs take a week', x: 10, y: 10, parent: 'fp' },
      { id: 'r1', text: 'Mechanic comes to your door', x: 510, y: 10, parent: 'fr' },
      { id: 'r2', text: 'Repairs tracked online', x: 620, y: 10, parent: 'fr' },
    ],
  };
  const options = JSON.stringify({ links: { confirmed: [['r1', 'p1']], rejected: [['r2', 'p1']] } });
  const analyzer = createAnalyzer(JSON.stringify(board), options);
  try {
    const linkOf = (report, from) => JSON.parse(report).links.find((l) => l.from === from && l.to === 'p1');
    assert.equal(linkOf(analyzer.report(), 'r1')?.source, 'confirmed');
    assert.equal(linkOf(analyzer.report(), 'r2'), undefined, 'a rejected pair is never suggested');
    analyzer.upsertNote(JSON.stringify({ id: 'r2', text: 'Repairs of bikes tracked online', x: 620, y: 10, parent: 'fr' }));
    assert.equal(linkOf(analyzer.report(), 'r2'), undefined, 'still rejected after an edit');
    assert.equal(analyzer.report(), core.analyze(JSON.stringify({ ...board, notes: [board.notes[0], board.notes[1],
      { id: 'r2', text: 'Repairs of bikes tracked online', x: 620, y: 10, parent: 'fr' }] }), options));
  } finally {
    analyzer.delete();
  }
});

// analyze() and the Analyzer's report() read the board's text into the module
// once and hand the report back in pieces of about a megabyte
// (wasm/bindings.cpp): a report of several pieces, with text of several bytes
// per character, must come back whole, every note's text as it went in.
test('a report of several megabytes comes back whole from analyze() and report()', () => {
  const { board } = corpusBoard();
  const wordy = 'café – naïve ☕ 東京 '.repeat(60);
  const notes = [];
  for (let copy = 0; notes.length < 2500; copy += 1) {
    for (const note of board.notes) notes.push({ ...note, id: `${note.id}-${copy}`, text: `${note.text} ${wordy}` });
  }
  const text = JSON.stringify({ ...board, notes });
  const report = core.analyze(text, '{}');
  assert.ok(report.length > 3 * 1024 * 1024, `${report.length} characters: too small to come in pieces`);
  assert.ok(report.endsWith('}\n'));
  const textOf = new Map(notes.map((note) => [note.id, note.text]));
  const reported = JSON.parse(report).notes;
  assert.equal(reported.length, notes.length);
  for (const note of reported) assert.equal(note.text, textOf.get(note.id), note.id);
  const analyzer = createAnalyzer(text, '{}');
  try {
    assert.equal(report, analyzer.report());
  } finally {
    analyzer.delete();
  }
});
