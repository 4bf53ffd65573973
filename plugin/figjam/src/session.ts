// One CanvasFit session in the FigJam UI iframe, behind the shared panel
// (plugin/core-shell/panel.js). The wasm core runs here; the document is on
// the main side, reached only through the message protocol (protocol.ts).
import type { CanvasFit, Report } from '@canvasfit/wasm';
import { buildPatch } from '../../core-shell/patch.js';
import type { BoardJson, Patch, Reply, Request, WriteSummary } from './protocol.js';

export const LIVE_DELAY_MS = 400;
const SOURCE = 'figjam-board';

type Pending = { resolve: (reply: Reply) => void; reject: (error: Error) => void };
type RequestBody = Request extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export class FigJamSession {
  live = false;
  showLinks = false;
  report: Report | null = null;
  board: BoardJson | null = null;
  lastSummary: WriteSummary | null = null;
  analyses = 0;
  /** Notes the user edited or deleted while the last patch was on its way: left as the user left them. */
  changedDuringAnalysis: string[] = [];
  readonly boardFileName = 'figjam-board.canvasfit.json';
  onReport: (report: Report | null) => void = () => {};
  onError: (error: Error) => void = () => {};

  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private queue: Promise<unknown> = Promise.resolve();
  private lastSignature = '';
  private liveTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly send: (request: Request) => void, private readonly canvasfit: CanvasFit) {}

  /** Feed every message from the main side here. */
  receive(reply: Reply): void {
    if (reply.type === 'changed') {
      this.changed();
      return;
    }
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (reply.type === 'error') waiting.reject(new Error(reply.message));
    else waiting.resolve(reply);
  }

  analyse(): Promise<Report | null> {
    return this.enqueue(() => this.analyseNow());
  }

  clear(): Promise<void> {
    return this.enqueue(async () => {
      const reply = await this.request({ type: 'clear' }).catch((error: Error) => {
        // What was not cleared keeps its plugin data: the next Clear finishes the job.
        throw new Error(`CanvasFit could not finish clearing the board (${error.message}). `
          + 'The marks left are still recorded: press Clear again to remove them.');
      });
      this.lastSummary = reply.type === 'done' ? reply.summary : null;
      this.report = null;
      this.lastSignature = '';
      this.onReport(null);
    });
  }

  setLive(on: boolean): void {
    this.live = on;
    void this.enqueue(() => this.request({ type: 'live', on }));
    if (on) void this.analyse();
    else clearTimeout(this.liveTimer);
  }

  setShowLinks(on: boolean): void {
    this.showLinks = on;
    if (this.report) void this.analyse();
  }

  focusNotes(ids: string[]): Promise<unknown> {
    return this.enqueue(() => this.request({ type: 'focus', ids }));
  }

  exportReport(format: 'markdown' | 'json'): string {
    if (!this.board) return format === 'json' ? '{}' : 'Press Analyse first.';
    if (format === 'json') return JSON.stringify(this.canvasfit.analyze(this.board, { source: SOURCE }), null, 2);
    return this.canvasfit.render(this.board, { source: SOURCE }, 'markdown');
  }

  exportBoard(): string {
    return JSON.stringify(this.board ?? { schema: 'canvasfit.board/1', notes: [] }, null, 2);
  }

  idle(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  private async readBoard(): Promise<BoardJson> {
    const reply = await this.request({ type: 'read' });
    if (reply.type !== 'board') throw new Error('the plugin did not send the board');
    return reply.board;
  }

  private async analyseNow(): Promise<Report | null> {
    const board = await this.readBoard();
    this.board = board;
    this.lastSignature = JSON.stringify(board);
    const report = this.canvasfit.analyze(board, { source: SOURCE });
    this.report = report;
    const patch = buildPatch(report, { showLinks: this.showLinks }) as Patch;
    const reply = await this.request({ type: 'apply', patch }).catch((error: Error) => {
      // Every change made so far carries its plugin data (written first): Clear can undo it.
      throw new Error(`CanvasFit could not finish writing to the board (${error.message}). `
        + 'Nothing you wrote was changed; press Analyse to try again, or Clear to remove CanvasFit\'s marks.');
    });
    this.lastSummary = reply.type === 'done' ? reply.summary : null;
    this.changedDuringAnalysis = this.lastSummary?.changed ?? [];
    this.analyses += 1;
    this.onReport(report);
    return report;
  }

  /** Live: re-analyse once the user's edits settle; CanvasFit's own writes leave the board JSON unchanged. */
  private changed(): void {
    if (!this.live) return;
    clearTimeout(this.liveTimer);
    this.liveTimer = setTimeout(() => {
      void this.enqueue(async () => {
        const board = await this.readBoard();
        if (JSON.stringify(board) !== this.lastSignature) await this.analyseNow();
      });
    }, LIVE_DELAY_MS);
  }

  private request(body: RequestBody): Promise<Reply> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.send({ ...body, id } as Request);
    });
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
