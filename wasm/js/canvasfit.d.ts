// Types of the CanvasFit WebAssembly package (hand-written: Emscripten 3.1.6
// emits none). The report shape is documented in docs/report.md.

export type SectionName =
  | 'segment' | 'jobs' | 'pains' | 'gains' | 'products' | 'relievers' | 'creators';

export interface AnalyzeOptions {
  /** Input format; detected when omitted. */
  format?: 'auto' | 'excalidraw' | 'miro' | 'canvasfit';
  /** File name shown in errors and in the report. */
  source?: string;
  /**
   * Pairs the facilitator answered (note ids; `from` a reliever, creator or
   * product, `to` a pain, gain or job): a confirmed pair is a link with
   * `source: 'confirmed'`, a rejected one is never a `text` or `suggested`
   * link. Pairs naming a note that is not on the board are ignored.
   */
  links?: LinkPairs;
}

export interface LinkPairs {
  confirmed?: [string, string][];
  rejected?: [string, string][];
  /**
   * Notes the facilitator says nothing else links: a pain, gain or job no
   * value-map note addresses, a reliever or creator that addresses nothing
   * here. The wording links them no more (connectors and confirmed pairs
   * still count); a row nothing then reaches is `unaddressed`, a reliever or
   * creator an `orphan-*` finding. Ids not on the board are ignored.
   */
  unlinked?: string[];
}

export interface Coverage {
  note: string;
  weight: number;
  covered_by: string[];
  /** Pains and gains: decided (covered, unaddressed) or left to a question. */
  status?: 'covered' | 'unaddressed' | 'question';
}

export type Verdict = 'weak' | 'good' | 'strong';

export interface Fit {
  pains: number | null;
  gains: number | null;
  overall: number | null;
  jobs: number | null;
  /** The band of `overall`, an estimate while `verdict_range` spans two bands. */
  verdict: Verdict | null;
  target: [number, number];
  /** Share of the profile's priority weight under a question (counted at the measured rate such rows are addressed, docs/judgment.md). */
  undecided?: number;
  /** Share of the score that rests on anything but the team's own links (`text` links and questions). */
  unconfirmed?: number;
  /** `overall` once every question is answered: every open row a gap, or every one addressed; null without a score. */
  range?: [number, number] | null;
  /** The verdicts at the ends of `range`: the band is settled when both are equal; otherwise `verdict` is only the estimate's band. Null without a score. */
  verdict_range?: [Verdict, Verdict] | null;
  pains_detail: Coverage[];
  gains_detail: Coverage[];
  jobs_detail: Coverage[];
}

export type ValueType =
  | 'novelty' | 'performance' | 'customization' | 'design' | 'brand' | 'price'
  | 'cost-reduction' | 'risk-reduction' | 'convenience' | 'access';

export interface ValueProfile {
  segment_type: 'mass-market' | 'niche' | 'multisided' | 'segmented' | 'unknown';
  dominant_type: ValueType | null;
  types: Partial<Record<ValueType | 'none', number>>;
  key_metric: string | null;
  /** The 4-8 highest-priority pains and gains: the canvas's value drivers. */
  drivers: string[];
}

export interface Competitors {
  criteria: { name: string; driver: string | null; weight: number }[];
  alternatives: { name: string; scores: Record<string, number>; weighted: number; note: string }[];
  price_value_map: { name: string; price: number | null; value: number | null }[];
}

export interface CanvasReport {
  id: string;
  title: string;
  segment: string | null;
  sections: Record<SectionName, string[]>;
  fit: Fit;
  value: ValueProfile;
  competitors: Competitors | null;
  [more: string]: unknown;
}

export interface NoteReport {
  id: string;
  text: string;
  canvas: string | null;
  section: SectionName | 'unknown';
  via: 'frame' | 'region' | 'text' | 'none';
  confidence: number;
  rank: number | null;
  priority: number | null;
  cue: 'marker' | 'tag' | 'votes' | 'order' | null;
  votes: number;
  /** Relievers and creators only: their value-proposition type, or 'none'. */
  value_type: ValueType | 'none' | null;
  [more: string]: unknown;
}

export interface LinkReport {
  from: string;
  to: string;
  strength: number;
  via: 'connector' | 'text';
  evidence: string[];
  /** connector, confirmed and text links are findings; suggested ones are questions. */
  source?: 'connector' | 'confirmed' | 'text' | 'suggested';
  /** Calibrated probability that the pair is a real link (1 for connector and confirmed). */
  confidence?: number;
}

export interface Question {
  code: 'which-section' | 'is-addressed' | 'what-addresses' | 'what-does-it-address' | 'same-note';
  canvas: string | null;
  notes: string[];
  candidates: string[];
  confidence: number;
  message: string;
}

export interface Warning {
  code: string;
  severity: 'info' | 'low' | 'medium' | 'high';
  notes: string[];
  canvas: string | null;
  message: string;
}

export interface Report {
  schema: 'canvasfit.report/1';
  source: string;
  format: 'excalidraw' | 'miro' | 'canvasfit';
  canvases: CanvasReport[];
  notes: NoteReport[];
  links: LinkReport[];
  warnings: Warning[];
  questions?: Question[];
  [more: string]: unknown;
}

export declare class CanvasFitError extends Error {
  readonly name: 'CanvasFitError';
  /** Where the problem is: "file: /elements/3/x", "line 2, column 9", a note id. */
  readonly where: string;
  /** The message without the location. */
  readonly reason: string;
}

export interface CanvasFit {
  readonly version: string;
  /** Analyses a board (JSON text or an already parsed object). Throws CanvasFitError. */
  analyze(board: string | object, options?: AnalyzeOptions): Report;
  /**
   * The same analysis rendered for people. 'html' is the one-page summary: one
   * self-contained page (inline CSS and SVG, no script), docs/summary.md.
   * Throws CanvasFitError.
   */
  render(board: string | object, options: AnalyzeOptions | undefined, format: 'text' | 'markdown' | 'html'): string;
  /** Bytes allocated on the wasm heap right now (for leak checks). */
  heapBytesInUse(): number;
  /** A stateful, incremental analysis of one board. Throws CanvasFitError. */
  createAnalyzer(board: string | object, options?: AnalyzeOptions): Analyzer;
}

/** A note in the CanvasFit board format (docs/board-format.md). */
export interface BoardNote {
  id: string;
  text: string;
  x: number;
  y: number;
  width?: number;
  height?: number;
  kind?: 'sticky' | 'card' | 'text' | 'shape';
  color?: string;
  tags?: string[];
  parent?: string;
  author?: string;
}

/**
 * What changed in the report since the analyzer's last delta (docs/report.md,
 * "Deltas"). Objects are whole; a changed link, warning or question is in
 * both `..._removed` (old) and `..._added` (new).
 */
export interface ReportDelta {
  schema: 'canvasfit.delta/1';
  source: string;
  format: string;
  canvases: CanvasReport[];
  canvases_removed: string[];
  notes: NoteReport[];
  notes_removed: string[];
  links_added: LinkReport[];
  links_removed: LinkReport[];
  warnings_added: Warning[];
  warnings_removed: Warning[];
  questions_added: Question[];
  questions_removed: Question[];
  /** Ids of notes still on the board whose marks may change; sorted, unique. */
  touched: string[];
}

/** A batch of note edits, applied upserts first, then removals. */
export interface NoteEdits {
  upsert?: BoardNote[];
  remove?: string[];
}

/**
 * Excalidraw elements an edit changed: upserted ones replace the element with
 * their id, in its place, or join at the end (one marked isDeleted leaves);
 * removed ids leave the scene.
 */
export interface ElementEdits {
  upsert?: object[];
  remove?: string[];
}

export interface Analyzer {
  report(): Report;
  /**
   * Applies the edits and returns what changed since the last delta. A note
   * that cannot be read changes nothing; if an edit is refused, those before
   * it stay applied (the CanvasFitError names the place) and the next delta
   * covers them.
   */
  edit(edits: NoteEdits): ReportDelta;
  /**
   * Brings the analyzer to the whole board as it now is, in the format it was
   * made from: notes added, changed or gone are applied; a changed frame,
   * connector or dot vote starts it over. Returns what changed since the last delta.
   */
  update(board: string | object): ReportDelta;
  /**
   * Live on Excalidraw without the whole scene's text: applies the changed
   * elements (or their JSON text) to the scene the analyzer keeps, as made
   * from or last updated with an Excalidraw scene, and returns what changed
   * since the last delta. A bad edit throws a CanvasFitError naming
   * "/upsert/i/..." or "/remove/i" and changes nothing; an analyzer that
   * keeps no scene (another format, or edited note by note since) throws one
   * with place "elements".
   */
  updateElements(edits: ElementEdits | string): ReportDelta;
  /** Whether updateElements() can be called. */
  keepsScene(): boolean;
  /** What changed since the last delta; the first one holds the whole report. */
  changes(): ReportDelta;
  /** Inserts or replaces a note; containers, connectors and markers stay as first read. */
  upsertNote(note: BoardNote): Report;
  removeNote(id: string): Report;
  stats(): Record<string, number>;
  /** Frees the wasm memory behind this analyzer. */
  dispose(): void;
}

export declare function createCanvasFit(): Promise<CanvasFit>;
