// @ts-check
// Host-agnostic write-back: turns a CanvasFit report into a patch, a list of
// neutral actions every host adapter knows how to apply and to undo.
// No host API is touched here; adapters translate each action to host calls.

export const PATCH_SCHEMA = 'canvasfit.patch/1';

/**
 * What a highlight means. Adapters map each status to their own look
 * (Excalidraw: stroke colour; Miro: sticky palette colour; FigJam: fill).
 * @typedef {'covered' | 'unaddressed' | 'orphan' | 'linked'} HighlightStatus
 */

/**
 * @typedef {{ type: 'remove-marks' }} RemoveMarks
 * @typedef {{ type: 'highlight', note: string, status: HighlightStatus, reason: string }} Highlight
 * @typedef {{ type: 'mark', note: string, text: string }} Mark
 * @typedef {{ type: 'warning-note', id: string, canvas: string | null, code: string,
 *             severity: string, text: string, anchor: string[] }} WarningNote
 * @typedef {{ type: 'link', id: string, from: string, to: string, strength: number }} LinkLine
 * @typedef {RemoveMarks | Highlight | Mark | WarningNote | LinkLine} PatchAction
 * @typedef {{ schema: string, actions: PatchAction[] }} Patch
 */

/** How many top-ranked pains, gains and jobs get a rank mark ("#1"). */
export const RANK_MARKS_PER_SECTION = 3;

/** Severity order for choosing which warnings to write onto the board. */
const SEVERITY_ORDER = ['high', 'medium', 'low', 'info'];

/**
 * @param {any} report the parsed CanvasFit report (docs/report.md)
 * @param {{ showLinks?: boolean, minSeverity?: string }} [options]
 * @returns {Patch}
 */
export function buildPatch(report, options = {}) {
  const { showLinks = false, minSeverity = 'medium' } = options;
  /** @type {PatchAction[]} */
  const actions = [{ type: 'remove-marks' }];
  actions.push(...highlightActions(report));
  actions.push(...rankMarks(report));
  actions.push(...warningNotes(report, minSeverity));
  if (showLinks) actions.push(...linkLines(report));
  return { schema: PATCH_SCHEMA, actions };
}

/** @param {any} report */
function highlightActions(report) {
  const linkedTargets = new Set(report.links.map((/** @type {any} */ link) => link.to));
  const linkedSources = new Set(report.links.map((/** @type {any} */ link) => link.from));
  /** @type {Highlight[]} */
  const actions = [];
  for (const note of report.notes) {
    if (note.canvas === null) continue;
    if (note.section === 'pains' || note.section === 'gains') {
      const covered = linkedTargets.has(note.id);
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

/** @param {any} report */
function linkLines(report) {
  return report.links.map((/** @type {any} */ link) => /** @type {LinkLine} */ ({
    type: 'link',
    id: `link-${link.from}-${link.to}`,
    from: link.from,
    to: link.to,
    strength: link.strength,
  }));
}
