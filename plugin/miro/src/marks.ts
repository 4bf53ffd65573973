// How CanvasFit's marks look on Miro and how they are recorded, so that Clear
// can undo exactly what CanvasFit did and nothing the user did.
//
// - A highlighted note gets a colour (sticky notes: a name from Miro's fixed
//   sticky palette; shapes and texts: a fill; cards: the card theme) and, for
//   problems and the top ranks, a CanvasFit tag ("CanvasFit: gap", "CanvasFit: #1").
// - Its app metadata (key `canvasfit`) records the colour it had before, the
//   colour CanvasFit applied and the tags CanvasFit added. Miro allows only a
//   few hundred bytes of app metadata per item, hence the short field names.
// - Warning stickies carry the tag "CanvasFit: warning" and the metadata
//   {k: 'warning', h}, h a hash of the text CanvasFit wrote (the text itself
//   may not fit): a warning whose text no longer matches was typed into by the
//   user and is theirs. Link connectors carry CanvasFit's link style and the
//   metadata {k: 'link'}; one whose metadata write failed (panel closed,
//   network lost) is still known by its full link look (read.ts).
// Miro has no comment API, so nothing here pretends to comment.
import type { StickyNoteColorType, TagColor } from '@mirohq/websdk-types';
import type { NoteItem } from './types.js';

export const METADATA_KEY = 'canvasfit';
/**
 * App metadata key of the pairs the facilitator answered, on the `from` note:
 * {v, c, r} (plugin/core-shell/decisions.js). Not a mark: Clear leaves it.
 */
export const LINKS_KEY = 'canvasfit-links';
export const TAG_PREFIX = 'CanvasFit: ';

export type Status = 'covered' | 'linked' | 'unaddressed' | 'orphan' | 'question';

/** Metadata of a note CanvasFit changed: status, original look, applied look, tags added. */
export interface HighlightRecord {
  v: 1;
  k: 'highlight';
  s: Status | '';
  o: string;
  a: string;
  t: string[];
}

export interface LinkRecord {
  v: 1;
  k: 'link';
}

/** Metadata of a suggestion connector (its pair is its two ends). */
export interface SuggestionRecord {
  v: 1;
  k: 'suggestion';
}

/** Metadata of a warning sticky: a hash of the text CanvasFit wrote into it. */
export interface WarningRecord {
  v: 1;
  k: 'warning';
  h: string;
}

export type MarkRecord = HighlightRecord | LinkRecord | WarningRecord | SuggestionRecord;

/** Sticky palette names per status: Miro refuses any colour outside its palette. */
export const STICKY_COLOR: Record<Status, StickyNoteColorType> = {
  covered: 'light_green',
  linked: 'light_green',
  unaddressed: 'red',
  orphan: 'orange',
  question: 'gray',
};

/** Fills for shapes and texts, and card themes, per status. */
export const SHAPE_FILL: Record<Status, string> = {
  covered: '#b2f2bb', linked: '#b2f2bb', unaddressed: '#ffc9c9', orphan: '#ffd8a8', question: '#e9ecef',
};
export const CARD_THEME: Record<Status, string> = {
  covered: '#2f9e44', linked: '#2f9e44', unaddressed: '#e03131', orphan: '#f08c00', question: '#868e96',
};

export const WARNING_COLOR: Record<string, StickyNoteColorType> = {
  high: 'light_pink', medium: 'yellow', low: 'light_blue', info: 'gray',
};

/** The link connectors' look; also how a connector becomes a candidate for the metadata check. */
export const LINK_STYLE = { strokeColor: '#1971c2', strokeStyle: 'dashed' } as const;
/** The rest of the link look (createLinks): with LINK_STYLE, how a link whose record was never written is still known. */
export const LINK_SHAPE = 'curved';
export const LINK_END_CAP = 'arrow';
export const LINK_WIDTHS: readonly number[] = [1, 2, 3];
/** Suggested links: grey, dashed, captioned "? 62 %". Restyled to a solid line, one confirms its pair. */
export const SUGGESTION_STYLE = { strokeColor: '#868e96', strokeStyle: 'dashed' } as const;
/** The look a suggestion connector takes when the facilitator confirms it from the panel. */
export const ADOPTED_STYLE = { strokeColor: '#1a1a1a', strokeStyle: 'normal' } as const;

/** A link's stroke width: 1 to 3 by the strength of the link (0 to 1). */
export function linkWidth(strength: number): number {
  return 1 + Math.round(Math.min(1, Math.max(0, strength)) * 2);
}

export interface TagSpec {
  title: string;
  color: `${TagColor}`;
}

export const WARNING_TAG: TagSpec = { title: `${TAG_PREFIX}warning`, color: 'violet' };

/** The tag a status adds; covered and linked notes only change colour. */
export function statusTag(status: Status): TagSpec | null {
  if (status === 'unaddressed') return { title: `${TAG_PREFIX}gap`, color: 'red' };
  if (status === 'orphan') return { title: `${TAG_PREFIX}orphan`, color: 'yellow' };
  return null;
}

/** A rank mark ("#1") or a question mark ("?", "? pain") as a tag. */
export function rankTag(text: string): TagSpec {
  return { title: `${TAG_PREFIX}${text}`, color: text.startsWith('?') ? 'gray' : 'blue' };
}

/**
 * A colour in one form for comparing: trimmed, lower case, `#rgb` spelled out
 * as `#rrggbb`. Miro's sticky colours are names from a fixed palette and other
 * fills are hex strings; the reference does not promise the case or the form
 * it returns them in, so colours are always compared in this form (the value
 * written back is the one read, untouched).
 */
export function normalColor(value: string | undefined): string {
  const color = (value ?? '').trim().toLowerCase();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(color);
  return short ? `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}` : color;
}

export function sameColor(a: string | undefined, b: string | undefined): boolean {
  return normalColor(a) === normalColor(b);
}

/** The colour field a note's highlight changes. */
export function lookOf(item: NoteItem): string {
  switch (item.type) {
    case 'sticky_note': return item.style.fillColor;
    case 'card':
    case 'app_card': return item.style.cardTheme ?? '';
    default: return item.style.fillColor;
  }
}

export function setLook(item: NoteItem, value: string): void {
  switch (item.type) {
    case 'sticky_note': item.style.fillColor = value as StickyNoteColorType; break;
    case 'card':
    case 'app_card': item.style.cardTheme = value; break;
    default: item.style.fillColor = value;
  }
}

export function appliedLook(item: NoteItem, status: Status): string {
  if (item.type === 'sticky_note') return STICKY_COLOR[status];
  if (item.type === 'card' || item.type === 'app_card') return CARD_THEME[status];
  return SHAPE_FILL[status];
}

const APPLIED_LOOKS = new Set<string>([
  ...Object.values(STICKY_COLOR), ...Object.values(SHAPE_FILL), ...Object.values(CARD_THEME),
].map(normalColor));

/** Could CanvasFit have changed this note? Only these get their metadata read (it costs credits). */
export function mayCarryMark(item: NoteItem, ourTagIds: ReadonlySet<string>): boolean {
  if (APPLIED_LOOKS.has(normalColor(lookOf(item)))) return true;
  return 'tagIds' in item && item.tagIds.some((id) => ourTagIds.has(id));
}

/** Tag ids of a note (only sticky notes and cards have tags). */
export function tagIdsOf(item: NoteItem): string[] {
  return 'tagIds' in item ? item.tagIds : [];
}

export function isHighlightRecord(value: unknown): value is HighlightRecord {
  if (!value || typeof value !== 'object') return false;
  const record = value as HighlightRecord;
  return record.v === 1 && record.k === 'highlight'
    && typeof record.o === 'string' && typeof record.a === 'string' && Array.isArray(record.t);
}

export function isLinkRecord(value: unknown): value is LinkRecord {
  if (!value || typeof value !== 'object') return false;
  const record = value as LinkRecord;
  return record.v === 1 && record.k === 'link';
}

export function isSuggestionRecord(value: unknown): value is SuggestionRecord {
  if (!value || typeof value !== 'object') return false;
  const record = value as SuggestionRecord;
  return record.v === 1 && record.k === 'suggestion';
}

export function isWarningRecord(value: unknown): value is WarningRecord {
  if (!value || typeof value !== 'object') return false;
  const record = value as WarningRecord;
  return record.v === 1 && record.k === 'warning' && typeof record.h === 'string';
}

/** A short hash (FNV-1a, 32 bits) of a text: enough to notice an edit, and it fits Miro's metadata limit. */
export function textHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

export function warningRecord(text: string): WarningRecord {
  return { v: 1, k: 'warning', h: textHash(text) };
}

/**
 * Whether the user typed into a warning sticky: it has CanvasFit's record and
 * shows a text other than the one recorded. Emptied stickies are not kept
 * (nothing the user wrote is in them); a warning without a record (written
 * before records existed, or its write cut off) counts as untouched.
 */
export function typedIntoByUser(record: unknown, text: string): boolean {
  return isWarningRecord(record) && text.trim() !== '' && record.h !== textHash(text);
}
