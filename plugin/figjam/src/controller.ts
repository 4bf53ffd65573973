// The main side's message handling, separate from main.ts so the contract
// tests can drive it with their own PluginAPI object.
import {
  adoptSuggestion, applyPatch, clearMarks, contentSnapshot, drawnSuggestions, focusNotes, harvestDecisions, migrateRecords, readBoard,
  readDecisions, recordDecision, type Basis,
} from './adapter.js';
import { isRequest, type Reply } from './protocol.js';

export class Controller {
  private live = false;
  /** The notes as last read for the UI: the patch it sends back was computed from them. */
  private basis: Basis | undefined;
  /** Suggestion connectors on the page after the last write: one gone since was deleted by the user (a rejection). */
  private drawn = new Map<string, { from: string; to: string }>();
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
          migrateRecords(this.api);
          // Answers given on the page (a suggestion restyled or deleted) are recorded before the read.
          await harvestDecisions(this.api, this.drawn, this.options.fontTimeoutMs);
          this.basis = contentSnapshot(this.api);
          this.post({ type: 'board', id: message.id, board: readBoard(this.api), links: readDecisions(this.api) });
          return;
        case 'apply': {
          const summary = await applyPatch(this.api, message.patch, { ...this.options, basis: this.basis });
          this.drawn = drawnSuggestions(this.api);
          this.post({ type: 'done', id: message.id, summary });
          return;
        }
        case 'clear': {
          migrateRecords(this.api);
          await harvestDecisions(this.api, this.drawn, this.options.fontTimeoutMs);
          const summary = await clearMarks(this.api);
          this.drawn = drawnSuggestions(this.api);
          this.post({ type: 'done', id: message.id, summary });
          return;
        }
        case 'decide':
          await harvestDecisions(this.api, this.drawn, this.options.fontTimeoutMs);
          if (!await recordDecision(this.api, message.from, message.to, message.decision)) {
            throw new Error('the note this answer belongs to is no longer on the page');
          }
          if (message.decision === 'confirmed') await adoptSuggestion(this.api, message.from, message.to, this.options.fontTimeoutMs);
          this.drawn = drawnSuggestions(this.api);
          this.post({ type: 'done', id: message.id, summary: null });
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
