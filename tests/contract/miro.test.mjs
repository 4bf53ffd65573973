// Contract tests of the Miro adapter: the real adapter and the real wasm core
// against an in-memory host that follows the Web SDK v2 typings and enforces
// Miro's documented rules (tests/contract/fake-miro.ts). Not the real Miro.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadTs, loadCanvasFit } from './load.mjs';
import { exampleExport, exampleWithoutGainCreators } from './example-boards.mjs';

let h;
let canvasfit;
const restExport = exampleExport();
// The example without its gain creators (example-boards.mjs): its gains are
// certainly unaddressed, so CanvasFit tags gaps and writes several warning
// stickies on it; the example itself gives mostly questions.
const gapsExport = exampleWithoutGainCreators();

before(async () => {
  h = await loadTs('tests/contract/miro-harness.ts');
  canvasfit = await loadCanvasFit();
});

function exampleHost(options = {}, bundle = restExport) {
  const host = new h.FakeMiroHost(options);
  host.load(h.sdkItemsFromRestExport(bundle));
  return host;
}

/** The example without its gain creators: certain gaps and several warning stickies. */
const gapsHost = (options = {}) => exampleHost(options, gapsExport);

function newSession(host, clock = new h.VirtualClock()) {
  const progress = [];
  const errors = [];
  const session = new h.MiroSession(host.board, canvasfit, { clock });
  session.onProgress = (p) => progress.push(p);
  session.onError = (e) => errors.push(e);
  return { session, progress, errors, clock };
}

/** The user's view of the board: everything but Miro's bookkeeping timestamps. */
function userView(host) {
  const { items, tags, metadata } = host.dump();
  return { items: items.map(({ modifiedAt, modifiedBy, ...rest }) => rest), tags, metadata };
}

const storedOf = (host, id) => host.items.get(id);
const counted = (report) => report.links.filter((link) => link.source !== 'suggested');
/** Each pain's and gain's status as the report's fit detail gives it. */
const rowStatus = (report) => new Map(report.canvases.flatMap((c) => [...c.fit.pains_detail, ...c.fit.gains_detail]).map((row) => [row.note, row.status]));

test('html to text follows the core: tags, line breaks, entities, scripts and comments', () => {
  assert.equal(h.htmlToText('<p>Bookkeepers with 2&ndash;15 staff</p>'), 'Bookkeepers with 2–15 staff');
  assert.equal(h.htmlToText('<p>a<br>b</p><p></p><p>c &amp; d</p>'), 'a\nb\n\nc & d');
  assert.equal(h.htmlToText('x<script>alert(1)</script><!-- note -->y &bogus; &#8217; &#x2019; &#146;'), 'xy &bogus; ’ ’ ’');
  assert.equal(h.htmlToText('a < b and <3'), 'a < b and <3');
  assert.equal(h.htmlToText(h.textToHtml('<img src=x> & "q"')), '<img src=x> & "q"');
});

test('the board read through the SDK matches what the core reads from the REST export of the same board', async () => {
  const host = exampleHost();
  const { session } = newSession(host);
  const report = await session.analyse();
  const direct = canvasfit.analyze(restExport, { source: 'rest' });
  const byId = new Map(direct.notes.map((note) => [note.id, note]));
  assert.equal(report.notes.length, direct.notes.length);
  for (const note of report.notes) {
    const expected = byId.get(note.id);
    assert.ok(expected, `${note.id} is a note in both`);
    assert.equal(note.text, expected.text, `text of ${note.id}`);
    assert.equal(note.section, expected.section, `section of ${note.id}`);
    assert.equal(note.canvas, expected.canvas, `canvas of ${note.id}`);
  }
  assert.deepEqual(report.links.map((l) => `${l.from}>${l.to}`).sort(), direct.links.map((l) => `${l.from}>${l.to}`).sort());
  // Frame children are relative to the frame's top-left corner; the board JSON is absolute.
  const child = session.board.notes.find((note) => note.id === '3458764517518210264');
  assert.deepEqual([child.x, child.y], [800 - 1200 + 160 - 99.5, -1650 - 350 + 220 - 114]);
  assert.equal(session.board.containers.length, 7);
});

test('Analyse colours notes from the sticky palette, tags gaps and orphans, and writes warning stickies', async () => {
  const host = gapsHost();
  const { session, errors } = newSession(host);
  const report = await session.analyse();
  assert.deepEqual(errors, []);
  const tagByTitle = new Map([...host.tags.values()].map((tag) => [tag.title, tag]));
  const status = rowStatus(report);
  for (const note of report.notes.filter((n) => n.section === 'pains' || n.section === 'gains')) {
    const item = storedOf(host, note.id);
    if (item.type !== 'sticky_note') continue;
    assert.ok(h.STICKY_PALETTE.includes(item.style.fillColor));
    const expected = { covered: 'light_green', unaddressed: 'red', question: 'gray' }[status.get(note.id)];
    assert.equal(item.style.fillColor, expected, note.id);
    assert.equal(item.tagIds.includes(tagByTitle.get('CanvasFit: gap')?.id), status.get(note.id) === 'unaddressed', `gap tag on ${note.id}`);
    if (status.get(note.id) === 'question') assert.ok(item.tagIds.includes(tagByTitle.get('CanvasFit: ?')?.id), `"?" tag on ${note.id}`);
    const record = host.metadata.get(note.id).canvasfit;
    assert.equal(record.o, gapsExport.items.flatMap((p) => p.data).find((i) => i.id === note.id).style.fillColor, 'original colour kept');
  }
  const warningTag = tagByTitle.get('CanvasFit: warning');
  const warnings = [...host.items.values()].filter((item) => item.tagIds?.includes(warningTag.id));
  const expected = report.warnings.filter((w) => w.severity === 'high' || w.severity === 'medium');
  assert.equal(warnings.length, expected.length);
  assert.ok(warnings.length >= 3, `${warnings.length} warning stickies`);
  assert.ok([...status.values()].includes('unaddressed'), 'the board has certain gaps');
  for (const sticky of warnings) assert.ok(h.STICKY_PALETTE.includes(sticky.style.fillColor));
  assert.ok(tagByTitle.has('CanvasFit: #1'), 'rank marks are tags');
  assert.ok(![...host.callsByMethod.keys()].some((method) => /comment/i.test(method)), 'no comment API exists');
});

test('re-running replaces earlier marks and costs no writes when nothing changed', async () => {
  const host = exampleHost();
  const { session } = newSession(host);
  await session.analyse();
  const once = userView(host);
  const callsAfterFirst = host.totalCalls;
  for (let i = 0; i < 3; i++) await session.analyse();
  assert.deepEqual(userView(host), once);
  const perRerun = (host.totalCalls - callsAfterFirst) / 3;
  assert.ok(perRerun <= 2, `a re-run on an unchanged board reads only (${perRerun} calls)`);
  // A fresh session (panel reopened) reads the metadata again and still changes nothing.
  const { session: reopened } = newSession(host);
  await reopened.analyse();
  assert.deepEqual(userView(host), once);
});

test('Clear restores every colour, tag and metadata, removes CanvasFit items and tags, keeps user edits', async () => {
  const host = exampleHost();
  const pristine = userView(host);
  const { session } = newSession(host);
  await session.setShowLinks(true);
  await session.analyse();
  await session.idle();
  const report = session.report;
  const pain = report.notes.find((n) => n.section === 'pains' && host.items.get(n.id).type === 'sticky_note').id;
  const gain = report.notes.find((n) => n.section === 'gains' && host.items.get(n.id).type === 'sticky_note').id;
  host.userEdit(pain, { style: { fillColor: 'violet' } });
  host.load([], [{ id: 'user-tag', type: 'tag', title: 'validated', color: 'green' }]);
  host.userEdit(gain, { tagIds: [...host.items.get(gain).tagIds, 'user-tag'] });
  await session.clear();
  const cleared = userView(host);
  const expected = structuredClone(pristine);
  expected.items.find((i) => i.id === pain).style.fillColor = 'violet';
  expected.items.find((i) => i.id === gain).tagIds = ['user-tag'];
  expected.tags.push({ id: 'user-tag', type: 'tag', title: 'validated', color: 'green' });
  assert.deepEqual(cleared, expected);
});

test('a warning sticky the user typed into stays as the user\'s note: Analyse and Clear take off only CanvasFit\'s tag and record', async () => {
  const host = gapsHost();
  const pristine = userView(host);
  const { session, errors } = newSession(host);
  await session.analyse();
  const warningTag = [...host.tags.values()].find((t) => t.title === 'CanvasFit: warning');
  const warnings = () => [...host.items.values()].filter((i) => i.tagIds?.includes(warningTag.id));
  const count = warnings().length;
  const [typedInto, emptied, untouched] = warnings().map((w) => w.id);
  assert.ok(untouched, 'the board gets at least three warning stickies');
  assert.equal(host.metadata.get(typedInto).canvasfit.k, 'warning', 'a warning records the text CanvasFit wrote');
  host.userEdit(typedInto, { content: '<p>Ask Sam about this</p>' });
  host.userEdit(emptied, { content: '' });  // nothing the user wrote is in it: it goes like any warning

  await session.analyse();  // the re-run keeps it and makes it the user's
  assert.deepEqual(errors, []);
  assert.ok(host.items.has(typedInto));
  assert.equal(host.items.get(typedInto).content, '<p>Ask Sam about this</p>');
  assert.ok(!host.items.get(typedInto).tagIds.includes(warningTag.id), 'no longer tagged as a warning');
  assert.equal(host.metadata.get(typedInto), undefined, 'and no longer recorded as CanvasFit\'s');
  assert.ok(!host.items.has(emptied), 'the emptied warning is replaced');
  assert.ok(warnings().some((w) => w.id === untouched), 'an untouched warning is kept as it is');
  assert.equal(warnings().length, count, 'the analysis did not read the user\'s text yet: the same warnings, two written anew');

  await session.analyse();  // now a note of the user's like any other
  assert.ok(session.board.notes.some((n) => n.id === typedInto && n.text === 'Ask Sam about this'));
  await session.clear();
  assert.deepEqual(errors, []);
  const kept = structuredClone(host.items.get(typedInto));
  const { modifiedAt, modifiedBy, ...view } = kept;
  assert.equal(view.content, '<p>Ask Sam about this</p>');
  assert.deepEqual(view.tagIds, []);
  const expected = structuredClone(pristine);
  expected.items = [...expected.items, view].sort((a, b) => (a.id < b.id ? -1 : 1));
  assert.deepEqual(userView(host), expected, 'everything else is as before the first Analyse');
});

test('Clear from a reopened panel keeps a warning sticky the user typed into', async () => {
  const host = gapsHost();
  const pristine = userView(host);
  const { session } = newSession(host);
  await session.analyse();
  const warningTag = [...host.tags.values()].find((t) => t.title === 'CanvasFit: warning');
  const typedInto = [...host.items.values()].find((i) => i.tagIds?.includes(warningTag.id)).id;
  host.userEdit(typedInto, { content: '<p>Ask Sam about this</p>' });
  const { session: reopened, errors } = newSession(host);
  await reopened.clear();
  assert.deepEqual(errors, []);
  assert.equal(host.items.get(typedInto)?.content, '<p>Ask Sam about this</p>');
  assert.equal(host.metadata.get(typedInto), undefined);
  const { items, tags, metadata } = userView(host);
  assert.deepEqual({ items: items.filter((i) => i.id !== typedInto), tags, metadata }, pristine);
});

test('links are drawn as connectors on demand and removed again', async () => {
  const host = exampleHost();
  const { session } = newSession(host);
  const report = await session.analyse();
  const userConnectors = [...host.items.values()].filter((i) => i.type === 'connector').length;
  session.setShowLinks(true);
  await session.idle();
  const links = [...host.items.values()].filter((i) => i.type === 'connector' && i.style.strokeStyle === 'dashed');
  assert.equal(links.length, counted(report).length);
  for (const link of links) assert.ok(counted(report).some((l) => l.from === link.start.item && l.to === link.end.item));
  // The analysis never reads CanvasFit's own connectors as the user's.
  assert.equal(session.report.links.length, report.links.length);
  session.setShowLinks(false);
  await session.idle();
  assert.equal([...host.items.values()].filter((i) => i.type === 'connector').length, userConnectors);
});

test('a link the user captioned stays as the user\'s connector: Clear takes only CanvasFit\'s record off it', async () => {
  const host = exampleHost();
  const before = userView(host);
  const { session } = newSession(host);
  await session.analyse();
  session.setShowLinks(true);
  await session.idle();
  const links = [...host.items.values()].filter((i) => i.type === 'connector' && i.style.strokeStyle === 'dashed');
  assert.ok(links.length >= 2, `${links.length} links drawn`);
  const captioned = links[0];
  host.userEdit(captioned.id, { captions: [{ content: '<p>ask Sam why</p>' }] });
  await session.clear();
  assert.ok(host.items.has(captioned.id), 'the captioned link is kept');
  assert.deepEqual(host.items.get(captioned.id).captions, [{ content: '<p>ask Sam why</p>' }]);
  assert.ok(!host.dump().metadata.some(([id]) => id === captioned.id), 'CanvasFit\'s record is off it');
  for (const link of links.slice(1)) assert.ok(!host.items.has(link.id), 'the other links are removed');
  // Everything else is as before Analyse.
  const after = userView(host);
  assert.deepEqual(after.items.filter((i) => i.id !== captioned.id), before.items);
  assert.deepEqual(after.tags, before.tags);
  // From now on it is the user's: a new Analyse and Clear leave it alone.
  await session.analyse();
  await session.clear();
  assert.deepEqual(host.items.get(captioned.id).captions, [{ content: '<p>ask Sam why</p>' }]);
});

test('a 500-note board stays within the rate limit, reports progress and never blocks for long', async () => {
  const clock = new h.VirtualClock();
  const host = new h.FakeMiroHost({ clock });
  host.load(h.largeBoard(500));
  const pristine = userView(host);
  const { session, progress, errors } = newSession(host, clock);
  const report = await session.analyse();
  assert.deepEqual(errors, []);
  assert.ok(report.notes.length >= 500);
  const highlighted = [...host.metadata.keys()].length;
  assert.ok(highlighted > 250, `${highlighted} notes highlighted`);
  const writes = progress.filter((p) => p.phase === 'writing');
  assert.ok(writes.length > 10, 'progress in many small steps');
  assert.equal(writes.at(-1).done, writes.at(-1).total);
  for (let i = 1; i < writes.length; i++) assert.ok(writes[i].done >= writes[i - 1].done);
  // Change every pain, clear, analyse again: far more than a minute's credits in a row.
  for (const item of host.items.values()) {
    if (item.type === 'sticky_note' && /get lost/.test(item.content)) host.userEdit(item.id, { content: item.content.replace('get lost', 'are forgotten') });
  }
  await session.analyse();
  await session.clear();
  await session.analyse();
  await session.clear();
  assert.deepEqual(errors, []);
  assert.ok(host.peakCreditsPerMinute <= 100_000, `peak ${host.peakCreditsPerMinute} credits a minute`);
  assert.ok(clock.slept > 0, 'the budget waited for new credits instead of hitting the limit');
  const restored = userView(host);
  for (const item of restored.items) {
    const before = pristine.items.find((i) => i.id === item.id);
    assert.deepEqual(item.style, before.style, item.id);
    assert.deepEqual(item.tagIds, before.tagIds, item.id);
  }
  assert.deepEqual(restored.tags, []);
  assert.deepEqual(restored.metadata, []);
});

test('without the budget the same work would break the limit (the contract host enforces it)', async () => {
  const host = new h.FakeMiroHost({ clock: new h.VirtualClock() });
  host.load(h.largeBoard(60));
  const items = await host.board.get({ type: 'sticky_note' });
  await assert.rejects(async () => {
    for (let round = 0; round < 40; round++) await Promise.all(items.map((item) => item.sync()));
  }, /Rate limit exceeded/);
});

test('the contract host enforces the palette, width-or-height, sync, tag and metadata rules', async () => {
  const host = exampleHost();
  const board = host.board;
  await assert.rejects(board.createStickyNote({ content: 'x', width: 200, height: 200 }), /either width or height/);
  await assert.rejects(board.createStickyNote({ content: 'x', style: { fillColor: '#ff0000' } }), /sticky palette/);
  const [sticky] = await board.get({ type: 'sticky_note' });
  sticky.style.fillColor = 'red';
  const [fresh] = await board.get({ id: sticky.id });
  assert.notEqual(fresh.style.fillColor, 'red', 'nothing persists before sync()');
  sticky.style.fillColor = 'crimson';
  await assert.rejects(sticky.sync(), /sticky palette/);
  await assert.rejects(board.createTag({ title: 'x'.repeat(121) }), /120 characters/);
  const tag = await board.createTag({ title: 'once' });
  await assert.rejects(board.createTag({ title: 'once' }), /already exists/);
  const [note] = await board.get({ id: sticky.id });
  note.tagIds = Array(9).fill(tag.id);
  await assert.rejects(note.sync(), /at most 8 tags/);
  await assert.rejects(note.setMetadata('canvasfit', 'x'.repeat(300)), /limit 256/);
});

test('tag limits: a full board still gets colours, and a note with 8 tags keeps them', async () => {
  const host = new h.FakeMiroHost({ clock: new h.VirtualClock() });
  host.load(h.largeBoard(21), h.tagsNamed(100));
  const full = [...host.items.values()].find((i) => i.type === 'sticky_note' && /get lost/.test(i.content));
  full.tagIds = ['tag-0', 'tag-1', 'tag-2', 'tag-3', 'tag-4', 'tag-5', 'tag-6', 'tag-7'];
  const { session, errors } = newSession(host, new h.VirtualClock());
  await session.analyse();
  assert.deepEqual(errors, []);
  assert.equal(host.tags.size, 100, 'no tag beyond the board limit');
  assert.ok(session.lastSummary.notices.some((n) => /100 tags/.test(n)));
  assert.equal(host.items.get(full.id).tagIds.length, 8);
  assert.notEqual(host.items.get(full.id).style.fillColor, 'light_yellow', 'colour applied anyway');
  await session.clear();
  assert.equal(host.items.get(full.id).style.fillColor, 'light_yellow');
});

test('Live re-analyses once after a user edit and never because of its own writes', async () => {
  const host = exampleHost();
  const { session } = newSession(host);
  session.setLive(true);
  await session.idle();
  await new Promise((r) => setTimeout(r, 1500));
  await session.idle();
  const settled = session.analyses;
  assert.equal(settled, 1, 'no loop on its own marks');
  const pain = session.report.notes.find((n) => n.section === 'pains').id;
  host.userEdit(pain, { content: '<p>Month-end close takes a whole week</p>' });
  await new Promise((r) => setTimeout(r, 1500));
  await session.idle();
  assert.equal(session.analyses, settled + 1);
  assert.equal(session.report.notes.find((n) => n.id === pain).text, 'Month-end close takes a whole week');
  await new Promise((r) => setTimeout(r, 1500));
  await session.idle();
  assert.equal(session.analyses, settled + 1);
  session.setLive(false);
});

test('focus selects and zooms to notes; the headless entry opens the panel on icon click', async () => {
  const host = exampleHost();
  const { session } = newSession(host);
  const ids = ['3458764517518210264', '3458764517518291958'];
  await session.focusNotes(ids);
  assert.deepEqual(host.selection.sort(), [...ids].sort());
  assert.deepEqual(host.zoomedTo.at(-1).sort(), [...ids].sort());
  await h.registerIcon(host.miro);
  host.clickIcon();
  await new Promise((r) => setTimeout(r, 10));
  assert.deepEqual(host.openedPanels, [h.PANEL_URL]);
});

/** The example with one highlighted pain turned into an app card (`owned` as given). */
async function withAppCard(owned) {
  const probe = exampleHost();
  const report = await newSession(probe).session.analyse();
  const pain = report.notes.find((n) => n.section === 'pains' && storedOf(probe, n.id).type === 'sticky_note'
    && probe.metadata.get(n.id)?.canvasfit?.k === 'highlight').id;
  const host = exampleHost();
  const sticky = storedOf(host, pain);
  host.items.set(pain, {
    ...sticky, type: 'app_card', title: sticky.content, description: '', owned, status: 'connected',
    style: { cardTheme: '#2d9bf0' }, content: undefined, shape: undefined,
  });
  return { host, pain };
}

test('an app card of another app is read as a note but never recoloured, tagged or given metadata', async () => {
  const { host, pain } = await withAppCard(false);
  const before = structuredClone(storedOf(host, pain));
  const { session, errors } = newSession(host);
  const report = await session.analyse();
  assert.deepEqual(errors, [], 'one foreign card does not fail the write-back');
  assert.equal(report.notes.find((n) => n.id === pain)?.section, 'pains', 'read as a note');
  assert.deepEqual(storedOf(host, pain), before, 'left exactly as it was');
  assert.equal(host.metadata.get(pain), undefined);
  assert.ok([...host.metadata.values()].some((m) => m.canvasfit?.k === 'highlight'), 'the other notes are highlighted');
  const pristine = userView(exampleHost());
  await session.clear();
  assert.deepEqual(errors, []);
  const after = userView(host);
  assert.deepEqual(after.items.filter((i) => i.id !== pain), pristine.items.filter((i) => i.id !== pain));
  await assert.rejects(async () => {
    const [card] = await host.board.get({ id: [pain] });
    card.style.cardTheme = '#e03131';
    await card.sync();
  }, /belongs to another app and is read-only/, 'the contract host refuses it as Miro does');
});

test('an app card this app made (owned) is highlighted like a card', async () => {
  const { host, pain } = await withAppCard(true);
  const { session, errors } = newSession(host);
  await session.analyse();
  assert.deepEqual(errors, []);
  assert.notEqual(storedOf(host, pain).style.cardTheme, '#2d9bf0');
  assert.equal(host.metadata.get(pain)?.canvasfit?.o, '#2d9bf0');
  await session.clear();
  assert.equal(storedOf(host, pain).style.cardTheme, '#2d9bf0');
});

test('Miro may throw on a deleted id: a note deleted before its write is skipped and the write-back finishes', async () => {
  const host = gapsHost();
  const { session, errors } = newSession(host);
  const probe = await newSession(gapsHost()).session.analyse();
  const pain = probe.notes.find((n) => n.section === 'pains').id;
  await assert.rejects(host.board.get({ id: [pain, 'gone-123'] }), /no item with id gone-123/, 'the contract host throws');
  let deleted = false;
  host.around = (call, run) => {
    // The first metadata write means the read is over: the user deletes the pain now.
    if (!deleted && call.method === 'setMetadata') { deleted = true; host.userDelete(pain); }
    return run();
  };
  assert.ok(await session.analyse());
  assert.deepEqual(errors, []);
  assert.ok(session.changedDuringAnalysis.includes(pain));
  assert.equal(host.items.has(pain), false, 'not recreated');
});

test('credits per call follow Miro\'s levels: queries booked at 500 keep a tight limit', async () => {
  const clock = new h.VirtualClock();
  const limits = { perMinute: 6000, perHour: 1_000_000 };
  const host = exampleHost({ clock, limits }, gapsExport);
  const session = new h.MiroSession(host.board, canvasfit, { clock, budget: new h.CreditBudget(clock, limits) });
  const errors = [];
  session.onError = (e) => errors.push(e.message);
  session.showLinks = true;
  await session.analyse();
  await session.clear();
  await session.analyse();
  assert.deepEqual(errors, []);
  assert.ok(host.callsByMethod.get('get') >= 6, 'several queries at 500 credits');
  assert.ok(host.peakCreditsPerMinute <= limits.perMinute, `peak ${host.peakCreditsPerMinute}`);
  assert.ok(clock.slept > 0, 'the budget waited for credits');
});

test('a board that returns colours in another case and form: marks are found, Clear restores every colour', async () => {
  const host = new h.FakeMiroHost({ upperCaseColors: true });
  // Every sticky a shape with a fill written short (#rgb): the host returns it spelled out, in upper case.
  const items = h.sdkItemsFromRestExport(gapsExport).map((i) => (i.type !== 'sticky_note' ? i
    : { ...i, type: 'shape', shape: 'round_rectangle', tagIds: undefined, style: { fillColor: '#ffd', borderColor: '#1a1a1a' } }));
  const shape = items.find((i) => i.type === 'shape');
  host.load(items);
  assert.equal(storedOf(host, shape.id).style.fillColor, '#FFFFDD');
  const pristine = userView(host);
  const { session, errors } = newSession(host);
  session.showLinks = true;
  const report = await session.analyse();
  assert.deepEqual(errors, []);
  const painted = [...host.items.values()].filter((i) => ['shape', 'card'].includes(i.type) && host.metadata.get(i.id)?.canvasfit);
  assert.ok(painted.length > 0, 'shapes or cards highlighted');
  for (const item of painted) assert.match(item.style.fillColor ?? item.style.cardTheme, /^#[0-9A-F]{6}$/);
  // A re-run reads its own colours back as its own (no second record, no stale colour).
  const calls = host.totalCalls;
  await session.analyse();
  const again = host.totalCalls - calls;
  assert.ok(again < 40, `a re-run with nothing changed costs only reads (${again} calls)`);
  assert.equal(session.board.notes.find((n) => n.id === shape.id)?.color, '#ffffdd', 'the board JSON has the original colour, in one form');
  assert.equal(report.links.length, session.report.links.length);
  await session.clear();
  assert.deepEqual(errors, []);
  assert.deepEqual(userView(host), pristine);
});

test('Live without experimental:items:update: polling picks up an edit, a selection change triggers a check', async (t) => {
  const host = exampleHost({ experimentalEvents: false });
  const session = new h.MiroSession(host.board, canvasfit, { pollMs: 300 });
  t.after(() => session.setLive(false));
  const errors = [];
  session.onError = (e) => errors.push(e.message);
  session.setLive(true);
  await session.idle();
  await new Promise((r) => setTimeout(r, 1500));
  await session.idle();
  assert.equal(session.analyses, 1, 'polls that find nothing changed do not re-analyse');
  const pain = session.report.notes.find((n) => n.section === 'pains').id;
  host.userEdit(pain, { content: '<p>Month-end close takes a whole week</p>' });
  await new Promise((r) => setTimeout(r, 1800));
  await session.idle();
  assert.equal(session.analyses, 2, 'the poll found the edit');
  assert.equal(session.report.notes.find((n) => n.id === pain).text, 'Month-end close takes a whole week');
  session.setLive(false);
  await session.idle();
  assert.deepEqual(errors, []);

  const quiet = exampleHost({ experimentalEvents: false });
  const slow = new h.MiroSession(quiet.board, canvasfit, { pollMs: 60_000 });
  t.after(() => slow.setLive(false));
  slow.setLive(true);
  await slow.idle();
  quiet.userEdit(pain, { content: '<p>Closing the books takes a week</p>' });
  quiet.userSelect([]);  // the user clicks away after typing
  await new Promise((r) => setTimeout(r, 1500));
  await slow.idle();
  assert.equal(slow.analyses, 2, 'the selection change led to a read that found the edit');
  slow.setLive(false);
  const calls = quiet.totalCalls;
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(quiet.totalCalls, calls, 'Live off: no more polling');
});

test('a Live edit on a 1,000-note board goes through the Analyzer and writes only where marks change', async () => {
  const clock = new h.VirtualClock();
  const host = new h.FakeMiroHost({ clock });
  host.load(h.largeBoard(1000));
  const { session, errors } = newSession(host, clock);
  session.setLive(true);
  await session.idle();
  const calls = () => new Map(host.callsByMethod);
  const before = calls();
  const pain = session.report.notes.find((note) => note.section === 'pains' &&
    session.report.links.some((link) => link.to === note.id && link.source === 'text'));
  assert.ok(pain, 'a pain covered by wording');
  host.userEdit(pain.id, { content: '<p>Parrots nesting in the chimney</p>' });
  await session.recheck();
  await session.idle();
  assert.deepEqual(errors, []);
  assert.equal(session.liveUpdates, 1, 'the edit was answered by the Analyzer');
  assert.equal(session.noteUpdates, 1, 'which was handed the edited note, not the whole board');
  assert.equal(session.report.notes.find((note) => note.id === pain.id).text, 'Parrots nesting in the chimney');
  const after = calls();
  const writes = [...after].filter(([method]) => !/^get/.test(method))
    .map(([method, count]) => [method, count - (before.get(method) ?? 0)]).filter(([, count]) => count > 0);
  const written = writes.reduce((sum, [, count]) => sum + count, 0);
  assert.ok(written > 0 && written < 40, `writes after the edit: ${JSON.stringify(writes)}`);
  console.log(`# one Live edit on ${session.report.notes.length} notes: ${written} write calls ${JSON.stringify(writes)}`);
  session.setLive(false);
  await session.clear();
});

// The canvas as Strategyzer draws it, on Miro: a square and a circle with a
// title text in each part. A Miro app cannot read lines (the Web SDK gives a
// connector's ends only on the items it joins), so the titles' places say how
// the shapes are cut (docs/board-format.md). Positions are centres, as Miro's.
test('a canvas drawn as Strategyzer draws it, lines unread: the titles\' places cut the shapes as the canvas is cut', async () => {
  const item = (id, type, x, y, width, height, data, style = {}) => ({ id, type, position: { x, y }, geometry: { width, height }, data, style });
  const sticky = (id, x, y) => item(id, 'sticky_note', x, y, 150, 150, { content: `<p>note ${id}</p>` }, { fillColor: 'light_yellow' });
  const title = (id, text, x, y) => item(id, 'text', x, y, 200, 40, { content: `<p>${text}</p>` });
  const items = [
    item('square', 'shape', 400, 400, 800, 800, { content: '', shape: 'rectangle' }),
    item('circle', 'shape', 1400, 400, 800, 800, { content: '', shape: 'circle' }),
    title('t-products', 'Products &amp; Services', 120, 40), title('t-creators', 'Gain Creators', 520, 40),
    title('t-relievers', 'Pain Relievers', 520, 440), title('t-gains', 'Gains', 1220, 100),
    title('t-pains', 'Pains', 1220, 720), title('t-jobs', 'Customer Jobs', 1520, 400),
    sticky('product', 200, 500), sticky('creator', 600, 200), sticky('reliever', 600, 600),
    sticky('gain', 1200, 250), sticky('pain', 1200, 560), sticky('job', 1600, 300),
  ];
  const host = new h.FakeMiroHost();
  host.load(h.sdkItemsFromRestExport({ items: { data: items } }));
  const pristine = userView(host);
  const { session, errors } = newSession(host);
  const report = await session.analyse();
  assert.deepEqual(errors, []);
  const placed = Object.fromEntries(report.notes.map((note) => [note.id, note.section]));
  assert.deepEqual(placed, { product: 'products', creator: 'creators', reliever: 'relievers', gain: 'gains', pain: 'pains', job: 'jobs' },
    'every sticky in its part; the titles are not notes');
  await session.clear();
  assert.deepEqual(userView(host), pristine);
});
