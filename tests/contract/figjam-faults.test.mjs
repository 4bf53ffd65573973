// Fault injection on the FigJam plugin (plugin/figjam/src: main-side adapter,
// UI session, message protocol) with the real wasm core, against the FigJam
// contract host (fake-figjam.ts; not the real FigJam). Plugin API calls throw
// on call k of n (fills, plugin data, node creation, text, remove), a font
// never loads, and the user edits or deletes notes between the read and the
// write or while a font loads. Whatever happens, the page is left fully
// patched or restorable: Clear restores it exactly, and nothing the user
// wrote — text, notes, another plugin's data — is changed or deleted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { loadTs, loadCanvasFit } from './load.mjs';
import { calls, fails, failsAfterEffect, hangs, ok, scheduleFaults, watchUnhandledRejections } from './host-faults.mjs';
import { exampleWithoutGainCreators } from './example-boards.mjs';

const FONT_TIMEOUT_MS = 50;
// The example without its gain creators (example-boards.mjs): certain gap
// warnings (warning stickies) besides highlights, rank marks, questions and
// links, so a run writes every kind of node and faults can hit each of them.
const restExport = exampleWithoutGainCreators();
const unhandled = watchUnhandledRejections();
let h;
let canvasfit;
let clean;

/** A plugin run as main.ts wires it, with links on and another plugin's data on every note. */
function startPlugin({ beforeApply } = {}) {
  const host = new h.FakeFigJam();
  host.load(h.figjamNodesFromRestExport(restExport));
  for (const node of host.page.findAllWithCriteria({ types: ['STICKY', 'SHAPE_WITH_TEXT'] })) node.setPluginData('other-plugin', '{"seen":1}');
  const figma = host.figma;
  const controller = new h.Controller(figma, (reply) => figma.ui.postMessage(reply), { fontTimeoutMs: FONT_TIMEOUT_MS });
  figma.ui.onmessage = (message) => { void controller.handle(message); };
  const errors = [];
  const session = new h.FigJamSession((request) => setTimeout(() => {
    if (request.type === 'apply') beforeApply?.(host);  // the user acts while the patch is on its way
    host.fromUi(request);
  }, 0), canvasfit);
  host.deliverToUi = (reply) => setTimeout(() => session.receive(reply), 0);
  session.onError = (error) => errors.push(error.message);
  session.showLinks = true;
  return { host, session, errors, pristine: host.dump() };
}

const recordOf = (node) => (node.sharedPluginData?.['canvasfit\u0000mark'] ? JSON.parse(node.sharedPluginData?.['canvasfit\u0000mark']) : null);
const isCreated = (node) => recordOf(node) !== null && recordOf(node).k !== 'highlight';

/** The page with created nodes' ids left out, to compare the marks of two runs. */
function shape(host) {
  const nodes = host.dump();
  return {
    notes: nodes.filter((n) => !isCreated(n)),
    created: nodes.filter(isCreated).map(({ id, ...rest }) => JSON.stringify(rest)).sort(),
  };
}

/** Counts every plugin call of one run by method. */
function countCalls(host) {
  const counts = {};
  host.around = (call, run) => { counts[call.method] = (counts[call.method] ?? 0) + 1; return run(); };
  return counts;
}

before(async () => {
  h = await loadTs('tests/contract/figjam-faults-harness.ts');
  canvasfit = await loadCanvasFit();
  const { host, session, errors } = startPlugin();
  const analyseCalls = countCalls(host);
  const report = await session.analyse();
  assert.deepEqual(errors, []);
  const analysed = shape(host);
  const rerunCalls = countCalls(host);
  await session.analyse();
  const clearCalls = countCalls(host);
  await session.clear();
  clean = { report, shape: analysed, analyseCalls, rerunCalls, clearCalls };
});

after(() => {
  assert.deepEqual(unhandled, [], 'no unhandled promise rejection');
});

test('a clean run highlights notes and creates marks, warnings and links (the reference for the faulty runs)', () => {
  assert.ok(clean.shape.notes.filter((n) => recordOf(n)?.k === 'highlight').length > 10);
  assert.ok(clean.shape.created.length > 10);
  const warnings = clean.shape.created.map((c) => JSON.parse(c)).filter((c) => recordOf(c)?.k === 'warning');
  assert.equal(warnings.length, clean.report.warnings.filter((w) => w.severity === 'high' || w.severity === 'medium').length);
  assert.ok(warnings.length >= 3, `${warnings.length} warning stickies`);
  for (const method of ['fills', 'setSharedPluginData', 'createSticky', 'createShapeWithText', 'createConnector', 'characters', 'loadFontAsync']) {
    assert.ok(clean.analyseCalls[method] >= 2, `${method}: ${clean.analyseCalls[method]} calls`);
  }
  assert.ok(clean.rerunCalls.remove >= 2 && clean.clearCalls.remove >= 2);
});

const after_ = (count, ...faults) => [...Array(count).fill(ok), ...faults];
const CASES = [
  ...['fills', 'setSharedPluginData', 'createSticky', 'createShapeWithText', 'createConnector', 'characters', 'loadFontAsync']
    .map((method) => [method, 'throws', () => fails('document is read-only')]),
  ['fills', 'throws after taking effect', () => failsAfterEffect()],
  ['setSharedPluginData', 'throws after taking effect', () => failsAfterEffect()],
  ['loadFontAsync', 'never resolves', () => hangs()],
];

for (const [method, name, fault] of CASES) {
  test(`Analyse: when ${method} ${name} midway, the user is told and Clear restores the page exactly`, async () => {
    const { host, session, errors, pristine } = startPlugin();
    const k = Math.floor(clean.analyseCalls[method] / 2);
    const faulty = scheduleFaults(host, calls(method), after_(k, fault()));
    assert.equal(await session.analyse(), null);
    assert.ok(faulty.calls > k, 'the fault was reached');
    assert.equal(errors.length, 1);
    assert.match(errors[0], /could not finish writing to the board \(.+\)\. Nothing you wrote was changed/);
    faulty.restore();  // the host recovers
    await session.clear();
    assert.equal(errors.length, 1, errors.join('\n'));
    assert.deepEqual(host.dump(), pristine);
  });
}

test('Analyse: when setSharedPluginData throws on a highlight, the fill is unchanged and Clear restores the page exactly', async () => {
  const { host, session, errors, pristine } = startPlugin();
  const faulty = scheduleFaults(host, calls('setSharedPluginData'), after_(3, fails('document is read-only')));
  assert.equal(await session.analyse(), null);
  assert.equal(errors.length, 1);
  faulty.restore();
  await session.clear();
  assert.deepEqual(host.dump(), pristine);
});

test('Analyse: when remove throws midway through a re-run, Clear restores the page exactly', async () => {
  const { host, session, errors, pristine } = startPlugin();
  await session.analyse();
  const faulty = scheduleFaults(host, calls('remove'), after_(Math.floor(clean.rerunCalls.remove / 2), fails()));
  assert.equal(await session.analyse(), null);
  assert.equal(errors.length, 1);
  faulty.restore();
  await session.clear();
  assert.deepEqual(host.dump(), pristine);
});

test('after a failed write-back, the next Analyse once the host recovers leaves exactly one set of marks', async () => {
  const { host, session, errors } = startPlugin();
  const faulty = scheduleFaults(host, calls('loadFontAsync'), after_(2, hangs()));
  await session.analyse();
  assert.equal(errors.length, 1);
  faulty.restore();
  assert.ok(await session.analyse());
  assert.deepEqual(shape(host), clean.shape);
});

// ---- the user edits while the patch is written

function pains(count) {
  const highlighted = new Set(clean.shape.notes.filter((n) => recordOf(n)?.k === 'highlight').map((n) => n.id));
  return clean.report.notes.filter((n) => n.section === 'pains' && highlighted.has(n.id)).map((n) => n.id).slice(0, count);
}

const USER_FILL = { type: 'SOLID', color: { r: 0.2, g: 0.4, b: 0.6 } };

test('notes edited or deleted between the read and the write keep the user\'s change, are reported, and are not recreated', async () => {
  const [edited, recoloured, deleted] = pains(3);
  let once = true;
  const { host, session, errors, pristine } = startPlugin({
    beforeApply: (page) => {
      if (!once) return;
      once = false;
      page.userEdit(edited, (node) => { node.text.characters = 'Callers hang up after a minute'; });
      page.userEdit(recoloured, (node) => { node.fills = [USER_FILL]; });
      page.userEdit(deleted, (node) => node.remove());
    },
  });
  assert.ok(await session.analyse());
  assert.deepEqual(errors, []);
  const byId = new Map(host.dump().map((n) => [n.id, n]));
  const original = new Map(pristine.map((n) => [n.id, n]));
  assert.equal(byId.get(edited).text, 'Callers hang up after a minute');
  assert.deepEqual(byId.get(edited).fills, original.get(edited).fills, 'no stale highlight on the edited note');
  assert.equal(recordOf(byId.get(edited)), null);
  assert.deepEqual(byId.get(recoloured).fills, [USER_FILL], 'the user\'s fill is not overwritten');
  assert.ok(!byId.has(deleted), 'the deleted note is not recreated');
  for (const node of host.dump().filter(isCreated)) {
    const ends = [recordOf(node).note, node.start?.endpointNodeId, node.end?.endpointNodeId];
    for (const id of ends) assert.ok(![edited, recoloured, deleted].includes(id), `a mark on ${id}`);
  }
  assert.deepEqual(session.changedDuringAnalysis, [edited, recoloured, deleted].sort());
  await session.analyse();  // the next run marks the edited notes
  assert.equal(recordOf(host.dump().find((n) => n.id === edited))?.k, 'highlight');
  assert.deepEqual(session.changedDuringAnalysis, []);
  await session.clear();
  const expected = pristine.filter((n) => n.id !== deleted).map((n) => (
    n.id === edited ? { ...n, text: 'Callers hang up after a minute' } : n.id === recoloured ? { ...n, fills: [USER_FILL] } : n));
  assert.deepEqual(host.dump(), expected);
});

test('a note deleted while a font loads loses its later marks and links, and the rest of the patch is written', async () => {
  const { host, session, errors } = startPlugin();
  const deleted = clean.report.links.at(-1).to;
  scheduleFaults(host, calls('loadFontAsync'), [{ kind: 'before', act: (page) => page.userEdit(deleted, (node) => node.remove()) }]);
  assert.ok(await session.analyse());
  assert.deepEqual(errors, []);
  assert.ok(!host.dump().some((n) => n.id === deleted));
  const links = host.dump().filter((n) => isCreated(n) && n.type === 'CONNECTOR');
  const expected = clean.shape.created.map((c) => JSON.parse(c)).filter((c) => c.type === 'CONNECTOR');
  assert.equal(links.length, expected.filter((c) => c.start.endpointNodeId !== deleted && c.end.endpointNodeId !== deleted).length);
  assert.ok(session.changedDuringAnalysis.includes(deleted));
});

// ---- idempotence

test('Analyse 100 times in a row leaves exactly one set of marks, and Clear restores the page exactly', async () => {
  const { host, session, errors, pristine } = startPlugin();
  for (let i = 0; i < 100; i++) await session.analyse();
  assert.deepEqual(errors, []);
  assert.equal(session.analyses, 100);
  assert.deepEqual(shape(host), clean.shape);
  await session.clear();
  assert.deepEqual(host.dump(), pristine);
});

// ---- Clear itself fails

for (const method of ['remove', 'fills', 'setSharedPluginData']) {
  test(`Clear: when ${method} throws midway, the marks left stay recorded and a second Clear finishes`, async () => {
    const { host, session, errors, pristine } = startPlugin();
    await session.analyse();
    const analysed = shape(host);
    const k = Math.floor(clean.clearCalls[method] / 2);
    const faulty = scheduleFaults(host, calls(method), after_(k, fails('document is read-only')));
    await session.clear();
    assert.ok(faulty.calls > k, 'the fault was reached');
    assert.equal(errors.length, 1);
    assert.match(errors[0], /could not finish clearing the board .*press Clear again/);
    assert.notEqual(session.report, null, 'the report stays while its marks do');
    const left = shape(host);
    assert.notDeepEqual(left, analysed, 'part of the Clear was done');
    assert.ok(left.created.length + left.notes.filter((n) => recordOf(n)).length > 0, 'part of the marks are left');
    faulty.restore();
    await session.clear();
    assert.equal(errors.length, 1);
    assert.deepEqual(host.dump(), pristine);
  });
}

test('Clear: when setSharedPluginData throws on a warning sticky the user typed into, it is kept and the next Clear finishes', async () => {
  const { host, session, errors, pristine } = startPlugin();
  await session.analyse();
  const typedInto = host.dump().find((n) => recordOf(n)?.k === 'warning').id;
  host.userEdit(typedInto, (node) => { node.text.characters = 'Ask Sam about this'; });
  const faulty = scheduleFaults(host, calls('setSharedPluginData', typedInto), [fails('document is read-only')]);
  await session.clear();
  assert.equal(faulty.calls, 1, 'the fault was reached');
  assert.equal(errors.length, 1);
  assert.equal(host.dump().find((n) => n.id === typedInto)?.text, 'Ask Sam about this', 'the user\'s text is still there');
  faulty.restore();
  await session.clear();
  assert.equal(errors.length, 1, errors.join('\n'));
  const kept = host.dump().find((n) => n.id === typedInto);
  assert.equal(kept?.text, 'Ask Sam about this');
  assert.equal(kept.sharedPluginData?.['canvasfit\u0000mark'], undefined);
  assert.deepEqual(host.dump().filter((n) => n.id !== typedInto), pristine);
});

// ---- Records an older build kept as private plugin data (same plugin id)

for (const [method, at] of [['setSharedPluginData', 2], ['setPluginData', 3]]) {
  test(`Clear of an older build's private records: when ${method} throws during the move to shared plugin data, a second Clear finishes`, async () => {
    const { host, session, errors, pristine } = startPlugin();
    await session.analyse();
    for (const node of host.page.findAllWithCriteria({})) {
      const record = node.getSharedPluginData('canvasfit', 'mark');
      if (!record) continue;
      node.setPluginData('canvasfit', record);
      node.setSharedPluginData('canvasfit', 'mark', '');
    }
    const faulty = scheduleFaults(host, calls(method), after_(at, fails('document is read-only')));
    await session.clear();
    assert.ok(faulty.calls > at, 'the fault was reached');
    assert.equal(errors.length, 1);
    assert.match(errors[0], /could not finish clearing the board/);
    // Every node still carries its record, shared or private: nothing was lost.
    const recorded = (n) => n.sharedPluginData?.['canvasfit\u0000mark'] || n.pluginData.canvasfit;
    assert.ok(host.dump().filter(recorded).length > 10);
    faulty.restore();
    await session.clear();
    assert.equal(errors.length, 1);
    assert.deepEqual(host.dump(), pristine);
  });
}

// ---- Pages

test('Clear across pages: when loading or clearing another page fails, the first page is cleared and a second Clear finishes', async () => {
  for (const [method, at] of [['loadAsync', 0], ['remove', 0]]) {
    const { host, session, errors } = startPlugin();
    const second = host.addPage('Second canvas');
    const p = (id) => (id === undefined ? undefined : `p2-${id}`);
    host.load(h.figjamNodesFromRestExport(restExport).map((spec) => ({ ...spec, id: p(spec.id), parent: p(spec.parent), from: p(spec.from), to: p(spec.to) })), second);
    for (const node of second.everything({ types: ['STICKY', 'SHAPE_WITH_TEXT'] })) node.setPluginData('other-plugin', '{"seen":1}');
    const pristine = host.dump();
    await session.analyse();  // the first page
    await host.figma.setCurrentPageAsync(second);
    await session.analyse();  // the second page
    const onSecond = (id) => id === second.id || id.startsWith('p2-') || (host.byId(id) !== undefined && host.pageOf(host.byId(id)) === second);
    // The second page's nodes are cleared after the first's (the page open first): fail there.
    const faulty = scheduleFaults(host, (call) => call.method === method && (call.id === undefined || onSecond(call.id)), after_(at, fails('document is read-only')));
    await host.figma.setCurrentPageAsync(host.page);
    await session.clear();
    assert.ok(faulty.calls > at, `${method}: the fault was reached`);
    assert.equal(errors.length, 1, errors.join('\n'));
    assert.match(errors[0], /could not finish clearing the board/);
    assert.ok(host.dump().filter((n) => !onSecond(n.id)).every((n) => !n.sharedPluginData?.['canvasfit\u0000mark']), `${method}: the first page is clear`);
    assert.ok(host.dump().some((n) => recordOf(n)), `${method}: the marks left keep their records`);
    faulty.restore();
    await session.clear();
    assert.equal(errors.length, 1);
    assert.deepEqual(host.dump(), pristine, method);
  }
});
