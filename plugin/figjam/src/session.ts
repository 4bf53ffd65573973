// One CanvasFit session in the FigJam UI iframe, behind the shared panel
// (plugin/core-shell/panel.js). The flow (analyse, Live, Clear, answers,
// exports) is the shared shell's (plugin/core-shell/session.js); this file
// holds what FigJam does differently: the document is on the main side,
// reached only through the message protocol (protocol.ts).
import type { CanvasFit } from '@canvasfit/wasm';
import type { Patch as CorePatch } from '../../core-shell/patch.js';
import { HostSession } from '../../core-shell/session.js';
import type { BoardJson, Decision, LinkPairs, Patch, Reply, Request, WriteSummary } from './protocol.js';

export const LIVE_DELAY_MS = 400;

type Pending = { resolve: (reply: Reply) => void; reject: (error: Error) => void };
type RequestBody = Request extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;
type FigJamRead = { board: BoardJson; links: LinkPairs };

export class FigJamSession extends HostSession<FigJamRead, WriteSummary> {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly send: (request: Request) => void, canvasfit: CanvasFit) {
    super(canvasfit, { source: 'figjam-board', boardFileName: 'figjam-board.canvasfit.json', liveDelayMs: LIVE_DELAY_MS });
  }

  /** Feed every message from the main side here. */
  receive(reply: Reply): void {
    if (reply.type === 'changed') {
      this.boardChanged();
      return;
    }
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (reply.type === 'error') waiting.reject(new Error(reply.message));
    else waiting.resolve(reply);
  }

  protected override async readBoard(): Promise<FigJamRead> {
    const reply = await this.request({ type: 'read' });
    if (reply.type !== 'board') throw new Error('the plugin did not send the board');
    return { board: reply.board, links: reply.links };
  }

  protected override async writePatch(_read: FigJamRead, patch: CorePatch): Promise<WriteSummary | null> {
    return this.summary(await this.request({ type: 'apply', patch: patch as Patch }));
  }

  protected override async clearBoard(): Promise<WriteSummary | null> {
    return this.summary(await this.request({ type: 'clear' }));
  }

  protected override async recordDecision(from: string, to: string, decision: Decision): Promise<void> {
    await this.request({ type: 'decide', from, to, decision });
  }

  protected override focus(ids: string[]): Promise<unknown> {
    return this.request({ type: 'focus', ids });
  }

  protected override watch(on: boolean): void {
    void this.enqueue(() => this.request({ type: 'live', on }));
  }

  private summary(reply: Reply): WriteSummary | null {
    return reply.type === 'done' ? reply.summary : null;
  }

  private request(body: RequestBody): Promise<Reply> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.send({ ...body, id } as Request);
    });
  }
}
