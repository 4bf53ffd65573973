// One CanvasFit session in the FigJam UI iframe, behind the shared panel
// (plugin/core-shell/panel.js). The wasm core runs here; the document is on
// the main side, reached only through the message protocol (protocol.ts).
import type { CanvasFit, Report } from '@canvasfit/wasm';
import { withLinks } from '../../core-shell/decisions.js';
import { buildPatch } from '../../core-shell/patch.js';
import type { BoardJson, Decision, LinkPairs, Patch, Reply, Request, WriteSummary } from './protocol.js';

export const LIVE_DELAY_MS = 400;
const SOURCE = 'figjam-board';

type Pending = { resolve: (reply: Reply) => void; reject: (error: Error) => void };
type RequestBody = Request extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export class FigJamSession {
  live = false;
  showLinks = false;
  showSuggestions = false;
  report: Report | null = null;
  board: BoardJson | null = null;
  /** The confirmed and rejected pairs recorded on the page, as last read. */
  links: LinkPairs = { confirmed: [], rejected: [] };
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

  setShowSuggestions(on: boolean): void {
    this.showSuggestions = on;
    if (this.report) void this.analyse();
  }

  /** The facilitator confirms a suggested link: recorded on the page, its connector (if drawn) becomes the user's. */
  confirmLink(from: string, to: string): Promise<Report | null> {
    return this.decide(from, to, 'confirmed');
  }

  /** The facilitator rejects a suggested link: recorded on the page, never suggested again. */
  rejectLink(from: string, to: string): Promise<Report | null> {
    return this.decide(from, to, 'rejected');
  }

  private decide(from: string, to: string, decision: Decision): Promise<Report | null> {
    return this.enqueue(async () => {
      await this.request({ type: 'decide', from, to, decision });
      return this.report ? this.analyseNow() : null;
    });
  }

  focusNotes(ids: string[]): Promise<unknown> {
    return this.enqueue(() => this.request({ type: 'focus', ids }));
  }

  exportReport(format: 'markdown' | 'json'): string {
    if (!this.board) return format === 'json' ? '{}' : 'Press Analyse first.';
    if (format === 'json') return JSON.stringify(this.canvasfit.analyze(this.board, this.options()), null, 2);
    return this.canvasfit.render(this.board, this.options(), 'markdown');
  }

  exportBoard(): string {
    return JSON.stringify(this.board ?? { schema: 'canvasfit.board/1', notes: [] }, null, 2);
  }

  idle(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  private options(): { source: string; links?: LinkPairs } {
    return withLinks({ source: SOURCE }, this.links);
  }

  private async readBoard(): Promise<BoardJson> {
    const reply = await this.request({ type: 'read' });
    if (reply.type !== 'board') throw new Error('the plugin did not send the board');
    this.links = reply.links;
    return reply.board;
  }

  private async analyseNow(): Promise<Report | null> {
    const board = await this.readBoard();
    this.board = board;
    this.lastSignature = JSON.stringify([board, this.links]);
    const report = this.canvasfit.analyze(board, this.options());
    this.report = report;
    const patch = buildPatch(report, {
      showLinks: this.showLinks, showSuggestions: this.showSuggestions, rejected: this.links.rejected,
    }) as Patch;
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
        if (JSON.stringify([board, this.links]) !== this.lastSignature) await this.analyseNow();
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
