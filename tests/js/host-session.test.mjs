// The session flow the Miro and FigJam plugins share (plugin/core-shell/session.js),
// driven through an in-memory host subclass and the real wasm core: board
// operations run one at a time, failures reach the panel with the shared
// messages and leave the queue running, Live re-analyses only when the board
// JSON changed, answers read after the first analysis re-analyse with them,
// and a host that lacks a hook says which one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HostSession } from '../../plugin/core-shell/session.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { createCanvasFit } = await import(path.join(root, 'build/wasm/package/canvasfit.js'));
const canvasfit = await createCanvasFit();
const cafe = JSON.parse(readFileSync(path.join(root, 'examples/cafe-canvas.excalidraw'), 'utf8'));
const settle = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A host whose board is an Excalidraw scene held in memory; every hook call is logged. */
class MemoryHost extends HostSession {
  constructor(options = {}) {
    super(canvasfit, { source: 'memory-board', boardFileName: 'memory.canvasfit.json', liveDelayMs: 20 });
    this.scene = structuredClone(cafe);
    this.log = [];
    this.patches = [];
    this.failWrite = null;
    this.failClear = null;
    this.writeDelayMs = 0;
    this.pairsAfter = options.pairsAfter ?? null;
    this.watching = [];
  }

  async readBoard() {
    this.log.push('read');
    return { board: structuredClone(this.scene) };
  }

  async linksAfter() {
    return this.pairsAfter;
  }

  async writePatch(_read, patch) {
    this.log.push('write');
    await settle(this.writeDelayMs);
    if (this.failWrite) throw new Error(this.failWrite);
    this.patches.push(patch);
    this.log.push('written');
    return { changed: ['b', 'a'] };
  }

  async clearBoard() {
    this.log.push('clear');
    if (this.failClear) throw new Error(this.failClear);
    return { changed: [] };
  }

  async recordDecision(from, to, decision) {
    this.log.push(`decide ${from} ${to} ${decision}`);
  }

  async focus(ids) {
    this.log.push(`focus ${ids.join(',')}`);
  }

  watch(on) {
    this.watching.push(on);
  }

  /** A user's edit: one note's text changes. */
  edit(id, text) {
    const element = this.scene.elements.find((e) => e.id === id);
    element.text = text;
    element.originalText = text;
  }
}

test('analyse reads, analyses with the host source and writes the patch built from the report', async () => {
  const host = new MemoryHost();
  const reports = [];
  host.onReport = (report) => reports.push(report);
  const report = await host.analyse();
  assert.equal(report.source, 'memory-board');
  assert.deepEqual(host.log, ['read', 'write', 'written']);
  assert.equal(host.patches.length, 1);
  assert.ok(host.patches[0].actions.some((a) => a.type === 'highlight'), 'the patch carries highlights');
  assert.equal(host.analyses, 1);
  assert.deepEqual(reports, [report]);
  assert.deepEqual(host.changedDuringAnalysis, ['a', 'b'], 'notes changed meanwhile, sorted');
  assert.match(host.exportReport('markdown'), /Independent café/);
  assert.equal(JSON.parse(host.exportBoard()).elements.length, cafe.elements.length);
});

test('board operations never interleave: a Clear waits for the write-back in flight', async () => {
  const host = new MemoryHost();
  host.writeDelayMs = 30;
  const analysing = host.analyse();
  const clearing = host.clear();
  const focusing = host.focusNotes(['pains-1']);
  await Promise.all([analysing, clearing, focusing]);
  assert.deepEqual(host.log, ['read', 'write', 'written', 'clear', 'focus pains-1']);
  assert.equal(host.report, null, 'Clear drops the report');
});

test('a failed write-back reaches onError with the shared message; the queue goes on', async () => {
  const host = new MemoryHost();
  const errors = [];
  host.onError = (error) => errors.push(error.message);
  await host.analyse();
  const summary = host.lastSummary;
  host.failWrite = 'call 3 of 9 failed';
  assert.equal(await host.analyse(), null);
  assert.equal(errors.length, 1);
  assert.match(errors[0], /^CanvasFit could not finish writing to the board \(call 3 of 9 failed\)\. Nothing you wrote was changed/);
  assert.equal(host.lastSummary, summary, 'the summary of the last write that finished stays');
  host.failClear = 'timed out';
  await host.clear();
  assert.match(errors[1], /^CanvasFit could not finish clearing the board \(timed out\)\. The marks left are still recorded/);
  assert.notEqual(host.report, null, 'a failed Clear keeps the report');
  host.failWrite = null;
  assert.ok(await host.analyse(), 'the next operation runs');
});

test('Live watches once, re-analyses after an edit and never after a read that changed nothing', async () => {
  const host = new MemoryHost();
  host.setLive(true);
  host.setLive(true);
  await host.idle();
  assert.deepEqual(host.watching, [true]);
  assert.equal(host.analyses, 1);
  host.boardChanged();
  await settle(60);
  await host.idle();
  assert.equal(host.analyses, 1, 'its own writes leave the board JSON as it was');
  host.edit('pains-1-text', 'Phone orders get lost every lunch');
  host.boardChanged();
  host.boardChanged();
  await settle(60);
  await host.idle();
  assert.equal(host.analyses, 2, 'one re-analysis for a burst of events');
  assert.equal(host.report.notes.find((n) => n.id === 'pains-1').text, 'Phone orders get lost every lunch');
  host.edit('pains-1-text', 'Phone orders get lost at rush hour');
  host.boardChanged();
  host.setLive(false);
  await settle(60);
  await host.idle();
  assert.deepEqual(host.watching, [true, false]);
  assert.equal(host.analyses, 2, 'switching Live off cancels the pending re-analysis');
});

test('answers read after the first analysis re-analyse the board with them; panel answers re-analyse', async () => {
  const host = new MemoryHost({ pairsAfter: { confirmed: [['relievers-3', 'pains-4']], rejected: [] } });
  const report = await host.analyse();
  assert.deepEqual(host.links.confirmed, [['relievers-3', 'pains-4']]);
  assert.ok(report.links.some((l) => l.from === 'relievers-3' && l.to === 'pains-4' && l.source === 'confirmed'));
  host.log = [];
  await host.rejectLink('relievers-1', 'pains-2');
  assert.deepEqual(host.log, ['decide relievers-1 pains-2 rejected', 'read', 'write', 'written']);
});

test('a host that lacks a hook says which one', async () => {
  class Bare extends HostSession {}
  const bare = new Bare(canvasfit, { source: 's', boardFileName: 'b', liveDelayMs: 10 });
  const errors = [];
  bare.onError = (error) => errors.push(error.message);
  await bare.analyse();
  await bare.clear();
  await bare.confirmLink('a', 'b');
  assert.deepEqual(errors, [
    'Bare does not read the board',
    'CanvasFit could not finish clearing the board (Bare does not clear the board). The marks left are still recorded: press Clear again to remove them.',
    'Bare does not record answers',
  ]);
});

/** Reports compared up to the order of their lists (a report kept from deltas may order them otherwise). */
function canonical(report) {
  const sorted = (items) => items.map((item) => JSON.stringify(item)).sort();
  return Object.fromEntries(Object.entries(report).map(([key, value]) => [key, Array.isArray(value) ? sorted(value) : value]));
}

test('Live answers edits with the incremental Analyzer: one per board, the same report as a full analysis', async () => {
  const host = new MemoryHost();
  const calls = { analyze: 0, createAnalyzer: 0 };
  host.canvasfit = {
    ...canvasfit,
    analyze: (...args) => { calls.analyze += 1; return canvasfit.analyze(...args); },
    createAnalyzer: (...args) => { calls.createAnalyzer += 1; return canvasfit.createAnalyzer(...args); },
  };
  host.setLive(true);
  await host.idle();
  assert.deepEqual(calls, { analyze: 0, createAnalyzer: 1 });
  for (const [id, text] of [['pains-1-text', 'Phone orders get lost every lunch'], ['gains-2-text', 'Regulars feel known']]) {
    host.edit(id, text);
    host.boardChanged();
    await settle(60);
    await host.idle();
    assert.deepEqual(canonical(host.report), canonical(canvasfit.analyze(host.scene, { source: 'memory-board' })), id);
  }
  assert.equal(host.liveUpdates, 2);
  assert.deepEqual(calls, { analyze: 0, createAnalyzer: 1 }, 'edits never re-ran a full analysis');
  host.setLive(false);
  await host.analyse();
  assert.equal(calls.analyze, 1, 'without Live, Analyse is a full analysis');
});

/** A host whose board is a canvasfit.board/1 object, as the Miro and FigJam plugins read theirs. */
class BoardHost extends MemoryHost {
  constructor() {
    super();
    const { gold, ...board } = JSON.parse(readFileSync(path.join(root, 'tests/corpus/boards/meal-kits.json'), 'utf8'));
    this.board = board;
  }

  async readBoard() {
    this.log.push('read');
    return { board: structuredClone(this.board) };
  }
}

test('Live on a canvasfit.board/1 board hands the Analyzer only the notes an edit changed; a changed connector, the whole board', async () => {
  const host = new BoardHost();
  const calls = { edit: 0, update: 0 };
  host.canvasfit = {
    ...canvasfit,
    createAnalyzer: (...args) => {
      const analyzer = canvasfit.createAnalyzer(...args);
      const { edit, update } = analyzer;
      analyzer.edit = (edits) => { calls.edit += 1; return edit.call(analyzer, edits); };
      analyzer.update = (board) => { calls.update += 1; return update.call(analyzer, board); };
      return analyzer;
    },
  };
  host.setLive(true);
  await host.idle();
  const note = (id) => host.board.notes.find((n) => n.id === id);
  const steps = [
    ['a pain reworded', () => { note('p1').text = 'Nobody agrees what to cook'; }],
    ['a note moved into another frame', () => { Object.assign(note('g2'), { parent: 'frame-pains', x: 1140, y: 1220 }); }],
    ['a note added', () => { host.board.notes.push({ ...note('p2'), id: 'p-new', text: 'Takeaway menus pile up' }); }],
    ['a note removed', () => { host.board.notes = host.board.notes.filter((n) => n.id !== 'p3'); }],
    ['two notes sharing an id', () => { host.board.notes.push({ ...note('p2'), text: 'A twin' }); }],
    ['the twin gone again', () => { host.board.notes.pop(); }],
    ['a note the core refuses', () => { note('g3').x = 'left'; }],
    ['the note mended', () => { note('g3').x = 1140; }],
    ['a connector removed', () => { host.board.connectors = []; }],
    ['a pain reworded after it', () => { note('p4').text = 'Saturday mornings lost to the supermarket'; }],
  ];
  const errors = [];
  host.onError = (error) => errors.push(error.message);
  for (const [what, change] of steps) {
    change();
    host.boardChanged();
    await settle(60);
    await host.idle();
    if (what === 'two notes sharing an id') {
      assert.match(errors.pop() ?? '', /p2/, 'the whole board names the clash');
      continue;
    }
    if (what === 'a note the core refuses') {
      // The note edit is refused; the whole board then names the place as a full analysis does.
      const where = host.board.notes.findIndex((n) => n.id === 'g3');
      assert.match(errors.pop() ?? '', new RegExp(`/notes/${where}/x`));
      continue;
    }
    assert.deepEqual(canonical(host.report), canonical(canvasfit.analyze(host.board, { source: 'memory-board' })), what);
  }
  assert.deepEqual(errors, []);
  assert.equal(host.noteUpdates, 5, 'note edits went note by note');
  assert.deepEqual(calls, { edit: 6, update: 3 },
    'the clash and the connector went as the whole board, and so did the refused note after its edit');
});
