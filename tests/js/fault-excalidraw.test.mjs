// Fault injection on the Excalidraw adapter and session (plugin/excalidraw),
// with the real wasm core and an in-memory Excalidraw (fault-kit.mjs): the
// host's updateScene fails, times out, is rate-limited or fails after taking
// effect; elements vanish and the user edits notes between the read and the
// write; damaged marks come back in a file. Whatever happens, the board is
// left fully patched or exactly as it was (and Clear restores it), and
// nothing the user wrote is changed or deleted.
//
// Excalidraw's API is synchronous and replaces the scene whole, so a slow
// call blocks rather than interleaving: edits can only land between the read
// the analysis uses and the write, which the userActsFirst cases cover.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExcalidrawSession } from '../../plugin/excalidraw/session.js';
import { applyPatch, boardFromScene, changedSince, clearMarks, contentSnapshot } from '../../plugin/excalidraw/adapter.js';
import {
  FakeExcalidrawHost, fakeExcalidrawLib, injectFaults, fails, failsAfterEffect, marksOf, ok, rateLimited,
  slow, timesOut, userActsFirst, userView,
} from './fault-kit.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { createCanvasFit } = await import(path.join(root, 'build/wasm/package/canvasfit.js'));
const canvasfit = await createCanvasFit();
const cafe = JSON.parse(readFileSync(path.join(root, 'examples/cafe-canvas.excalidraw'), 'utf8')).elements;

function start(elements = cafe) {
  const host = new FakeExcalidrawHost(structuredClone(elements));
  const session = new ExcalidrawSession(host, canvasfit, fakeExcalidrawLib());
  const errors = [];
  session.onError = (error) => errors.push(error.message);
  return { host, session, errors, pristine: userView(host.scene) };
}

/** The marks one clean Analyse writes on the example, to compare faulty runs with. */
function cleanMarks() {
  const { host, session } = start();
  session.analyse();
  const { created, highlighted } = marksOf(host.scene);
  return { created: created.length, highlighted: highlighted.map((e) => e.id).sort() };
}
const clean = cleanMarks();

function assertOneSetOfMarks(host) {
  const { created, highlighted } = marksOf(host.scene);
  assert.equal(created.length, clean.created);
  assert.deepEqual(highlighted.map((e) => e.id).sort(), clean.highlighted);
}

test('the example gets highlights and created marks when nothing fails', () => {
  assert.ok(clean.created > 3, `${clean.created} created`);
  assert.ok(clean.highlighted.includes('pains-1'));
});

for (const [name, fault] of [['fails', fails()], ['times out', timesOut()], ['is rate-limited', rateLimited()]]) {
  test(`Analyse: when updateScene ${name}, the board stays exactly as it was and the user is told`, () => {
    const { host, session, errors, pristine } = start();
    injectFaults(host, 'updateScene', [fault]);
    assert.equal(session.analyse(), null);
    assert.deepEqual(userView(host.scene), pristine);
    assert.equal(errors.length, 1);
    assert.match(errors[0], /could not update the board .*Your notes are unchanged/);
    assert.equal(session.analyses, 0);
    assert.ok(session.analyse(), 'the next Analyse works');
    assertOneSetOfMarks(host);
  });
}

test('Analyse: rate-limited three times, then one set of marks once the host accepts', () => {
  const { host, session, errors, pristine } = start();
  injectFaults(host, 'updateScene', [rateLimited(), rateLimited(), rateLimited()]);
  for (let i = 0; i < 3; i++) assert.equal(session.analyse(), null);
  assert.deepEqual(userView(host.scene), pristine);
  assert.equal(errors.length, 3);
  session.analyse();
  assertOneSetOfMarks(host);
});

test('Analyse: when updateScene throws after taking effect, the board is fully patched and no error is shown', () => {
  const { host, session, errors } = start();
  injectFaults(host, 'updateScene', [failsAfterEffect()]);
  assert.ok(session.analyse());
  assert.deepEqual(errors, []);
  assertOneSetOfMarks(host);
});

test('Analyse: a slow host blocks but still leaves one set of marks', () => {
  const { host, session } = start();
  injectFaults(host, 'updateScene', [slow(50), slow(50)]);
  session.analyse();
  session.analyse();
  assertOneSetOfMarks(host);
});

test('Clear: a failed Clear leaves every mark in place, and the next Clear restores the board exactly', () => {
  const { host, session, errors, pristine } = start();
  session.analyse();
  const analysed = userView(host.scene);
  injectFaults(host, 'updateScene', [fails('network lost')]);
  session.clear();
  assert.deepEqual(userView(host.scene), analysed);
  assert.match(errors[0], /network lost/);
  assert.notEqual(session.report, null, 'the report stays while its marks do');
  session.clear();
  assert.deepEqual(userView(host.scene), pristine);
});

test('a host that applies only part of a write leaves a board Clear restores exactly', () => {
  const { host, session, errors, pristine } = start();
  // A non-atomic host: the first half of the changed elements land, the rest and all new ones do not.
  host.updateScene = function partial({ elements }) {
    const before = new Map(this.scene.map((e) => [e.id, e]));
    const changed = elements.filter((e) => before.has(e.id) && before.get(e.id) !== e);
    const landed = new Set(changed.slice(0, Math.ceil(changed.length / 2)).map((e) => e.id));
    this.scene = this.scene.map((e) => (landed.has(e.id) ? elements.find((n) => n.id === e.id) : e));
    throw new Error('connection reset midway');
  };
  session.analyse();
  assert.equal(errors.length, 1);
  assert.ok(marksOf(host.scene).highlighted.length > 0, 'part of the patch landed');
  delete host.updateScene;  // the host recovers
  session.clear();
  assert.deepEqual(userView(host.scene), pristine);
});

test('elements that vanish between the read and the write get no mark and are not brought back', () => {
  const { host, session } = start();
  injectFaults(host, 'getSceneElementsIncludingDeleted', [ok, userActsFirst((h) => {
    h.remove('pains-1', { tombstone: false });  // gone entirely (another client purged it)
    h.remove('pains-2');                        // deleted by the user: a tombstone remains
  })]);
  const report = session.analyse();
  assert.ok(report.notes.some((n) => n.id === 'pains-1'), 'the analysis saw both notes');
  assert.ok(!host.scene.some((e) => e.id === 'pains-1'), 'pains-1 was not resurrected');
  const tombstone = host.scene.find((e) => e.id === 'pains-2');
  assert.equal(tombstone.isDeleted, true);
  assert.equal(tombstone.customData, undefined, 'a deleted note is not highlighted');
  const { created } = marksOf(host.scene);
  for (const mark of created) {
    const { note, anchor = [], from, to } = mark.customData.canvasfit;
    for (const id of [note, from, to, ...anchor]) assert.ok(id !== 'pains-1' && id !== 'pains-2', `mark for ${id}`);
  }
  assert.deepEqual(session.changedDuringAnalysis.filter((id) => /^pains-\d$/.test(id)), ['pains-1', 'pains-2']);
});

test('a note the user edits between the analysis and the write keeps the edit and gets no stale mark', () => {
  const { host, session } = start();
  const label = host.scene.find((e) => e.containerId === 'pains-3');
  injectFaults(host, 'getSceneElementsIncludingDeleted', [ok, userActsFirst((h) => {
    h.edit(label.id, { text: 'Callers hang up', originalText: 'Callers hang up' });
    h.edit('pains-4', { strokeColor: '#000000' });
  })]);
  session.analyse();
  assert.equal(host.scene.find((e) => e.id === label.id).originalText, 'Callers hang up');
  const recoloured = host.scene.find((e) => e.id === 'pains-4');
  assert.equal(recoloured.strokeColor, '#000000', 'the user colour is not overwritten');
  assert.equal(recoloured.customData, undefined);
  assert.equal(host.scene.find((e) => e.id === 'pains-3').customData, undefined);
  assert.ok(session.changedDuringAnalysis.includes('pains-3'), 'the text edit counts as its note');
  assert.ok(session.changedDuringAnalysis.includes('pains-4'));
  assert.ok(host.scene.find((e) => e.id === 'pains-1').customData?.canvasfit, 'untouched notes are marked');
  session.analyse();  // the next run, on the edited board, marks them
  assert.ok(host.scene.find((e) => e.id === 'pains-3').customData?.canvasfit);
  assert.equal(host.scene.find((e) => e.id === label.id).originalText, 'Callers hang up');
});

// The café with its relievers taken away: its pains are then certainly
// unaddressed, findings that get warning notes (the full café has none).
const cafeWithoutRelievers = cafe.filter((element) => !/^(relievers-\d+(-text)?|link-\d+)$/.test(element.id));

test('Clear keeps a colour the user chose after the highlight, and text typed into a warning note', () => {
  const { host, session, pristine } = start(cafeWithoutRelievers);
  session.analyse();
  host.edit('pains-1', { strokeColor: '#123456' });
  const other = marksOf(host.scene).highlighted.find((e) => e.id !== 'pains-1');
  host.edit(other.id, { customData: { ...other.customData, otherPlugin: { keep: true } } });
  const warningLabel = host.scene.find((e) => e.type === 'text' && e.customData?.canvasfit?.kind === 'warning');
  assert.ok(warningLabel, 'the example gets a warning note');
  host.edit(warningLabel.id, { text: 'Ask Sam about this', originalText: 'Ask Sam about this' });
  session.clear();
  const kept = host.scene.find((e) => e.id === warningLabel.id);
  assert.equal(kept.originalText, 'Ask Sam about this', 'what the user wrote is kept');
  assert.equal(kept.customData?.canvasfit, undefined, 'and is now the user\'s, not a mark');
  assert.ok(host.scene.some((e) => e.id === kept.containerId && !e.isDeleted), 'with the note it sits in');
  assert.equal(host.scene.find((e) => e.id === 'pains-1').strokeColor, '#123456');
  assert.deepEqual(host.scene.find((e) => e.id === other.id).customData, { otherPlugin: { keep: true } },
    'data another plugin added since stays');
  const userIds = new Set(pristine.map((e) => e.id));
  const editedByUser = new Set(['pains-1', other.id]);
  for (const element of userView(host.scene).filter((e) => userIds.has(e.id) && !editedByUser.has(e.id))) {
    assert.deepEqual(element, pristine.find((e) => e.id === element.id));
  }
  assert.equal(marksOf(host.scene).created.length, 0);
  assert.equal(marksOf(host.scene).highlighted.length, 0);
});

test('damaged CanvasFit data in a loaded file breaks neither Analyse nor Clear', () => {
  const damaged = structuredClone(cafe).map((element) => {
    if (element.id === 'pains-1') return { ...element, customData: { canvasfit: { original: 5 } } };
    if (element.id === 'pains-2') return { ...element, customData: { canvasfit: 'x', mine: true } };
    if (element.id === 'gains-1') return { ...element, customData: { canvasfit: { applied: null, original: null } } };
    return element;
  });
  const { host, session, errors } = start(damaged);
  assert.ok(session.analyse());
  assert.deepEqual(errors, []);
  session.clear();
  assert.deepEqual(host.scene.find((e) => e.id === 'pains-2').customData, { mine: true });
  assert.equal(host.scene.find((e) => e.id === 'pains-1').customData, undefined);
  assert.equal(host.scene.find((e) => e.id === 'gains-1').strokeColor, cafe.find((e) => e.id === 'gains-1').strokeColor);
});

test('an analysis error leaves the board untouched', () => {
  const { host, session, errors, pristine } = start();
  session.canvasfit = { analyze: () => { throw new Error('board.excalidraw: /elements/3/x: out of range'); } };
  assert.equal(session.analyse(), null);
  assert.deepEqual(userView(host.scene), pristine);
  assert.equal(host.writes, 0);
  assert.match(errors[0], /out of range/);
});

test('Analyse 100 times in a row leaves exactly one set of marks, and Clear restores the board', () => {
  const { host, session, pristine } = start();
  for (let i = 0; i < 100; i++) session.analyse();
  assert.equal(session.analyses, 100);
  assertOneSetOfMarks(host);
  assert.equal(host.scene.length, pristine.length + clean.created, 'no tombstones or copies pile up');
  session.clear();
  assert.deepEqual(userView(host.scene), pristine);
});

test('changedSince counts edits, deletions, vanished and new elements, and a label edit as its note', () => {
  const scene = structuredClone(cafe);
  const before = contentSnapshot(scene);
  const label = scene.find((e) => e.containerId === 'gains-2');
  const after = scene
    .filter((e) => e.id !== 'jobs-1')
    .map((e) => (e.id === label.id ? { ...e, text: 'new' } : e.id === 'jobs-2' ? { ...e, isDeleted: true } : e))
    .concat([{ id: 'fresh', type: 'rectangle', x: 0, y: 0, width: 1, height: 1 }]);
  assert.deepEqual([...changedSince(before, after)].sort(), ['fresh', 'gains-2', 'jobs-1', 'jobs-2', label.id].sort());
  assert.deepEqual([...changedSince(before, scene)], []);
});

test('applyPatch marks nothing on a stale or deleted note even when asked to', () => {
  const lib = fakeExcalidrawLib();
  const scene = structuredClone(cafe).map((e) => (e.id === 'pains-2' ? { ...e, isDeleted: true } : e));
  const patch = { actions: [
    { type: 'remove-marks' },
    { type: 'highlight', note: 'pains-1', status: 'unaddressed', reason: '' },
    { type: 'highlight', note: 'pains-2', status: 'unaddressed', reason: '' },
    { type: 'mark', note: 'pains-2', text: '#1' },
    { type: 'link', id: 'l', from: 'relievers-1', to: 'pains-2', strength: 1 },
  ] };
  const result = applyPatch(scene, patch, lib, { changed: new Set(['pains-1']) });
  assert.equal(marksOf(result).highlighted.length, 0);
  assert.equal(marksOf(result).created.length, 0);
  assert.deepEqual(boardFromScene(clearMarks(result, lib)).elements.length, boardFromScene(scene).elements.length);
});

test('a Live edit that moves no mark leaves the scene alone; one that does writes it', () => {
  const { host, session } = start();
  session.setLive(true);
  const reword = (id) => {
    const label = host.scene.find((e) => e.containerId === id);
    host.edit(label.id, { text: `${label.text} today`, originalText: `${label.text} today` });
    return session.liveUpdate();
  };
  const writes = host.writes;
  const marks = JSON.stringify(marksOf(host.scene));
  const report = reword('products-1');
  assert.equal(session.liveUpdates, 1, 'the edit was answered');
  assert.match(report.notes.find((n) => n.id === 'products-1').text, /today$/, 'the report has the new text');
  assert.equal(host.writes, writes, 'nothing to redraw: the scene was not written');
  assert.equal(JSON.stringify(marksOf(host.scene)), marks);
  reword('gains-2');  // its wording linked it: the edit moves its marks
  assert.equal(session.liveUpdates, 2);
  assert.equal(host.writes, writes + 1);
  session.clear();
  assert.equal(marksOf(host.scene).created.length, 0);
});
