// @ts-check
// The session flow the Miro and FigJam plugins share behind the panel
// (panel.js): analyse, Live, Clear, answers to suggested links, focus and
// exports, one board operation at a time so Live and button clicks never
// interleave. What comes in: a host subclass that reads the board (board JSON,
// docs/board-format.md), writes a patch (patch.js), clears, records answers
// and focuses notes. What it must not know: any host API — every host call is
// in the subclass, which holds only what differs between hosts.

import { ITSELF, withLinks } from './decisions.js';
import { applyDelta, boardEdits, isEmptyDelta, sentBoard } from './live.js';
import { buildPatch } from './patch.js';

/** @typedef {import('@canvasfit/wasm').CanvasFit} CanvasFit */
/** @typedef {import('@canvasfit/wasm').Report} Report */
/** @typedef {import('./decisions.js').LinkOptions} LinkOptions */
/** @typedef {import('./decisions.js').Decision} Decision */
/** @typedef {import('./patch.js').Patch} Patch */
/** @typedef {import('./live.js').SentBoard} SentBoard */

/**
 * @typedef {object} SessionSettings
 * @property {string} source the file name the core shows in errors and the report
 * @property {string} boardFileName the name the panel gives the exported board
 * @property {number} liveDelayMs how long Live waits after the last edit before it reads again
 */

/** @param {unknown} error @returns {string} */
export function reason(error) {
  return error instanceof Error ? error.message : String(error);
}

/**
 * One CanvasFit session on a host board. Subclasses implement the protected
 * host hooks below (`readBoard`, `writePatch`, `clearBoard`, `recordDecision`,
 * `focus`, `watch`) and may refine `readForAnalysis` and `linksAfter`.
 *
 * @template {{ board: object, links?: LinkOptions }} R what the host reads: the board JSON and, when it reads them with it, the answered pairs
 * @template {{ changed: string[] }} S the host's write summary
 */
export class HostSession {
  /**
   * @param {CanvasFit} canvasfit the wasm core (createCanvasFit())
   * @param {SessionSettings} settings
   */
  constructor(canvasfit, settings) {
    /** @protected */
    this.canvasfit = canvasfit;
    /** @protected */
    this.settings = settings;
    this.live = false;
    this.showLinks = false;
    this.showSuggestions = false;
    /** @type {Report | null} */
    this.report = null;
    /** The board as last read for an analysis. @type {R['board'] | null} */
    this.board = null;
    /** The confirmed and rejected pairs recorded on the board, as last read. @type {LinkOptions} */
    this.links = { confirmed: [], rejected: [], unlinked: [] };
    /** @type {S | null} */
    this.lastSummary = null;
    this.analyses = 0;
    /** Notes the user edited or deleted while the last patch was written: left as the user left them. @type {string[]} */
    this.changedDuringAnalysis = [];
    this.boardFileName = settings.boardFileName;
    /** @type {(report: Report | null) => void} */
    this.onReport = () => {};
    /** @type {(error: Error) => void} */
    this.onError = () => {};
    /** @private @type {Promise<unknown>} */
    this.queue = Promise.resolve();
    /** What the last analysis read, to tell a user's edit from CanvasFit's own writes. @protected */
    this.lastSignature = '';
    /** @private @type {ReturnType<typeof setTimeout> | undefined} */
    this.liveTimer = undefined;
    /** Live: one incremental Analyzer per board, and the options it was made with. @private @type {any} */
    this.analyzer = null;
    /** @private */
    this.analyzerOptions = '';
    /** Live analyses answered by the Analyzer's delta rather than a full analysis. */
    this.liveUpdates = 0;
    /** Of those, the ones that handed the Analyzer only the notes an edit changed. */
    this.noteUpdates = 0;
    /** The board as the Analyzer last received it (boardEdits). @private @type {SentBoard | null} */
    this.sent = null;
  }

  /** Reads the board, analyses it and writes the marks back. @returns {Promise<Report | null>} */
  analyse() {
    return this.enqueue(() => this.analyseNow());
  }

  /** Removes CanvasFit's marks and restores every colour (and tag) it changed. @returns {Promise<void>} */
  clear() {
    return this.enqueue(async () => {
      try {
        this.lastSummary = await this.clearBoard();
      } catch (error) {
        // What was not cleared is still recorded: the next Clear finishes the job.
        throw new Error(`CanvasFit could not finish clearing the board (${reason(error)}). `
          + 'The marks left are still recorded: press Clear again to remove them.');
      }
      this.report = null;
      this.lastSignature = '';
      this.stopAnalyzer();
      this.onReport(null);
    });
  }

  /** Live: re-analyse a moment after each edit of the user's. @param {boolean} on */
  setLive(on) {
    if (on === this.live) return;
    this.live = on;
    this.watch(on);
    if (on) void this.analyse();
    else {
      clearTimeout(this.liveTimer);
      this.stopAnalyzer();
    }
  }

  /** @param {boolean} on */
  setShowLinks(on) {
    this.showLinks = on;
    if (this.report) void this.analyse();
  }

  /** @param {boolean} on */
  setShowSuggestions(on) {
    this.showSuggestions = on;
    if (this.report) void this.analyse();
  }

  /**
   * The facilitator confirms a suggested link: recorded on the board; its connector, if drawn, becomes the user's.
   * @param {string} from @param {string} to @returns {Promise<Report | null>}
   */
  confirmLink(from, to) {
    return this.decide(from, to, 'confirmed');
  }

  /**
   * The facilitator rejects a suggested link: recorded on the board, never suggested again.
   * @param {string} from @param {string} to @returns {Promise<Report | null>}
   */
  rejectLink(from, to) {
    return this.decide(from, to, 'rejected');
  }

  /**
   * The facilitator answers that nothing else links the note: no value-map
   * note addresses the pain or gain, or the reliever or creator addresses
   * nothing here. Recorded on the note; the row becomes a stated gap.
   * @param {string} note @returns {Promise<Report | null>}
   */
  markUnlinked(note) {
    return this.decide(note, ITSELF, 'unlinked');
  }

  /**
   * Takes back a `markUnlinked` answer: the note is a question again.
   * @param {string} note @returns {Promise<Report | null>}
   */
  reopen(note) {
    return this.decide(note, ITSELF, 'reopened');
  }

  /** Selects the given notes and brings them into view. @param {string[]} ids @returns {Promise<unknown>} */
  focusNotes(ids) {
    return this.enqueue(() => this.focus(ids));
  }

  /**
   * The report of the board as last read (the panel needs the text at once);
   * html: the one-page summary (docs/summary.md).
   * @param {'markdown' | 'json' | 'html'} format
   */
  exportReport(format) {
    if (!this.board) return format === 'json' ? '{}' : 'Press Analyse first.';
    if (format === 'json') return JSON.stringify(this.canvasfit.analyze(this.board, this.options()), null, 2);
    return this.canvasfit.render(this.board, this.options(), format);
  }

  /** The board as CanvasFit read it (canvasfit.board/1), for the CLI or a bug report. */
  exportBoard() {
    return JSON.stringify(this.board ?? { schema: 'canvasfit.board/1', notes: [] }, null, 2);
  }

  /** Resolves when every queued board operation has finished. @returns {Promise<void>} */
  idle() {
    return this.queue.then(() => undefined);
  }

  /** The host saw the board change: Live re-analyses once the edits settle and the board JSON differs. @protected */
  boardChanged() {
    if (!this.live) return;
    clearTimeout(this.liveTimer);
    this.liveTimer = setTimeout(() => void this.recheck(), this.settings.liveDelayMs);
  }

  /**
   * Live: reads the board now and re-analyses if its JSON changed since the
   * last analysis (a host that polls calls this directly).
   * @protected @returns {Promise<void>}
   */
  recheck() {
    return this.enqueue(async () => {
      if (this.live && this.signature(await this.readBoard()) !== this.lastSignature) await this.analyseNow();
    });
  }

  /** The analysis options: the source name and the pairs recorded on the board. @protected */
  options() {
    return withLinks({ source: this.settings.source }, this.links);
  }

  /** @protected @returns {Promise<Report | null>} */
  async analyseNow() {
    const read = await this.readForAnalysis();
    if (read.links) this.links = read.links;
    this.board = read.board;
    this.lastSignature = this.signature(read);
    let report = this.reportOf(read.board);
    const links = await this.linksAfter(read, report);
    if (links && JSON.stringify(links) !== JSON.stringify(this.links)) {
      this.links = links;
      report = this.reportOf(read.board);
    }
    this.report = report;
    const patch = buildPatch(report, {
      showLinks: this.showLinks, showSuggestions: this.showSuggestions, rejected: this.links.rejected,
    });
    let summary;
    try {
      summary = await this.writePatch(read, patch);
    } catch (error) {
      // Every change made so far carries its record (written before the change): Clear can undo it.
      throw new Error(`CanvasFit could not finish writing to the board (${reason(error)}). `
        + 'Nothing you wrote was changed; press Analyse to try again, or Clear to remove CanvasFit\'s marks.');
    }
    this.lastSummary = summary;
    this.changedDuringAnalysis = summary ? [...summary.changed].sort() : [];
    this.analyses += 1;
    this.onReport(report);
    return report;
  }

  /**
   * The report of `board`. With Live on, one incremental Analyzer per board
   * answers: it re-runs only the canvases an edit touched, and the report is
   * kept from its deltas (live.js; lists may come in another order, nothing
   * else differs). Otherwise, and whenever the options (answered pairs)
   * change, a full analysis.
   * @private @param {R['board']} board @returns {Report}
   */
  reportOf(board) {
    const options = this.options();
    if (!this.live) {
      this.stopAnalyzer();
      return this.canvasfit.analyze(board, options);
    }
    if (this.analyzer && this.report && this.sent && this.analyzerOptions === JSON.stringify(options)) {
      const delta = this.updateAnalyzer(this.sent, board);
      this.liveUpdates += 1;
      return delta === null || isEmptyDelta(delta) ? this.report : applyDelta(this.report, delta);
    }
    this.stopAnalyzer();
    this.analyzer = this.canvasfit.createAnalyzer(board, options);
    this.analyzerOptions = JSON.stringify(options);
    this.sent = sentBoard(board);
    return applyDelta(null, this.analyzer.changes());
  }

  /**
   * Brings the Analyzer to `board`: only the notes that changed when nothing
   * else did (an edit on a large board then costs the Analyzer that note, not
   * the whole board's JSON), else the whole board. A refused note edit falls
   * back to the whole board, which brings the Analyzer to it whatever the
   * edit left applied, or names the error as a full analysis would.
   * Null when the board holds what the Analyzer has.
   * @private @param {SentBoard} sent @param {any} board
   */
  updateAnalyzer(sent, board) {
    const edits = boardEdits(sent, board);
    if (edits === null) return null;
    if (edits !== 'whole') {
      try {
        const delta = this.analyzer.edit(edits);
        this.noteUpdates += 1;
        return delta;
      } catch {
        // update() below answers for the whole board.
      }
    }
    this.sent = null;
    const delta = this.analyzer.update(board);
    this.sent = sentBoard(board);
    return delta;
  }

  /** @private */
  stopAnalyzer() {
    this.analyzer?.dispose();
    this.analyzer = null;
    this.analyzerOptions = '';
    this.sent = null;
  }

  /** @private @param {R} read */
  signature(read) {
    return JSON.stringify([read.board, read.links ?? null]);
  }

  /**
   * @private
   * @param {string} from @param {string} to @param {Decision} decision
   * @returns {Promise<Report | null>}
   */
  decide(from, to, decision) {
    return this.enqueue(async () => {
      await this.recordDecision(from, to, decision);
      return this.report ? this.analyseNow() : null;
    });
  }

  /**
   * Runs board operations one at a time; a failure goes to `onError` and resolves to null.
   * @protected
   * @template T
   * @param {() => Promise<T>} operation
   * @returns {Promise<T>}
   */
  enqueue(operation) {
    const run = this.queue.then(operation);
    this.queue = run.catch(() => undefined);
    return run.catch((/** @type {unknown} */ error) => {
      this.onError(error instanceof Error ? error : new Error(String(error)));
      return /** @type {T} */ (/** @type {unknown} */ (null));
    });
  }

  // Host hooks. The defaults of the required ones throw: a host must give them.

  /** Reads the board as it is now (Live compares it with the last analysis). @protected @returns {Promise<R>} */
  readBoard() {
    return Promise.reject(new Error(`${this.constructor.name} does not read the board`));
  }

  /** Reads the board for an analysis (a host may first take in answers given on the board). @protected @returns {Promise<R>} */
  readForAnalysis() {
    return this.readBoard();
  }

  /**
   * The answered pairs once the first analysis says which notes may carry them
   * (null: the host read them with the board). @protected
   * @param {R} read @param {Report} report @returns {Promise<LinkOptions | null>}
   */
  linksAfter(read, report) {
    void read;
    void report;
    return Promise.resolve(null);
  }

  /** Writes the patch onto the board. @protected @param {R} read @param {Patch} patch @returns {Promise<S | null>} */
  writePatch(read, patch) {
    void read;
    void patch;
    return Promise.reject(new Error(`${this.constructor.name} does not write to the board`));
  }

  /** Removes CanvasFit's marks and restores what it changed. @protected @returns {Promise<S | null>} */
  clearBoard() {
    return Promise.reject(new Error(`${this.constructor.name} does not clear the board`));
  }

  /**
   * Records one answer about a suggested pair on the board. @protected
   * @param {string} from @param {string} to @param {Decision} decision @returns {Promise<void>}
   */
  recordDecision(from, to, decision) {
    void from;
    void to;
    void decision;
    return Promise.reject(new Error(`${this.constructor.name} does not record answers`));
  }

  /** Selects the notes and brings them into view. @protected @param {string[]} ids @returns {Promise<unknown>} */
  focus(ids) {
    void ids;
    return Promise.resolve();
  }

  /** Starts (or stops) watching the board for the user's edits; call `boardChanged()` on each. @protected @param {boolean} on */
  watch(on) {
    void on;
  }
}
