// One CanvasFit session on a live Miro board, behind the shared panel
// (plugin/core-shell/panel.js). The flow (analyse, Live, Clear, answers,
// exports) is the shared shell's (plugin/core-shell/session.js); this file
// holds what Miro does differently: every host call goes through `miro.board`
// and the credit budget, app metadata is read only where a mark or answer may
// be, and answers given on the board are taken in before each read.
import type { CanvasFit, Report } from '@canvasfit/wasm';
import { decisionOf, linkOptions, parseRecord, withDecision, type Decision, type LinkOptions, type PairRecord } from '../../core-shell/decisions.js';
import type { Patch } from '../../core-shell/patch.js';
import { HostSession, reason } from '../../core-shell/session.js';
import { LINKS_KEY, SUGGESTION_STYLE } from './marks.js';
import { CreditBudget, QUERY_CREDITS, realClock, type Clock } from './budget.js';
import { SdkCalls } from './calls.js';
import { boardJson, readSnapshot, type MetadataCache, type Snapshot } from './read.js';
import { isNoteItem, isWritable, type BoardJson, type MiroBoard, type Progress } from './types.js';
import { MiroWriter, type WriteSummary } from './write.js';

export const LIVE_DELAY_MS = 1000;
/**
 * Live without `experimental:items:update` (Miro may retire experimental
 * features without notice): how often the board is read for changes. One
 * read is two queries (1,000 credits): 6,000 a minute of Miro's 100,000.
 */
export const LIVE_POLL_MS = 10_000;

export interface SessionOptions {
  clock?: Clock;
  budget?: CreditBudget;
  /** How long one SDK call may take before CanvasFit gives up on it (ms). */
  timeoutMs?: number;
  /** Live's polling interval when the experimental update event is not there (ms). */
  pollMs?: number;
}

type MiroRead = { board: BoardJson; snapshot: Snapshot };

function readError(error: unknown): Error {
  return new Error(`CanvasFit could not read the board (${reason(error)}). Nothing was changed: press Analyse to try again.`);
}

export class MiroSession extends HostSession<MiroRead, WriteSummary> {
  /** Answers recorded by this session (panel buttons and answers given on the board), oldest first. */
  decisions: { from: string; to: string; decision: Decision }[] = [];
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
  /** Whether this session has read every note's metadata once (the first Clear does). */
  private swept = false;
  private readonly onBoardEvent = () => this.boardChanged();
  private readonly pollMs: number;
  private poll: ReturnType<typeof setInterval> | undefined;
  private polling = false;
  /** One poll at a time: a read still running when the next is due is not doubled. */
  private readonly onPoll = () => {
    if (this.polling) return;
    this.polling = true;
    void this.recheck().finally(() => { this.polling = false; });
  };

  constructor(private readonly miroBoard: MiroBoard, canvasfit: CanvasFit, options: SessionOptions = {}) {
    super(canvasfit, { source: 'miro-board', boardFileName: 'miro-board.canvasfit.json', liveDelayMs: LIVE_DELAY_MS });
    this.clock = options.clock ?? realClock;
    const budget = options.budget ?? new CreditBudget(this.clock, undefined, undefined,
      (ms) => this.onProgress({ phase: 'waiting', done: Math.ceil(ms / 1000), total: 0 }));
    this.calls = new SdkCalls(budget, this.clock, undefined, options.timeoutMs);
    this.pollMs = options.pollMs ?? LIVE_POLL_MS;
  }

  protected override async readBoard(): Promise<MiroRead> {
    const snapshot = await readSnapshot(this.miroBoard, this.calls, this.cache);
    return { board: boardJson(snapshot), snapshot };
  }

  /** Takes in the answers given on the board since the last write, then reads the board afresh if there were any. */
  protected override async readForAnalysis(): Promise<MiroRead> {
    this.onProgress({ phase: 'reading', done: 0, total: 1 });
    let read = await this.readBoard().catch((error: unknown) => { throw readError(error); });
    if (await this.harvest(read.snapshot)) read = await this.readBoard().catch((error: unknown) => { throw readError(error); });
    return read;
  }

  /**
   * The answer records of the notes that may carry one and were not read yet
   * in this session (one metadata read each): the value map's (pairs, and
   * "addresses nothing"), the pains' and gains' ("nothing addresses it").
   */
  protected override async linksAfter(read: MiroRead, report: Report): Promise<LinkOptions> {
    const { snapshot } = read;
    const answering = ['relievers', 'creators', 'products', 'pains', 'gains'];
    const mayCarry = new Set(report.notes.filter((note) => answering.includes(note.section)).map((note) => note.id));
    const unread = snapshot.notes.filter((note) => mayCarry.has(note.id) && !this.pairs.has(note.id));
    const records = await this.calls.batch(unread.map((note) => () => note.getMetadata(LINKS_KEY))).catch((error: unknown) => {
      throw readError(error);
    });
    unread.forEach((note, index) => this.pairs.set(note.id, parseRecord(records[index])));
    const present = new Set(snapshot.notes.map((note) => note.id));
    return linkOptions([...this.pairs].filter(([id]) => present.has(id)));
  }

  protected override async writePatch(read: MiroRead, patch: Patch): Promise<WriteSummary> {
    const writer = this.writer();
    try {
      const summary = await writer.apply(read.snapshot, read.board, patch);
      this.drawn = new Map(writer.suggestionsNow.map((c) => [c.id, { from: c.start?.item ?? '', to: c.end?.item ?? '' }]));
      return summary;
    } finally {
      this.changedDuringAnalysis = writer.changed.sort();
    }
  }

  protected override async clearBoard(): Promise<WriteSummary> {
    let snapshot = await readSnapshot(this.miroBoard, this.calls, this.cache, !this.swept);
    // A suggestion the user deleted or restyled before Clear is still an answer.
    if (await this.harvest(snapshot)) snapshot = await readSnapshot(this.miroBoard, this.calls, this.cache);
    this.swept = true;
    const summary = await this.writer().clear(snapshot);
    this.drawn = new Map();  // CanvasFit removed them: not the user's rejections
    return summary;
  }

  /** Records the panel's answer on the `from` note; a confirmed pair's drawn connector becomes the user's. */
  protected override async recordDecision(from: string, to: string, decision: Decision): Promise<void> {
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
  }

  /** Selects the given notes and zooms to them. */
  protected override async focus(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.calls.one(() => this.miroBoard.deselect());
    const items = await this.calls.one(() => this.miroBoard.select({ id: ids }));
    if (items.length > 0) await this.calls.one(() => this.miroBoard.viewport.zoomTo(items));
  }

  /**
   * Live's events: items created and deleted, and selection changes (a user
   * selects a note to edit it and deselects it after: free events, and stable
   * SDK). Updates come from `experimental:items:update` while Miro offers it;
   * when subscribing to it fails, the board is polled instead. A read that
   * finds the board JSON unchanged costs reads only, never a write.
   */
  protected override watch(on: boolean): void {
    const ui = this.miroBoard.ui;
    // One call per event: the SDK's typings overload on() per event name.
    if (on) {
      void ui.on('items:create', this.onBoardEvent);
      void ui.on('items:delete', this.onBoardEvent);
      void ui.on('selection:update', this.onBoardEvent);
      void this.watchUpdates();
    } else {
      void ui.off('items:create', this.onBoardEvent);
      void ui.off('items:delete', this.onBoardEvent);
      void ui.off('selection:update', this.onBoardEvent);
      void Promise.resolve().then(() => ui.off('experimental:items:update', this.onBoardEvent)).catch(() => undefined);
      clearInterval(this.poll);
      this.poll = undefined;
    }
  }

  /** Subscribes to the experimental update event, or polls when Miro does not offer it. */
  private async watchUpdates(): Promise<void> {
    try {
      await this.miroBoard.ui.on('experimental:items:update', this.onBoardEvent);
    } catch {
      if (this.live && this.poll === undefined) this.poll = setInterval(this.onPoll, this.pollMs);
    }
  }

  /** Writes one answer into the `from` note's metadata, merged with what is there now (another session may have answered too). */
  private async record(from: string, to: string, decision: Decision): Promise<void> {
    const [item] = await this.calls.one(() => this.miroBoard.get({ id: [from] }), QUERY_CREDITS).catch(() => []);
    if (!item || !isNoteItem(item)) throw new Error('the note this answer belongs to is no longer on the board');
    if (!isWritable(item)) throw new Error(`note ${from} is a card of another app, which is read-only: the answer cannot be recorded on it`);
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
    const answers: { from: string; to: string; decision: Decision }[] = [];
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

  private writer(): MiroWriter {
    return new MiroWriter(this.miroBoard, this.calls, this.cache, (progress) => this.onProgress(progress));
  }
}
