// @ts-check
// Host-agnostic write-back: turns a CanvasFit report into a patch, a list of
// neutral actions every host adapter knows how to apply and to undo.
// No host API is touched here; adapters translate each action to host calls.

import { pairKey, suggestionLabel } from './decisions.js';

export const PATCH_SCHEMA = 'canvasfit.patch/1';

/**
 * What a highlight means. Adapters map each status to their own look
 * (Excalidraw: stroke colour; Miro: sticky palette colour; FigJam: fill).
 * `question` is a pain or gain CanvasFit cannot decide (docs/report.md,
 * "Findings and questions"): grey, never the red of `unaddressed`.
 * @typedef {'covered' | 'unaddressed' | 'question' | 'orphan' | 'linked'} HighlightStatus
 */

/**
 * @typedef {{ type: 'remove-marks' }} RemoveMarks
 * @typedef {{ type: 'highlight', note: string, status: HighlightStatus, reason: string }} Highlight
 * @typedef {{ type: 'mark', note: string, text: string }} Mark
 * @typedef {{ type: 'warning-note', id: string, canvas: string | null, code: string,
 *             severity: string, text: string, anchor: string[] }} WarningNote
 * @typedef {{ type: 'link', id: string, from: string, to: string, strength: number, source: string }} LinkLine
 * @typedef {{ type: 'question', id: string, code: string, canvas: string | null, note: string, notes: string[],
 *             candidates: string[], confidence: number, text: string, message: string }} QuestionMark
 * @typedef {{ type: 'suggestion', id: string, from: string, to: string, confidence: number, strength: number,
 *             label: string, message: string }} SuggestionLine
 * @typedef {RemoveMarks | Highlight | Mark | WarningNote | LinkLine | QuestionMark | SuggestionLine} PatchAction
 * @typedef {{ schema: string, actions: PatchAction[] }} Patch
 */

/** How many top-ranked pains, gains and jobs get a rank mark ("#1"). */
export const RANK_MARKS_PER_SECTION = 3;

/** Severity order for choosing which warnings to write onto the board. */
const SEVERITY_ORDER = ['high', 'medium', 'low', 'info'];

/** Section names as a "?" mark shows a which-section guess. */
const SECTION_LABEL = /** @type {Record<string, string>} */ ({
  segment: 'segment', jobs: 'job', pains: 'pain', gains: 'gain', products: 'product', relievers: 'reliever', creators: 'creator',
});

/**
 * A link that counts (a finding): drawn by the user, confirmed by the user, or
 * likely from the wording. Reports from before the certainty layer have no
 * `source`: every link of theirs counts.
 * @param {any} link
 */
export function isCounted(link) {
  return link.source !== 'suggested';
}

/**
 * @param {any} report the parsed CanvasFit report (docs/report.md)
 * @param {{ showLinks?: boolean, showSuggestions?: boolean, minSeverity?: string,
 *           rejected?: readonly (readonly [string, string])[] }} [options]
 *   `rejected`: pairs the facilitator rejected, never drawn as suggestions
 *   (the core leaves them out already; this keeps a stale report from drawing them).
 * @returns {Patch}
 */
export function buildPatch(report, options = {}) {
  const { showLinks = false, showSuggestions = false, minSeverity = 'medium', rejected = [] } = options;
  /** @type {PatchAction[]} */
  const actions = [{ type: 'remove-marks' }];
  actions.push(...highlightActions(report));
  actions.push(...rankMarks(report));
  actions.push(...questionMarks(report));
  actions.push(...warningNotes(report, minSeverity));
  if (showLinks) actions.push(...linkLines(report));
  if (showSuggestions) actions.push(...suggestionLines(report, new Set(rejected.map(([from, to]) => pairKey(from, to)))));
  return { schema: PATCH_SCHEMA, actions };
}

/** @param {any} report @returns {any[]} */
function questionsOf(report) {
  return Array.isArray(report.questions) ? report.questions : [];
}

/**
 * Each pain's and gain's status as the fit detail gives it (covered,
 * unaddressed, question); null for reports without it.
 * @param {any} report
 * @returns {Map<string, string> | null}
 */
function detailStatus(report) {
  /** @type {Map<string, string>} */
  const status = new Map();
  for (const canvas of report.canvases ?? []) {
    for (const row of [...(canvas.fit?.pains_detail ?? []), ...(canvas.fit?.gains_detail ?? [])]) {
      if (typeof row.status === 'string') status.set(row.note, row.status);
    }
  }
  return status.size > 0 ? status : null;
}

/** @param {any} report */
function highlightActions(report) {
  const counted = report.links.filter(isCounted);
  const linkedTargets = new Set(counted.map((/** @type {any} */ link) => link.to));
  const linkedSources = new Set(counted.map((/** @type {any} */ link) => link.from));
  const detail = detailStatus(report);
  /** The first question about each note, for the reason a grey highlight gives. @type {Map<string, any>} */
  const asked = new Map();
  for (const question of questionsOf(report)) {
    for (const note of question.notes ?? []) if (!asked.has(note)) asked.set(note, question);
  }
  /** @type {Highlight[]} */
  const actions = [];
  for (const note of report.notes) {
    if (note.canvas === null) continue;
    if (note.section === 'pains' || note.section === 'gains') {
      const status = detail?.get(note.id) ?? (linkedTargets.has(note.id) ? 'covered' : 'unaddressed');
      if (status === 'question') {
        actions.push({
          type: 'highlight', note: note.id, status: 'question',
          reason: asked.get(note.id)?.message ?? 'CanvasFit cannot tell whether the value map addresses it',
        });
        continue;
      }
      const covered = status === 'covered';
      actions.push({
        type: 'highlight',
        note: note.id,
        status: covered ? 'covered' : 'unaddressed',
        reason: covered
          ? `addressed by the value map`
          : `no ${note.section === 'pains' ? 'pain reliever' : 'gain creator'} addresses it`,
      });
    } else if (note.section === 'relievers' || note.section === 'creators') {
      const linked = linkedSources.has(note.id);
      const question = asked.get(note.id);
      if (!linked && question?.code === 'what-does-it-address') {
        actions.push({ type: 'highlight', note: note.id, status: 'question', reason: question.message });
        continue;
      }
      actions.push({
        type: 'highlight',
        note: note.id,
        status: linked ? 'linked' : 'orphan',
        reason: linked ? 'addresses the profile' : 'addresses nothing on the profile',
      });
    }
  }
  return actions;
}

/**
 * A "?" mark for each question, beside its first note, carrying the message.
 * A which-section question shows the best guess ("? pain").
 * @param {any} report
 */
function questionMarks(report) {
  return questionsOf(report).map((/** @type {any} */ question, /** @type {number} */ index) => {
    const notes = Array.isArray(question.notes) ? question.notes : [];
    const candidates = Array.isArray(question.candidates) ? question.candidates : [];
    const guess = question.code === 'which-section' && candidates.length > 0
      ? (SECTION_LABEL[candidates[0]] ?? String(candidates[0])) : '';
    return /** @type {QuestionMark} */ ({
      type: 'question',
      id: `question-${index + 1}`,
      code: question.code,
      canvas: question.canvas ?? null,
      note: notes[0],
      notes,
      candidates,
      confidence: question.confidence,
      text: guess ? `? ${guess}` : '?',
      message: question.message,
    });
  }).filter((/** @type {QuestionMark} */ action) => typeof action.note === 'string');
}

/** @param {any} report */
function rankMarks(report) {
  /** @type {Mark[]} */
  const actions = [];
  for (const note of report.notes) {
    if (typeof note.rank === 'number' && note.rank <= RANK_MARKS_PER_SECTION) {
      actions.push({ type: 'mark', note: note.id, text: `#${note.rank}` });
    }
  }
  return actions;
}

/**
 * @param {any} report
 * @param {string} minSeverity
 */
function warningNotes(report, minSeverity) {
  const limit = SEVERITY_ORDER.indexOf(minSeverity);
  /** @type {WarningNote[]} */
  const actions = [];
  report.warnings.forEach((/** @type {any} */ warning, /** @type {number} */ index) => {
    const rank = SEVERITY_ORDER.indexOf(warning.severity);
    if (rank < 0 || (limit >= 0 && rank > limit)) return;
    actions.push({
      type: 'warning-note',
      id: `warning-${index + 1}`,
      canvas: warning.canvas,
      code: warning.code,
      severity: warning.severity,
      text: `⚠ ${warning.message}`,
      anchor: anchorFor(report, warning),
    });
  });
  return actions;
}

/**
 * The notes a warning note is placed beside: its own notes, or else all the
 * notes of its canvas (the adapter puts it next to their bounding box).
 * @param {any} report
 * @param {any} warning
 * @returns {string[]}
 */
function anchorFor(report, warning) {
  if (warning.notes.length > 0) return warning.notes;
  return report.notes.filter((/** @type {any} */ note) => note.canvas === warning.canvas).map((/** @type {any} */ note) => note.id);
}

/** The counted links (findings), drawn on demand. @param {any} report */
function linkLines(report) {
  return report.links.filter(isCounted).map((/** @type {any} */ link) => /** @type {LinkLine} */ ({
    type: 'link',
    id: `link-${link.from}-${link.to}`,
    from: link.from,
    to: link.to,
    strength: link.strength,
    source: link.source ?? link.via ?? 'connector',
  }));
}

/**
 * Suggested links (questions), drawn on demand as dashed, labelled
 * connectors; each carries its pair so the adapter can record the answer.
 * @param {any} report
 * @param {Set<string>} rejected
 */
function suggestionLines(report, rejected) {
  const text = new Map(report.notes.map((/** @type {any} */ note) => [note.id, note.text]));
  return report.links
    .filter((/** @type {any} */ link) => !isCounted(link) && !rejected.has(pairKey(link.from, link.to)))
    .map((/** @type {any} */ link) => /** @type {SuggestionLine} */ ({
      type: 'suggestion',
      id: `suggestion-${link.from}-${link.to}`,
      from: link.from,
      to: link.to,
      confidence: link.confidence,
      strength: link.strength,
      label: suggestionLabel(link.confidence),
      message: `Does '${text.get(link.from) ?? link.from}' address '${text.get(link.to) ?? link.to}'?`,
    }));
}
