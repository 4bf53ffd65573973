// @ts-check
// One CanvasFit session on a live Excalidraw board: analyse, live mode, clear,
// focus and export. Host calls go through the Excalidraw API object only.
import { buildPatch } from '../core-shell/patch.js';
import { applyPatch, boardFromScene, changedSince, clearMarks, contentSnapshot, isCanvasFitElement } from './adapter.js';
import { sceneSignature } from './signature.js';

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
    this.showLinks = false;
    /** @type {any} */
    this.report = null;
    this.lastSignature = '';
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.timer = undefined;
    this.analyses = 0;
    /** Notes the user changed while the last patch was prepared: left unmarked. @type {string[]} */
    this.changedDuringAnalysis = [];
    /** @type {(report: any) => void} */
    this.onReport = () => {};
    /** @type {(error: Error) => void} */
    this.onError = () => {};
  }

  elements() {
    return this.api.getSceneElementsIncludingDeleted();
  }

  /** Analyses the board and writes highlights and warnings onto it. */
  analyse() {
    const read = this.elements();
    const board = boardFromScene(read.filter((/** @type {any} */ e) => !e.isDeleted));
    this.lastSignature = sceneSignature(board.elements);
    const analysed = contentSnapshot(read);
    try {
      this.report = this.canvasfit.analyze(board, { source: 'board.excalidraw' });
    } catch (error) {
      this.onError(/** @type {Error} */ (error));
      return null;
    }
    const patch = buildPatch(this.report, { showLinks: this.showLinks });
    // The patch is written onto the scene as it is now; notes edited or
    // deleted since the read keep the user's change and get no stale mark.
    const current = this.elements();
    const changed = changedSince(analysed, current);
    this.changedDuringAnalysis = [...changed].sort();
    if (!this.write(applyPatch(current, patch, this.lib, { changed }))) return null;
    this.analyses += 1;
    this.onReport(this.report);
    return this.report;
  }

  /** Removes CanvasFit's marks and restores every colour and stroke it changed. */
  clear() {
    if (!this.write(clearMarks(this.elements(), this.lib))) return;
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
  }

  /** @param {boolean} on */
  setShowLinks(on) {
    this.showLinks = on;
    if (this.report) this.analyse();
  }

  /**
   * Called on every scene change; re-analyses (debounced) only when the
   * user's content changed, never because of CanvasFit's own marks.
   * @param {readonly any[]} elements
   */
  sceneChanged(elements) {
    if (!this.live) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const board = boardFromScene(elements.filter((e) => !e.isDeleted));
      if (sceneSignature(board.elements) !== this.lastSignature) this.analyse();
    }, LIVE_DELAY_MS);
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

  /** @param {'markdown' | 'json'} format */
  exportReport(format) {
    const board = boardFromScene(this.elements().filter((/** @type {any} */ e) => !e.isDeleted));
    if (format === 'json') return JSON.stringify(this.canvasfit.analyze(board, { source: 'board.excalidraw' }), null, 2);
    return this.canvasfit.render(board, { source: 'board.excalidraw' }, 'markdown');
  }

  /** The annotated board as a .excalidraw file (CanvasFit's marks included, so Clear works after reopening). */
  exportBoard() {
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
