// The messages between the FigJam plugin's two halves. The main code (code.js)
// runs in Figma's sandbox with the document; the UI (ui.html) runs the wasm
// core and the panel in an iframe. They share nothing but these messages,
// sent with figma.ui.postMessage / parent.postMessage({ pluginMessage }).

/** The CanvasFit board JSON (docs/board-format.md) the main code reads from the page. */
export interface BoardJson {
  schema: 'canvasfit.board/1';
  notes: {
    id: string; text: string; x: number; y: number; width: number; height: number;
    kind: 'sticky' | 'shape' | 'text'; shape?: string; color?: string; parent?: string; author?: string;
  }[];
  containers: { id: string; title: string; x: number; y: number; width: number; height: number; kind: 'frame'; parent: string }[];
  connectors: { id: string; from: string; to: string; label: string }[];
  /** Lines that join no notes: a drawn template's dividing lines (docs/board-format.md). */
  lines: { id: string; points: [number, number][] }[];
}

/** A neutral patch action (plugin/core-shell/patch.js). */
export type PatchAction =
  | { type: 'remove-marks' }
  | { type: 'highlight'; note: string; status: 'covered' | 'unaddressed' | 'question' | 'orphan' | 'linked'; reason: string }
  | { type: 'mark'; note: string; text: string }
  | { type: 'warning-note'; id: string; canvas: string | null; code: string; severity: string; text: string; anchor: string[] }
  | { type: 'link'; id: string; from: string; to: string; strength: number; source?: string }
  | { type: 'question'; id: string; code: string; canvas: string | null; note: string; notes: string[]; candidates: string[];
      confidence: number; text: string; message: string }
  | { type: 'suggestion'; id: string; from: string; to: string; confidence: number; strength: number; label: string; message: string };

/** The pairs the facilitator answered, as recorded on the page (analysis `options.links`). */
export interface LinkPairs {
  confirmed: [string, string][];
  rejected: [string, string][];
  /** Notes the facilitator says nothing else links (`options.links.unlinked`). */
  unlinked: string[];
}

/** 'unlinked' and 'reopened' answer about the `from` note itself (`to` is ''). */
export type Decision = 'confirmed' | 'rejected' | 'unlinked' | 'reopened';

export interface Patch {
  schema: string;
  actions: PatchAction[];
}

export interface WriteSummary {
  highlighted: number;
  created: number;
  removed: number;
  restored: number;
  /** Notes the user edited or deleted between the read and the write: left unmarked. */
  changed: string[];
}

/** UI → main. Every request carries an id; the answer repeats it. */
export type Request =
  | { type: 'read'; id: number }
  | { type: 'apply'; id: number; patch: Patch }
  | { type: 'clear'; id: number }
  | { type: 'focus'; id: number; ids: string[] }
  | { type: 'live'; id: number; on: boolean }
  | { type: 'decide'; id: number; from: string; to: string; decision: Decision };

/** Main → UI. */
export type Reply =
  | { type: 'board'; id: number; board: BoardJson; links: LinkPairs }
  | { type: 'done'; id: number; summary: WriteSummary | null }
  | { type: 'error'; id: number; message: string }
  | { type: 'changed' };

export function isRequest(value: unknown): value is Request {
  const message = value as Request | null;
  return !!message && typeof message === 'object' && typeof message.id === 'number'
    && ['read', 'apply', 'clear', 'focus', 'live', 'decide'].includes(message.type);
}

export function isReply(value: unknown): value is Reply {
  const message = value as Reply | null;
  return !!message && typeof message === 'object' && ['board', 'done', 'error', 'changed'].includes(message.type);
}
