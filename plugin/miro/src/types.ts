// The slice of the Miro Web SDK v2 the adapter uses, taken from the official
// typings (@mirohq/websdk-types) so `tsc --strict` checks every call, and the
// CanvasFit board JSON (docs/board-format.md) the adapter produces.
import type {
  AppCard, Board, BoardUI, BoardViewport, Card, Connector, Frame, Item, Shape, StickyNote, Tag, Text,
} from '@mirohq/websdk-types';

/** What CanvasFit calls on `miro.board`: nothing else is touched. */
export type MiroBoard = Pick<Board, 'get' | 'createStickyNote' | 'createTag' | 'createConnector' | 'remove' | 'select' | 'deselect'> & {
  readonly viewport: Pick<BoardViewport, 'zoomTo'>;
  readonly ui: Pick<BoardUI, 'on' | 'off' | 'openPanel'>;
};

/** Items that can be notes on a canvas. */
export type NoteItem = StickyNote | Shape | Text | Card | AppCard;
export type { AppCard, Card, Connector, Frame, Item, Shape, StickyNote, Tag, Text };

export const NOTE_TYPES = ['sticky_note', 'shape', 'text', 'card', 'app_card'] as const;
export const READ_TYPES = [...NOTE_TYPES, 'frame', 'connector'] as const;

export function isNoteItem(item: { type: string }): item is NoteItem {
  return (NOTE_TYPES as readonly string[]).includes(item.type);
}

/**
 * Whether CanvasFit may change a note: an app card made by another app is
 * read-only (`AppCard.owned` is false; Miro, "App card": "To modify an app
 * card, you need to edit it with the same app that generated the app card").
 * It is still read as a note, but never recoloured, tagged or given metadata.
 * A card whose `owned` is missing counts as foreign (the stricter reading).
 */
export function isWritable(item: NoteItem): boolean {
  return item.type !== 'app_card' || item.owned === true;
}

export interface BoardNote {
  id: string;
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
  kind: 'sticky' | 'card' | 'text' | 'shape';
  shape?: string;
  color?: string;
  tags?: string[];
  parent?: string;
  author?: string;
}

export interface BoardContainer {
  id: string;
  title: string;
  x: number;
  y: number;
  width: number;
  height: number;
  kind: 'frame';
  parent: string;
}

export interface BoardConnector {
  id: string;
  from: string;
  to: string;
  label: string;
}

/** A CanvasFit board, schema canvasfit.board/1. */
export interface BoardJson {
  schema: 'canvasfit.board/1';
  notes: BoardNote[];
  containers: BoardContainer[];
  connectors: BoardConnector[];
}

/** Where the adapter is in a long write-back, for the panel's progress bar. */
export interface Progress {
  phase: 'reading' | 'writing' | 'clearing' | 'waiting';
  done: number;
  total: number;
}
