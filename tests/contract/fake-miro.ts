// CONTRACT TEST HOST, not Miro. An in-memory board that implements the part of
// the Miro Web SDK v2 CanvasFit uses, with the shapes of the official typings
// (@mirohq/websdk-types) and the rules Miro documents, so the adapter is
// tested against those rules without the network:
//   - sticky colours: names from the fixed sticky palette only (StickyNoteColor);
//   - sticky size: width or height, never both, on create and on update;
//   - changes to an item's properties persist only after item.sync();
//     get() returns fresh objects, so an unsynced change is simply lost;
//   - tags: a title is required, unique, at most 120 characters; at most 100
//     tags on a board and 8 on an item; colours from TagColor; tagIds must exist;
//   - app metadata: JSON values only, at most 256 bytes per item for this app;
//   - credits: per call, from Miro's rate-limit levels: 50 (level 1) for most,
//     500 (level 3) for reads Miro lists at that level (item.getConnectors, the
//     experimental get) and, on the stricter reading, for every board.get;
//     more than 100,000 in a sliding minute or 1,000,000 in an hour throws, as
//     Miro's rate limit does;
//   - connectors need both ends on existing items;
//   - an app card made by another app (`owned` not true) is read-only:
//     sync(), setMetadata() and remove() on it throw (Miro, "App card");
//   - get({id}) throws when an id names no item (the stricter reading of
//     Miro's reference: a missing id may fail the call instead of being left out);
//   - colours: with `upperCaseColors`, the board returns every hex colour in
//     its own form (upper case, #rgb spelled out), whatever form was written,
//     as a host may; the adapter must compare colours in one form;
//   - there is no comment API (nothing here offers one).
// Events (items:create/delete, experimental:items:update, selection:update,
// icon:click) are delivered like the SDK's; with `experimentalEvents: false`
// subscribing to an experimental event throws (Miro may retire experimental
// features without notice). Test helpers (userEdit, clickIcon, snapshot) are
// on the host object, never on `miro`. Fault injection: `around` (test side)
// wraps every SDK call, so a test can make call k fail, stall or be
// rate-limited, or let the user act just before it runs
// (tests/contract/host-faults.mjs).
import type {
  Json, Miro, StickyNoteColorType, TagColor,
} from '@mirohq/websdk-types';
import type { MiroBoard } from '../../plugin/miro/src/types.js';
import { systemClock, type Clock } from './clock.js';

export const STICKY_PALETTE: readonly StickyNoteColorType[] = [
  'gray', 'light_yellow', 'yellow', 'orange', 'light_green', 'green', 'dark_green', 'cyan', 'light_pink', 'pink',
  'violet', 'red', 'light_blue', 'blue', 'dark_blue', 'black',
];
export const TAG_COLORS: readonly `${TagColor}`[] = [
  'red', 'magenta', 'violet', 'light_green', 'green', 'dark_green', 'cyan', 'blue', 'dark_blue', 'yellow', 'gray', 'black', 'dark_gray',
];
export const CREDITS_PER_CALL = 50;
/** Calls charged at level 3 (500 credits). */
export const LEVEL_3_CALLS: Record<string, number> = { get: 500, getConnectors: 500 };
export const MAX_METADATA_BYTES = 256;
const STICKY_SIZE = { square: { width: 199, height: 228 }, rectangle: { width: 350, height: 228 } };

/** An item as the fake stores it: plain JSON with the SDK's property names. */
export interface StoredItem {
  id: string;
  type: string;
  [property: string]: unknown;
}

export interface StoredTag {
  id: string;
  type: 'tag';
  title: string;
  color: `${TagColor}`;
}

export class MiroRuleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MiroRuleError';
  }
}

function fail(message: string): never {
  throw new MiroRuleError(message);
}

function copy<T>(value: T): T {
  return value === undefined ? value : JSON.parse(JSON.stringify(value));
}

function isJson(value: unknown): value is Json {
  if (value === null || ['string', 'boolean'].includes(typeof value)) return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJson);
  if (typeof value === 'object') return Object.values(value as object).every(isJson);
  return false;
}

type Handler = (event?: unknown) => void;

/** Which SDK call is running: the method and, for an item's own methods, the item. */
export interface SdkCall {
  method: string;
  id?: string;
  /** Every Web SDK call is asynchronous (it may also never answer). */
  async: true;
}

export interface FakeMiroOptions {
  clock?: Clock;
  limits?: { perMinute: number; perHour: number };
  /** Store hex colours as #RRGGBB in upper case (load, create and sync). */
  upperCaseColors?: boolean;
  /** false: Miro has retired `experimental:items:update` (subscribing to it throws). */
  experimentalEvents?: boolean;
}

const COLOR_FIELDS = ['fillColor', 'cardTheme', 'strokeColor', 'borderColor', 'color'];

/** A hex colour as this host stores it: #RRGGBB, upper case. */
function hostHex(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value.trim());
  if (!hex) return value;
  const digits = hex[1].length === 3 ? [...hex[1]].map((d) => d + d).join('') : hex[1];
  return `#${digits.toUpperCase()}`;
}

export class FakeMiroHost {
  readonly items = new Map<string, StoredItem>();
  readonly tags = new Map<string, StoredTag>();
  readonly metadata = new Map<string, Record<string, Json>>();
  readonly callsByMethod = new Map<string, number>();
  readonly ledger: { at: number; credits: number }[] = [];
  readonly openedPanels: string[] = [];
  readonly zoomedTo: string[][] = [];
  selection: string[] = [];
  peakCreditsPerMinute = 0;
  /** Test hook: runs every SDK call (`run` performs it); may throw, never resolve, or act first. */
  around: (<T>(call: SdkCall, run: () => Promise<T>) => Promise<T>) | null = null;
  private readonly handlers = new Map<string, Set<Handler>>();
  private nextId = 1;
  readonly clock: Clock;
  readonly limits: { perMinute: number; perHour: number };
  readonly upperCaseColors: boolean;
  readonly experimentalEvents: boolean;
  readonly miro: Miro;

  constructor(options: FakeMiroOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.limits = options.limits ?? { perMinute: 100_000, perHour: 1_000_000 };
    this.upperCaseColors = options.upperCaseColors ?? false;
    this.experimentalEvents = options.experimentalEvents ?? true;
    this.miro = { board: this.createBoard() as unknown as Miro['board'], clientVersion: 'contract-fake' };
  }

  /** The board as the adapter sees it, typed by the official typings. */
  get board(): MiroBoard {
    return this.miro.board;
  }

  // ---- loading and inspecting (test side, free of charge) ----

  load(items: StoredItem[], tags: StoredTag[] = []): void {
    for (const tag of tags) this.tags.set(tag.id, copy(tag));
    for (const item of items) this.items.set(item.id, this.stored(copy(item)));
  }

  /** An item as this host keeps it (its colours in the host's form). */
  private stored(item: StoredItem): StoredItem {
    if (!this.upperCaseColors || !item.style || typeof item.style !== 'object') return item;
    const style = { ...(item.style as Record<string, unknown>) };
    for (const field of COLOR_FIELDS) if (field in style) style[field] = hostHex(style[field]);
    return { ...item, style };
  }

  /** Every item and tag as stored, sorted by id, for comparing boards. */
  dump(): { items: StoredItem[]; tags: StoredTag[]; metadata: [string, Record<string, Json>][] } {
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    return {
      items: [...this.items.values()].map(copy).sort(byId),
      tags: [...this.tags.values()].map(copy).sort(byId),
      metadata: [...this.metadata.entries()].map(([id, data]) => [id, copy(data)] as [string, Record<string, Json>]).sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    };
  }

  /** A user edit on the board (not through the app): changes the stored item and fires the update event. */
  userEdit(id: string, change: Record<string, unknown>): void {
    const item = this.items.get(id) ?? fail(`no item ${id}`);
    for (const [key, value] of Object.entries(change)) {
      item[key] = key === 'style' ? { ...(item.style as object), ...(value as object) } : copy(value);
    }
    this.emit('experimental:items:update', { items: [this.view(item)] });
  }

  /** The user deletes an item on the board (its metadata goes with it). */
  userDelete(id: string): void {
    const item = this.items.get(id) ?? fail(`no item ${id}`);
    this.items.delete(id);
    this.metadata.delete(id);
    this.emit('items:delete', { items: [this.view(item)] });
  }

  /** The user selects items on the board (an empty list: clicks on the canvas). */
  userSelect(ids: string[]): void {
    this.selection = [...ids];
    this.emit('selection:update', { items: ids.flatMap((id) => (this.items.has(id) ? [this.view(this.items.get(id)!)] : [])) });
  }

  clickIcon(): void {
    this.emit('icon:click');
  }

  get totalCalls(): number {
    return [...this.callsByMethod.values()].reduce((a, b) => a + b, 0);
  }

  creditsWithin(ms: number): number {
    const since = this.clock.now() - ms;
    return this.ledger.filter((entry) => entry.at > since).reduce((sum, entry) => sum + entry.credits, 0);
  }

  // ---- the SDK surface ----

  /** Books one call; throws like Miro once the app is over its credit limits. */
  private charge(method: string): void {
    this.callsByMethod.set(method, (this.callsByMethod.get(method) ?? 0) + 1);
    this.ledger.push({ at: this.clock.now(), credits: LEVEL_3_CALLS[method] ?? CREDITS_PER_CALL });
    const minute = this.creditsWithin(60_000);
    this.peakCreditsPerMinute = Math.max(this.peakCreditsPerMinute, minute);
    if (minute > this.limits.perMinute) fail(`Rate limit exceeded: ${minute} credits in the last minute (limit ${this.limits.perMinute})`);
    const hour = this.creditsWithin(3_600_000);
    if (hour > this.limits.perHour) fail(`Rate limit exceeded: ${hour} credits in the last hour (limit ${this.limits.perHour})`);
  }

  private call<T>(method: string, body: () => T, id?: string): Promise<T> {
    const run = async () => {
      await Promise.resolve();  // SDK calls are asynchronous messages to the board
      this.charge(method);
      return body();
    };
    const around = this.around;
    // A hook that throws synchronously still rejects, as an SDK call does.
    return around ? (async () => around({ method, id, async: true }, run))() : run();
  }

  private emit(event: string, payload?: unknown): void {
    for (const handler of this.handlers.get(event) ?? []) queueMicrotask(() => handler(payload));
  }

  private newId(): string {
    return `30744573456${String(this.nextId++).padStart(8, '0')}`;
  }

  private createBoard() {
    const host = this;
    return {
      get: (filter?: { type?: string | string[]; id?: string | string[]; tags?: string | string[] }) => host.call('get', () => {
        const ids = filter?.id === undefined ? [] : Array.isArray(filter.id) ? filter.id : [filter.id];
        for (const id of ids) if (!host.items.has(id) && !host.tags.has(id)) fail(`get: no item with id ${id}`);
        return host.query(filter);
      }),
      getById: (id: string) => host.call('getById', () => host.query({ id })[0] ?? fail(`no item ${id}`)),
      select: (filter?: { id?: string | string[] }) => host.call('select', () => {
        const found = host.query(filter).filter((item) => item.type !== 'tag');
        host.selection = found.map((item) => String(item.id));
        return found;
      }),
      deselect: () => host.call('deselect', () => {
        const found = host.query({ id: host.selection });
        host.selection = [];
        return found;
      }),
      createStickyNote: (props: Record<string, unknown> = {}) => host.call('createStickyNote', () => host.createSticky(props)),
      createTag: (props: { title?: string; color?: string } = {}) => host.call('createTag', () => host.createTagNow(props)),
      createConnector: (props: Record<string, unknown> = {}) => host.call('createConnector', () => host.createConnectorNow(props)),
      remove: (item: { id: string; type: string }) => host.call('remove', () => host.removeNow(item), item.id),
      viewport: {
        zoomTo: (items: { id: string } | { id: string }[]) => host.call('viewport.zoomTo', () => {
          host.zoomedTo.push((Array.isArray(items) ? items : [items]).map((item) => item.id));
        }),
      },
      ui: {
        on: async (event: string, handler: Handler) => {
          if (event.startsWith('experimental:') && !host.experimentalEvents) fail(`unknown event '${event}'`);
          if (!host.handlers.has(event)) host.handlers.set(event, new Set());
          host.handlers.get(event)!.add(handler);
        },
        off: async (event: string, handler: Handler) => {
          host.handlers.get(event)?.delete(handler);
        },
        openPanel: (options: { url: string }) => host.call('ui.openPanel', () => {
          host.openedPanels.push(options.url);
          return { waitForClose: async () => undefined };
        }),
      },
    };
  }

  private query(filter: { type?: string | string[]; id?: string | string[]; tags?: string | string[] } = {}): Record<string, unknown>[] {
    const list = (value: string | string[] | undefined) => (value === undefined ? undefined : Array.isArray(value) ? value : [value]);
    const types = list(filter.type);
    const ids = list(filter.id);
    const found: Record<string, unknown>[] = [];
    if (types?.includes('tag') || (ids && !types)) {
      for (const tag of this.tags.values()) if (!ids || ids.includes(tag.id)) found.push(this.tagView(tag));
    }
    for (const item of this.items.values()) {
      if (types && !types.includes(item.type)) continue;
      if (ids && !ids.includes(item.id)) continue;
      found.push(this.view(item));
    }
    return found;
  }

  /** A fresh SDK object for a stored item: its properties are a copy until sync(). */
  private view(stored: StoredItem): Record<string, unknown> {
    const host = this;
    const id = stored.id;
    const view: Record<string, unknown> = copy(stored);
    Object.assign(view, {
      sync: () => host.call('sync', () => host.syncNow(id, view), id),
      getMetadata: (key?: string) => host.call('getMetadata', () => {
        host.items.has(id) || fail(`item ${id} no longer exists`);
        const data = host.metadata.get(id) ?? {};
        return key === undefined ? copy(data) : copy(data[key]);
      }, id),
      setMetadata: (key: string, value: unknown) => host.call('setMetadata', () => host.setMetadataNow(id, key, value), id),
    });
    return view;
  }

  private tagView(tag: StoredTag): Record<string, unknown> {
    const host = this;
    const view: Record<string, unknown> = { ...copy(tag) };
    view.sync = () => host.call('sync', () => {
      host.tags.has(tag.id) || fail(`tag ${tag.id} no longer exists`);
      host.checkTag(String(view.title), String(view.color), tag.id);
      host.tags.set(tag.id, { ...tag, title: String(view.title), color: view.color as StoredTag['color'] });
    }, tag.id);
    return view;
  }

  /** Another app's card: Miro lets only the app that made it change it. */
  private checkWritable(stored: StoredItem): void {
    if (stored.type === 'app_card' && stored.owned !== true) fail(`app card ${stored.id} belongs to another app and is read-only`);
  }

  private syncNow(id: string, view: Record<string, unknown>): void {
    const stored = this.items.get(id) ?? fail(`item ${id} no longer exists: sync() failed`);
    this.checkWritable(stored);
    if (view.type !== stored.type) fail(`the type of item ${id} cannot change`);
    const next: StoredItem = { ...stored };
    for (const [key, value] of Object.entries(view)) {
      if (typeof value === 'function' || ['id', 'type', 'createdAt', 'createdBy', 'modifiedAt', 'modifiedBy', 'parentId'].includes(key)) continue;
      next[key] = copy(value);
    }
    if (stored.type === 'sticky_note') {
      this.checkStickyStyle(next.style);
      if (next.width !== stored.width && next.height !== stored.height) fail('a sticky note takes either width or height, not both');
      this.scaleSticky(next, next.width !== stored.width ? 'width' : next.height !== stored.height ? 'height' : null);
    }
    if ('tagIds' in next) this.checkTagIds(next.tagIds);
    next.modifiedAt = new Date(this.clock.now()).toISOString();
    const kept = this.stored(next);
    this.items.set(id, kept);
    Object.assign(view, copy(kept));
    this.emit('experimental:items:update', { items: [this.view(next)] });
  }

  private checkStickyStyle(style: unknown): void {
    const fill = (style as { fillColor?: unknown } | undefined)?.fillColor;
    if (fill !== undefined && !STICKY_PALETTE.includes(fill as StickyNoteColorType)) {
      fail(`invalid sticky note fillColor '${String(fill)}': use a name from the sticky palette`);
    }
  }

  private scaleSticky(item: StoredItem, given: 'width' | 'height' | null): void {
    const base = STICKY_SIZE[item.shape === 'rectangle' ? 'rectangle' : 'square'];
    if (given === 'width') item.height = (Number(item.width) * base.height) / base.width;
    if (given === 'height') item.width = (Number(item.height) * base.width) / base.height;
  }

  private checkTagIds(tagIds: unknown): void {
    if (!Array.isArray(tagIds)) fail('tagIds must be a list');
    if (tagIds.length > 8) fail(`an item can have at most 8 tags, got ${tagIds.length}`);
    for (const tagId of tagIds) if (!this.tags.has(String(tagId))) fail(`tag ${String(tagId)} does not exist on this board`);
  }

  private checkTag(title: string, color: string, ownId?: string): void {
    if (!title) fail('a tag needs a title');
    if (title.length > 120) fail('a tag title has at most 120 characters');
    if (!TAG_COLORS.includes(color as StoredTag['color'])) fail(`invalid tag color '${color}'`);
    for (const tag of this.tags.values()) if (tag.title === title && tag.id !== ownId) fail(`a tag titled '${title}' already exists`);
  }

  private createSticky(props: Record<string, unknown>): Record<string, unknown> {
    if (props.width !== undefined && props.height !== undefined) fail('a sticky note takes either width or height, not both');
    const style = { fillColor: 'light_yellow', textAlign: 'center', textAlignVertical: 'middle', ...(props.style as object | undefined) };
    this.checkStickyStyle(style);
    const tagIds = (props.tagIds as string[] | undefined) ?? [];
    this.checkTagIds(tagIds);
    const shape = props.shape === 'rectangle' ? 'rectangle' : 'square';
    const item: StoredItem = {
      id: this.newId(), type: 'sticky_note', content: String(props.content ?? ''), shape, style, tagIds,
      x: Number(props.x ?? 0), y: Number(props.y ?? 0), ...STICKY_SIZE[shape],
      origin: 'center', relativeTo: 'canvas_center', parentId: null,
      createdAt: new Date(this.clock.now()).toISOString(), createdBy: 'app', modifiedAt: new Date(this.clock.now()).toISOString(), modifiedBy: 'app',
    };
    if (props.width !== undefined) item.width = Number(props.width);
    if (props.height !== undefined) item.height = Number(props.height);
    this.scaleSticky(item, props.width !== undefined ? 'width' : props.height !== undefined ? 'height' : null);
    const kept = this.stored(item);
    this.items.set(kept.id, kept);
    this.emit('items:create', { items: [this.view(kept)] });
    return this.view(kept);
  }

  private createTagNow(props: { title?: string; color?: string }): Record<string, unknown> {
    const title = String(props.title ?? '');
    const color = String(props.color ?? 'red');
    this.checkTag(title, color);
    if (this.tags.size >= 100) fail('a board can have at most 100 tags');
    const tag: StoredTag = { id: this.newId(), type: 'tag', title, color: color as StoredTag['color'] };
    this.tags.set(tag.id, tag);
    return this.tagView(tag);
  }

  private createConnectorNow(props: Record<string, unknown>): Record<string, unknown> {
    const start = props.start as { item?: string } | undefined;
    const end = props.end as { item?: string } | undefined;
    for (const endpoint of [start, end]) {
      const target = endpoint?.item ? this.items.get(endpoint.item) : undefined;
      if (!target || target.type === 'connector') fail(`a connector needs an existing item at both ends, not '${endpoint?.item}'`);
    }
    const style = (props.style ?? {}) as Record<string, unknown>;
    if (style.strokeStyle !== undefined && !['normal', 'dotted', 'dashed'].includes(String(style.strokeStyle))) fail(`invalid strokeStyle '${String(style.strokeStyle)}'`);
    if (props.shape !== undefined && !['straight', 'elbowed', 'curved'].includes(String(props.shape))) fail(`invalid connector shape '${String(props.shape)}'`);
    const item: StoredItem = {
      id: this.newId(), type: 'connector', shape: props.shape ?? 'curved', start: copy(start), end: copy(end), style: copy(style),
      captions: copy(props.captions ?? []), origin: 'center', relativeTo: 'canvas_center', parentId: null, width: 0, height: 0,
      createdAt: new Date(this.clock.now()).toISOString(), createdBy: 'app', modifiedAt: new Date(this.clock.now()).toISOString(), modifiedBy: 'app',
    };
    const kept = this.stored(item);
    this.items.set(kept.id, kept);
    this.emit('items:create', { items: [this.view(kept)] });
    return this.view(kept);
  }

  private removeNow(item: { id: string; type: string }): void {
    if (item.type === 'tag') {
      this.tags.has(item.id) || fail(`tag ${item.id} does not exist`);
      this.tags.delete(item.id);
      // Deleting a tag takes it off every item, as on Miro.
      for (const stored of this.items.values()) {
        if (Array.isArray(stored.tagIds)) stored.tagIds = stored.tagIds.filter((id) => id !== item.id);
      }
      return;
    }
    const stored = this.items.get(item.id) ?? fail(`item ${item.id} does not exist`);
    this.checkWritable(stored);
    this.items.delete(item.id);
    this.metadata.delete(item.id);
    this.emit('items:delete', { items: [this.view(stored)] });
  }

  private setMetadataNow(id: string, key: string, value: unknown): Record<string, Json> {
    this.checkWritable(this.items.get(id) ?? fail(`item ${id} no longer exists`));
    if (!isJson(value)) fail('metadata values must be JSON');
    const data = { ...(this.metadata.get(id) ?? {}) };
    if (value === null) delete data[key];
    else data[key] = copy(value);
    const bytes = new TextEncoder().encode(JSON.stringify(data)).length;
    if (bytes > MAX_METADATA_BYTES) fail(`app metadata of item ${id} would take ${bytes} bytes (limit ${MAX_METADATA_BYTES})`);
    if (Object.keys(data).length === 0) this.metadata.delete(id);
    else this.metadata.set(id, data);
    return copy(data);
  }
}
