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
