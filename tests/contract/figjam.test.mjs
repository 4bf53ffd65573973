// Contract tests of the FigJam plugin: the real main-side adapter, the real UI
// session and the real wasm core, talking through the message protocol, against
// an in-memory page that follows @figma/plugin-typings and enforces Figma's
// documented rules (tests/contract/fake-figjam.ts). Not the real FigJam.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadTs, loadCanvasFit } from './load.mjs';
import { exampleExport, exampleWithoutGainCreators } from './example-boards.mjs';
import { runPluginOn } from './figjam-run.mjs';

let h;
let canvasfit;
const restExport = exampleExport();
// The example without its gain creators (example-boards.mjs): its gains are
// certainly unaddressed, so CanvasFit writes several warning stickies on it;
// the example itself gives mostly questions.
const gapsExport = exampleWithoutGainCreators();

before(async () => {
  h = await loadTs('tests/contract/figjam-harness.ts');
  canvasfit = await loadCanvasFit();
});

/** A plugin run as main.ts wires it, on `bundle`: controller on the main side, session in the UI, messages in between. */
function startPlugin(bundle = restExport) {
  const host = new h.FakeFigJam();
  host.load(h.figjamNodesFromRestExport(bundle));
  return runPluginOn(h, host, canvasfit);
}

const ours = (dump) => dump.filter((node) => node.sharedPluginData?.['canvasfit\u0000mark']);
const hex = (paint) => '#' + ['r', 'g', 'b'].map((k) => Math.round(paint.color[k] * 255).toString(16).padStart(2, '0')).join('');

test('the page is read as sections, stickies and connectors with absolute coordinates', async () => {
  const { host, session } = startPlugin();
  const report = await session.analyse();
  const board = session.board;
  assert.equal(board.containers.length, 7);
  assert.ok(board.notes.length >= 30);
  const child = board.notes.find((note) => note.id === '3458764517518210264');
  assert.deepEqual([child.x, child.y], [800 - 1200 + 160 - 120, -1650 - 350 + 220 - 120], 'section children are placed absolutely');
  assert.equal(child.parent, '3458764517518187981');
  assert.equal(report.canvases.length, 1);
  const direct = canvasfit.analyze(restExport, { source: 'rest' });
  const sectionOf = new Map(direct.notes.map((note) => [note.id, note.section]));
  for (const note of report.notes) assert.equal(note.section, sectionOf.get(note.id), `section of ${note.id}`);
  assert.ok(board.connectors.length > 0);
  assert.ok(host.dump().length > 0);
});

test('Analyse sets fills as paints, records originals in plugin data, writes warning stickies with loaded fonts', async () => {
  const { host, session, errors } = startPlugin(gapsExport);
  const report = await session.analyse();
  assert.deepEqual(errors, []);
  const byId = new Map(host.dump().map((node) => [node.id, node]));
  const status = new Map(report.canvases.flatMap((c) => [...c.fit.pains_detail, ...c.fit.gains_detail]).map((row) => [row.note, row.status]));
  for (const note of report.notes.filter((n) => n.section === 'pains' || n.section === 'gains')) {
    const node = byId.get(note.id);
    const expected = h.STATUS_FILL[status.get(note.id)];
    assert.equal(hex(node.fills[0]), expected, note.id);
    assert.equal(JSON.parse(node.sharedPluginData?.['canvasfit\u0000mark']).k, 'highlight');
  }
  const created = ours(host.dump()).filter((node) => JSON.parse(node.sharedPluginData?.['canvasfit\u0000mark']).k !== 'highlight');
  const warnings = created.filter((node) => node.type === 'STICKY');
  assert.equal(warnings.length, report.warnings.filter((w) => w.severity === 'high' || w.severity === 'medium').length);
  assert.ok(warnings.length >= 3, `${warnings.length} warning stickies`);
  assert.ok([...status.values()].includes('unaddressed'), 'the board has certain gaps');
  for (const sticky of warnings) assert.match(sticky.text, /^⚠ /);
  assert.ok(created.some((node) => node.type === 'SHAPE_WITH_TEXT' && node.text === '#1'), 'rank marks');
  assert.ok(host.loadedFonts.size > 0, 'fonts were loaded before text was set');
});

test('re-running replaces the marks; Clear restores the file exactly and keeps user edits', async () => {
  const { host, session } = startPlugin();
  const pristine = host.dump();
  await session.analyse();
  const once = host.dump();
  for (let i = 0; i < 3; i++) await session.analyse();
  assert.equal(host.dump().length, once.length);
  assert.deepEqual(ours(host.dump()).map((n) => n.pluginData).length, ours(once).length);
  const report = session.report;
  const pain = report.notes.find((n) => n.section === 'pains').id;
  const user = { type: 'SOLID', color: { r: 0.2, g: 0.4, b: 0.6 } };
  host.userEdit(pain, (node) => { node.fills = [user]; });
  await session.clear();
  const cleared = host.dump();
  const expected = pristine.map((node) => (node.id === pain ? { ...node, fills: [user] } : node));
  assert.deepEqual(cleared, expected);
});

test('a warning sticky the user typed into stays as the user\'s note: the next Analyse or Clear takes off only CanvasFit\'s plugin data', async () => {
  const { host, session, errors } = startPlugin(gapsExport);
  const pristine = host.dump();
  await session.analyse();
  const warningsNow = () => host.dump().filter((n) => n.sharedPluginData?.['canvasfit\u0000mark'] && JSON.parse(n.sharedPluginData?.['canvasfit\u0000mark']).k === 'warning');
  const count = warningsNow().length;
  const [typedInto, emptied, untouched] = warningsNow().map((n) => n.id);
  assert.ok(untouched, 'the board gets at least three warning stickies');
  host.userEdit(typedInto, (node) => { node.text.characters = 'Ask Sam about this'; });
  host.userEdit(emptied, (node) => { node.text.characters = ''; });  // nothing the user wrote is in it: it goes like any warning

  await session.analyse();  // the re-run clears first: it keeps the sticky and makes it the user's
  assert.deepEqual(errors, []);
  const kept = host.dump().find((n) => n.id === typedInto);
  assert.equal(kept?.text, 'Ask Sam about this');
  assert.equal(kept.sharedPluginData?.['canvasfit\u0000mark'], undefined, 'no longer marked as CanvasFit\'s');
  assert.ok(!host.dump().some((n) => n.id === emptied), 'the emptied warning is replaced');
  assert.equal(warningsNow().length, count);

  await session.analyse();  // now a note of the user's like any other
  assert.ok(session.board.notes.some((n) => n.id === typedInto && n.text === 'Ask Sam about this'));
  await session.clear();
  assert.deepEqual(errors, []);
  const after = host.dump();
  assert.deepEqual(after.find((n) => n.id === typedInto), kept, 'Clear leaves the user\'s note as it is');
  assert.deepEqual(after.filter((n) => n.id !== typedInto), pristine, 'everything else is as before the first Analyse');
});

test('a rank mark or link the user typed into stays as the user\'s node: Clear takes off only CanvasFit\'s plugin data', async () => {
  // Rank marks are SHAPE_WITH_TEXT and links CONNECTOR nodes: both hold text
  // in @figma/plugin-typings, so the user can type into them like a warning.
  const { host, session, errors } = startPlugin();
  const pristine = host.dump();
  session.showLinks = true;
  await session.analyse();
  const created = (kind) => host.dump().filter((n) => n.sharedPluginData?.['canvasfit\u0000mark'] && JSON.parse(n.sharedPluginData?.['canvasfit\u0000mark']).k === kind);
  const [mark, emptiedMark] = created('mark');
  const [link, untouchedLink] = created('link');
  assert.ok(emptiedMark && untouchedLink, 'the example gets at least two rank marks and two links');
  host.userEdit(mark.id, (node) => { node.text.characters = 'Ask Sam: why first?'; });
  host.userEdit(emptiedMark.id, (node) => { node.text.characters = ''; });  // nothing the user wrote is in it: it goes
  host.userEdit(link.id, (node) => { node.text.characters = 'depends on'; });

  await session.clear();
  assert.deepEqual(errors, []);
  const after = host.dump();
  const keptMark = after.find((n) => n.id === mark.id);
  const keptLink = after.find((n) => n.id === link.id);
  assert.equal(keptMark?.text, 'Ask Sam: why first?', 'the mark the user typed into is kept');
  assert.equal(keptLink?.text, 'depends on', 'the link the user labelled is kept');
  for (const kept of [keptMark, keptLink]) assert.equal(kept.sharedPluginData?.['canvasfit\u0000mark'], undefined, 'no longer marked as CanvasFit\'s');
  assert.deepEqual(after.filter((n) => n.id !== mark.id && n.id !== link.id), pristine, 'everything else is as before the Analyse');

  await session.analyse();  // now the user's: the labelled link is read as the user's connector
  assert.ok(session.board.connectors.some((c) => c.id === link.id && c.label === 'depends on'));
  await session.clear();
  assert.deepEqual(host.dump().find((n) => n.id === mark.id), keptMark, 'a later Clear leaves them as they are');
  assert.deepEqual(host.dump().find((n) => n.id === link.id), keptLink);
});

test('links are drawn as connectors on demand and removed with the marks', async () => {
  const { host, session } = startPlugin();
  const report = await session.analyse();
  session.setShowLinks(true);
  await session.idle();
  const links = ours(host.dump()).filter((node) => node.type === 'CONNECTOR');
  assert.equal(links.length, report.links.filter((link) => link.source !== 'suggested').length);
  assert.equal(session.report.links.length, report.links.length, 'its own connectors are not read as the user\'s');
  session.setShowLinks(false);
  await session.idle();
  assert.equal(ours(host.dump()).filter((node) => node.type === 'CONNECTOR').length, 0);
});

test('Live re-analyses after a user edit, once, and not because of its own writes', async () => {
  const { host, session } = startPlugin();
  session.setLive(true);
  await session.idle();
  await new Promise((r) => setTimeout(r, 800));
  await session.idle();
  assert.equal(session.analyses, 1);
  const pain = session.report.notes.find((n) => n.section === 'pains').id;
  host.userEdit(pain, (node) => { node.text.characters = 'Month-end close takes a whole week'; });
  await new Promise((r) => setTimeout(r, 800));
  await session.idle();
  assert.equal(session.analyses, 2);
  assert.equal(session.report.notes.find((n) => n.id === pain).text, 'Month-end close takes a whole week');
  assert.equal(session.noteUpdates, 1, 'the Analyzer was handed the edited note, not the whole board');
  session.setLive(false);
});

test('focus selects nodes through getNodeByIdAsync and scrolls to them', async () => {
  const { host, session } = startPlugin();
  await session.focusNotes(['3458764517518210264']);
  assert.deepEqual(host.page.selection.map((n) => n.id), ['3458764517518210264']);
  assert.deepEqual(host.zoomedTo.at(-1), ['3458764517518210264']);
});

test('the contract host enforces loaded fonts, paint arrays, frozen fills and dynamic-page access', async () => {
  const host = new h.FakeFigJam();
  const figma = host.figma;
  const sticky = figma.createSticky();
  assert.throws(() => { sticky.text.characters = 'x'; }, /unloaded font/);
  await figma.loadFontAsync(sticky.text.fontName);
  sticky.text.characters = 'x';
  assert.throws(() => { sticky.fills = '#ff0000'; }, /array of Paint/);
  assert.throws(() => { sticky.fills = [{ type: 'SOLID', color: { r: 255, g: 0, b: 0 } }]; }, /0\.\.1/);
  assert.throws(() => { sticky.fills[0].color.r = 0; }, TypeError);
  assert.throws(() => figma.getNodeById(sticky.id), /dynamic-page/);
  const connector = figma.createConnector();
  assert.throws(() => { connector.connectorStart = { endpointNodeId: 'nope', magnet: 'AUTO' }; }, /no node/);
});

test('records survive the plugin id Figma assigns: a published build clears what a development build wrote', async () => {
  const { host, session } = startPlugin(gapsExport);
  const pristine = host.dump();
  host.pluginId = 'canvasfit-figjam';  // the placeholder of a development import
  await session.analyse();
  assert.ok(ours(host.dump()).length > 10);
  assert.ok(host.dump().every((n) => Object.keys(n.pluginData).length === 0), 'nothing CanvasFit needs is private to that id');
  host.pluginId = '1329812760871373657';  // the id Figma gives the published plugin
  const published = runPluginOn(h, host, canvasfit);
  await published.session.clear();
  assert.deepEqual(published.errors, []);
  assert.deepEqual(host.dump(), pristine);
});

/** What a build before shared records left: each record as private plugin data `canvasfit` of the current id. */
function asLegacyRecords(host) {
  for (const node of host.page.findAllWithCriteria({})) {
    const record = node.getSharedPluginData('canvasfit', 'mark');
    if (!record) continue;
    node.setPluginData('canvasfit', record);
    node.setSharedPluginData('canvasfit', 'mark', '');
  }
}

test('records an older build kept as private plugin data are moved to shared plugin data and cleared', async () => {
  const { host, session, errors } = startPlugin(gapsExport);
  const pristine = host.dump();
  await session.analyse();
  const marked = ours(host.dump()).length;
  asLegacyRecords(host);
  assert.equal(ours(host.dump()).length, 0);
  const rerun = await session.analyse();
  assert.ok(rerun);
  assert.equal(ours(host.dump()).length, marked, 'one set of marks: the old ones were recognised and replaced');
  assert.ok(host.dump().every((n) => !n.pluginData.canvasfit), 'no private record left');
  asLegacyRecords(host);
  await session.clear();
  assert.deepEqual(errors, []);
  assert.deepEqual(host.dump(), pristine);
});

/** The nodes of `bundle` with every id prefixed, for a second page of the same file. */
function onAnotherPage(bundle, prefix) {
  const p = (id) => (id === undefined ? undefined : `${prefix}${id}`);
  return h.figjamNodesFromRestExport(bundle).map((spec) => ({ ...spec, id: p(spec.id), parent: p(spec.parent), from: p(spec.from), to: p(spec.to) }));
}

/** A file of two canvases on two pages; the plugin starts on the first. */
function twoPages() {
  const host = new h.FakeFigJam();
  host.load(h.figjamNodesFromRestExport(gapsExport));
  const second = host.addPage('Second canvas');
  host.load(onAnotherPage(gapsExport, 'p2-'), second);
  return { host, second, ...runPluginOn(h, host, canvasfit) };
}

test('pages: Live follows the user to another page, and Clear clears every page', async () => {
  const { host, second, session, errors } = twoPages();
  const pristine = host.dump();
  const onPage = (page) => ours(host.dump()).filter((n) => host.pageOf(host.byId(n.id)) === page).length;
  session.setLive(true);
  await session.idle();
  await new Promise((r) => setTimeout(r, 600));
  await session.idle();
  assert.equal(session.analyses, 1);
  assert.ok(onPage(host.page) > 10, 'the first page is marked');
  assert.equal(onPage(second), 0);
  host.userSwitchPage(second);
  await new Promise((r) => setTimeout(r, 800));
  await session.idle();
  assert.equal(session.analyses, 2, 'the page switch led to an analysis of the page now open');
  assert.ok(session.board.notes.every((n) => n.id.startsWith('p2-')));
  assert.ok(onPage(second) > 10, 'the second page is marked');
  const pain = session.report.notes.find((n) => n.section === 'pains').id;
  host.userEdit(pain, (node) => { node.text.characters = 'Month-end close takes a whole week'; });
  await new Promise((r) => setTimeout(r, 800));
  await session.idle();
  assert.equal(session.analyses, 3, 'Live listens to the page now open');
  session.setLive(false);
  await session.clear();
  assert.deepEqual(errors, []);
  assert.equal(ours(host.dump()).length, 0, 'no mark left on any page');
  const now = host.dump();
  assert.deepEqual(now.filter((n) => n.id !== pain), pristine.filter((n) => n.id !== pain));
});

test('pages: a switch during the write-back leaves the marks on the page that was analysed', async () => {
  const { host, second, session, errors } = twoPages();
  const pristine = host.dump();
  let switched = false;
  host.around = (call, run) => {
    if (!switched && call.method === 'loadFontAsync') { switched = true; host.userSwitchPage(second); }
    return run();
  };
  await session.analyse();
  assert.ok(switched);
  assert.deepEqual(errors, []);
  const marks = ours(host.dump());
  assert.ok(marks.length > 10);
  assert.ok(marks.every((n) => host.pageOf(host.byId(n.id)) === host.page), 'every mark is on the first page');
  host.around = null;
  await session.clear();
  assert.deepEqual(host.dump(), pristine);
});

// The canvas as Strategyzer draws it (docs/board-format.md): a square and a
// circle cut by lines, a free title text in each part, no sections. FigJam
// draws lines as LINE nodes, or as connectors fixed to the canvas at both ends.
function strategyzerDrawing() {
  const titles = [['t-products', 'Products & Services', 20, 20], ['t-creators', 'Gain Creators', 420, 20],
    ['t-relievers', 'Pain Relievers', 420, 420], ['t-gains', 'Gains', 1150, 60], ['t-pains', 'Pains', 1150, 700],
    ['t-jobs', 'Customer Jobs', 1450, 150]];
  const notes = [['product', 80, 300, 'products'], ['creator', 520, 120, 'creators'], ['reliever', 520, 520, 'relievers'],
    ['gain', 1100, 100, 'gains'], ['pain', 1100, 480, 'pains'], ['job', 1450, 250, 'jobs']];
  return {
    expected: Object.fromEntries(notes.map(([id, , , section]) => [id, section])),
    specs: [
      { id: 'square', type: 'SHAPE_WITH_TEXT', shapeType: 'SQUARE', x: 0, y: 0, width: 800, height: 800 },
      { id: 'circle', type: 'SHAPE_WITH_TEXT', shapeType: 'ELLIPSE', x: 1000, y: 0, width: 800, height: 800 },
      { id: 'split', type: 'LINE', x: 400, y: 800, width: 800, rotation: 90 },  // drawn upwards
      { id: 'split-right', type: 'LINE', x: 400, y: 400, width: 400 },
      { id: 'split-circle', type: 'CONNECTOR', start: { x: 1400, y: 0 }, end: { x: 1400, y: 800 } },
      { id: 'split-left', type: 'LINE', x: 1000, y: 400, width: 400 },
      ...titles.map(([id, text, x, y]) => ({ id, type: 'TEXT', text, x, y, width: 200, height: 30 })),
      ...notes.map(([id, x, y]) => ({ id, type: 'STICKY', text: `note ${id}`, x, y })),
    ],
  };
}

test('a canvas drawn as Strategyzer draws it: lines and free titles give the sections; Clear leaves the page as it was', async () => {
  const { expected, specs } = strategyzerDrawing();
  const host = new h.FakeFigJam();
  host.load(specs);
  const { session, errors } = runPluginOn(h, host, canvasfit);
  const pristine = host.dump();
  const report = await session.analyse();
  assert.deepEqual(errors, []);
  assert.deepEqual(session.board.lines.map((line) => line.id).sort(), ['split', 'split-circle', 'split-left', 'split-right']);
  const split = session.board.lines.find((line) => line.id === 'split');
  assert.deepEqual(split.points.map(([x, y]) => [Math.round(x), Math.round(y)]), [[400, 800], [400, 0]]);
  assert.equal(report.canvases.length, 1);
  const placed = Object.fromEntries(report.notes.map((note) => [note.id, note.section]));
  assert.deepEqual(placed, expected, 'every note in the part its title names; the titles are not notes');
  await session.clear();
  assert.deepEqual(host.dump(), pristine);
});

test('a free text is a note: read, marked beside it, never recoloured, and a change to it is seen', async () => {
  const { specs } = strategyzerDrawing();
  const host = new h.FakeFigJam();
  host.load([...specs, { id: 'idea', type: 'TEXT', text: 'Reminds who has not paid yet', x: 500, y: 700, width: 220, height: 30 }]);
  const { session, errors } = runPluginOn(h, host, canvasfit);
  const report = await session.analyse();
  assert.deepEqual(errors, []);
  const idea = report.notes.find((note) => note.id === 'idea');
  assert.equal(idea.section, 'relievers');
  const node = host.dump().find((n) => n.id === 'idea');
  assert.deepEqual(node.fills, [{ type: 'SOLID', color: { r: 0, g: 0, b: 0 } }], 'its ink stays');
  assert.equal(node.sharedPluginData, undefined, 'no record on it: nothing was changed');
  assert.deepEqual(session.lastSummary.changed, [], "no note is reported as changed meanwhile");
});

test('section titles typed over columns of stickies, no sections: each sticky in the column it stands in', async () => {
  const headings = [['t-jobs', 'Customer Jobs', 0], ['t-pains', 'Pains', 400], ['t-gains', 'Gains', 800]];
  const specs = headings.flatMap(([id, text, x]) => [
    { id, type: 'TEXT', text, x, y: 0, width: 160, height: 30 },
    { id: `${id}-1`, type: 'STICKY', text: `first note under ${text}`, x, y: 60 },
    { id: `${id}-2`, type: 'STICKY', text: `second note under ${text}`, x, y: 320 },
  ]);
  specs.push({ id: 'pile', type: 'STICKY', text: 'a note nobody sorted', x: 400, y: 1400 });
  const host = new h.FakeFigJam();
  host.load(specs);
  const { session, errors } = runPluginOn(h, host, canvasfit);
  const report = await session.analyse();
  assert.deepEqual(errors, []);
  const via = Object.fromEntries(report.notes.map((note) => [note.id, [note.section, note.via]]));
  for (const [id, , ] of headings) {
    const section = { 't-jobs': 'jobs', 't-pains': 'pains', 't-gains': 'gains' }[id];
    assert.deepEqual(via[`${id}-1`], [section, 'region'], `${id}-1`);
    assert.deepEqual(via[`${id}-2`], [section, 'region'], `${id}-2`);
  }
  assert.notEqual(via.pile[1], 'region', 'the pile is in no column');
});
