// Deltas through the package (build/wasm/package): a host that keeps its copy
// of the report from analyzer.edit() deltas alone (plugin/core-shell/live.js)
// holds the report a fresh analysis gives, up to the order of lists; the
// patch drawn from it changes only marks that changed; errors name the place.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { dice } from './dice.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { createCanvasFit, CanvasFitError } = await import(path.join(root, 'build/wasm/package/canvasfit.js'));
const canvasfit = await createCanvasFit();
// The shells' own code for keeping a report from deltas (plugin/core-shell/live.js).
const { applyDelta, isEmptyDelta, markKey, patchChanges } = await import(path.join(root, 'plugin/core-shell/live.js'));
const { buildPatch } = await import(path.join(root, 'plugin/core-shell/patch.js'));

const board = JSON.parse(readFileSync(path.join(root, 'tests/corpus/boards/meal-kits.json'), 'utf8'));

// Reports compared up to the order of their lists.
function canonical(report) {
  const byJson = (items) => items.map((item) => JSON.stringify(item)).sort();
  const byIdOrder = (items) => [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    source: report.source, format: report.format,
    canvases: byIdOrder(report.canvases), notes: byIdOrder(report.notes),
    links: byJson(report.links), warnings: byJson(report.warnings), questions: byJson(report.questions),
  };
}

test('a report kept from edit() deltas equals a fresh analysis after every batch', () => {
  const analyzer = canvasfit.createAnalyzer(board, { source: 'meal-kits.json' });
  try {
    let copy = applyDelta(null, analyzer.changes());
    let notes = board.notes.map((note) => ({ ...note }));
    const roll = dice(7);
    const words = notes.flatMap((note) => note.text.split(/\s+/));
    const sentence = () => Array.from({ length: 2 + roll(5) }, () => words[roll(words.length)]).join(' ');
    for (let batch = 0; batch < 25; batch += 1) {
      const upsert = [];
      const remove = [];
      for (let i = 0; i < 1 + roll(3); i += 1) {
        const index = roll(notes.length);
        if (roll(4) === 0 && notes.length > 10) {
          remove.push(notes[index].id);
          notes = notes.filter((_, at) => at !== index);
        } else if (!remove.length) {
          notes[index] = { ...notes[index], text: sentence() };
          upsert.push(notes[index]);
        }
      }
      const delta = analyzer.edit({ upsert, remove });
      assert.equal(delta.schema, 'canvasfit.delta/1');
      copy = applyDelta(copy, delta);
      const fresh = canvasfit.analyze({ ...board, notes: board.notes.map((note) =>
        notes.find((n) => n.id === note.id)).filter(Boolean) }, { source: 'meal-kits.json' });
      assert.deepEqual(canonical(copy), canonical(fresh), `batch ${batch}`);
      for (const note of delta.notes) assert.ok(delta.touched.includes(note.id), `changed note ${note.id} touched`);
    }
  } finally {
    analyzer.dispose();
  }
});

test('an edit that cannot be read changes nothing; a refused one is covered by the next delta', () => {
  const analyzer = canvasfit.createAnalyzer(board);
  try {
    analyzer.changes();
    const first = board.notes[0];
    assert.throws(() => analyzer.edit({ upsert: [{ ...first, text: 'changed' }, { id: 'x', text: 'y', x: 'left', y: 0 }] }),
      (error) => error instanceof CanvasFitError && error.where === '/upsert/1/x');
    assert.deepEqual(analyzer.changes().notes, [], 'nothing was applied');
    assert.throws(() => analyzer.edit({ upsert: [{ ...first, text: 'Changed before the refusal' }],
      remove: ['nobody'] }), (error) => error instanceof CanvasFitError && error.where === 'nobody');
    const next = analyzer.changes();
    assert.deepEqual(next.notes.map((note) => note.text), ['Changed before the refusal']);
    assert.ok(next.touched.includes(first.id));
    assert.throws(() => analyzer.edit({ rename: [] }), (error) => error.where === '/rename');
    assert.throws(() => analyzer.edit(null), (error) => error.where === 'edits');
  } finally {
    analyzer.dispose();
  }
});

test('update() with the whole Excalidraw scene: a reworded note is touched; a moved frame starts over', () => {
  const scene = JSON.parse(readFileSync(path.join(root, 'examples/cafe-canvas.excalidraw'), 'utf8'));
  const analyzer = canvasfit.createAnalyzer(scene);
  try {
    const first = analyzer.changes();
    const pain = first.notes.find((note) => note.section === 'pains');
    const text = scene.elements.find((element) => element.containerId === pain.id && element.type === 'text');
    assert.ok(text, 'the pain has bound text');
    text.text = text.originalText = 'Parrots nesting in the chimney';
    const reworded = analyzer.update(scene);
    assert.deepEqual(reworded.notes.map((note) => note.id), [pain.id]);
    assert.ok(reworded.touched.includes(pain.id));
    assert.ok(reworded.touched.length < first.notes.length / 2, `${reworded.touched.length} touched`);
    assert.equal(JSON.parse(JSON.stringify(analyzer.stats())).restarts, 0);
    assert.deepEqual(analyzer.update(scene).touched, [], 'the same scene again changes nothing');

    const frame = scene.elements.find((element) => element.type === 'frame');
    frame.x += 5000;
    const moved = analyzer.update(scene);
    assert.equal(analyzer.stats().restarts, 1);
    assert.ok(moved.notes.length > 0, 'notes left the moved frame');
    assert.throws(() => analyzer.update('{"type": "excalidraw", "elements": 5}'),
      (error) => error instanceof CanvasFitError && /elements/.test(error.where + error.reason));
  } finally {
    analyzer.dispose();
  }
});

test('patchChanges: a reworded pain changes its own marks and no other; an empty delta changes nothing', () => {
  const analyzer = canvasfit.createAnalyzer(board);
  try {
    const report = applyDelta(null, analyzer.changes());
    const options = { showLinks: true, showSuggestions: true };
    const before = buildPatch(report, options);
    assert.deepEqual(patchChanges(before, buildPatch(report, options)), { removed: [], added: [] });
    assert.ok(isEmptyDelta(analyzer.update(board)));

    const pain = report.notes.find((note) => note.section === 'pains' && report.links.some((link) => link.to === note.id));
    const delta = analyzer.edit({ upsert: [{ ...board.notes.find((note) => note.id === pain.id), text: 'Parrots in the chimney' }] });
    const after = buildPatch(applyDelta(report, delta), options);
    const { removed, added } = patchChanges(before, after);
    assert.ok(removed.length > 0 && added.length > 0);
    const concerns = (action) => [action.note, action.from, action.to, ...(action.notes ?? []), ...(action.anchor ?? [])];
    for (const action of [...removed, ...added]) {
      if (action.type === 'warning-note') continue;  // a canvas's warnings may name any of its notes
      assert.ok(concerns(action).some((id) => delta.touched.includes(id)), `${action.type} of an untouched note: ${markKey(action)}`);
    }
    assert.ok(removed.length + added.length < before.actions.length / 2, 'far fewer than a full redraw');
  } finally {
    analyzer.dispose();
  }
});

test('updateElements: a report kept from the deltas of element edits equals a fresh analysis of the scene', () => {
  const scene = JSON.parse(readFileSync(path.join(root, 'examples/two-canvases.excalidraw'), 'utf8'));
  const analyzer = canvasfit.createAnalyzer(scene, { source: 'two-canvases.excalidraw' });
  try {
    assert.equal(analyzer.keepsScene(), true);
    let copy = applyDelta(null, analyzer.changes());
    const roll = dice(11);
    const texts = () => scene.elements.filter((e) => e.type === 'text' && e.containerId && !e.isDeleted);
    for (let step = 0; step < 15; step += 1) {
      const text = texts()[roll(texts().length)];
      const container = scene.elements.find((e) => e.id === text.containerId);
      let edits;
      if (roll(3) === 0) {  // deleted, as Excalidraw deletes: a tombstone in its place
        text.isDeleted = true;
        container.isDeleted = true;
        edits = { upsert: [text], remove: [container.id] };
      } else {
        text.text = text.originalText = `${text.originalText} within a day`;
        edits = JSON.stringify({ upsert: [text] });  // the shell hands over JSON text
      }
      copy = applyDelta(copy, analyzer.updateElements(edits));
      const fresh = canvasfit.analyze(scene, { source: 'two-canvases.excalidraw' });
      assert.deepEqual(canonical(copy), canonical(fresh), `step ${step}`);
    }
  } finally {
    analyzer.dispose();
  }
});

test('updateElements on a drawn canvas: a note moved across a line changes section, a moved line starts over', () => {
  const name = 'drawn-canvas.excalidraw';
  const scene = JSON.parse(readFileSync(path.join(root, 'examples', name), 'utf8'));
  const analyzer = canvasfit.createAnalyzer(scene, { source: name });
  const byId = (id) => scene.elements.find((e) => e.id === id);
  const sectionIn = (report, id) => report.notes.find((note) => note.id === id).section;
  try {
    let copy = applyDelta(null, analyzer.changes());
    assert.equal(sectionIn(copy, 'creators-1'), 'creators');
    // Down into the pain relievers' part, the sticky with its text, as Excalidraw moves them.
    const sticky = byId('creators-1');
    const text = byId('creators-1-text');
    for (const element of [sticky, text]) element.y += 500;
    copy = applyDelta(copy, analyzer.updateElements({ upsert: [sticky, text] }));
    assert.equal(sectionIn(copy, 'creators-1'), 'relievers');
    assert.equal(analyzer.stats().restarts, 0, 'a note edit, not a new board');
    assert.deepEqual(canonical(copy), canonical(canvasfit.analyze(scene, { source: name })));

    // The line between the value map's right parts, moved to the bottom: both titles are
    // in one part now, so the drawing no longer says which of the two its notes are in.
    const line = byId('map-right');
    line.y += 480;
    copy = applyDelta(copy, analyzer.updateElements({ upsert: [line] }));
    assert.equal(analyzer.stats().restarts, 1, 'lines are the board\'s drawing: a new analysis');
    for (const id of ['creators-1', 'relievers-1']) {
      assert.notEqual(copy.notes.find((note) => note.id === id).via, 'region', `${id}: no section from the drawing`);
    }
    assert.equal(sectionIn(copy, 'products-1'), 'products', 'the other line still divides');
    assert.deepEqual(canonical(copy), canonical(canvasfit.analyze(scene, { source: name })));
  } finally {
    analyzer.dispose();
  }
});

test('edit() on a board of titles over columns: a note moved to another column, or off every column, as a fresh analysis', () => {
  const headings = [['t-jobs', 'Customer Jobs', 0], ['t-pains', 'Pains', 300], ['t-gains', 'Gains', 600]];
  const notes = headings.flatMap(([id, text, x]) => [
    { id, text, kind: 'text', x, y: 0, width: 150, height: 30 },
    { id: `${id}-1`, text: `a first idea under ${text}`, x, y: 50, width: 100, height: 100 },
    { id: `${id}-2`, text: `a second idea under ${text}`, x, y: 170, width: 100, height: 100 },
  ]);
  const columns = { schema: 'canvasfit.board/1', notes };
  const analyzer = canvasfit.createAnalyzer(columns, { source: 'columns' });
  const sectionIn = (report, id) => report.notes.find((note) => note.id === id).section;
  try {
    let copy = applyDelta(null, analyzer.changes());
    assert.equal(sectionIn(copy, 't-pains-2'), 'pains');
    const moved = { ...notes.find((note) => note.id === 't-pains-2'), x: 600, y: 170 };
    notes[notes.findIndex((note) => note.id === moved.id)] = moved;
    copy = applyDelta(copy, analyzer.edit({ upsert: [moved] }));
    assert.equal(sectionIn(copy, 't-pains-2'), 'gains');
    assert.deepEqual(canonical(copy), canonical(canvasfit.analyze(columns, { source: 'columns' })));
    const dropped = { ...moved, y: 1500 };
    notes[notes.findIndex((note) => note.id === moved.id)] = dropped;
    copy = applyDelta(copy, analyzer.edit({ upsert: [dropped] }));
    assert.notEqual(copy.notes.find((note) => note.id === 't-pains-2').via, 'region', 'below every column');
    assert.deepEqual(canonical(copy), canonical(canvasfit.analyze(columns, { source: 'columns' })));
  } finally {
    analyzer.dispose();
  }
});

test('updateElements: a bad element is named where the edits hold it and changes nothing', () => {
  const scene = JSON.parse(readFileSync(path.join(root, 'examples/cafe-canvas.excalidraw'), 'utf8'));
  const analyzer = canvasfit.createAnalyzer(scene);
  const fromBoard = canvasfit.createAnalyzer(board);
  try {
    const before = analyzer.report();
    const shape = scene.elements.find((e) => e.type === 'rectangle' && !e.isDeleted);
    assert.throws(() => analyzer.updateElements({ upsert: [{ ...shape, x: 'left' }] }),
      (error) => error instanceof CanvasFitError && error.where === '/upsert/0/x' && /element/.test(error.message));
    assert.throws(() => analyzer.updateElements({ remove: ['not-there'] }),
      (error) => error instanceof CanvasFitError && error.where === '/remove/0');
    assert.throws(() => analyzer.updateElements(null), (error) => error instanceof CanvasFitError && error.where === 'edits');
    assert.deepEqual(analyzer.report(), before);
    assert.equal(fromBoard.keepsScene(), false, 'a CanvasFit board is no scene');
    assert.throws(() => fromBoard.updateElements({ upsert: [] }),
      (error) => error instanceof CanvasFitError && error.where === 'elements');
  } finally {
    analyzer.dispose();
    fromBoard.dispose();
  }
});
