// Miro board items → the CanvasFit board JSON (docs/board-format.md).
// Sticky notes, texts, shapes and cards become notes with plain text (HTML
// stripped, entities decoded) and absolute top-left coordinates; frames become
// containers; connectors between notes become connectors. CanvasFit's own
// marks are left out and highlighted notes report their original colour, so an
// analysis never reads CanvasFit's output.
import { SUGGESTION_LABEL } from '../../core-shell/decisions.js';
import { QUERY_CREDITS } from './budget.js';
import type { SdkCalls } from './calls.js';
import { htmlToText } from './html-text.js';
import {
  LINK_END_CAP, LINK_SHAPE, LINK_STYLE, LINK_WIDTHS, METADATA_KEY, SUGGESTION_STYLE, TAG_PREFIX, WARNING_TAG, isHighlightRecord, isLinkRecord,
  isSuggestionRecord, isWarningRecord, lookOf, mayCarryMark, normalColor, sameColor, tagIdsOf, typedIntoByUser,
  type HighlightRecord,
} from './marks.js';
import {
  READ_TYPES, isNoteItem, type BoardConnector, type BoardContainer, type BoardJson, type BoardNote, type Connector,
  type Frame, type MiroBoard, type NoteItem, type StickyNote, type Tag,
} from './types.js';

/** What one read of the board found. */
export interface Snapshot {
  notes: NoteItem[];
  frames: Frame[];
  connectors: Connector[];
  tags: Tag[];
  /** CanvasFit's records on notes it highlighted, by item id. */
  highlights: Map<string, HighlightRecord>;
  /** CanvasFit's tags, by title. */
  ourTags: Map<string, Tag>;
  /** Stickies and connectors CanvasFit created. */
  warnings: StickyNote[];
  links: Connector[];
  /** Suggestion connectors CanvasFit drew (a restyled one included: it is an answer still to record). */
  suggestions: Connector[];
  /**
   * Warning stickies the user typed into, notes still carrying a warning's
   * record, and links the user captioned: the user's, only CanvasFit's tag
   * and record come off.
   */
  adopted: (NoteItem | Connector)[];
}

/**
 * Metadata already read, by item id, with the item's look and tags at the time:
 * re-reading is skipped while they are unchanged (every read costs credits).
 */
export type MetadataCache = Map<string, { signature: string; record: unknown }>;

/** What an item's metadata cache entry is valid for: the fields CanvasFit's marks change. */
export function signatureOf(item: NoteItem | Connector): string {
  if (item.type === 'connector') return JSON.stringify([normalColor(item.style.strokeColor), item.style.strokeStyle, item.start?.item, item.end?.item]);
  return JSON.stringify([normalColor(lookOf(item)), tagIdsOf(item)]);
}

/** A cache entry that forces a re-read: set before CanvasFit writes an item, in case the write is cut off. */
export const PENDING = 'pending';

/**
 * What the analysis read of a note and what a write would overwrite: its text,
 * colour and tags. Compared just before each write, so a note the user edited
 * since the read keeps the edit (Miro has no conditional write).
 */
export function contentKey(item: NoteItem): string {
  const text = item.type === 'card' || item.type === 'app_card' ? [item.title, item.description] : [item.content];
  return JSON.stringify([item.type, ...text, normalColor(lookOf(item)), tagIdsOf(item)]);
}

function isSuggestionCandidate(connector: Connector): boolean {
  return sameColor(connector.style.strokeColor, SUGGESTION_STYLE.strokeColor);
}

/** A suggestion whose record was never written: its whole look, and the caption CanvasFit writes. */
function isUnrecordedSuggestion(connector: Connector, record: unknown, noteIds: ReadonlySet<string>): boolean {
  if (record !== null && record !== undefined) return false;
  const captions = connector.captions ?? [];
  return isSuggestionCandidate(connector) && connector.style.strokeStyle === SUGGESTION_STYLE.strokeStyle
    && captions.length === 1 && SUGGESTION_LABEL.test(htmlToText(captions[0].content ?? '').trim())
    && noteIds.has(connector.start?.item ?? '') && noteIds.has(connector.end?.item ?? '');
}

function isLinkCandidate(connector: Connector): boolean {
  return sameColor(connector.style.strokeColor, LINK_STYLE.strokeColor) && connector.style.strokeStyle === LINK_STYLE.strokeStyle;
}

/**
 * Whether a connector without any CanvasFit record is a link CanvasFit drew
 * whose metadata write failed (only the session that drew it knew it): every
 * part of the link look (colour, dash, curve, arrow, width), both ends on
 * notes, and no caption. A caption is something a user wrote, and a connector
 * differing in any part of the look is the user's: both are left alone.
 */
/** CanvasFit never captions its links: a caption is the user's writing. */
function isCaptioned(connector: Connector): boolean {
  return (connector.captions ?? []).some((caption) => htmlToText(caption.content ?? '').trim() !== '');
}

function isUnrecordedLink(connector: Connector, record: unknown, noteIds: ReadonlySet<string>): boolean {
  if (record !== null && record !== undefined) return false;
  const { style } = connector;
  return isLinkCandidate(connector) && connector.shape === LINK_SHAPE && style.endStrokeCap === LINK_END_CAP
    && (style.startStrokeCap === undefined || style.startStrokeCap === 'none')
    && typeof style.strokeWidth === 'number' && LINK_WIDTHS.includes(style.strokeWidth)
    && noteIds.has(connector.start?.item ?? '') && noteIds.has(connector.end?.item ?? '') && !isCaptioned(connector);
}

/**
 * Reads the items, tags and CanvasFit's records: two `get` calls plus one
 * metadata read per candidate. With `everyNote`, every note is a candidate
 * once: a write-back cut off in an earlier session (panel closed, network
 * lost) may have left a record on a note whose colour it never changed.
 */
export async function readSnapshot(board: MiroBoard, calls: SdkCalls, cache: MetadataCache, everyNote = false): Promise<Snapshot> {
  const items = await calls.one(() => board.get({ type: [...READ_TYPES] }), QUERY_CREDITS);
  const tags = await calls.one(() => board.get({ type: 'tag' }), QUERY_CREDITS);
  const ourTags = new Map(tags.filter((tag) => tag.title.startsWith(TAG_PREFIX)).map((tag) => [tag.title, tag]));
  const ourTagIds = new Set([...ourTags.values()].map((tag) => tag.id));
  const warningTagId = ourTags.get(WARNING_TAG.title)?.id;
  const notes: NoteItem[] = [];
  const frames: Frame[] = [];
  const connectors: Connector[] = [];
  const tagged: StickyNote[] = [];
  for (const item of items) {
    if (item.type === 'frame') frames.push(item);
    else if (item.type === 'connector') connectors.push(item);
    else if (item.type === 'sticky_note' && warningTagId && item.tagIds.includes(warningTagId)) tagged.push(item);
    else if (isNoteItem(item)) notes.push(item);
  }
  const candidates: (NoteItem | Connector)[] = [
    ...notes.filter((note) => everyNote || cache.has(note.id) || mayCarryMark(note, ourTagIds)),
    ...connectors.filter((connector) => isLinkCandidate(connector) || isSuggestionCandidate(connector) || cache.has(connector.id)),
    ...tagged,
  ];
  const stale = candidates.filter((item) => cache.get(item.id)?.signature !== signatureOf(item));
  const records = await calls.batch(stale.map((item) => () => item.getMetadata(METADATA_KEY)));
  stale.forEach((item, index) => cache.set(item.id, { signature: signatureOf(item), record: records[index] ?? null }));
  const highlights = new Map<string, HighlightRecord>();
  for (const note of notes) {
    const record = cache.get(note.id)?.record;
    if (isHighlightRecord(record)) highlights.set(note.id, record);
  }
  const noteIds = new Set(notes.map((note) => note.id));
  // A link the user captioned is the user's connector from then on, like a
  // warning the user typed into: only CanvasFit's record comes off.
  const recordedLink = (connector: Connector) => isLinkRecord(cache.get(connector.id)?.record);
  const links = connectors.filter((connector) => (recordedLink(connector) && !isCaptioned(connector))
    || isUnrecordedLink(connector, cache.get(connector.id)?.record, noteIds));
  const captionedLinks = connectors.filter((connector) => recordedLink(connector) && isCaptioned(connector));
  const suggestions = connectors.filter((connector) => isSuggestionRecord(cache.get(connector.id)?.record)
    || isUnrecordedSuggestion(connector, cache.get(connector.id)?.record, noteIds));
  // Until its mark comes off, a warning the user typed into is left out of the
  // analysis like any other warning (as on Excalidraw); after that it is a note.
  const typedInto = (sticky: StickyNote) => typedIntoByUser(cache.get(sticky.id)?.record, htmlToText(sticky.content));
  const warnings = tagged.filter((sticky) => !typedInto(sticky));
  const adopted = [...tagged.filter(typedInto), ...notes.filter((note) => isWarningRecord(cache.get(note.id)?.record)),
    ...captionedLinks];
  return { notes, frames, connectors, tags, highlights, ourTags, warnings, links, suggestions, adopted };
}

/** Resolves Miro's relative positions (children count from their frame) to absolute centres. */
class Positions {
  private readonly byId: Map<string, NoteItem | Frame>;
  private readonly centres = new Map<string, { x: number; y: number }>();

  constructor(items: (NoteItem | Frame)[]) {
    this.byId = new Map(items.map((item) => [item.id, item]));
  }

  centre(item: NoteItem | Frame, depth = 0): { x: number; y: number } {
    const known = this.centres.get(item.id);
    if (known) return known;
    const parent = item.parentId ? this.byId.get(item.parentId) : undefined;
    let centre = { x: item.x, y: item.y };
    if (parent && depth < 32 && item.relativeTo !== 'canvas_center') {
      const parentCentre = this.centre(parent, depth + 1);
      centre = item.relativeTo === 'parent_center'
        ? { x: parentCentre.x + item.x, y: parentCentre.y + item.y }
        : { x: parentCentre.x - parent.width / 2 + item.x, y: parentCentre.y - parent.height / 2 + item.y };
    }
    this.centres.set(item.id, centre);
    return centre;
  }

  topLeft(item: NoteItem | Frame): { x: number; y: number } {
    const centre = this.centre(item);
    return { x: centre.x - item.width / 2, y: centre.y - item.height / 2 };
  }
}

function noteText(note: NoteItem): string {
  if (note.type === 'card' || note.type === 'app_card') {
    const title = htmlToText(note.title);
    const description = htmlToText(note.description);
    return title && description ? `${title}\n${description}` : title + description;
  }
  return htmlToText(note.content);
}

function noteKind(note: NoteItem): BoardNote['kind'] {
  if (note.type === 'sticky_note') return 'sticky';
  if (note.type === 'card' || note.type === 'app_card') return 'card';
  return note.type;
}

/** The board as the core should read it. */
export function boardJson(snapshot: Snapshot): BoardJson {
  const positions = new Positions([...snapshot.notes, ...snapshot.frames]);
  const frameIds = new Set(snapshot.frames.map((frame) => frame.id));
  const tagTitle = new Map(snapshot.tags.map((tag) => [tag.id, tag.title]));
  const ourTagIds = new Set([...snapshot.ourTags.values()].map((tag) => tag.id));
  const parentOf = (item: NoteItem | Frame) => (item.parentId && frameIds.has(item.parentId) ? item.parentId : '');
  const containers: BoardContainer[] = snapshot.frames.map((frame) => ({
    id: frame.id, title: frame.title, ...positions.topLeft(frame), width: frame.width, height: frame.height,
    kind: 'frame', parent: parentOf(frame),
  }));
  const notes: BoardNote[] = snapshot.notes.map((note) => {
    const record = snapshot.highlights.get(note.id);
    const look = lookOf(note);
    const color = record && record.a !== '' && sameColor(look, record.a) ? record.o : look;
    const entry: BoardNote = {
      id: note.id, text: noteText(note), ...positions.topLeft(note), width: note.width, height: note.height,
      kind: noteKind(note), parent: parentOf(note), author: note.createdBy,
    };
    if (color && normalColor(color) !== 'transparent') entry.color = normalColor(color);
    if (note.type === 'shape') entry.shape = note.shape;
    const tags = tagIdsOf(note).filter((id) => !ourTagIds.has(id)).map((id) => tagTitle.get(id) ?? id);
    if (tags.length > 0) entry.tags = tags;
    return entry;
  });
  const noteIds = new Set(notes.map((note) => note.id));
  const linkIds = new Set([...snapshot.links, ...snapshot.suggestions].map((link) => link.id));
  const connectors: BoardConnector[] = [];
  for (const connector of snapshot.connectors) {
    const from = connector.start?.item;
    const to = connector.end?.item;
    if (linkIds.has(connector.id) || !from || !to || !noteIds.has(from) || !noteIds.has(to)) continue;
    connectors.push({ id: connector.id, from, to, label: htmlToText(connector.captions?.[0]?.content ?? '') });
  }
  return { schema: 'canvasfit.board/1', notes, containers, connectors };
}
