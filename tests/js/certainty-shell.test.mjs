// The host shell's side of findings and questions (docs/report.md,
// "Findings and questions"; docs/patch.md): the patch draws questions grey
// with a "?" and never red, suggested links only on demand and carrying their
// pair; the panel lists questions apart from warnings with Confirm / Reject;
// the Excalidraw session records answers on the board (customData), reads them
// back as options.links, and Clear keeps what the user adopted.
// Reports come from the real core with a hand-written certainty layer
// (certainty-kit.mjs), so these tests hold whatever the core's linker scores.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPatch } from '../../plugin/core-shell/patch.js';
import { Panel, byImpact, certaintyWords, isWorthACheck, verdictWords, withoutRepeats, ROWS_SHOWN } from '../../plugin/core-shell/panel.js';
import {
  ITSELF, isEmptyRecord, linkOptions, parseRecord, suggestionLabel, withDecision, decisionOf, withLinks,
} from '../../plugin/core-shell/decisions.js';
import { ExcalidrawSession } from '../../plugin/excalidraw/session.js';
import { LINKS_KEY, boardFromScene, decisionsFromScene } from '../../plugin/excalidraw/adapter.js';
import { FakeExcalidrawHost, fakeExcalidrawLib, userView } from './fault-kit.mjs';
import { certaintyCore, withCertainty } from './certainty-kit.mjs';
import { installMiniDom } from './mini-dom.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { createCanvasFit } = await import(path.join(root, 'build/wasm/package/canvasfit.js'));
const real = await createCanvasFit();
const cafeText = readFileSync(path.join(root, 'examples/cafe-canvas.excalidraw'), 'utf8');
const cafe = JSON.parse(cafeText).elements;
/** Two suggestions on the café canvas: an uncovered pain and an uncovered gain. */
const SUGGEST = [['relievers-3', 'pains-4', 0.62], ['creators-3', 'gains-4', 0.55]];
const report = () => withCertainty(real.analyze(cafeText), {}, SUGGEST);
// The flat-share example: counted text links under 0.90 (the café has one counted text link, at 0.98).
const twoText = readFileSync(path.join(root, 'examples/two-canvases.excalidraw'), 'utf8');

// ---------------------------------------------------------------- decisions

test('pair records: the last answer wins, junk is not a record, options come sorted', () => {
  let record = withDecision(null, 'p2', 'confirmed');
  record = withDecision(record, 'p1', 'rejected');
  record = withDecision(record, 'p2', 'rejected');
  assert.deepEqual(record, { v: 1, c: [], r: ['p1', 'p2'] });
  assert.equal(decisionOf(record, 'p2'), 'rejected');
  assert.equal(decisionOf(record, 'p3'), null);
  assert.equal(parseRecord('not json'), null);
  assert.equal(parseRecord({ v: 2, c: ['x'] }), null);
  assert.equal(parseRecord(''), null);
  assert.deepEqual(parseRecord('{"v":1,"c":["a","a",3],"r":["a","b"]}'), { v: 1, c: ['a'], r: ['b'] });
  assert.deepEqual(linkOptions([['r2', { v: 1, c: ['p1'], r: [] }], ['r1', { v: 1, c: ['p9', 'p1'], r: ['p3'] }], ['x', null]]), {
    confirmed: [['r1', 'p1'], ['r1', 'p9'], ['r2', 'p1']], rejected: [['r1', 'p3']], unlinked: [],
  });
  assert.deepEqual(withLinks({ source: 's' }, { confirmed: [], rejected: [], unlinked: [] }), { source: 's' });
  assert.equal(suggestionLabel(0.615), '? 62 %');
});

test('"nothing else links it" is an answer about the note itself, kept beside its pairs and taken back by reopening', () => {
  let record = withDecision({ v: 1, c: ['p1'], r: [] }, ITSELF, 'unlinked');
  assert.deepEqual(record, { v: 1, c: ['p1'], r: [], n: 1 });
  assert.equal(decisionOf(record, ITSELF), 'unlinked');
  record = withDecision(record, 'p2', 'rejected');
  assert.deepEqual(record, { v: 1, c: ['p1'], r: ['p2'], n: 1 }, 'a later pair answer keeps it');
  assert.deepEqual(parseRecord(JSON.stringify(record)), record);
  assert.deepEqual(parseRecord('{"v":1,"c":[],"r":[],"n":"yes"}'), { v: 1, c: [], r: [] }, 'only n: 1 means it');
  assert.equal(isEmptyRecord({ v: 1, c: [], r: [], n: 1 }), false);
  assert.deepEqual(linkOptions([['pains-2', { v: 1, c: [], r: [], n: 1 }], ['pains-1', record]]), {
    confirmed: [['pains-1', 'p1']], rejected: [['pains-1', 'p2']], unlinked: ['pains-1', 'pains-2'],
  });
  const reopened = withDecision(record, ITSELF, 'reopened');
  assert.deepEqual(reopened, { v: 1, c: ['p1'], r: ['p2'] });
  assert.equal(decisionOf(reopened, ITSELF), 'reopened');
  assert.equal(decisionOf(null, ITSELF), 'reopened', 'nothing said: nothing to write when reopening');
  assert.deepEqual(withLinks({}, { confirmed: [], rejected: [], unlinked: ['g1'] }),
    { links: { confirmed: [], rejected: [], unlinked: ['g1'] } });
});

// ---------------------------------------------------------------- patch

test('a pain or gain under a question is grey with a "?" and its message, never red', () => {
  const r = report();
  const patch = buildPatch(r);
  const highlights = new Map(patch.actions.filter((a) => a.type === 'highlight').map((a) => [a.note, a]));
  assert.equal(highlights.get('pains-4').status, 'question');
  assert.match(highlights.get('pains-4').reason, /^Is 'Customers arrive before the order is started' addressed by/);
  assert.equal(highlights.get('gains-4').status, 'question');
  assert.equal(highlights.get('creators-3').status, 'question', 'a creator with only a suggested link is asked about, not orphaned');
  assert.equal(highlights.get('pains-1').status, 'covered');
  assert.equal(highlights.get('creators-2').status, 'orphan');
  for (const row of r.canvases[0].fit.pains_detail.concat(r.canvases[0].fit.gains_detail)) {
    if (row.status === 'question') assert.equal(highlights.get(row.note).status, 'question', row.note);
  }
  const questions = patch.actions.filter((a) => a.type === 'question');
  assert.equal(questions.length, r.questions.length);
  const painQuestion = questions.find((a) => a.note === 'pains-4');
  assert.equal(painQuestion.text, '?');
  assert.equal(painQuestion.code, 'is-addressed');
  assert.deepEqual(painQuestion.candidates, ['relievers-3']);
  assert.equal(painQuestion.message, r.questions.find((q) => q.notes[0] === 'pains-4').message);
  assert.ok(!patch.actions.some((a) => a.type === 'warning-note' && /unaddressed/.test(a.code)));
});

test('a which-section question shows its guess; other questions a plain "?"', () => {
  const r = report();
  r.questions.push({ code: 'which-section', canvas: null, notes: ['stray'], candidates: ['pains'], confidence: 0.55, message: "Is 'Cold coffee' a pain?" });
  r.questions.push({ code: 'same-note', canvas: 'canvas-1', notes: ['pains-1', 'pains-2'], candidates: [], confidence: 0.6, message: 'Do these say the same?' });
  const marks = buildPatch(r).actions.filter((a) => a.type === 'question');
  assert.equal(marks.find((a) => a.note === 'stray').text, '? pain');
  assert.equal(marks.find((a) => a.note === 'stray').message, "Is 'Cold coffee' a pain?");
  assert.deepEqual(marks.find((a) => a.code === 'same-note').notes, ['pains-1', 'pains-2']);
});

test('suggested links are drawn only on demand, labelled, carrying their pair; rejected pairs never', () => {
  const r = report();
  assert.ok(!buildPatch(r, { showLinks: true }).actions.some((a) => a.type === 'suggestion'));
  const links = buildPatch(r, { showLinks: true }).actions.filter((a) => a.type === 'link');
  assert.equal(links.length, r.links.filter((l) => l.source !== 'suggested').length, 'Links draws the findings only');
  assert.ok(links.every((a) => ['connector', 'confirmed', 'text'].includes(a.source)));
  const suggestions = buildPatch(r, { showSuggestions: true }).actions.filter((a) => a.type === 'suggestion');
  assert.deepEqual(suggestions.map((a) => [a.from, a.to, a.label]), [['relievers-3', 'pains-4', '? 62 %'], ['creators-3', 'gains-4', '? 55 %']]);
  assert.match(suggestions[0].message, /^Does 'Pick-up time slots spread out the rush' address 'Customers arrive before the order is started'\?$/);
  const without = buildPatch(r, { showSuggestions: true, rejected: [['relievers-3', 'pains-4']] }).actions.filter((a) => a.type === 'suggestion');
  assert.deepEqual(without.map((a) => a.to), ['gains-4']);
});

test('a report without the certainty layer is patched as before', () => {
  const plain = real.analyze(cafeText);
  const patch = buildPatch(plain, { showLinks: true, showSuggestions: true });
  const status = new Map(patch.actions.filter((a) => a.type === 'highlight').map((a) => [a.note, a.status]));
  if (!plain.questions) {
    assert.equal(status.get('pains-4'), 'unaddressed');
    assert.equal(patch.actions.filter((a) => a.type === 'link').length, plain.links.length);
    assert.ok(!patch.actions.some((a) => a.type === 'question' || a.type === 'suggestion'));
  }
  assert.equal(status.get('pains-1'), 'covered');
});

// ---------------------------------------------------------------- panel

function panelWith(session) {
  const rootNode = installMiniDom();
  const panel = new Panel(rootNode, session, { download: () => {} });
  return { rootNode, panel };
}

function recordingSession() {
  const calls = [];
  const session = {
    analyse() {}, clear() {}, setLive() {}, setShowLinks() {}, exportReport: () => '',
    focusNotes: (ids) => calls.push(['focus', ids]),
    setShowSuggestions: (on) => calls.push(['suggestions', on]),
    confirmLink: (from, to) => calls.push(['confirm', from, to]),
    rejectLink: (from, to) => calls.push(['reject', from, to]),
  };
  return { session, calls };
}

test('the panel lists questions apart from warnings, with Confirm / Reject for each suggested pair, each pair once', () => {
  const { session, calls } = recordingSession();
  const { rootNode, panel } = panelWith(session);
  const r = report();
  panel.showReport(r);
  const questionBox = rootNode.query('.cf-questions')[0];
  const warningBox = rootNode.query('.cf-warnings')[0];
  assert.ok(questionBox && warningBox && questionBox !== warningBox);
  // Both suggestions reach a pain or gain under an is-addressed question: their
  // suggestion rows, and the what-does-it-address questions of relievers-3 and
  // creators-3 (whose only candidates are those rows), would repeat those rows.
  const repeats = r.questions.filter((q) => q.code === 'what-does-it-address');
  assert.deepEqual(repeats.map((q) => q.notes[0]), ['relievers-3', 'creators-3']);
  const shown = r.questions.length - repeats.length;
  assert.equal(questionBox.query('.cf-question').length, shown);
  assert.match(questionBox.children[0].textContent, new RegExp(`Questions \\(${shown}\\)`));
  assert.ok(!warningBox.textContent.includes('Is '), 'no question among the warnings');
  assert.equal(questionBox.query('.cf-suggestion').length, 0, 'each pair is offered once, in its question');
  const rowAbout = (note) => questionBox.query('.cf-question').find((row) => row.dataset.code === 'is-addressed' && row.query('.cf-pair')[0]?.dataset.to === note);
  rowAbout('pains-4').query('.cf-confirm')[0].click();
  assert.deepEqual(calls.at(-1), ['confirm', 'relievers-3', 'pains-4']);
  assert.match(rowAbout('gains-4').textContent, /'Suggests batch sizes from last week's orders'/);
  rowAbout('gains-4').query('.cf-reject')[0].click();
  assert.deepEqual(calls.at(-1), ['reject', 'creators-3', 'gains-4'], 'the button does not also focus the row');
  rowAbout('gains-4').click();
  assert.deepEqual(calls.at(-1), ['focus', ['gains-4', 'creators-3']]);
  rootNode.query('#cf-suggestions')[0].click();
  assert.deepEqual(calls.at(-1), ['suggestions', true]);
  const pains = rootNode.query('li').filter((li) => li.className === 'question');
  assert.ok(pains.some((li) => /\? Is 'Customers arrive before the order is started' addressed by/.test(li.textContent)));
  assert.ok(!rootNode.query('li').some((li) => li.className === 'unaddressed' && /Customers arrive/.test(li.textContent)));
});

test('the panel shows the first rows of a long list of questions, and every row when asked', () => {
  const { session } = recordingSession();
  const { rootNode, panel } = panelWith(session);
  const r = report();
  const many = Array.from({ length: ROWS_SHOWN + 25 }, (_, i) => ({
    code: 'what-addresses', canvas: r.canvases[0].id, notes: [`pain-${i}`], candidates: [], confidence: 0.3,
    message: `What addresses pain ${i}?`,
  }));
  const counted = r.links.filter((link) => link.source !== 'suggested' && (link.confidence ?? 1) >= 0.9);
  panel.showReport({ ...r, questions: many, links: counted });
  let box = rootNode.query('.cf-questions')[0];
  assert.equal(box.query('.cf-question').length, ROWS_SHOWN);
  assert.match(box.children[0].textContent, new RegExp(`Questions \\(${ROWS_SHOWN + 25}\\)`), 'the count is of every question');
  const more = box.query('#cf-show-all')[0];
  assert.match(more.textContent, /25 more/);
  more.click();
  box = rootNode.query('.cf-questions')[0];
  assert.equal(box.query('.cf-question').length, ROWS_SHOWN + 25);
  assert.equal(box.query('#cf-show-all').length, 0);
  panel.showReport(null);
  panel.showReport({ ...r, questions: many, links: counted });
  assert.equal(rootNode.query('.cf-question').length, ROWS_SHOWN, 'a cleared board shows the first rows again');
});

test('the panel offers each suggested pair once: repeats of an is-addressed row are left out of the lists', () => {
  const q = (code, note, candidates) => ({ code, notes: [note], candidates });
  const link = (from, to) => ({ from, to, source: 'suggested' });
  const { questions, suggested } = withoutRepeats(
    [q('is-addressed', 'p1', ['r1']), q('what-does-it-address', 'r1', ['p1']), q('what-does-it-address', 'r2', ['p1', 'p2']),
      q('what-does-it-address', 'r3', []), q('what-addresses', 'p3', [])],
    [link('r1', 'p1'), link('r2', 'p1'), link('r2', 'p2'), link('pr1', 'j1')]);
  assert.deepEqual(questions.map((x) => `${x.code} ${x.notes[0]}`),
    ['is-addressed p1', 'what-does-it-address r2', 'what-does-it-address r3', 'what-addresses p3'],
    'no question offers r2\'s pairs; r3 names none');
  assert.deepEqual(suggested.map((l) => `${l.from}>${l.to}`), ['r2>p1', 'r2>p2', 'pr1>j1'],
    'only r1>p1 is offered in a question row');
});

test('a report that changes one canvas redraws that canvas only; the panel shows the new report', () => {
  const { session } = recordingSession();
  const { rootNode, panel } = panelWith(session);
  const first = real.analyze(twoText);
  panel.showReport(first);
  const [a, b] = rootNode.query('.cf-canvas');
  const questions = rootNode.query('.cf-questions')[0];
  panel.showReport(structuredClone(first));
  assert.deepEqual(rootNode.query('.cf-canvas'), [a, b], 'an equal report keeps every view');
  assert.equal(rootNode.query('.cf-questions')[0], questions);
  // The first canvas's score changes (as when a covered pain's weight moves):
  // its canvas is drawn again, the second canvas and the questions are not.
  const second = structuredClone(first);
  second.canvases[0].fit.overall = 0.123;
  panel.showReport(second);
  const [a2, b2] = rootNode.query('.cf-canvas');
  assert.notEqual(a2, a, 'the changed canvas is drawn again');
  assert.equal(b2, b, 'the other canvas is kept');
  assert.ok(a2.textContent.includes('12 %') && !a.textContent.includes('12 %'));
  assert.equal(rootNode.query('.cf-questions')[0], questions, 'the questions did not change: kept');
  assert.equal(rootNode.query('.cf-canvas').length, 2);
});

test('the fit gauge says in words how much is undecided and how much rests on unconfirmed links', () => {
  assert.equal(certaintyWords({ overall: 0.5 }), '', 'nothing to say for a report without the figures');
  assert.match(certaintyWords({ overall: 0.5, undecided: 0.2, unconfirmed: 0.4 }), /20 % of the profile's weight is an open question.*40 % of the score rests on links CanvasFit read from the wording/);
  assert.match(certaintyWords({ overall: 0.5, undecided: 0, unconfirmed: 0 }), /Every row of the score is decided/);
  assert.match(certaintyWords({ overall: 0.7, undecided: 0.4, unconfirmed: 0, range: [0.45, 0.85] }),
    /open question.*Answered, the fit lies between 45 % and 85 %\./);
  assert.doesNotMatch(certaintyWords({ overall: 0.7, undecided: 0.001, unconfirmed: 0, range: [0.7, 0.701] }), /Answered/,
    'no span worth a word');
  // The real core's figures: the estimate lies inside the span.
  const { fit } = real.analyze(cafeText).canvases[0];
  assert.ok(fit.range[0] < fit.overall && fit.overall < fit.range[1], JSON.stringify(fit.range));
  assert.match(certaintyWords(fit), /Answered, the fit lies between \d+ % and \d+ %/);
  const { session } = recordingSession();
  const { rootNode, panel } = panelWith(session);
  const r = report();
  panel.showReport(r);
  const words = rootNode.query('.cf-certainty')[0].textContent;
  assert.match(words, new RegExp(`${Math.round(r.canvases[0].fit.undecided * 100)} % of the profile's weight`));
});

test('the verdict names a band only when the answers cannot change it', () => {
  assert.deepEqual(verdictWords({ verdict: 'strong', verdict_range: ['good', 'strong'] }),
    { words: 'good or strong: open questions decide', band: 'open' });
  assert.deepEqual(verdictWords({ verdict: 'good', verdict_range: ['weak', 'strong'] }),
    { words: 'weak to strong: open questions decide', band: 'open' });
  assert.deepEqual(verdictWords({ verdict: 'good', verdict_range: ['good', 'good'] }), { words: 'good', band: 'good' });
  assert.deepEqual(verdictWords({ verdict: 'weak' }), { words: 'weak', band: 'weak' }, 'a report without the range');
  assert.deepEqual(verdictWords({ verdict: null, verdict_range: null }), { words: 'no score', band: 'no score' });
  // The real core: the café canvas's open rows leave its band to the answers.
  const { fit } = real.analyze(cafeText).canvases[0];
  assert.deepEqual(fit.verdict_range, [fit.range[0] < 0.5 ? 'weak' : 'good', 'strong']);
  const { session } = recordingSession();
  const { rootNode, panel } = panelWith(session);
  panel.showReport(real.analyze(cafeText));
  const shown = rootNode.query('.cf-verdict')[0];
  assert.match(shown.textContent, /^Fit \d+ % — (good|weak) (or|to) strong: open questions decide$/);
  assert.ok(shown.className.includes('open'), shown.className);
});

test('question and note text reach the panel as text only', () => {
  const { session } = recordingSession();
  const { rootNode, panel } = panelWith(session);
  const r = report();
  r.questions[0].message = '<img src=x onerror="alert(1)">';
  r.notes.find((n) => n.id === 'relievers-3').text = '<b>bold</b>';
  panel.showReport(r);
  assert.match(rootNode.textContent, /<img src=x onerror="alert\(1\)">/);
  assert.match(rootNode.textContent, /'<b>bold<\/b>'/);
  assert.equal(rootNode.query('img').length + rootNode.query('b').length, 0);
});

test('a host that cannot record answers gets no Confirm / Reject buttons', () => {
  const { session } = recordingSession();
  delete session.confirmLink;
  delete session.rejectLink;
  delete session.setShowSuggestions;
  const { rootNode, panel } = panelWith(session);
  panel.showReport(report());
  assert.equal(rootNode.query('.cf-confirm').length + rootNode.query('.cf-reject').length, 0);
  assert.equal(rootNode.query('#cf-suggestions').length, 0);
});

// ---------------------------------------------------------------- Excalidraw session

function start(elements = cafe) {
  const host = new FakeExcalidrawHost(structuredClone(elements));
  const core = certaintyCore(real, SUGGEST);
  const session = new ExcalidrawSession(host, core, fakeExcalidrawLib());
  const errors = [];
  session.onError = (error) => errors.push(error.message);
  return { host, session, core, errors };
}

const live = (host) => host.scene.filter((e) => !e.isDeleted);
const suggestionArrows = (host) => live(host).filter((e) => e.type === 'arrow' && e.customData?.canvasfit?.kind === 'suggestion');
const recordOn = (host, id) => host.scene.find((e) => e.id === id)?.customData?.[LINKS_KEY] ?? null;

test('Excalidraw: suggestions are drawn on demand as grey dashed "? %" arrows carrying their pair', () => {
  const { host, session, errors } = start();
  session.analyse();
  assert.equal(suggestionArrows(host).length, 0);
  const pain = host.scene.find((e) => e.id === 'pains-4');
  assert.deepEqual([pain.strokeColor, pain.strokeStyle], ['#868e96', 'dashed'], 'question highlight, not red');
  const marks = live(host).filter((e) => e.customData?.canvasfit?.kind === 'question');
  assert.ok(marks.some((e) => e.text === '?' && e.customData.canvasfit.note === 'pains-4' && /^Is /.test(e.customData.canvasfit.message)));
  session.setShowSuggestions(true);
  const arrows = suggestionArrows(host);
  assert.deepEqual(arrows.map((a) => [a.customData.canvasfit.from, a.customData.canvasfit.to]), [['relievers-3', 'pains-4'], ['creators-3', 'gains-4']]);
  for (const arrow of arrows) {
    assert.deepEqual([arrow.strokeColor, arrow.strokeStyle], ['#868e96', 'dashed']);
    const label = live(host).find((e) => e.containerId === arrow.id);
    assert.match(label.text, /^\? \d+ %$/);
  }
  assert.deepEqual(errors, []);
});

test('Excalidraw: Confirm records the pair on the from note, adopts the arrow, and Clear keeps both', () => {
  const { host, session, core, errors } = start();
  const pristine = userView(live(host));
  session.setShowSuggestions(true);
  session.analyse();
  const arrowId = suggestionArrows(host).find((a) => a.customData.canvasfit.to === 'pains-4').id;
  session.confirmLink('relievers-3', 'pains-4');
  assert.deepEqual(recordOn(host, 'relievers-3'), { v: 1, c: ['pains-4'], r: [] });
  assert.deepEqual(core.calls.at(-1).links, { confirmed: [['relievers-3', 'pains-4']], rejected: [], unlinked: [] });
  const pain = host.scene.find((e) => e.id === 'pains-4');
  assert.equal(pain.customData.canvasfit.status, 'covered', 're-analysed with the pair confirmed');
  assert.ok(session.report.links.some((l) => l.from === 'relievers-3' && l.to === 'pains-4' && l.source === 'confirmed'));
  const adopted = host.scene.find((e) => e.id === arrowId);
  assert.equal(adopted.strokeStyle, 'solid');
  assert.equal(adopted.customData, undefined, 'the adopted arrow is the user\'s: no CanvasFit mark');
  assert.ok(!live(host).some((e) => e.containerId === arrowId), 'its "? %" label is gone');
  assert.deepEqual(suggestionArrows(host).map((a) => a.customData.canvasfit.to), ['gains-4']);
  session.clear();
  const cleared = userView(host.scene.filter((e) => !e.isDeleted));
  assert.ok(cleared.some((e) => e.id === arrowId), 'Clear keeps the adopted arrow');
  assert.ok(!cleared.some((e) => e.customData?.canvasfit), 'no other CanvasFit element or mark');
  const byId = new Map(cleared.map((e) => [e.id, e]));
  for (const before of pristine) {
    const now = byId.get(before.id);
    assert.ok(now, before.id);
    for (const field of ['strokeColor', 'strokeWidth', 'strokeStyle', 'backgroundColor', 'text']) assert.equal(now[field], before[field], `${before.id}.${field}`);
    const expected = before.id === 'relievers-3' ? { ...(before.customData ?? {}), [LINKS_KEY]: { v: 1, c: ['pains-4'], r: [] } } : before.customData;
    assert.deepEqual(now.customData, expected, `${before.id}.customData`);
  }
  assert.equal(cleared.length, pristine.length + 1);
  assert.deepEqual(errors, []);
});

test('Excalidraw: deleting a suggestion rejects it, and the pair is never suggested again', () => {
  const { host, session, core } = start();
  session.setShowSuggestions(true);
  session.analyse();
  const arrow = suggestionArrows(host).find((a) => a.customData.canvasfit.to === 'gains-4');
  host.remove(arrow.id);  // the user deletes it: Excalidraw keeps a tombstone
  assert.equal(session.harvest(), true);
  assert.deepEqual(recordOn(host, 'creators-3'), { v: 1, c: [], r: ['gains-4'] });
  assert.ok(!host.scene.some((e) => e.id === arrow.id), 'a handled tombstone is not answered twice');
  session.analyse();
  assert.deepEqual(core.calls.at(-1).links.rejected, [['creators-3', 'gains-4']]);
  assert.deepEqual(suggestionArrows(host).map((a) => a.customData.canvasfit.to), ['pains-4']);
  for (let i = 0; i < 3; i++) session.analyse();
  assert.equal(suggestionArrows(host).length, 1);
  assert.equal(host.scene.find((e) => e.id === 'gains-4').customData.canvasfit.status, 'unaddressed', 'a rejected pair leaves a finding');
});

test('Excalidraw: restyling a suggestion into a solid arrow confirms it; the Reject button records a rejection', () => {
  const { host, session } = start();
  session.setShowSuggestions(true);
  session.analyse();
  const arrow = suggestionArrows(host).find((a) => a.customData.canvasfit.to === 'pains-4');
  host.edit(arrow.id, { strokeStyle: 'solid', strokeColor: '#e8590c' });
  session.analyse();
  assert.deepEqual(recordOn(host, 'relievers-3'), { v: 1, c: ['pains-4'], r: [] });
  const adopted = host.scene.find((e) => e.id === arrow.id);
  assert.deepEqual([adopted.strokeStyle, adopted.strokeColor, adopted.customData], ['solid', '#e8590c', undefined], 'the user\'s look stays');
  session.rejectLink('creators-3', 'gains-4');
  assert.deepEqual(recordOn(host, 'creators-3'), { v: 1, c: [], r: ['gains-4'] });
  assert.equal(suggestionArrows(host).length, 0);
  assert.equal(session.report.questions.length, 0);
});

test('Excalidraw: the answers travel in the exported file and a reopened board respects them', () => {
  const { host, session } = start();
  session.setShowSuggestions(true);
  session.analyse();
  session.confirmLink('relievers-3', 'pains-4');
  host.remove(suggestionArrows(host)[0].id);
  const file = JSON.parse(session.exportBoard());
  const reopened = start(file.elements);
  assert.deepEqual(decisionsFromScene(reopened.host.scene), {
    confirmed: [['relievers-3', 'pains-4']], rejected: [['creators-3', 'gains-4']], unlinked: [],
  });
  reopened.session.setShowSuggestions(true);
  reopened.session.analyse();
  assert.equal(suggestionArrows(reopened.host).length, 0, 'nothing left to suggest');
  assert.deepEqual(reopened.core.calls.at(-1).links, decisionsFromScene(file.elements));
  // The records are the user's statements, not marks: the board the core reads keeps them out of nothing.
  assert.ok(boardFromScene(reopened.host.scene).elements.some((e) => e.customData?.[LINKS_KEY]));
  reopened.session.clear();
  assert.deepEqual(decisionsFromScene(reopened.host.scene).confirmed, [['relievers-3', 'pains-4']], 'Clear keeps the answers');
});

// ---------------------------------------------------------------- counted links worth a check

test('the panel lists counted text links under 0.90 for a check, with Confirm / Reject; surer ones not', () => {
  const { session, calls } = recordingSession();
  const { rootNode, panel } = panelWith(session);
  const r = withCertainty(real.analyze(twoText), {}, SUGGEST);
  const textLinks = r.links.filter((link) => link.source === 'text');
  assert.ok(textLinks.length >= 2, 'the flat-share report has text links');
  const [unsure, sure] = textLinks;
  unsure.confidence = 0.76;
  sure.confidence = 0.98;
  panel.showReport(r);
  const box = rootNode.query('.cf-to-check')[0];
  assert.ok(box, 'a list of links worth a check');
  const rows = box.query('.cf-check');
  assert.equal(rows.length, textLinks.filter(isWorthACheck).length);
  assert.ok(rows.some((row) => row.dataset.from === unsure.from && row.dataset.to === unsure.to));
  assert.ok(!rows.some((row) => row.dataset.from === sure.from && row.dataset.to === sure.to));
  const row = rows.find((r2) => r2.dataset.from === unsure.from && r2.dataset.to === unsure.to);
  assert.match(row.textContent, /\(76 %, counted\)/);
  row.query('.cf-reject')[0].click();
  assert.deepEqual(calls.at(-1), ['reject', unsure.from, unsure.to]);
  row.query('.cf-confirm')[0].click();
  assert.deepEqual(calls.at(-1), ['confirm', unsure.from, unsure.to]);
  // No unsure link: no list.
  for (const link of r.links) if (link.source === 'text') link.confidence = 0.95;
  panel.showReport(structuredClone(r));
  assert.equal(rootNode.query('.cf-to-check').length, 0);
});

test('the real core: a rejected text link leaves the fit, a confirmed one becomes the user\'s', () => {
  const plain = real.analyze(twoText);
  const link = plain.links.find(isWorthACheck);
  assert.ok(link, 'the flat-share board has a counted text link under 0.90');
  const rejected = real.analyze(twoText, { links: { rejected: [[link.from, link.to]] } });
  assert.ok(!rejected.links.some((l) => l.from === link.from && l.to === link.to), 'rejected: gone');
  const covered = (report) => report.canvases.flatMap((c) => [...c.fit.pains_detail, ...c.fit.gains_detail])
    .find((row) => row.note === link.to).covered_by;
  assert.ok(!covered(rejected).includes(link.from));
  const confirmed = real.analyze(twoText, { links: { confirmed: [[link.from, link.to]] } });
  const again = confirmed.links.find((l) => l.from === link.from && l.to === link.to);
  assert.equal(again.source, 'confirmed');
  assert.equal(again.confidence, 1);
});

test('the real core on Excalidraw: "Nothing addresses it" makes a stated gap on the board, Reopen makes it a question again', () => {
  const host = new FakeExcalidrawHost(structuredClone(cafe));
  const session = new ExcalidrawSession(host, real, fakeExcalidrawLib());
  const errors = [];
  session.onError = (error) => errors.push(error.message);
  const pristine = userView(live(host));
  const { rootNode, panel } = panelWith(session);
  session.onReport = (r) => panel.showReport(r);
  session.analyse();
  const open = session.report.questions.find((q) => q.code === 'what-addresses');
  assert.ok(open, 'the café board has a pain or gain nothing reaches');
  const note = open.notes[0];
  const rowOf = (r) => r.canvases.flatMap((c) => [...c.fit.pains_detail, ...c.fit.gains_detail]).find((row) => row.note === note);
  assert.equal(rowOf(session.report).status, 'question');
  const fitBefore = session.report.canvases[0].fit.overall;

  const questionRow = rootNode.query('.cf-question').find((row) => row.dataset.code === 'what-addresses' && row.query('.cf-unlinked')[0]?.dataset.note === note);
  assert.ok(questionRow, 'the question offers the answer');
  questionRow.query('.cf-unlinked')[0].click();
  assert.deepEqual(recordOn(host, note), { v: 1, c: [], r: [], n: 1 }, 'recorded on the note itself');
  assert.equal(rowOf(session.report).status, 'unaddressed');
  assert.ok(session.report.warnings.some((w) => w.code.startsWith('unaddressed-') && w.notes.includes(note)));
  assert.ok(!session.report.questions.some((q) => q.notes.includes(note)), 'answered: no question left about it');
  assert.ok(session.report.canvases[0].fit.overall < fitBefore, 'a stated gap counts 0, not the estimate');
  assert.equal(host.scene.find((e) => e.id === note).customData.canvasfit.status, 'unaddressed');

  // The answer travels with the file: a reopened board gives the same analysis.
  const reopened = new ExcalidrawSession(new FakeExcalidrawHost(structuredClone(host.scene)), real, fakeExcalidrawLib());
  reopened.analyse();
  assert.equal(rowOf(reopened.report).status, 'unaddressed');

  const warningRow = rootNode.query('.cf-warning').find((row) => row.query('.cf-reopen')[0]?.dataset.note === note);
  assert.ok(warningRow, 'the stated gap can be reopened from its warning');
  assert.match(warningRow.textContent, /your answer/);
  assert.equal(rootNode.query('.cf-reopen').length, 1, 'only the warning the answer stated');
  warningRow.query('.cf-reopen')[0].click();
  assert.deepEqual(recordOn(host, note), { v: 1, c: [], r: [] });
  assert.equal(rowOf(session.report).status, 'question');
  assert.equal(session.report.canvases[0].fit.overall, fitBefore);

  // Clear restores every note as it was, but for the answer the user gave.
  session.markUnlinked(note);
  session.clear();
  const byId = new Map(userView(live(host)).map((e) => [e.id, e]));
  for (const before of pristine) {
    const now = byId.get(before.id);
    for (const field of ['strokeColor', 'strokeWidth', 'strokeStyle', 'backgroundColor', 'text']) assert.equal(now[field], before[field], `${before.id}.${field}`);
    const expected = before.id === note ? { ...(before.customData ?? {}), [LINKS_KEY]: { v: 1, c: [], r: [], n: 1 } } : before.customData;
    assert.deepEqual(now.customData, expected, `${before.id}.customData`);
  }
  assert.deepEqual(errors, []);
});

test('the real core: a pain nothing reaches lists the relievers nothing links yet, and Confirm on one links it', () => {
  const r = real.analyze(twoText);
  const open = r.questions.find((q) => q.code === 'what-addresses' && q.candidates.length > 0);
  assert.ok(open, 'the example has an open row beside free value-map notes');
  const { session, calls } = recordingSession();
  const { rootNode, panel } = panelWith(session);
  panel.showReport(r);
  const row = rootNode.query('.cf-question').find((q) => q.dataset.code === 'what-addresses' && q.query('.cf-pair')[0]?.dataset.to === open.notes[0]);
  assert.ok(row);
  assert.deepEqual(row.query('.cf-pair').map((pair) => pair.dataset.from), open.candidates);
  row.query('.cf-confirm')[0].click();
  assert.deepEqual(calls.at(-1), ['confirm', open.candidates[0], open.notes[0]]);
  // The confirmed pair is the team's link: the row is covered, the question gone.
  const answered = real.analyze(twoText, { links: { confirmed: [[open.candidates[0], open.notes[0]]] } });
  const rowOf = (report) => report.canvases.flatMap((c) => [...c.fit.pains_detail, ...c.fit.gains_detail]).find((x) => x.note === open.notes[0]);
  assert.equal(rowOf(answered).status, 'covered');
  assert.ok(!answered.questions.some((q) => q.code === 'what-addresses' && q.notes[0] === open.notes[0]));
  // A free reliever's own question repeats those rows: the panel lists it no more.
  const repeated = r.questions.filter((q) => q.code === 'what-does-it-address' && q.candidates.length > 0
    && q.candidates.every((to) => r.questions.some((x) => (x.code === 'what-addresses' || x.code === 'is-addressed')
      && x.notes[0] === to && x.candidates.includes(q.notes[0]))));
  assert.ok(repeated.length > 0);
  assert.equal(rootNode.query('.cf-question').length, r.questions.length - repeated.length);
});

test('the panel lists questions by what their answer can move: open sections first, then the heaviest rows', () => {
  const canvases = [
    { id: 'c1', fit: { pains_detail: [{ note: 'p1', weight: 0.2 }, { note: 'p2', weight: 0.5 }], gains_detail: [{ note: 'g1', weight: 0.3 }] } },
    { id: 'c2', fit: { pains_detail: [{ note: 'p9', weight: 0.9 }], gains_detail: [] } },
  ];
  const q = (code, canvas, note, candidates = []) => ({ code, canvas, notes: [note], candidates });
  const questions = [
    q('which-section', 'c2', 'x1', ['pains']), q('is-addressed', 'c1', 'p1', ['r1']), q('what-addresses', 'c1', 'p2', ['r2']),
    q('what-addresses', 'c2', 'p9'), q('what-does-it-address', 'c1', 'r3', ['g1']), q('which-section', 'c1', 'x2', ['gains']),
    q('same-note', 'c1', 'j1'), q('which-section', null, 'x3', []),
  ];
  assert.deepEqual(byImpact(questions, canvases).map((x) => x.notes[0]), ['x2', 'p2', 'r3', 'p1', 'j1', 'x1', 'p9', 'x3']);
  // The real café board: a heavier open row is asked before a lighter one.
  const r = real.analyze(cafeText);
  const weights = new Map(r.canvases[0].fit.pains_detail.concat(r.canvases[0].fit.gains_detail).map((row) => [row.note, row.weight]));
  const rows = byImpact(r.questions, r.canvases).filter((x) => weights.has(x.notes[0])).map((x) => weights.get(x.notes[0]));
  assert.ok(rows.length >= 2);
  assert.deepEqual(rows, [...rows].sort((a, b) => b - a));
});
