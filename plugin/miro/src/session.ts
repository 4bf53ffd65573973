// One CanvasFit session on a live Miro board, behind the shared panel
// (plugin/core-shell/panel.js): analyse, live mode, clear, focus, export.
// Every host call goes through `miro.board` and the credit budget; board
// operations run one at a time so Live and button clicks never interleave.
import type { CanvasFit, Report } from '@canvasfit/wasm';
import { buildPatch } from '../../core-shell/patch.js';
import { CreditBudget, realClock, type Clock } from './budget.js';
import { SdkCalls } from './calls.js';
import { boardJson, readSnapshot, type MetadataCache } from './read.js';
import type { BoardJson, MiroBoard, Progress } from './types.js';
import { MiroWriter, type WriteSummary } from './write.js';

export const LIVE_DELAY_MS = 1000;

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
const SOURCE = 'miro-board';

export interface SessionOptions {
  clock?: Clock;
  budget?: CreditBudget;
  /** How long one SDK call may take before CanvasFit gives up on it (ms). */
  timeoutMs?: number;
}

export class MiroSession {
  live = false;
  showLinks = false;
  report: Report | null = null;
  board: BoardJson | null = null;
  lastSummary: WriteSummary | null = null;
  analyses = 0;
  /** Notes the user edited or deleted while the last patch was written: left as the user left them. */
  changedDuringAnalysis: string[] = [];
  readonly boardFileName = 'miro-board.canvasfit.json';
  onReport: (report: Report | null) => void = () => {};
  onError: (error: Error) => void = () => {};
  onProgress: (progress: Progress) => void = () => {};

  private readonly calls: SdkCalls;
  private readonly cache: MetadataCache = new Map();
  private readonly clock: Clock;
  private queue: Promise<unknown> = Promise.resolve();
  private lastSignature = '';
  /** Whether this session has read every note's metadata once (the first Clear does). */
  private swept = false;
  private liveTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly onBoardEvent = () => this.boardChanged();

  constructor(private readonly miroBoard: MiroBoard, private readonly canvasfit: CanvasFit, options: SessionOptions = {}) {
    this.clock = options.clock ?? realClock;
    const budget = options.budget ?? new CreditBudget(this.clock, undefined, undefined,
      (ms) => this.onProgress({ phase: 'waiting', done: Math.ceil(ms / 1000), total: 0 }));
    this.calls = new SdkCalls(budget, this.clock, undefined, options.timeoutMs);
  }

  /** Reads the board, analyses it and writes the marks back. */
  analyse(): Promise<Report | null> {
    return this.enqueue(() => this.analyseNow());
  }

  /** Removes CanvasFit's marks and restores every colour and tag it changed. */
  clear(): Promise<void> {
    return this.enqueue(async () => {
      try {
        const snapshot = await readSnapshot(this.miroBoard, this.calls, this.cache, !this.swept);
        this.swept = true;
        this.lastSummary = await this.writer().clear(snapshot);
      } catch (error) {
        // What was not cleared is still recorded: the next Clear finishes the job.
        throw new Error(`CanvasFit could not finish clearing the board (${reason(error)}). `
          + 'The marks left are still recorded: press Clear again to remove them.');
      }
      this.report = null;
      this.lastSignature = '';
      this.onReport(null);
    });
  }

  setLive(on: boolean): void {
    if (on === this.live) return;
    this.live = on;
    const ui = this.miroBoard.ui;
    // One call per event: the SDK's typings overload on() per event name.
    if (on) {
      void ui.on('items:create', this.onBoardEvent);
      void ui.on('items:delete', this.onBoardEvent);
      void ui.on('experimental:items:update', this.onBoardEvent);
    } else {
      void ui.off('items:create', this.onBoardEvent);
      void ui.off('items:delete', this.onBoardEvent);
      void ui.off('experimental:items:update', this.onBoardEvent);
    }
    if (on) void this.analyse();
    else clearTimeout(this.liveTimer);
  }

  setShowLinks(on: boolean): void {
    this.showLinks = on;
    if (this.report) void this.analyse();
  }

  /** Selects the given notes and zooms to them. */
  focusNotes(ids: string[]): Promise<void> {
    return this.enqueue(async () => {
      if (ids.length === 0) return;
      await this.calls.one(() => this.miroBoard.deselect());
      const items = await this.calls.one(() => this.miroBoard.select({ id: ids }));
      if (items.length > 0) await this.calls.one(() => this.miroBoard.viewport.zoomTo(items));
    });
  }

  /** The report of the board as last read (the panel needs the text at once). */
  exportReport(format: 'markdown' | 'json'): string {
    if (!this.board) return format === 'json' ? '{}' : 'Press Analyse first.';
    if (format === 'json') return JSON.stringify(this.canvasfit.analyze(this.board, { source: SOURCE }), null, 2);
    return this.canvasfit.render(this.board, { source: SOURCE }, 'markdown');
  }

  /** The board as CanvasFit read it (canvasfit.board/1), for the CLI or a bug report. */
  exportBoard(): string {
    return JSON.stringify(this.board ?? { schema: 'canvasfit.board/1', notes: [] }, null, 2);
  }

  /** Resolves when every queued board operation has finished. */
  idle(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  private async analyseNow(): Promise<Report | null> {
    this.onProgress({ phase: 'reading', done: 0, total: 1 });
    const snapshot = await readSnapshot(this.miroBoard, this.calls, this.cache).catch((error: unknown) => {
      throw new Error(`CanvasFit could not read the board (${reason(error)}). Nothing was changed: press Analyse to try again.`);
    });
    const board = boardJson(snapshot);
    this.board = board;
    this.lastSignature = JSON.stringify(board);
    const report = this.canvasfit.analyze(board, { source: SOURCE });
    this.report = report;
    const patch = buildPatch(report, { showLinks: this.showLinks });
    const writer = this.writer();
    try {
      this.lastSummary = await writer.apply(snapshot, board, patch);
    } catch (error) {
      // Every change made so far carries its record (written before the change): Clear can undo it.
      throw new Error(`CanvasFit could not finish writing to the board (${reason(error)}). `
        + 'Nothing you wrote was changed; press Analyse to try again, or Clear to remove CanvasFit\'s marks.');
    } finally {
      this.changedDuringAnalysis = writer.changed.sort();
    }
    this.analyses += 1;
    this.onReport(report);
    return report;
  }

  /** Live mode: re-analyse a moment after the user's edits, never because of CanvasFit's own. */
  private boardChanged(): void {
    if (!this.live) return;
    clearTimeout(this.liveTimer);
    this.liveTimer = setTimeout(() => {
      void this.enqueue(async () => {
        const snapshot = await readSnapshot(this.miroBoard, this.calls, this.cache);
        if (JSON.stringify(boardJson(snapshot)) !== this.lastSignature) await this.analyseNow();
      });
    }, LIVE_DELAY_MS);
  }

  private writer(): MiroWriter {
    return new MiroWriter(this.miroBoard, this.calls, this.cache, (progress) => this.onProgress(progress));
  }

  private enqueue<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.queue.then(operation);
    this.queue = run.catch(() => undefined);
    return run.catch((error: unknown) => {
      this.onError(error instanceof Error ? error : new Error(String(error)));
      return null as T;
    });
  }
}
