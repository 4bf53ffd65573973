// One flow both hosts must follow (docs/patch.md, "Answers to suggested
// links"): a counted text link under 0.90 confidence, confirmed and then
// rejected (a changed mind) as the panel's check list does it, is recorded on
// the board and respected by the next session on that board each time. Not a
// test file itself.
import assert from 'node:assert/strict';

/**
 * @param {{ session: any, errors: string[] }} first a session on the host
 * @param {(id: string) => { c: string[], r: string[] } | null} answersOf the answers recorded on a note
 * @param {() => { session: any, errors: string[] }} reopen a later session on the same host
 */
export async function answerUnsureTextLinks(first, answersOf, reopen) {
  const { session, errors } = first;
  const report = await session.analyse();
  const unsure = report.links.filter((l) => l.source === 'text' && l.confidence < 0.9);
  assert.ok(unsure.length >= 1, 'the example has a text link under 0.90');
  const [x] = unsure;
  const isX = (/** @type {any} */ l) => l.from === x.from && l.to === x.to;
  await session.confirmLink(x.from, x.to);
  assert.ok(answersOf(x.from).c.includes(x.to));
  const later = reopen();
  const seen = await later.session.analyse();
  assert.ok(seen.links.some((l) => isX(l) && l.source === 'confirmed'), 'the next session respects the confirmation');
  // The facilitator changes their mind: the same pair rejected.
  await later.session.rejectLink(x.from, x.to);
  assert.ok(answersOf(x.from).r.includes(x.to));
  assert.ok(!later.session.report.links.some(isX), 'out of the links and the fit');
  const last = reopen();
  const final = await last.session.analyse();
  assert.ok(!final.links.some(isX), 'the next session respects the rejection');
  assert.deepEqual(errors, []);
  assert.deepEqual(later.errors, []);
  assert.deepEqual(last.errors, []);
}

/**
 * "Nothing addresses it", answered from the panel to a what-addresses
 * question: recorded on the pain or gain itself, a stated gap in this session
 * and the next; Reopen takes it back.
 * @param {{ session: any, errors: string[] }} first a session on the host
 * @param {(id: string) => { c: string[], r: string[], n?: 1 } | null} answersOf the answers recorded on a note
 * @param {() => { session: any, errors: string[] }} reopen a later session on the same host
 */
export async function answerNothingAddressesIt(first, answersOf, reopen) {
  const { session, errors } = first;
  const report = await session.analyse();
  const question = report.questions.find((q) => q.code === 'what-addresses');
  assert.ok(question, 'the example has a pain or gain that nothing reaches');
  const note = question.notes[0];
  const statusIn = (r) => r.canvases.flatMap((c) => [...c.fit.pains_detail, ...c.fit.gains_detail]).find((row) => row.note === note).status;
  await session.markUnlinked(note);
  assert.equal(answersOf(note)?.n, 1, 'recorded on the note the question is about');
  assert.equal(statusIn(session.report), 'unaddressed');
  assert.ok(session.report.warnings.some((w) => w.code.startsWith('unaddressed-') && w.notes.includes(note)));
  assert.ok(!session.report.questions.some((q) => q.notes.includes(note)));
  const later = reopen();
  const seen = await later.session.analyse();
  assert.equal(statusIn(seen), 'unaddressed', 'the next session respects the answer');
  await later.session.reopen(note);
  assert.equal(answersOf(note)?.n, undefined, 'taken back');
  assert.equal(statusIn(later.session.report), 'question');
  assert.deepEqual(errors, []);
  assert.deepEqual(later.errors, []);
}
