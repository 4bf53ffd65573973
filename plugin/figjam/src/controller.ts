// The main side's message handling, separate from main.ts so the contract
// tests can drive it with their own PluginAPI object.
//
// Pages: the UI analyses the page the user is looking at. A patch is written
// to the page it was computed from (loaded first if the user has switched
// away meanwhile). Live follows the user: on `currentpagechange` the
// `nodechange` listener moves to the new page and the UI is told to read
// again. Clear works on every page of the file (each loaded with loadAsync,
// as documentAccess "dynamic-page" requires), so marks left on a page the
// user is not looking at are cleared too. Suggestions the user deletes are
// noticed only on the page they were drawn on while the user stays there.
import {
  adoptSuggestion, applyPatch, clearMarks, contentSnapshot, drawnSuggestions, focusNotes, harvestDecisions, migrateRecords, readBoard,
  readDecisions, recordDecision, type Basis,
} from './adapter.js';
import { isRequest, type Reply, type WriteSummary } from './protocol.js';

export class Controller {
  private live = false;
  /** The notes as last read for the UI: the patch it sends back was computed from them. */
  private basis: Basis | undefined;
  /** The page last read for the UI: its patch is written there. */
  private readPage: PageNode | undefined;
  /** The page whose `nodechange` events Live listens to: the one the user is looking at. */
  private watched: PageNode;
  /** Suggestion connectors on the page after the last write: one gone since was deleted by the user (a rejection). */
  private drawn = new Map<string, { from: string; to: string }>();
  private readonly onChange = () => {
    if (this.live) this.post({ type: 'changed' });
  };
  private readonly onPageChange = () => {
    this.watched.off('nodechange', this.onChange);
    this.watched = this.api.currentPage;
    this.watched.on('nodechange', this.onChange);
    this.drawn = new Map();  // drawn on another page: not the user's deletions here
    this.onChange();
  };

  constructor(
    private readonly api: PluginAPI,
    private readonly post: (reply: Reply) => void,
    private readonly options: { fontTimeoutMs?: number } = {},
  ) {
    // Page-level change events need no loadAllPagesAsync under documentAccess: dynamic-page.
    this.watched = api.currentPage;
    this.watched.on('nodechange', this.onChange);
    api.on('currentpagechange', this.onPageChange);
  }

  async handle(message: unknown): Promise<void> {
    if (!isRequest(message)) return;
    try {
      switch (message.type) {
        case 'read': {
          const page = this.api.currentPage;
          migrateRecords(page);
          // Answers given on the page (a suggestion restyled or deleted) are recorded before the read.
          await harvestDecisions(this.api, page, this.drawn, this.options.fontTimeoutMs);
          this.readPage = page;
          this.basis = contentSnapshot(page);
          this.post({ type: 'board', id: message.id, board: readBoard(page), links: readDecisions(page) });
          return;
        }
        case 'apply': {
          const page = this.readPage ?? this.api.currentPage;
          await page.loadAsync();
          const summary = await applyPatch(this.api, page, message.patch, { ...this.options, basis: this.basis });
          if (page === this.api.currentPage) this.drawn = drawnSuggestions(page);
          this.post({ type: 'done', id: message.id, summary });
          return;
        }
        case 'clear': {
          const summary = await this.clearAllPages();
          this.post({ type: 'done', id: message.id, summary });
          return;
        }
        case 'decide': {
          const page = this.api.currentPage;
          await harvestDecisions(this.api, page, this.drawn, this.options.fontTimeoutMs);
          if (!await recordDecision(this.api, message.from, message.to, message.decision)) {
            throw new Error('the note this answer belongs to is no longer on the page');
          }
          if (message.decision === 'confirmed') await adoptSuggestion(this.api, page, message.from, message.to, this.options.fontTimeoutMs);
          this.drawn = drawnSuggestions(page);
          this.post({ type: 'done', id: message.id, summary: null });
          return;
        }
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

  /** Clear on every page, the current one first; stops at the first failure (the next Clear finishes). */
  private async clearAllPages(): Promise<WriteSummary> {
    const current = this.api.currentPage;
    const total: WriteSummary = { highlighted: 0, created: 0, removed: 0, restored: 0, changed: [] };
    for (const page of [current, ...this.api.root.children.filter((p) => p !== current)]) {
      await page.loadAsync();
      migrateRecords(page);
      if (page === current) await harvestDecisions(this.api, page, this.drawn, this.options.fontTimeoutMs);
      const summary = clearMarks(page);
      total.removed += summary.removed;
      total.restored += summary.restored;
    }
    this.drawn = drawnSuggestions(current);
    return total;
  }
}
