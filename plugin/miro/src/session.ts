// One CanvasFit session on a live Miro board, behind the shared panel
// (plugin/core-shell/panel.js): analyse, live mode, clear, focus, export.
// Every host call goes through `miro.board` and the credit budget; board
// operations run one at a time so Live and button clicks never interleave.
import type { CanvasFit, Report } from '@canvasfit/wasm';
import { decisionOf, linkOptions, parseRecord, withDecision, withLinks, type LinkOptions, type PairRecord } from '../../core-shell/decisions.js';
import { buildPatch } from '../../core-shell/patch.js';
import { LINKS_KEY, SUGGESTION_STYLE } from './marks.js';
import { CreditBudget, realClock, type Clock } from './budget.js';
import { SdkCalls } from './calls.js';
import { boardJson, readSnapshot, type MetadataCache, type Snapshot } from './read.js';
import { isNoteItem, type BoardJson, type MiroBoard, type Progress } from './types.js';
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
  showSuggestions = false;
  report: Report | null = null;
  /** The confirmed and rejected pairs recorded on the board, as last read. */
  links: LinkOptions = { confirmed: [], rejected: [] };
  /** Answers recorded by this session (panel buttons and answers given on the board), oldest first. */
  decisions: { from: string; to: string; decision: 'confirmed' | 'rejected' }[] = [];
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
  /**
   * Pair records (app metadata `canvasfit-links`) of value-map notes, read once
   * per note and session (each read costs credits) and kept up to date with
   * this session's own writes.
   */
  private readonly pairs = new Map<string, PairRecord | null>();
  /** Suggestion connectors on the board after the last write: one gone since was deleted by the user (a rejection). */
  private drawn = new Map<string, { from: string; to: string }>();
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
        let snapshot = await readSnapshot(this.miroBoard, this.calls, this.cache, !this.swept);
        // A suggestion the user deleted or restyled before Clear is still an answer.
        if (await this.harvest(snapshot)) snapshot = await readSnapshot(this.miroBoard, this.calls, this.cache);
        this.swept = true;
        this.lastSummary = await this.writer().clear(snapshot);
        this.drawn = new Map();  // CanvasFit removed them: not the user's rejections
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

  setShowSuggestions(on: boolean): void {
    this.showSuggestions = on;
    if (this.report) void this.analyse();
  }

  /** The facilitator confirms a suggested link: recorded on the `from` note; its connector, if drawn, becomes the user's. */
  confirmLink(from: string, to: string): Promise<Report | null> {
    return this.decideFromPanel(from, to, 'confirmed');
  }

  /** The facilitator rejects a suggested link: recorded on the `from` note, never suggested again. */
  rejectLink(from: string, to: string): Promise<Report | null> {
    return this.decideFromPanel(from, to, 'rejected');
  }

  private decideFromPanel(from: string, to: string, decision: 'confirmed' | 'rejected'): Promise<Report | null> {
    return this.enqueue(async () => {
      try {
        await this.record(from, to, decision);
        if (decision === 'confirmed') {
          const snapshot = await readSnapshot(this.miroBoard, this.calls, this.cache);
          const writer = this.writer();
          for (const connector of snapshot.suggestions) {
            if (connector.start?.item === from && connector.end?.item === to) {
              await writer.adoptSuggestion(connector, true);
              this.drawn.delete(connector.id);
            }
          }
        }
      } catch (error) {
        throw new Error(`CanvasFit could not record your answer on the board (${reason(error)}). Nothing else was changed.`);
      }
      return this.report ? this.analyseNow() : null;
    });
  }

  /** Writes one answer into the `from` note's metadata, merged with what is there now (another session may have answered too). */
  private async record(from: string, to: string, decision: 'confirmed' | 'rejected'): Promise<void> {
    const [item] = await this.calls.one(() => this.miroBoard.get({ id: [from] })).catch(() => []);
    if (!item || !isNoteItem(item)) throw new Error('the note this answer belongs to is no longer on the board');
    const now = parseRecord(await this.calls.one(() => item.getMetadata(LINKS_KEY)));
    if (decisionOf(now, to) !== decision) {
      const next = withDecision(now, to, decision);
      await this.calls.one(() => item.setMetadata(LINKS_KEY, { ...next }));
      this.pairs.set(from, next);
    } else {
      this.pairs.set(from, now);
    }
    this.decisions.push({ from, to, decision });
  }

  /**
   * Answers given on the board since the last write: a suggestion connector
   * restyled into a solid line confirms its pair (and is the user's from then
   * on), one that was drawn and is gone was deleted by the user and rejects it.
   * Returns whether any answer was recorded (the board then needs a fresh read).
   */
  private async harvest(snapshot: Snapshot): Promise<boolean> {
    const present = new Set(snapshot.suggestions.map((connector) => connector.id));
    const answers: { from: string; to: string; decision: 'confirmed' | 'rejected' }[] = [];
    const writer = this.writer();
    for (const connector of snapshot.suggestions) {
      if (connector.style.strokeStyle === SUGGESTION_STYLE.strokeStyle) continue;
      const from = connector.start?.item;
      const to = connector.end?.item;
      if (!from || !to) continue;
      await writer.adoptSuggestion(connector, false);
      answers.push({ from, to, decision: 'confirmed' });
    }
    for (const [id, pair] of this.drawn) if (!present.has(id)) answers.push({ ...pair, decision: 'rejected' });
    for (const answer of answers) {
      // A note deleted since has nothing to record on: its pair would be ignored anyway.
      await this.record(answer.from, answer.to, answer.decision).catch(() => undefined);
    }
    this.drawn = new Map(snapshot.suggestions.filter((c) => c.style.strokeStyle === SUGGESTION_STYLE.strokeStyle)
      .map((c) => [c.id, { from: c.start?.item ?? '', to: c.end?.item ?? '' }]));
    return answers.length > 0;
  }

  /** The pair records of the value map's notes not read yet in this session (one metadata read each). */
  private async readPairs(snapshot: Snapshot, report: Report): Promise<LinkOptions> {
    const valueMap = new Set(report.notes.filter((note) => ['relievers', 'creators', 'products'].includes(note.section)).map((note) => note.id));
    const unread = snapshot.notes.filter((note) => valueMap.has(note.id) && !this.pairs.has(note.id));
    const records = await this.calls.batch(unread.map((note) => () => note.getMetadata(LINKS_KEY)));
    unread.forEach((note, index) => this.pairs.set(note.id, parseRecord(records[index])));
    const present = new Set(snapshot.notes.map((note) => note.id));
    return linkOptions([...this.pairs].filter(([id]) => present.has(id)));
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
    if (format === 'json') return JSON.stringify(this.canvasfit.analyze(this.board, withLinks({ source: SOURCE }, this.links)), null, 2);
    return this.canvasfit.render(this.board, withLinks({ source: SOURCE }, this.links), 'markdown');
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
    const read = () => readSnapshot(this.miroBoard, this.calls, this.cache).catch((error: unknown) => {
      throw new Error(`CanvasFit could not read the board (${reason(error)}). Nothing was changed: press Analyse to try again.`);
    });
    let snapshot = await read();
    if (await this.harvest(snapshot)) snapshot = await read();
    const board = boardJson(snapshot);
    this.board = board;
    this.lastSignature = JSON.stringify(board);
    let report = this.canvasfit.analyze(board, withLinks({ source: SOURCE }, this.links));
    // The pairs live on the value map's notes: read once they are known, then analysed with them.
    const links = await this.readPairs(snapshot, report).catch((error: unknown) => {
      throw new Error(`CanvasFit could not read the board (${reason(error)}). Nothing was changed: press Analyse to try again.`);
    });
    if (JSON.stringify(links) !== JSON.stringify(this.links)) {
      this.links = links;
      report = this.canvasfit.analyze(board, withLinks({ source: SOURCE }, links));
    }
    this.report = report;
    const patch = buildPatch(report, { showLinks: this.showLinks, showSuggestions: this.showSuggestions, rejected: this.links.rejected });
    const writer = this.writer();
    try {
      this.lastSummary = await writer.apply(snapshot, board, patch);
      this.drawn = new Map(writer.suggestionsNow.map((c) => [c.id, { from: c.start?.item ?? '', to: c.end?.item ?? '' }]));
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
