// The main side's message handling, separate from main.ts so the contract
// tests can drive it with their own PluginAPI object.
import { applyPatch, clearMarks, contentSnapshot, focusNotes, readBoard, type Basis } from './adapter.js';
import { isRequest, type Reply } from './protocol.js';

export class Controller {
  private live = false;
  /** The notes as last read for the UI: the patch it sends back was computed from them. */
  private basis: Basis | undefined;
  private readonly onChange = () => {
    if (this.live) this.post({ type: 'changed' });
  };

  constructor(
    private readonly api: PluginAPI,
    private readonly post: (reply: Reply) => void,
    private readonly options: { fontTimeoutMs?: number } = {},
  ) {
    // Page-level change events need no loadAllPagesAsync under documentAccess: dynamic-page.
    api.currentPage.on('nodechange', this.onChange);
  }

  async handle(message: unknown): Promise<void> {
    if (!isRequest(message)) return;
    try {
      switch (message.type) {
        case 'read':
          this.basis = contentSnapshot(this.api);
          this.post({ type: 'board', id: message.id, board: readBoard(this.api) });
          return;
        case 'apply':
          this.post({ type: 'done', id: message.id, summary: await applyPatch(this.api, message.patch, { ...this.options, basis: this.basis }) });
          return;
        case 'clear':
          this.post({ type: 'done', id: message.id, summary: await clearMarks(this.api) });
          return;
        case 'focus':
          await focusNotes(this.api, message.ids);
          this.post({ type: 'done', id: message.id, summary: null });
          return;
        case 'live':
          this.live = message.on;
          this.post({ type: 'done', id: message.id, summary: null });
          return;
      }
    } catch (error) {
      this.post({ type: 'error', id: message.id, message: error instanceof Error ? error.message : String(error) });
    }
  }
}
