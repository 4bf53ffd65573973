// The peer pipeline for the linking step, built the way a web developer would
// build it from npm: a MiniSearch full-text index per canvas and target
// section (pains, gains, jobs), queried with each reliever, creator and
// product, fuzzy and prefix matching on, English stop words dropped. Arrows
// drawn between notes count as links, as they do for CanvasFit. It gets the
// notes already placed in canvases and sections (from CanvasFit's report), so
// only linking is compared.
import MiniSearch from 'minisearch';

// Which section links to which, as in docs/report.md.
export const RULES = [
  { from: 'relievers', to: 'pains' },
  { from: 'creators', to: 'gains' },
  { from: 'products', to: 'jobs' },
];

// A common English stop-word list, as found in most search tutorials.
const STOP_WORDS = new Set(`a about above after again against all am an and any are as at be because
been before being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it its itself
just me more most my myself no nor not now of off on once only or other our ours ourselves out over own
same she should so some such than that the their theirs them themselves then there these they this
those through to too under until up very was we were what when where which while who whom why will
with you your yours yourself yourselves get gets got every one new`.split(/\s+/));

const SEARCH_OPTIONS = { fuzzy: 0.2, prefix: true, combineWith: 'OR' };

function processTerm(term) {
  const word = term.toLowerCase();
  return word.length < 2 || STOP_WORDS.has(word) ? null : word;
}

/**
 * Links of one board.
 * @param {{id: string, text: string, canvas: string|null, section: string}[]} notes
 * @param {{from: string, to: string}[]} connectors arrows drawn on the board
 * @param {{minScore: number, topK: number}} tuning
 * @returns {{from: string, to: string, score: number}[]}
 */
export function peerLinks(notes, connectors, tuning) {
  const byCanvas = new Map();
  for (const note of notes) {
    if (note.canvas === null || note.section === 'unknown') continue;
    if (!byCanvas.has(note.canvas)) byCanvas.set(note.canvas, {});
    const sections = byCanvas.get(note.canvas);
    (sections[note.section] ??= []).push(note);
  }
  const place = new Map(notes.map((note) => [note.id, note]));
  const links = new Map();
  const add = (from, to, score) => {
    const key = `${from}\u0000${to}`;
    if (!links.has(key)) links.set(key, { from, to, score });
  };
  for (const connector of connectors) {
    for (const [a, b] of [[connector.from, connector.to], [connector.to, connector.from]]) {
      const from = place.get(a), to = place.get(b);
      if (!from || !to || from.canvas !== to.canvas) continue;
      if (RULES.some((rule) => rule.from === from.section && rule.to === to.section)) add(a, b, Infinity);
    }
  }
  for (const sections of byCanvas.values()) {
    for (const rule of RULES) {
      const targets = sections[rule.to] ?? [], sources = sections[rule.from] ?? [];
      if (targets.length === 0 || sources.length === 0) continue;
      const index = new MiniSearch({ fields: ['text'], idField: 'id', processTerm, searchOptions: SEARCH_OPTIONS });
      index.addAll(targets);
      for (const source of sources) {
        const hits = index.search(source.text);
        for (const hit of hits.slice(0, tuning.topK)) {
          if (hit.score >= tuning.minScore) add(source.id, hit.id, hit.score);
        }
      }
    }
  }
  return [...links.values()];
}

/** Precision, recall and F1 of predicted {from, to} links against gold ones. */
export function scoreLinks(predicted, gold) {
  const key = (link) => `${link.from}\u0000${link.to}`;
  const goldKeys = new Set(gold.map(key));
  const predictedKeys = new Set(predicted.map(key));
  let correct = 0;
  for (const k of predictedKeys) if (goldKeys.has(k)) correct += 1;
  return { predicted: predictedKeys.size, gold: goldKeys.size, correct };
}

export function f1Of({ predicted, gold, correct }) {
  const precision = predicted ? correct / predicted : 1;
  const recall = gold ? correct / gold : 1;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** Sums tallies. */
export function addTally(a, b) {
  return { predicted: a.predicted + b.predicted, gold: a.gold + b.gold, correct: a.correct + b.correct };
}

/**
 * Picks the score threshold and top-k that give the peer its best F1 on the
 * tuning boards, the same half CanvasFit's linker was tuned on: the peer is
 * compared at its best, not at a default.
 */
export function tunePeer(boards) {
  let best = null;
  for (const topK of [1, 2, 3, 5]) {
    for (const minScore of [0, 1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20]) {
      let tally = { predicted: 0, gold: 0, correct: 0 };
      for (const board of boards) {
        tally = addTally(tally, scoreLinks(peerLinks(board.notes, board.connectors, { minScore, topK }), board.gold));
      }
      const { f1 } = f1Of(tally);
      if (!best || f1 > best.f1) best = { f1, tuning: { minScore, topK } };
    }
  }
  return best.tuning;
}
