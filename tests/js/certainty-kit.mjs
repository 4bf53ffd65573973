// Hand-written certainty layer (docs/report.md, "Findings and questions") on
// top of a real report, for testing the host shells independently of how the
// core's linker scores a given board: chosen pairs become `suggested` links
// and `is-addressed` / `what-does-it-address` questions, rows under a
// question get status `question`, and `options.links` is honoured the way the
// contract says (confirmed pairs count, rejected pairs are never suggested).
// Not a test file itself (node --test runs *.test.mjs only).

const key = (from, to) => `${from}>${to}`;

/**
 * @param {any} report a report without the certainty layer (or with it: it is redone)
 * @param {{ links?: { confirmed?: [string, string][], rejected?: [string, string][] } }} options
 * @param {[string, string, number][]} suggestions [from, to, confidence]
 */
export function withCertainty(report, options = {}, suggestions = []) {
  const out = structuredClone(report);
  const notes = new Map(out.notes.map((note) => [note.id, note]));
  const confirmed = new Set((options.links?.confirmed ?? []).map(([from, to]) => key(from, to)));
  const rejected = new Set((options.links?.rejected ?? []).map(([from, to]) => key(from, to)));
  const links = out.links.filter((link) => link.source !== 'suggested' && link.source !== 'confirmed')
    .map((link) => ({ ...link, source: link.via === 'connector' ? 'connector' : 'text', confidence: link.via === 'connector' ? 1 : 0.93 }));
  // The chosen targets are left to the suggestions: text links the core found to them go (user connectors stay).
  const targets = new Set(suggestions.map(([, to]) => to));
  for (let i = links.length - 1; i >= 0; i--) if (links[i].source === 'text' && targets.has(links[i].to)) links.splice(i, 1);
  const have = new Set(links.map((link) => key(link.from, link.to)));
  for (const pair of options.links?.confirmed ?? []) {
    const [from, to] = pair;
    if (!notes.has(from) || !notes.has(to) || have.has(key(from, to))) continue;
    links.push({ from, to, strength: 1, via: 'connector', evidence: [], source: 'confirmed', confidence: 1 });
    have.add(key(from, to));
  }
  for (const [from, to, confidence] of suggestions) {
    const k = key(from, to);
    if (confirmed.has(k) || rejected.has(k) || have.has(k) || !notes.has(from) || !notes.has(to)) continue;
    links.push({ from, to, strength: 0.4, via: 'text', evidence: ['shared: test'], source: 'suggested', confidence });
  }
  out.links = links;
  const counted = links.filter((link) => link.source !== 'suggested');
  const suggested = links.filter((link) => link.source === 'suggested');
  const coveredBy = (id) => counted.filter((link) => link.to === id).map((link) => link.from);
  const questions = [];
  const text = (id) => notes.get(id)?.text ?? id;
  for (const canvas of out.canvases) {
    let undecided = 0;
    let decided = 0;
    let score = 0;
    let textOnly = 0;
    for (const row of [...canvas.fit.pains_detail, ...canvas.fit.gains_detail]) {
      row.covered_by = coveredBy(row.note);
      const candidates = suggested.filter((link) => link.to === row.note).sort((a, b) => b.confidence - a.confidence);
      if (row.covered_by.length > 0) row.status = 'covered';
      else if (candidates.length > 0) row.status = 'question';
      else row.status = 'unaddressed';
      if (row.status === 'question') {
        undecided += row.weight;
        questions.push({
          code: 'is-addressed', canvas: canvas.id, notes: [row.note], candidates: candidates.map((link) => link.from),
          confidence: candidates[0].confidence,
          message: `Is '${text(row.note)}' addressed by '${text(candidates[0].from)}'?`,
        });
      } else {
        decided += row.weight;
        if (row.status === 'covered') {
          score += row.weight;
          const sources = counted.filter((link) => link.to === row.note).map((link) => link.source);
          if (sources.every((source) => source === 'text')) textOnly += row.weight;
        }
      }
    }
    for (const link of suggested) {
      if (counted.some((other) => other.from === link.from)) continue;
      if (questions.some((q) => q.code === 'what-does-it-address' && q.notes[0] === link.from)) continue;
      questions.push({
        code: 'what-does-it-address', canvas: canvas.id, notes: [link.from],
        candidates: suggested.filter((other) => other.from === link.from).map((other) => other.to),
        confidence: link.confidence, message: `What does '${text(link.from)}' address?`,
      });
    }
    const total = undecided + decided;
    canvas.fit.undecided = total > 0 ? Math.round((undecided / total) * 100) / 100 : 0;
    canvas.fit.unconfirmed = score > 0 ? Math.round((textOnly / score) * 100) / 100 : 0;
    canvas.fit.overall = decided > 0 ? Math.round((score / decided) * 1000) / 1000 : null;
  }
  const asked = new Set(questions.flatMap((question) => question.notes));
  out.warnings = out.warnings.filter((warning) => !(/^(unaddressed|orphan)-/.test(warning.code) && warning.notes.some((id) => asked.has(id))));
  out.questions = questions;
  return out;
}

/**
 * A canvasfit object whose analyze() is the real core's plus the certainty
 * layer above: hosts are tested the way they will run against it.
 * @param {any} real the wasm package (createCanvasFit())
 * @param {[string, string, number][]} suggestions
 */
export function certaintyCore(real, suggestions) {
  const calls = [];
  return {
    calls,
    version: real.version,
    analyze(board, options) {
      calls.push(options);
      return withCertainty(real.analyze(board, options), options, suggestions);
    },
    render(board, options, format) {
      return real.render(board, options, format);
    },
  };
}
