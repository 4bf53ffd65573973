// Contract tests of findings and questions on FigJam (docs/patch.md, "Answers
// to suggested links"): the same flow as on Miro, through the message protocol;
// answers are shared plugin data (namespace `canvasfit`, key `links`), which
// the contract host keeps apart from the plugin's private data. Real adapter,
// real UI session, real wasm core, in-memory page. Not the real FigJam.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadTs, loadCanvasFit, root } from './load.mjs';
import { answerNothingAddressesIt, answerUnsureTextLinks } from './answers-kit.mjs';
import { runPluginOn } from './figjam-run.mjs';

let h;
let canvasfit;
const restExport = JSON.parse(readFileSync(path.join(root, 'examples/miro-saas-canvas.json'), 'utf8'));

before(async () => {
  h = await loadTs('tests/contract/figjam-harness.ts');
  canvasfit = await loadCanvasFit();
});

/** A plugin run on `host` (a fresh page unless given: a reopened file is the same host). */
function startPlugin(host = null) {
  if (!host) {
    host = new h.FakeFigJam();
    host.load(h.figjamNodesFromRestExport(restExport));
  }
  return runPluginOn(h, host, canvasfit);
}

const record = (node) => (node.sharedPluginData?.['canvasfit\u0000mark'] ? JSON.parse(node.sharedPluginData?.['canvasfit\u0000mark']) : null);
const suggestionsOn = (host) => host.dump().filter((n) => n.type === 'CONNECTOR' && record(n)?.k === 'suggestion');
const suggested = (report) => report.links.filter((l) => l.source === 'suggested');
const answers = (host, id) => {
  const raw = host.dump().find((n) => n.id === id)?.sharedPluginData?.['canvasfit\u0000links'];
  return raw ? JSON.parse(raw) : null;
};
const hex = (paint) => '#' + ['r', 'g', 'b'].map((k) => Math.round(paint.color[k] * 255).toString(16).padStart(2, '0')).join('');

test('questions are grey with a "?" mark; suggestions are drawn on demand as dashed "? N %" connectors', async () => {
  const { host, session, errors } = startPlugin();
  const report = await session.analyse();
  assert.equal(suggestionsOn(host).length, 0);
  const byId = new Map(host.dump().map((n) => [n.id, n]));
  const rows = report.canvases.flatMap((c) => [...c.fit.pains_detail, ...c.fit.gains_detail]).filter((r) => r.status === 'question');
  assert.ok(rows.length > 0);
  for (const row of rows) assert.equal(hex(byId.get(row.note).fills[0]), h.STATUS_FILL.question, row.note);
  const marks = host.dump().filter((n) => record(n)?.k === 'question');
  assert.equal(marks.length, report.questions.length);
  assert.ok(marks.every((n) => /^\?/.test(n.text)));
  session.setShowSuggestions(true);
  await session.idle();
  const drawn = suggestionsOn(host);
  assert.deepEqual(drawn.map((n) => [n.start.endpointNodeId, n.end.endpointNodeId]).sort(), suggested(session.report).map((l) => [l.from, l.to]).sort());
  for (const connector of drawn) {
    assert.match(connector.text, /^\? \d+ %$/);
    assert.ok(connector.dashPattern.length > 0);
    assert.equal(hex(connector.strokes[0]), '#868e96');
  }
  assert.equal(session.report.links.length, report.links.length, 'its connectors are not read as the user\'s');
  assert.deepEqual(errors, []);
});

test('confirm, reject (button and on the page), a reopened file, Clear: answers in shared plugin data, respected and kept', async () => {
  const { host, session, errors } = startPlugin();
  const pristine = host.dump();
  session.setShowSuggestions(true);
  const report = await session.analyse();
  const [a, b, c, d] = suggested(report).sort((x, y) => y.confidence - x.confidence);
  const find = (pair) => suggestionsOn(host).find((n) => n.start.endpointNodeId === pair.from && n.end.endpointNodeId === pair.to);
  const adoptedId = find(a).id;
  await session.confirmLink(a.from, a.to);
  assert.deepEqual(answers(host, a.from), { v: 1, c: [a.to], r: [] });
  const adopted = host.dump().find((n) => n.id === adoptedId);
  assert.equal(adopted.sharedPluginData?.['canvasfit\u0000mark'], undefined, 'the adopted connector is the user\'s');
  assert.equal(adopted.text, '');
  assert.deepEqual(adopted.dashPattern, []);
  assert.ok(session.report.links.some((l) => l.from === a.from && l.to === a.to && l.source !== 'suggested'));
  await session.rejectLink(b.from, b.to);
  assert.deepEqual(answers(host, b.from).r, [b.to]);
  host.userEdit(find(c).id, (node) => node.remove());
  const restyledId = find(d).id;
  host.userEdit(restyledId, (node) => { node.dashPattern = []; });
  await session.analyse();
  assert.ok(answers(host, c.from).r.includes(c.to), 'a deleted suggestion is a rejection');
  assert.ok(answers(host, d.from).c.includes(d.to), 'a restyled suggestion is a confirmation');
  for (const pair of [a, b, c, d]) assert.ok(!suggested(session.report).some((l) => l.from === pair.from && l.to === pair.to));
  // The file reopened: a new plugin run on the same page reads the answers.
  const reopened = startPlugin(host);
  const seen = await reopened.session.analyse();
  assert.deepEqual(reopened.session.links.rejected.map((p) => p.join('>')).sort(), [`${b.from}>${b.to}`, `${c.from}>${c.to}`].sort());
  assert.ok(seen.links.some((l) => l.from === a.from && l.to === a.to && l.source !== 'suggested'));
  await reopened.session.clear();
  const now = new Map(host.dump().map((n) => [n.id, n]));
  for (const before of pristine) {
    const after = now.get(before.id);
    assert.ok(after, before.id);
    const { sharedPluginData, ...rest } = after;
    assert.deepEqual(rest, before, before.id);
    if (sharedPluginData) assert.ok([a.from, b.from, c.from, d.from].includes(before.id), `answers only on from notes (${before.id})`);
  }
  assert.deepEqual([...now.keys()].filter((id) => !pristine.some((n) => n.id === id)).sort(), [adoptedId, restyledId].sort(),
    'Clear keeps the adopted connectors and nothing else of CanvasFit\'s');
  assert.deepEqual(errors, []);
  assert.deepEqual(reopened.errors, []);
});

test('shared plugin data follows Figma\'s rules in the contract host', () => {
  const host = new h.FakeFigJam();
  host.load(h.figjamNodesFromRestExport(restExport));
  const node = host.figma.currentPage.findAllWithCriteria({ types: ['STICKY'] })[0];
  assert.throws(() => node.setSharedPluginData('cf', 'links', 'x'), h.FigmaRuleError);
  assert.throws(() => node.setSharedPluginData('canvas-fit', 'links', 'x'), h.FigmaRuleError);
  node.setSharedPluginData('canvasfit', 'links', 'x');
  assert.equal(node.getSharedPluginData('canvasfit', 'links'), 'x');
  assert.equal(node.getPluginData('links'), '', 'shared and private plugin data are apart');
  node.setSharedPluginData('canvasfit', 'links', '');
  assert.deepEqual(node.getSharedPluginDataKeys('canvasfit'), []);
});

test('suggestions CanvasFit removes itself (Clear, a re-run) are never taken for the user\'s rejections', async () => {
  const { host, session, errors } = startPlugin();
  session.setShowSuggestions(true);
  await session.analyse();
  assert.ok(suggestionsOn(host).length > 0);
  await session.clear();
  await session.analyse();
  await session.analyse();
  assert.deepEqual(host.dump().filter((n) => n.sharedPluginData?.['canvasfit\u0000links']), [], 'no answer recorded');
  assert.ok(suggestionsOn(host).length > 0, 'still suggested');
  assert.deepEqual(errors, []);
});

test('a counted text link under 0.90, rejected and confirmed from the panel\'s check list: recorded and respected', async () => {
  const first = startPlugin();
  await answerUnsureTextLinks(first, (id) => answers(first.host, id), () => startPlugin(first.host));
});

test('"Nothing addresses it", answered from the panel: recorded on the note, a stated gap for the next session, reopened', async () => {
  const first = startPlugin();
  await answerNothingAddressesIt(first, (id) => answers(first.host, id), () => startPlugin(first.host));
});
