// Contract tests of findings and questions on Miro (docs/patch.md, "Answers to
// suggested links"): suggestions drawn on demand, confirmed from the panel or
// by restyling the connector, rejected from the panel or by deleting it; the
// answers recorded in app metadata (`canvasfit-links`, within Miro's per-item
// limit the contract host enforces), respected by a later session, kept by
// Clear together with the connectors the user adopted. Real adapter, real
// wasm core, in-memory host (tests/contract/fake-miro.ts). Not the real Miro.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadTs, loadCanvasFit, root } from './load.mjs';
import { answerNothingAddressesIt, answerUnsureTextLinks } from './answers-kit.mjs';

let h;
let canvasfit;
const restExport = JSON.parse(readFileSync(path.join(root, 'examples/miro-saas-canvas.json'), 'utf8'));

before(async () => {
  h = await loadTs('tests/contract/miro-harness.ts');
  canvasfit = await loadCanvasFit();
});

function exampleHost() {
  const host = new h.FakeMiroHost();
  host.load(h.sdkItemsFromRestExport(restExport));
  return host;
}

function newSession(host) {
  const errors = [];
  const session = new h.MiroSession(host.board, canvasfit, { clock: new h.VirtualClock() });
  session.onError = (e) => errors.push(e.message);
  return { session, errors };
}

function userView(host) {
  const { items, tags, metadata } = host.dump();
  return { items: items.map(({ modifiedAt, modifiedBy, ...rest }) => rest), tags, metadata };
}

const suggestionsOn = (host) => [...host.items.values()].filter((i) => i.type === 'connector' && host.metadata.get(i.id)?.canvasfit?.k === 'suggestion');
const suggested = (report) => report.links.filter((l) => l.source === 'suggested');
const pairOf = (connector) => [connector.start.item, connector.end.item];
const answers = (host, id) => host.metadata.get(id)?.['canvasfit-links'] ?? null;

test('suggestions are drawn on demand as grey dashed connectors captioned "? N %"; questions are grey, never red', async () => {
  const host = exampleHost();
  const { session, errors } = newSession(host);
  const report = await session.analyse();
  assert.equal(suggestionsOn(host).length, 0, 'not without the toggle');
  assert.ok(suggested(report).length >= 3);
  const status = new Map(report.canvases.flatMap((c) => [...c.fit.pains_detail, ...c.fit.gains_detail]).map((r) => [r.note, r.status]));
  const questionTag = [...host.tags.values()].find((t) => t.title === 'CanvasFit: ?');
  assert.ok(questionTag, 'the "?" mark is a tag');
  for (const [id, s] of status) {
    const item = host.items.get(id);
    if (s !== 'question' || item.type !== 'sticky_note') continue;
    assert.equal(item.style.fillColor, 'gray', id);
    assert.ok(item.tagIds.includes(questionTag.id), id);
  }
  session.setShowSuggestions(true);
  await session.idle();
  const drawn = suggestionsOn(host);
  assert.deepEqual(drawn.map(pairOf).sort(), suggested(session.report).map((l) => [l.from, l.to]).sort());
  for (const connector of drawn) {
    assert.deepEqual([connector.style.strokeColor, connector.style.strokeStyle], ['#868e96', 'dashed']);
    assert.match(h.htmlToText(connector.captions[0].content), /^\? \d+ %$/);
  }
  assert.equal(session.report.links.length, report.links.length, 'its suggestion connectors are not read as the user\'s');
  assert.deepEqual(errors, []);
});

test('confirm, reject (button and on the board), a later session, Clear: answers recorded in metadata and respected', async () => {
  const host = exampleHost();
  const pristine = userView(host);
  const { session, errors } = newSession(host);
  session.setShowSuggestions(true);
  const report = await session.analyse();
  const [a, b, c, d] = suggested(report).sort((x, y) => y.confidence - x.confidence);
  // Confirm from the panel: recorded on the from note, the connector becomes the user's.
  const adoptedId = suggestionsOn(host).find((x) => x.start.item === a.from && x.end.item === a.to).id;
  await session.confirmLink(a.from, a.to);
  assert.deepEqual(answers(host, a.from), { v: 1, c: [a.to], r: [] });
  const adopted = host.items.get(adoptedId);
  assert.equal(host.metadata.get(adoptedId)?.canvasfit, undefined);
  assert.deepEqual(adopted.captions, []);
  assert.equal(adopted.style.strokeStyle, 'normal');
  assert.ok(session.report.links.some((l) => l.from === a.from && l.to === a.to && l.source !== 'suggested'), 'counted now');
  // Reject from the panel.
  await session.rejectLink(b.from, b.to);
  assert.deepEqual(answers(host, b.from)?.r, [b.to]);
  // Reject on the board: the user deletes a suggestion connector.
  host.userDelete(suggestionsOn(host).find((x) => x.start.item === c.from && x.end.item === c.to).id);
  // Confirm on the board: the user restyles one into a solid line.
  const restyled = suggestionsOn(host).find((x) => x.start.item === d.from && x.end.item === d.to);
  host.userEdit(restyled.id, { style: { strokeStyle: 'normal' } });
  await session.analyse();
  assert.deepEqual(answers(host, c.from)?.r?.includes(c.to), true, 'a deleted suggestion is a rejection');
  assert.deepEqual(answers(host, d.from)?.c?.includes(d.to), true, 'a restyled suggestion is a confirmation');
  assert.equal(host.metadata.get(restyled.id)?.canvasfit, undefined, 'and the user\'s connector');
  const again = suggested(session.report).map((l) => `${l.from}>${l.to}`);
  for (const pair of [a, b, c, d]) assert.ok(!again.includes(`${pair.from}>${pair.to}`), 'never suggested again');
  assert.deepEqual(suggestionsOn(host).map(pairOf).sort(), suggested(session.report).map((l) => [l.from, l.to]).sort());
  for (const raw of Object.values(Object.fromEntries(host.metadata))) {
    assert.ok(new TextEncoder().encode(JSON.stringify(raw)).length <= h.MAX_METADATA_BYTES);
  }
  // Another facilitator's session (or the panel reopened) reads the answers.
  const later = newSession(host);
  const seen = await later.session.analyse();
  assert.deepEqual(later.session.links.rejected.map((p) => p.join('>')).sort(), [`${b.from}>${b.to}`, `${c.from}>${c.to}`].sort());
  assert.ok(seen.links.some((l) => l.from === a.from && l.to === a.to && l.source !== 'suggested'));
  assert.ok(!suggested(seen).some((l) => [b, c].some((p) => p.from === l.from && p.to === l.to)));
  // Clear: every other mark goes and every colour is restored; answers and adopted connectors stay.
  await later.session.clear();
  const cleared = userView(host);
  const kept = new Set([adoptedId, restyled.id]);
  assert.deepEqual(cleared.items.filter((i) => !kept.has(i.id)), pristine.items);
  assert.deepEqual(cleared.tags, pristine.tags);
  assert.deepEqual(cleared.metadata.map(([id, data]) => [id, Object.keys(data)]).sort(),
    [a.from, b.from, c.from, d.from].filter((x, i, all) => all.indexOf(x) === i).sort().map((id) => [id, ['canvasfit-links']]));
  assert.deepEqual(errors, []);
  assert.deepEqual(later.errors, []);
});

test('an answer that does not fit Miro\'s metadata limit is refused whole, with a message', async () => {
  const host = exampleHost();
  const { session, errors } = newSession(host);
  const report = await session.analyse();
  const from = suggested(report)[0].from;
  // Fill the note's metadata with answers about many (absent) notes until the next one cannot fit.
  const many = Array.from({ length: 14 }, (_, i) => `34587645175${String(i).padStart(8, "0")}`);
  await session.rejectLink(from, many[0]);
  for (const id of many.slice(1)) await session.rejectLink(from, id);
  assert.ok(errors.length >= 1);
  assert.match(errors.at(-1), /could not record your answer on the board/);
  const stored = host.metadata.get(from);
  assert.ok(new TextEncoder().encode(JSON.stringify(stored)).length <= h.MAX_METADATA_BYTES);
  assert.ok(Array.isArray(stored['canvasfit-links'].r), 'the answers that fitted are still there');
});

test('suggestions CanvasFit removes itself (Clear, a re-run) are never taken for the user\'s rejections', async () => {
  const host = exampleHost();
  const { session, errors } = newSession(host);
  session.setShowSuggestions(true);
  await session.analyse();
  assert.ok(suggestionsOn(host).length > 0);
  await session.clear();
  assert.equal(suggestionsOn(host).length, 0);
  await session.analyse();
  await session.analyse();
  assert.deepEqual([...host.metadata.values()].filter((data) => data['canvasfit-links']), [], 'no answer recorded');
  assert.ok(suggestionsOn(host).length > 0, 'still suggested');
  assert.deepEqual(errors, []);
});

test('a counted text link under 0.90, rejected and confirmed from the panel\'s check list: recorded and respected', async () => {
  const host = exampleHost();
  await answerUnsureTextLinks(newSession(host), (id) => answers(host, id), () => newSession(host));
});

test('"Nothing addresses it", answered from the panel: recorded on the note, a stated gap for the next session, reopened', async () => {
  const host = exampleHost();
  await answerNothingAddressesIt(newSession(host), (id) => answers(host, id), () => newSession(host));
});
