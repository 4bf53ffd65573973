// @ts-check
// One CanvasFit session on a live Excalidraw board: analyse, live mode, clear,
// focus and export. Host calls go through the Excalidraw API object only.
import { ITSELF, withLinks } from '../core-shell/decisions.js';

/** @typedef {import('../core-shell/decisions.js').Decision} Decision */
import { applyDelta, isEmptyDelta, patchChanges } from '../core-shell/live.js';
import { buildPatch } from '../core-shell/patch.js';
import {
  adoptSuggestion, applyPatch, applyPatchChanges, boardFromScene, boardTextFromScene, changedSince, clearMarks, contentSnapshot, decisionsFromScene, harvestDecisions,
  hasPendingDecisions, isCanvasFitElement, recordDecision, sceneEdits, sentElements,
} from './adapter.js';

const LIVE_DELAY_MS = 250;

export class ExcalidrawSession {
  /**
   * @param {any} api the excalidrawAPI object
   * @param {any} canvasfit the wasm package (createCanvasFit())
   * @param {any} lib Excalidraw helpers: convertToExcalidrawElements, newElementWith, serializeAsJSON, CaptureUpdateAction
   */
  constructor(api, canvasfit, lib) {
    this.api = api;
    this.canvasfit = canvasfit;
    this.lib = lib;
    this.live = false;
    /** How long Live waits after the last change before it analyses. */
    this.liveDelayMs = LIVE_DELAY_MS;
    this.showLinks = false;
    this.showSuggestions = false;
    /** Answers recorded this session (panel buttons and answers given on the board), oldest first. */
    /** @type {{ from: string, to: string, decision: Decision }[]} */
    this.decisions = [];
    /** @type {any} */
    this.report = null;
    this.lastSignature = '';
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.timer = undefined;
    this.analyses = 0;
    /** Notes the user changed while the last patch was prepared: left unmarked. @type {string[]} */
    this.changedDuringAnalysis = [];
    /** Live: the incremental Analyzer of this board, the options it was made with, the patch on the board. */
    /** @type {any} */
    this.analyzer = null;
    this.analyzerOptions = '';
    /** @type {import('../core-shell/patch.js').Patch | null} */
    this.patch = null;
    /** Live: each user element's JSON as the Analyzer last received it (null: hand it the whole board next). @type {Map<string, string> | null} */
    this.sent = null;
    /** Live edits written from the Analyzer's delta (only the marks they change). */
    this.liveUpdates = 0;
    /** Of those, the edits that moved a mark, so the scene was written (the others leave it alone). */
    this.liveWrites = 0;
    /** Live hand-overs of only the changed elements (Analyzer.updateElements), not the whole board's text. */
    this.elementUpdates = 0;
    /** @type {(report: any) => void} */
    this.onReport = () => {};
    /** @type {(error: Error) => void} */
    this.onError = () => {};
  }

  elements() {
    return this.api.getSceneElementsIncludingDeleted();
  }

  /** The analysis options: the source name and the pairs recorded on the board. @param {readonly any[]} elements */
  options(elements) {
    return withLinks({ source: 'board.excalidraw' }, decisionsFromScene(elements));
  }

  /**
   * Records the answers the facilitator gave on the board (a suggestion
   * deleted or restyled) before anything else reads or rewrites it.
   * @param {readonly any[]} [elements] the scene as just read (read now when not given)
   * @returns {boolean} whether there were any
   */
  harvest(elements = this.elements()) {
    if (!hasPendingDecisions(elements)) return false;
    const { elements: next, decided } = harvestDecisions(elements, this.lib);
    if (decided.length === 0 || !this.write(next)) return false;
    this.decisions.push(...decided);
    return true;
  }

  /** Analyses the board and writes highlights and warnings onto it. */
  analyse() {
    let read = this.elements();
    if (this.harvest(read)) read = this.elements();
    const live = read.filter((/** @type {any} */ e) => !e.isDeleted);
    // The board's JSON text is both what the core reads and what Live
    // compares to notice a change that matters: serialised once.
    const board = boardTextFromScene(live);
    this.lastSignature = board;
    const analysed = contentSnapshot(read);
    const options = this.options(live);
    try {
      this.report = this.canvasfit.analyze(board, options);
    } catch (error) {
      this.onError(/** @type {Error} */ (error));
      return null;
    }
    const patch = this.patchFor(this.report, options);
    // The patch is written onto the scene as it is now; notes edited or
    // deleted since the read keep the user's change and get no stale mark.
    const current = this.elements();
    const changed = changedSince(analysed, current);
    this.changedDuringAnalysis = [...changed].sort();
    if (!this.write(applyPatch(current, patch, this.lib, { changed }))) return null;
    // A note skipped above has no marks yet: the next Live edit draws all again.
    this.patch = changed.size === 0 ? patch : null;
    if (this.live) this.startAnalyzer(board, options, live);
    this.analyses += 1;
    this.onReport(this.report);
    return this.report;
  }

  /** @param {any} report @param {any} options */
  patchFor(report, options) {
    return buildPatch(report, {
      showLinks: this.showLinks, showSuggestions: this.showSuggestions, rejected: options.links?.rejected ?? [],
    });
  }

  /**
   * A Live edit: the incremental Analyzer reads the board as it now is and
   * re-runs only the canvases the edit touched; only the marks its delta
   * changes are rewritten (docs/report.md, "Deltas"). Falls back to a full
   * analysis when there is no Analyzer yet or the recorded answers changed.
   * @param {string} [boardText] the board's JSON (boardFromScene) when the
   *   caller has just made it from the scene as it is now
   */
  liveUpdate(boardText = '') {
    let read = this.elements();
    let board = boardText;
    if (this.harvest(read)) {
      read = this.elements();
      board = '';  // answers were recorded on the board: its text changed
    }
    const live = read.filter((/** @type {any} */ e) => !e.isDeleted);
    const options = this.options(live);
    if (!this.analyzer || !this.patch || !this.report || this.analyzerOptions !== JSON.stringify(options)) {
      return this.analyse();
    }
    const analysed = contentSnapshot(read);
    let delta;
    try {
      delta = this.updateAnalyzer(live, board);
    } catch (error) {
      this.onError(/** @type {Error} */ (error));
      return null;
    }
    if (delta === null || isEmptyDelta(delta)) return this.report;
    const report = applyDelta(this.report, delta);
    const patch = this.patchFor(report, options);
    const current = this.elements();
    const changed = changedSince(analysed, current);
    const marks = patchChanges(this.patch, patch);
    // An edit that moves no mark (a reworded note whose status stays) leaves
    // the scene alone: writing it unchanged would only make Excalidraw redraw.
    const unchanged = marks.removed.length === 0 && marks.added.length === 0 && changed.size === 0;
    if (!unchanged && !this.write(applyPatchChanges(current, marks, this.lib, { changed }))) {
      this.patch = null;  // the board is as it was: the next edit draws all again
      return null;
    }
    this.report = report;
    this.patch = changed.size === 0 ? patch : null;
    this.analyses += 1;
    this.liveUpdates += 1;
    if (!unchanged) this.liveWrites += 1;
    this.onReport(report);
    return report;
  }

  /**
   * The Analyzer brought to the scene: it keeps the scene, so it is handed
   * only the elements that changed (null: none did); otherwise, or after a
   * failed hand-over, the whole board's text.
   * @param {readonly any[]} live the live elements @param {string} boardText their board JSON, if made already
   * @returns {any} the delta, or null
   */
  updateAnalyzer(live, boardText) {
    if (this.sent && this.analyzer.keepsScene()) {
      try {
        const edits = sceneEdits(this.sent, live);
        if (edits === null) return null;
        const delta = this.analyzer.updateElements(edits);
        this.elementUpdates += 1;
        return delta;
      } catch (error) {
        this.sent = null;  // what the Analyzer holds is no longer known: the whole board next time
        throw error;
      }
    }
    const board = boardText || boardTextFromScene(live);
    this.lastSignature = board;
    const delta = this.analyzer.update(board);
    this.sent = sentElements(live);
    return delta;
  }

  /**
   * Live keeps one Analyzer per board, made from the board just analysed.
   * @param {string} board its JSON @param {any} options @param {readonly any[]} live the elements it was made from
   */
  startAnalyzer(board, options, live) {
    this.stopAnalyzer();
    try {
      this.analyzer = this.canvasfit.createAnalyzer(board, options);
      this.analyzer.changes();  // what it holds now is what the board shows: later deltas follow from here
      this.analyzerOptions = JSON.stringify(options);
      this.sent = sentElements(live);
    } catch (error) {
      this.analyzer = null;  // Live then analyses in full, as it did before
    }
  }

  stopAnalyzer() {
    this.analyzer?.dispose();
    this.analyzer = null;
    this.analyzerOptions = '';
    this.sent = null;
  }

  /** Forgets this board: report, answers, Live's Analyzer (another scene is loaded). */
  reset() {
    this.stopAnalyzer();
    this.report = null;
    this.patch = null;
    this.decisions = [];
    this.lastSignature = '';
  }

  /** Removes CanvasFit's marks and restores every colour and stroke it changed. */
  clear() {
    this.harvest();
    if (!this.write(clearMarks(this.elements(), this.lib))) return;
    this.stopAnalyzer();
    this.patch = null;
    this.report = null;
    this.onReport(null);
  }

  /**
   * Replaces the scene in one call. Excalidraw applies a scene whole or not
   * at all; should a host fail midway anyway, every change CanvasFit makes
   * carries its mark, so Clear can still restore the board.
   * @param {any[]} elements
   * @returns {boolean} whether the board now holds `elements`
   */
  write(elements) {
    try {
      this.replaceScene(elements);
      return true;
    } catch (error) {
      // A listener may throw after the scene was replaced: then it was written.
      if (sameMarks(this.elements(), elements)) return true;
      const reason = /** @type {Error} */ (error)?.message ?? String(error);
      this.onError(new Error(`CanvasFit could not update the board (${reason}). ` +
        'Your notes are unchanged; press Analyse to try again, or Clear to remove any marks.'));
      return false;
    }
  }

  /** @param {boolean} on */
  setLive(on) {
    this.live = on;
    if (on) this.analyse();
    else this.stopAnalyzer();
  }

  /** @param {boolean} on */
  setShowLinks(on) {
    this.showLinks = on;
    if (this.report) this.analyse();
  }

  /** Suggested links drawn on the board (dashed, "? 62 %"), on demand. @param {boolean} on */
  setShowSuggestions(on) {
    this.showSuggestions = on;
    if (this.report) this.analyse();
  }

  /**
   * The facilitator confirms a suggested link: recorded on the `from` note;
   * its suggestion arrow, if drawn, becomes the user's solid arrow (Clear keeps it).
   * @param {string} from @param {string} to
   */
  confirmLink(from, to) {
    this.decide(from, to, 'confirmed');
  }

  /** The facilitator rejects a suggested link: recorded, never suggested again. @param {string} from @param {string} to */
  rejectLink(from, to) {
    this.decide(from, to, 'rejected');
  }

  /**
   * The facilitator answers that nothing else links the note (a pain nothing
   * addresses, a reliever that addresses nothing here): recorded on the note.
   * @param {string} note
   */
  markUnlinked(note) {
    this.decide(note, ITSELF, 'unlinked');
  }

  /** Takes back a `markUnlinked` answer: the note is a question again. @param {string} note */
  reopen(note) {
    this.decide(note, ITSELF, 'reopened');
  }

  /** The answers recorded on the board, as analysis options. */
  get links() {
    return decisionsFromScene(this.elements());
  }

  /** @param {string} from @param {string} to @param {Decision} decision */
  decide(from, to, decision) {
    this.harvest();
    let next = recordDecision(this.elements(), from, to, decision, this.lib);
    if (decision === 'confirmed') next = adoptSuggestion(next, from, to, this.lib);
    if (!this.write(next)) return;
    this.decisions.push({ from, to, decision });
    if (this.report) this.analyse();
  }

  /**
   * Called on every scene change; re-analyses (debounced) only when the
   * user's content changed, never because of CanvasFit's own marks.
   * @param {readonly any[]} elements
   */
  sceneChanged(elements) {
    // A suggestion the user deleted or restyled is an answer, Live or not:
    // recorded at once (an exported file no longer holds deleted elements).
    // (Excalidraw passes the live elements only: deleted ones are asked for.)
    if (hasPendingDecisions(this.elements())) {
      setTimeout(() => {
        if (this.harvest() && this.report) this.analyse();
      }, 0);
      return;
    }
    if (!this.live) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      // An Analyzer that keeps the scene is handed the changed elements,
      // found without serialising the scene (liveUpdate does nothing if none).
      if (this.sent && this.analyzer?.keepsScene()) {
        this.liveUpdate();
        return;
      }
      // The text compared here is the text Live hands to the core: made once.
      const board = boardTextFromScene(elements.filter((e) => !e.isDeleted));
      if (board !== this.lastSignature) this.liveUpdate(board);
    }, this.liveDelayMs);
  }

  /** Scrolls to and selects the given notes. @param {string[]} noteIds */
  focusNotes(noteIds) {
    const wanted = new Set(noteIds);
    const targets = this.api.getSceneElements().filter((/** @type {any} */ e) => wanted.has(e.id));
    if (targets.length === 0) return;
    /** @type {Record<string, true>} */
    const selected = {};
    for (const element of targets) selected[element.id] = true;
    this.api.updateScene({ appState: { selectedElementIds: selected } });
    this.api.scrollToContent(targets, { fitToContent: targets.length > 1, animate: false });
  }

  /** @param {'markdown' | 'json' | 'html'} format html: the one-page summary (docs/summary.md) */
  exportReport(format) {
    const live = this.elements().filter((/** @type {any} */ e) => !e.isDeleted);
    const board = boardFromScene(live);
    if (format === 'json') return JSON.stringify(this.canvasfit.analyze(board, this.options(live)), null, 2);
    return this.canvasfit.render(board, this.options(live), format);
  }

  /**
   * The annotated board as a .excalidraw file (CanvasFit's marks included, so
   * Clear works after reopening; the answers to suggested links included, so
   * the next analysis respects them).
   */
  exportBoard() {
    this.harvest();
    return this.lib.serializeAsJSON(this.api.getSceneElements(), this.api.getAppState(), this.api.getFiles(), 'local');
  }

  /** @param {any[]} elements */
  replaceScene(elements) {
    this.api.updateScene({ elements, captureUpdate: this.lib.CaptureUpdateAction.IMMEDIATELY });
  }
}

/**
 * Whether `scene` carries exactly the marks of `intended`: the same CanvasFit
 * elements and the same highlighted notes with the same styles.
 * @param {readonly any[]} scene
 * @param {readonly any[]} intended
 */
function sameMarks(scene, intended) {
  /** @param {readonly any[]} elements */
  const marks = (elements) => JSON.stringify(elements
    .filter((e) => !e.isDeleted && (isCanvasFitElement(e) || e.customData?.canvasfit))
    .map((e) => [e.id, e.strokeColor, e.customData?.canvasfit?.status ?? null])
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
  return marks(scene) === marks(intended);
}
