// The FigJam adapter (main side): the only code that knows FigJam's nodes.
// - readBoard: STICKY, SHAPE_WITH_TEXT, TEXT, SECTION, CONNECTOR and LINE
//   nodes of the page → the CanvasFit board JSON, without CanvasFit's own
//   marks, and with each highlighted node's original colour; free texts are
//   notes (an idea, or a drawn template's title), lines and connectors fixed
//   to the canvas at both ends are the template's lines;
// - applyPatch: a neutral patch → fills, new stickies, shapes and connectors;
// - clearMarks: removes CanvasFit's nodes and restores every fill it changed.
// What CanvasFit created or changed carries a record in shared plugin data
// (namespace `canvasfit`, key `mark`), which is saved with the file, so Clear
// works after reopening it, and whatever id Figma gives the plugin: private
// plugin data (setPluginData) is readable only by the plugin id that wrote it,
// and a development build's id is not the published one. Records an older
// build wrote as private plugin data (key `canvasfit`) are still read, and
// moved into the shared record by the next read or Clear of a build with that
// same id (migrateRecords). All calls
// go through the `PluginAPI` object passed in (typed by @figma/plugin-typings).
// Failure safety: a note's original fills are recorded before its fill
// changes, a created node is marked as CanvasFit's the moment it exists, so a
// write-back cut off anywhere leaves a page Clear restores; a note the user
// edited or deleted since the board was read gets no (stale) mark. Every node
// CanvasFit creates can hold text (warning stickies, rank-mark shapes, link
// connectors all have a `text` sublayer): one the user typed into is the
// user's, and Clear (and so the next Analyse) keeps it and only takes
// CanvasFit's plugin data off.
// The facilitator's answers to suggested links are not marks: they are shared
// plugin data (namespace `canvasfit`, key `links`) on the `from` note, readable
// whatever id Figma gives the published plugin, and Clear leaves them.
import { decisionOf, linkOptions, parseRecord, withDecision, type PairRecord } from '../../core-shell/decisions.js';
import type { BoardJson, Decision, LinkPairs, Patch, PatchAction, WriteSummary } from './protocol.js';

/** Where builds before shared records kept them: private plugin data, readable by the same plugin id only. */
export const LEGACY_KEY = 'canvasfit';
/** Shared plugin data namespace of everything CanvasFit records, and its keys. */
export const SHARED_NAMESPACE = 'canvasfit';
/** The record of a mark: a highlight's original fills, or a created node's kind. */
export const MARK_KEY = 'mark';
/** The pairs answered, on a `from` note. */
export const LINKS_KEY = 'links';
/** How long a font may take to load before the write-back gives up. */
export const FONT_TIMEOUT_MS = 10_000;
const READ_TYPES: NodeType[] = ['STICKY', 'SHAPE_WITH_TEXT', 'SECTION', 'CONNECTOR', 'TEXT', 'LINE'];
/** The nodes that are notes: what marks are placed by and what the user may change meanwhile. */
const NOTE_TYPES: NodeType[] = ['STICKY', 'SHAPE_WITH_TEXT', 'TEXT'];

type Status = 'covered' | 'unaddressed' | 'question' | 'orphan' | 'linked';
type Colored = StickyNode | ShapeWithTextNode;
/** A free text is a note too: an idea, or the title of a part of a drawn template. */
type NoteNode = Colored | TextNode;

/** How each highlight status looks: a fill. */
export const STATUS_FILL: Record<Status, string> = {
  covered: '#b2f2bb', linked: '#b2f2bb', unaddressed: '#ffc9c9', orphan: '#ffd8a8', question: '#e9ecef',
};
const SEVERITY_FILL: Record<string, string> = { high: '#ffc9c9', medium: '#ffec99', low: '#e7f5ff', info: '#f1f3f5' };
const MARK_FILL = '#1971c2';
const LINK_STROKE = '#1971c2';
/** Questions: a grey "?" mark; suggested links: grey dashed connectors labelled "? 62 %". */
const QUESTION_FILL = '#adb5bd';
export const SUGGESTION_STROKE = '#868e96';
export const SUGGESTION_DASH: readonly number[] = [4, 4];
/** The look a suggestion connector takes when the facilitator confirms it from the panel. */
const ADOPTED_STROKE = '#1e1e1e';
const GAP = 40;

interface HighlightRecord {
  v: 1;
  k: 'highlight';
  s: Status;
  /** The fills before, as JSON. */
  o: string;
  /** The fills CanvasFit set, as JSON. */
  a: string;
}

interface CreatedRecord {
  v: 1;
  k: 'warning' | 'mark' | 'link' | 'question' | 'suggestion';
  note?: string;
  /** A suggestion's pair. */
  from?: string;
  to?: string;
  /** The text CanvasFit writes into the node (a link: ''): another text is the user's. */
  w?: string;
}

type Record_ = HighlightRecord | CreatedRecord;

export function hexToRgb(hex: string): RGB {
  const value = parseInt(hex.slice(1), 16);
  return { r: ((value >> 16) & 255) / 255, g: ((value >> 8) & 255) / 255, b: (value & 255) / 255 };
}

function rgbToHex(color: RGB): string {
  const part = (v: number) => Math.round(v * 255).toString(16).padStart(2, '0');
  return `#${part(color.r)}${part(color.g)}${part(color.b)}`;
}

export function solid(hex: string): SolidPaint[] {
  return [{ type: 'SOLID', color: hexToRgb(hex) }];
}

/** The record as stored: shared, or else private from an older build (same plugin id only). */
function storedRecord(node: BaseNode): string {
  return node.getSharedPluginData(SHARED_NAMESPACE, MARK_KEY) || node.getPluginData(LEGACY_KEY);
}

/** Writes (or with '' takes off) a node's record; a private record from an older build goes too. */
function setRecord(node: BaseNode, text: string): void {
  node.setSharedPluginData(SHARED_NAMESPACE, MARK_KEY, text);
  if (node.getPluginData(LEGACY_KEY) !== '') node.setPluginData(LEGACY_KEY, '');
}

/**
 * Moves records an older build kept as private plugin data into the shared
 * record: shared first, then the private one goes, so a cut-off leaves the
 * record readable (the shared one wins) and the next pass finishes.
 */
export function migrateRecords(page: PageNode): number {
  let moved = 0;
  for (const node of page.findAllWithCriteria({ types: READ_TYPES })) {
    const legacy = node.getPluginData(LEGACY_KEY);
    if (!legacy) continue;
    if (!node.getSharedPluginData(SHARED_NAMESPACE, MARK_KEY)) node.setSharedPluginData(SHARED_NAMESPACE, MARK_KEY, legacy);
    node.setPluginData(LEGACY_KEY, '');
    moved += 1;
  }
  return moved;
}

function recordOf(node: BaseNode): Record_ | null {
  const text = storedRecord(node);
  if (!text) return null;
  try {
    const record = JSON.parse(text) as Record_;
    return record && record.v === 1 ? record : null;
  } catch {
    return null;  // not ours after all: leave it alone
  }
}

function isCreated(node: BaseNode): boolean {
  const record = recordOf(node);
  return record !== null && record.k !== 'highlight';
}

/** The fills as JSON; '' when they are figma.mixed (a symbol). */
function fillsJson(node: Colored): string {
  return typeof node.fills === 'symbol' ? '' : JSON.stringify(node.fills);
}

/** The fills the user chose: CanvasFit's fill taken off unless the user changed it since. */
function userFills(node: Colored): string {
  const record = recordOf(node);
  const now = fillsJson(node);
  return record && record.k === 'highlight' && now === record.a ? record.o : now;
}

function colorOf(fills: string): string | undefined {
  if (!fills) return undefined;
  const paints = JSON.parse(fills) as Paint[];
  const first = paints.find((paint): paint is SolidPaint => paint.type === 'SOLID' && paint.visible !== false);
  return first ? rgbToHex(first.color) : undefined;
}

function sectionOf(node: BaseNode): string {
  for (let parent = node.parent; parent; parent = parent.parent) if (parent.type === 'SECTION') return parent.id;
  return '';
}

function box(node: SceneNode): { x: number; y: number; width: number; height: number } {
  const bounds = node.absoluteBoundingBox;
  if (bounds) return { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height };
  return { x: node.absoluteTransform[0][2], y: node.absoluteTransform[1][2], width: node.width, height: node.height };
}

function endpointId(endpoint: ConnectorEndpoint): string | undefined {
  return 'endpointNodeId' in endpoint ? endpoint.endpointNodeId : undefined;
}

/** Where an endpoint fixed to the canvas (attached to no node) is. */
function loosePoint(endpoint: ConnectorEndpoint): [number, number] | undefined {
  return 'endpointNodeId' in endpoint ? undefined : [endpoint.position.x, endpoint.position.y];
}

/** A LINE node's two ends on the page: its start, and `width` along its own x axis (rotation included). */
function lineEnds(node: LineNode): [number, number][] {
  const [[a, , tx], [c, , ty]] = node.absoluteTransform;
  return [[tx, ty], [tx + a * node.width, ty + c * node.width]];
}

function noteText(node: NoteNode): string {
  return node.type === 'TEXT' ? node.characters : node.text.characters;
}

/** The page as the core should read it. */
export function readBoard(page: PageNode): BoardJson {
  const nodes = page.findAllWithCriteria({ types: READ_TYPES }).filter((node) => !isCreated(node));
  const board: BoardJson = { schema: 'canvasfit.board/1', notes: [], containers: [], connectors: [], lines: [] };
  for (const node of nodes) {
    if (node.type === 'TEXT') {
      board.notes.push({ id: node.id, text: node.characters, ...box(node), kind: 'text', parent: sectionOf(node) });
    } else if (node.type === 'LINE') {
      board.lines.push({ id: node.id, points: lineEnds(node) });
    } else if (node.type === 'SECTION') {
      board.containers.push({ id: node.id, title: node.name, ...box(node), kind: 'frame', parent: sectionOf(node) });
    } else if (node.type === 'STICKY' || node.type === 'SHAPE_WITH_TEXT') {
      const note: BoardJson['notes'][number] = {
        id: node.id, text: node.text.characters, ...box(node), kind: node.type === 'STICKY' ? 'sticky' : 'shape', parent: sectionOf(node),
      };
      const color = colorOf(userFills(node));
      if (color) note.color = color;
      if (node.type === 'SHAPE_WITH_TEXT') note.shape = node.shapeType.toLowerCase();
      if (node.type === 'STICKY' && node.authorName) note.author = node.authorName;
      board.notes.push(note);
    }
  }
  const noteIds = new Set(board.notes.map((note) => note.id));
  for (const node of nodes) {
    if (node.type !== 'CONNECTOR') continue;
    const from = endpointId(node.connectorStart);
    const to = endpointId(node.connectorEnd);
    if (from && to && noteIds.has(from) && noteIds.has(to)) board.connectors.push({ id: node.id, from, to, label: node.text.characters });
    const [start, end] = [loosePoint(node.connectorStart), loosePoint(node.connectorEnd)];
    // A connector fixed to the canvas at both ends is drawing: a line.
    if (start && end) board.lines.push({ id: node.id, points: [start, end] });
  }
  return board;
}

/** What the analysis read of each note: its text and the fills the user chose. */
export type Basis = Map<string, string>;

function contentOf(node: NoteNode): string {
  return JSON.stringify([noteText(node), node.type === 'TEXT' ? '' : userFills(node)]);
}

/** The notes of the page as read for an analysis, to tell later which ones the user changed meanwhile. */
export function contentSnapshot(page: PageNode): Basis {
  const nodes = page.findAllWithCriteria({ types: NOTE_TYPES }).filter((node) => !isCreated(node)) as NoteNode[];
  return new Map(nodes.map((node) => [node.id, contentOf(node)]));
}

export interface ApplyOptions {
  /** The notes as the analysis read them; notes changed since get no mark. */
  basis?: Basis;
  fontTimeoutMs?: number;
}

/** Loads the font of a text sublayer: FigJam refuses to change text whose font is not loaded. */
async function loadFontOf(api: PluginAPI, text: TextSublayerNode, timeoutMs = FONT_TIMEOUT_MS): Promise<void> {
  if (text.fontName === api.mixed) return;
  // A font that never loads would leave the write-back, and the UI waiting on it, hanging.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`a font did not load within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([api.loadFontAsync(text.fontName), timeout]);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

/**
 * Whether the user typed into a node CanvasFit created. An emptied one is not
 * kept (nothing the user wrote is in it), and neither is one whose text a
 * cut-off write-back never wrote (it is still empty).
 */
function typedIntoByUser(node: BaseNode, record: CreatedRecord): boolean {
  // Links made before `w` was recorded had no text from CanvasFit either; a
  // rank mark without `w` cannot be told apart from its rank, so it goes.
  const written = record.w ?? (record.k === 'link' ? '' : undefined);
  if (written === undefined) return false;
  if (node.type !== 'STICKY' && node.type !== 'SHAPE_WITH_TEXT' && node.type !== 'CONNECTOR') return false;
  const text = node.text.characters;
  return text.trim() !== '' && text !== written;
}

/** Removes CanvasFit's nodes from the page and restores every fill it changed; user edits stay. */
export function clearMarks(page: PageNode): WriteSummary {
  const summary: WriteSummary = { highlighted: 0, created: 0, removed: 0, restored: 0, changed: [] };
  // Stops at the first failure: what is left keeps its plugin data, so the next Clear finishes the job.
  const nodes = page.findAllWithCriteria({ types: READ_TYPES });
  for (const node of nodes) {
    const record = recordOf(node);
    if (!record) continue;
    if (record.k !== 'highlight' && typedIntoByUser(node, record)) {
      setRecord(node, '');  // the user's note now: only CanvasFit's mark goes
    } else if (record.k !== 'highlight') {
      node.remove();
      summary.removed += 1;
    } else if (node.type === 'STICKY' || node.type === 'SHAPE_WITH_TEXT') {
      if (fillsJson(node) === record.a) node.fills = JSON.parse(record.o) as Paint[];
      setRecord(node, '');
      summary.restored += 1;
    }
  }
  return summary;
}

/**
 * Applies a patch to `page` (the page it was computed from, even if the user
 * has switched to another since): earlier marks are replaced, never duplicated.
 */
export async function applyPatch(api: PluginAPI, page: PageNode, patch: Patch, options: ApplyOptions = {}): Promise<WriteSummary> {
  const summary = patch.actions.some((action) => action.type === 'remove-marks')
    ? clearMarks(page)
    : { highlighted: 0, created: 0, removed: 0, restored: 0, changed: [] };
  const byId = new Map<string, NoteNode>();
  for (const node of page.findAllWithCriteria({ types: NOTE_TYPES }) as NoteNode[]) byId.set(node.id, node);
  const changed = new Set<string>();
  // Checked right before each write: the sandbox runs one task at a time, so a
  // user edit can only land at an await (a font load) or before the patch arrived.
  const current = (ids: string[]): boolean => {
    const stale = ids.filter((id) => {
      const node = byId.get(id);
      return !node || node.removed || (options.basis !== undefined && options.basis.get(id) !== contentOf(node));
    });
    stale.forEach((id) => changed.add(id));
    return stale.length === 0;
  };
  const fonts = options.fontTimeoutMs;
  const taken: Box[] = [];
  for (const action of patch.actions) {
    if (action.type === 'highlight') {
      if (current([action.note])) summary.highlighted += highlight(byId.get(action.note)!, action.status);
    } else if (action.type === 'mark') {
      if (current([action.note])) summary.created += await rankMark(api, page, byId.get(action.note)!, action, fonts);
    } else if (action.type === 'warning-note') {
      if (current(action.anchor)) summary.created += await warningSticky(api, page, byId, action, taken, fonts);
    } else if (action.type === 'link') {
      if (current([action.from, action.to])) summary.created += link(api, page, action);
    } else if (action.type === 'question') {
      if (current([action.note])) summary.created += await questionMark(api, page, byId.get(action.note)!, action, fonts);
    } else if (action.type === 'suggestion') {
      if (current([action.from, action.to])) summary.created += await suggestion(api, page, action, fonts);
    }
  }
  summary.changed = [...changed].sort();
  return summary;
}

type Box = { x: number; y: number; width: number; height: number };

function highlight(node: NoteNode, status: Status): number {
  // A free text keeps its ink: a pastel fill would make it unreadable. Its marks still say the status.
  if (node.type === 'TEXT' || typeof node.fills === 'symbol') return 0;
  const applied = solid(STATUS_FILL[status]);
  const record: HighlightRecord = { v: 1, k: 'highlight', s: status, o: userFills(node), a: JSON.stringify(applied) };
  // The original is recorded before the fill changes.
  setRecord(node, JSON.stringify(record));
  node.fills = applied;
  return 1;
}

/**
 * A new node on `page`, marked as CanvasFit's before anything else; taken away
 * again if it cannot be marked. Figma creates nodes on the page the user is
 * looking at, which may have changed during the write-back: the node is moved
 * to the page it belongs to.
 */
function create<T extends SceneNode>(page: PageNode, make: () => T, record: CreatedRecord): T {
  const node = make();
  try {
    setRecord(node, JSON.stringify(record));
    if (node.parent !== page) page.appendChild(node);
  } catch (error) {
    try { node.remove(); } catch { /* the error below is what the user needs to hear */ }
    throw error;
  }
  return node;
}

async function rankMark(api: PluginAPI, page: PageNode, note: NoteNode, action: Extract<PatchAction, { type: 'mark' }>, timeoutMs?: number): Promise<number> {
  const where = box(note);
  // `w`: the rank is the mark's text, so a text the user types over it is noticed and kept.
  const mark = create(page, () => api.createShapeWithText(), { v: 1, k: 'mark', note: action.note, w: action.text });
  mark.shapeType = 'ELLIPSE';
  mark.resize(56, 56);
  mark.x = where.x + where.width - 28;
  mark.y = where.y - 28;
  mark.fills = solid(MARK_FILL);
  await loadFontOf(api, mark.text, timeoutMs);
  mark.text.characters = action.text;
  return 1;
}

async function warningSticky(api: PluginAPI, page: PageNode, notes: Map<string, NoteNode>, action: Extract<PatchAction, { type: 'warning-note' }>, taken: Box[], timeoutMs?: number): Promise<number> {
  const anchors = action.anchor.map((id) => notes.get(id)).filter((node): node is NoteNode => !!node).map(box);
  const sticky = create(page, () => api.createSticky(), { v: 1, k: 'warning', w: action.text });
  const right = anchors.length ? Math.max(...anchors.map((b) => b.x + b.width)) : 0;
  const top = anchors.length ? Math.min(...anchors.map((b) => b.y)) : 0;
  const spot = { x: right + GAP, y: top, width: sticky.width, height: sticky.height };
  while (taken.some((t) => t.x < spot.x + spot.width && spot.x < t.x + t.width && t.y < spot.y + spot.height && spot.y < t.y + t.height)) {
    spot.y += spot.height + GAP / 2;
  }
  taken.push(spot);
  sticky.x = spot.x;
  sticky.y = spot.y;
  sticky.fills = solid(SEVERITY_FILL[action.severity] ?? SEVERITY_FILL.info);
  await loadFontOf(api, sticky.text, timeoutMs);
  sticky.text.characters = action.text;  // plain text: FigJam never reads it as markup
  return 1;
}

function link(api: PluginAPI, page: PageNode, action: Extract<PatchAction, { type: 'link' }>): number {
  // CanvasFit writes no label: any label on it later is the user's.
  const connector = create(page, () => api.createConnector(), { v: 1, k: 'link', w: '' });
  connector.connectorStart = { endpointNodeId: action.from, magnet: 'AUTO' };
  connector.connectorEnd = { endpointNodeId: action.to, magnet: 'AUTO' };
  connector.connectorLineType = 'CURVED';
  connector.connectorEndStrokeCap = 'ARROW_LINES';
  connector.strokes = solid(LINK_STROKE);
  connector.strokeWeight = 1 + Math.round(action.strength * 2);
  connector.dashPattern = [8, 6];
  return 1;
}

/** A grey "?" (with a which-section guess: "? pain") at the note's top-left corner. */
async function questionMark(api: PluginAPI, page: PageNode, note: NoteNode, action: Extract<PatchAction, { type: 'question' }>, timeoutMs?: number): Promise<number> {
  const where = box(note);
  const mark = create(page, () => api.createShapeWithText(), { v: 1, k: 'question', note: action.note, w: action.text });
  mark.shapeType = 'ELLIPSE';
  mark.resize(action.text.length > 1 ? 96 : 56, 56);
  mark.x = where.x - 28;
  mark.y = where.y - 28;
  mark.fills = solid(QUESTION_FILL);
  await loadFontOf(api, mark.text, timeoutMs);
  mark.text.characters = action.text;
  return 1;
}

/** A suggested link: a grey dashed connector labelled "? 62 %" that carries its pair. */
async function suggestion(api: PluginAPI, page: PageNode, action: Extract<PatchAction, { type: 'suggestion' }>, timeoutMs?: number): Promise<number> {
  const connector = create(page, () => api.createConnector(), { v: 1, k: 'suggestion', from: action.from, to: action.to, w: action.label });
  connector.connectorStart = { endpointNodeId: action.from, magnet: 'AUTO' };
  connector.connectorEnd = { endpointNodeId: action.to, magnet: 'AUTO' };
  connector.connectorLineType = 'CURVED';
  connector.connectorEndStrokeCap = 'ARROW_LINES';
  connector.strokes = solid(SUGGESTION_STROKE);
  connector.strokeWeight = 2;
  connector.dashPattern = [...SUGGESTION_DASH];
  await loadFontOf(api, connector.text, timeoutMs);
  connector.text.characters = action.label;
  return 1;
}

function suggestionRecord(node: BaseNode): (CreatedRecord & { from: string; to: string }) | null {
  const record = recordOf(node);
  return record && record.k === 'suggestion' && typeof record.from === 'string' && typeof record.to === 'string'
    ? record as CreatedRecord & { from: string; to: string } : null;
}

function pairRecordOf(node: BaseNode): PairRecord | null {
  return parseRecord(node.getSharedPluginData(SHARED_NAMESPACE, LINKS_KEY));
}

/** The pairs recorded on the page, as analysis options. */
export function readDecisions(page: PageNode): LinkPairs {
  const nodes = page.findAllWithCriteria({ types: ['STICKY', 'SHAPE_WITH_TEXT'] });
  return linkOptions(nodes.filter((node) => !isCreated(node)).map((node) => [node.id, pairRecordOf(node)] as [string, PairRecord | null]));
}

/** Records an answer on the pair's `from` note; false when that note is gone. */
export async function recordDecision(api: PluginAPI, from: string, to: string, decision: Decision): Promise<boolean> {
  const node = await api.getNodeByIdAsync(from);
  if (!node || node.type === 'PAGE' || node.type === 'DOCUMENT' || node.removed) return false;
  const record = pairRecordOf(node);
  if (decisionOf(record, to) !== decision) node.setSharedPluginData(SHARED_NAMESPACE, LINKS_KEY, JSON.stringify(withDecision(record, to, decision)));
  return true;
}

/** A suggestion connector becomes the user's: CanvasFit's record and its "? %" label go; Clear keeps it. */
async function adopt(api: PluginAPI, connector: ConnectorNode, restyle: boolean, timeoutMs?: number): Promise<void> {
  if (restyle) {
    connector.dashPattern = [];
    connector.strokes = solid(ADOPTED_STROKE);
  }
  const record = recordOf(connector) as CreatedRecord | null;
  if (connector.text.characters === (record?.w ?? '')) {
    await loadFontOf(api, connector.text, timeoutMs);
    connector.text.characters = '';
  }
  setRecord(connector, '');
}

/** The pair's suggestion connectors made the user's (after a Confirm from the panel). */
export async function adoptSuggestion(api: PluginAPI, page: PageNode, from: string, to: string, timeoutMs?: number): Promise<void> {
  for (const node of page.findAllWithCriteria({ types: ['CONNECTOR'] })) {
    const record = suggestionRecord(node);
    if (record && record.from === from && record.to === to) await adopt(api, node, true, timeoutMs);
  }
}

/**
 * Answers given on the page: a suggestion connector restyled into a solid
 * line confirms its pair (and is the user's from then on), one the user
 * deleted (it was drawn, `drawn`, and is gone) rejects it. Both are recorded.
 */
export async function harvestDecisions(api: PluginAPI, page: PageNode, drawn: Map<string, { from: string; to: string }>, timeoutMs?: number): Promise<{ from: string; to: string; decision: Decision }[]> {
  const decided: { from: string; to: string; decision: Decision }[] = [];
  const present = new Set<string>();
  for (const node of page.findAllWithCriteria({ types: ['CONNECTOR'] })) {
    const record = suggestionRecord(node);
    if (!record) continue;
    present.add(node.id);
    if (node.dashPattern.length === 0) {
      decided.push({ from: record.from, to: record.to, decision: 'confirmed' });
      await adopt(api, node, false, timeoutMs);
    }
  }
  for (const [id, pair] of drawn) {
    if (!present.has(id)) decided.push({ ...pair, decision: 'rejected' });
  }
  drawn.clear();
  for (const answer of decided) await recordDecision(api, answer.from, answer.to, answer.decision);
  return decided;
}

/** The suggestion connectors on the page now, by id (to notice the ones the user deletes). */
export function drawnSuggestions(page: PageNode): Map<string, { from: string; to: string }> {
  const drawn = new Map<string, { from: string; to: string }>();
  for (const node of page.findAllWithCriteria({ types: ['CONNECTOR'] })) {
    const record = suggestionRecord(node);
    if (record) drawn.set(node.id, { from: record.from, to: record.to });
  }
  return drawn;
}

/** Selects the given nodes and brings them into view (on their page: FigJam selects on the current page only). */
export async function focusNotes(api: PluginAPI, ids: string[]): Promise<void> {
  const nodes: SceneNode[] = [];
  for (const id of ids) {
    const node = await api.getNodeByIdAsync(id);
    if (node && node.type !== 'PAGE' && node.type !== 'DOCUMENT') nodes.push(node);
  }
  if (nodes.length === 0) return;
  const page = pageOf(nodes[0]);
  if (page && page !== api.currentPage) await api.setCurrentPageAsync(page);
  const here = nodes.filter((node) => pageOf(node) === api.currentPage);
  api.currentPage.selection = here;
  api.viewport.scrollAndZoomIntoView(here);
}

/** The page a node is on. */
function pageOf(node: BaseNode): PageNode | null {
  for (let parent = node.parent; parent; parent = parent.parent) if (parent.type === 'PAGE') return parent;
  return null;
}
