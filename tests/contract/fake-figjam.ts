// CONTRACT TEST HOST, not FigJam. An in-memory FigJam page that implements the
// part of the Figma plugin API CanvasFit uses, shaped by @figma/plugin-typings,
// and enforces the rules Figma documents:
//   - text (sticky, shape and connector text) can only be set after the node's
//     font was loaded with figma.loadFontAsync, else it throws as Figma does;
//   - fills and strokes are arrays of Paint objects (SOLID needs an RGB colour
//     with channels in 0..1); the arrays read back are frozen, so changing a
//     fill in place throws and a new array must be assigned;
//   - plugin data values are strings; '' removes a key; private plugin data
//     (setPluginData) belongs to the plugin id that wrote it: a plugin with
//     another id (`host.pluginId`, e.g. once Figma assigns the published id)
//     neither reads nor removes it; shared plugin data is readable by any
//     plugin, needs a namespace of at least 3 alphanumeric characters, and an
//     entry (namespace, key, value) of at most 100 kB;
//   - connector endpoints name existing nodes with a valid magnet;
//   - under documentAccess "dynamic-page" the synchronous getNodeById throws,
//     figma.currentPage is read-only (setCurrentPageAsync switches), a page
//     other than the one open at start must be loaded (page.loadAsync) before
//     its nodes are searched, and documentchange needs loadAllPagesAsync;
//   - a file has pages (figma.root.children); nodes are created on the page
//     the user is looking at; `currentpagechange` fires when the user (or the
//     plugin) switches pages; `nodechange` listeners are per page;
//   - figma.showUI / figma.ui.postMessage / figma.ui.onmessage carry messages
//     to and from the UI (in a browser: a sandboxed iframe, as in Figma).
// Test helpers (load, dump, userEdit) are on the host object, not on `figma`.
// Fault injection: `around` (test side) wraps the plugin's calls — node
// creation, fills, text, plugin data, remove, loadFontAsync — so a test can make
// call k throw (or stall, for the asynchronous ones) or let the user act just
// before it (tests/contract/host-faults.mjs). The user's own edits bypass it.

export const AVAILABLE_FONTS = ['Inter|Medium', 'Inter|Regular', 'Inter|Bold'];
const PAINT_TYPES = ['SOLID', 'GRADIENT_LINEAR', 'GRADIENT_RADIAL', 'GRADIENT_ANGULAR', 'GRADIENT_DIAMOND', 'IMAGE', 'VIDEO'];
const SHAPE_TYPES = ['SQUARE', 'ELLIPSE', 'ROUNDED_RECTANGLE', 'DIAMOND', 'TRIANGLE_UP', 'TRIANGLE_DOWN', 'PARALLELOGRAM_RIGHT', 'PARALLELOGRAM_LEFT', 'ENG_DATABASE', 'ENG_QUEUE', 'ENG_FILE', 'ENG_FOLDER', 'TRAPEZOID', 'PREDEFINED_PROCESS', 'SHIELD', 'DOCUMENT_SINGLE', 'DOCUMENT_MULTIPLE', 'MANUAL_INPUT', 'HEXAGON', 'CHEVRON', 'PENTAGON', 'OCTAGON', 'STAR', 'PLUS', 'ARROW_LEFT', 'ARROW_RIGHT', 'SUMMING_JUNCTION', 'OR', 'SPEECH_BUBBLE', 'INTERNAL_STORAGE'];
const MAGNETS = ['NONE', 'AUTO', 'TOP', 'LEFT', 'BOTTOM', 'RIGHT', 'CENTER'];
const LINE_TYPES = ['ELBOWED', 'STRAIGHT', 'CURVED'];
const STROKE_CAPS = ['NONE', 'ARROW_EQUILATERAL', 'ARROW_LINES', 'TRIANGLE_FILLED', 'DIAMOND_FILLED', 'CIRCLE_FILLED'];
const DEFAULT_STICKY_FILL = { r: 1, g: 0.85, b: 0.4 };

export class FigmaRuleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FigmaRuleError';
  }
}

function fail(message: string): never {
  throw new FigmaRuleError(message);
}

/** Figma: "The namespace must be at least 3 alphanumeric characters." */
function checkNamespace(namespace: string): void {
  if (typeof namespace !== 'string' || !/^[A-Za-z0-9]{3,}$/.test(namespace)) fail(`invalid shared plugin data namespace '${String(namespace)}'`);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value as object)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

function checkPaints(paints: unknown, what: string): readonly unknown[] {
  if (!Array.isArray(paints)) fail(`${what} must be an array of Paint objects`);
  for (const paint of paints as { type?: string; color?: Record<string, unknown>; opacity?: unknown }[]) {
    if (!paint || typeof paint !== 'object' || !PAINT_TYPES.includes(String(paint.type))) fail(`${what}: invalid paint ${JSON.stringify(paint)}`);
    if (paint.type === 'SOLID') {
      const color = paint.color;
      if (!color || !['r', 'g', 'b'].every((k) => typeof color[k] === 'number' && (color[k] as number) >= 0 && (color[k] as number) <= 1)) {
        fail(`${what}: a SOLID paint needs color {r, g, b} with channels in 0..1`);
      }
      if ('a' in color) fail(`${what}: a SOLID paint's color has no alpha (use opacity)`);
    }
    if (paint.opacity !== undefined && !(typeof paint.opacity === 'number' && paint.opacity >= 0 && paint.opacity <= 1)) fail(`${what}: opacity must be in 0..1`);
  }
  return deepFreeze(JSON.parse(JSON.stringify(paints)) as unknown[]);
}

type Listener = (event: unknown) => void;

/** Which plugin API call is running: the method and, for a node's own members, the node. */
export interface HostCall {
  method: string;
  id?: string;
  /** Whether the call returns a promise (only those can stall). */
  async: boolean;
}

export class FakeNode {
  removed = false;
  parent: FakeContainer | null = null;
  name = '';
  protected data = new Map<string, string>();
  protected _x = 0;
  protected _y = 0;
  protected _width = 100;
  protected _height = 100;

  constructor(readonly host: FakeFigJam, readonly id: string, readonly type: string) {}

  get x(): number { return this._x; }
  set x(value: number) { this.alive(); this._x = Number(value); this.host.touched(this); }
  get y(): number { return this._y; }
  set y(value: number) { this.alive(); this._y = Number(value); this.host.touched(this); }
  get width(): number { return this._width; }
  get height(): number { return this._height; }

  /** Absolute position: parents' offsets added, as Figma's absoluteBoundingBox (no rotation here). */
  get absoluteBoundingBox(): { x: number; y: number; width: number; height: number } {
    let x = this._x;
    let y = this._y;
    for (let parent = this.parent; parent && parent.type !== 'PAGE'; parent = parent.parent) {
      x += parent.x;
      y += parent.y;
    }
    return { x, y, width: this._width, height: this._height };
  }

  get absoluteTransform(): [[number, number, number], [number, number, number]] {
    const box = this.absoluteBoundingBox;
    return [[1, 0, box.x], [0, 1, box.y]];
  }

  /** Private plugin data is kept per plugin id: `id NUL key`. */
  private own(key: string): string {
    return `${this.host.pluginId}\u0000${key}`;
  }

  getPluginData(key: string): string {
    return this.data.get(this.own(key)) ?? '';
  }

  setPluginData(key: string, value: string): void {
    this.host.hostCall('setPluginData', this.id, () => {
      this.alive();
      if (typeof key !== 'string' || typeof value !== 'string') fail('plugin data keys and values must be strings');
      if (value === '') this.data.delete(this.own(key));
      else this.data.set(this.own(key), value);
    });
  }

  getPluginDataKeys(): string[] {
    const prefix = this.own('');
    return [...this.data.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
  }

  protected shared = new Map<string, string>();

  getSharedPluginData(namespace: string, key: string): string {
    checkNamespace(namespace);
    return this.shared.get(`${namespace}\u0000${key}`) ?? '';
  }

  setSharedPluginData(namespace: string, key: string, value: string): void {
    this.host.hostCall('setSharedPluginData', this.id, () => {
      this.alive();
      checkNamespace(namespace);
      if (typeof key !== 'string' || typeof value !== 'string') fail('shared plugin data keys and values must be strings');
      if (new TextEncoder().encode(namespace + key + value).length > 100_000) fail('a shared plugin data entry cannot exceed 100 kB');
      if (value === '') this.shared.delete(`${namespace}\u0000${key}`);
      else this.shared.set(`${namespace}\u0000${key}`, value);
    });
  }

  getSharedPluginDataKeys(namespace: string): string[] {
    checkNamespace(namespace);
    return [...this.shared.keys()].filter((k) => k.startsWith(`${namespace}\u0000`)).map((k) => k.slice(namespace.length + 1));
  }

  remove(): void {
    this.host.hostCall('remove', this.id, () => {
      this.alive();
      this.parent?.children.splice(this.parent.children.indexOf(this as unknown as FakeNode), 1);
      this.parent = null;
      this.removed = true;
      this.host.touched(this);
    });
  }

  protected alive(): void {
    if (this.removed) fail(`The node (id ${this.id}) does not exist`);
  }

  dump(): Record<string, unknown> {
    const prefix = this.own('');
    const mine = [...this.data].filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]);
    const dumped: Record<string, unknown> = { id: this.id, type: this.type, name: this.name, x: this._x, y: this._y, width: this._width, height: this._height, pluginData: Object.fromEntries(mine) };
    // Private data of other plugin ids: invisible to this plugin, still in the file.
    const others = [...this.data].filter(([k]) => !k.startsWith(prefix));
    if (others.length > 0) dumped.otherPluginData = Object.fromEntries(others);
    if (this.shared.size > 0) dumped.sharedPluginData = Object.fromEntries(this.shared);
    return dumped;
  }
}

export class FakeText {
  private _characters = '';
  fontName: { family: string; style: string } = { family: 'Inter', style: 'Medium' };
  readonly hasMissingFont = false;

  constructor(private readonly owner: FakeNode) {}

  get characters(): string { return this._characters; }
  set characters(value: string) {
    this.owner.host.hostCall('characters', this.owner.id, () => this.write(value));
  }

  private write(value: string): void {
    const key = `${this.fontName.family}|${this.fontName.style}`;
    if (!this.owner.host.loadedFonts.has(key)) {
      fail(`Cannot write to node with unloaded font "${this.fontName.family} ${this.fontName.style}". Please call figma.loadFontAsync({ family: "${this.fontName.family}", style: "${this.fontName.style}" }) and await the returned promise first.`);
    }
    this._characters = String(value);
    this.owner.host.touched(this.owner);
  }

  /** Test setup only: text as the file already has it. */
  preset(value: string): void {
    this._characters = value;
  }
}

class Filled extends FakeNode {
  private _fills: readonly unknown[] = deepFreeze([]);
  get fills(): readonly unknown[] { return this._fills; }
  set fills(value: readonly unknown[]) {
    this.host.hostCall('fills', this.id, () => { this.alive(); this._fills = checkPaints(value, 'fills'); this.host.touched(this); });
  }
  dump(): Record<string, unknown> { return { ...super.dump(), fills: this._fills }; }
}

export class FakeSticky extends Filled {
  readonly text = new FakeText(this);
  authorName = '';
  authorVisible = true;
  isWideWidth = false;
  constructor(host: FakeFigJam, id: string) {
    super(host, id, 'STICKY');
    this._width = 240;
    this._height = 240;
    this.fills = [{ type: 'SOLID', color: DEFAULT_STICKY_FILL }];
  }
  dump(): Record<string, unknown> { return { ...super.dump(), text: this.text.characters, authorName: this.authorName }; }
}

export class FakeShapeWithText extends Filled {
  readonly text = new FakeText(this);
  private _shapeType = 'SQUARE';
  strokes: readonly unknown[] = [];
  strokeWeight = 1;
  rotation = 0;
  constructor(host: FakeFigJam, id: string) { super(host, id, 'SHAPE_WITH_TEXT'); }
  get shapeType(): string { return this._shapeType; }
  set shapeType(value: string) { if (!SHAPE_TYPES.includes(value)) fail(`invalid shapeType '${value}'`); this._shapeType = value; this.host.touched(this); }
  resize(width: number, height: number): void {
    this.alive();
    if (!(width > 0 && height > 0)) fail('resize needs positive sizes');
    this._width = width;
    this._height = height;
    this.host.touched(this);
  }
  dump(): Record<string, unknown> { return { ...super.dump(), text: this.text.characters, shapeType: this._shapeType }; }
}

/** A free text (TextNode): its characters, under the same font rule as a sublayer's. */
export class FakeTextNode extends Filled {
  private readonly content = new FakeText(this);
  constructor(host: FakeFigJam, id: string) {
    super(host, id, 'TEXT');
    this.fills = [{ type: 'SOLID', color: { r: 0, g: 0, b: 0 } }];
  }
  get characters(): string { return this.content.characters; }
  set characters(value: string) { this.content.characters = value; }
  get fontName(): { family: string; style: string } { return this.content.fontName; }
  /** Test setup only. */
  preset(value: string, width: number, height: number): void {
    this.content.preset(value);
    this._width = width;
    this._height = height;
  }
  dump(): Record<string, unknown> { return { ...super.dump(), text: this.characters }; }
}

/**
 * A LINE: `width` long along its own x axis, height 0, turned by `rotation`
 * degrees (Figma: rotation = atan2(-m10, m00) of its transform, so a positive
 * rotation turns it counter-clockwise on screen, where y grows downwards).
 */
export class FakeLine extends FakeNode {
  rotation = 0;
  constructor(host: FakeFigJam, id: string) {
    super(host, id, 'LINE');
    this._height = 0;
  }
  resize(width: number): void { this._width = width; }
  get absoluteTransform(): [[number, number, number], [number, number, number]] {
    const box = super.absoluteBoundingBox;
    const turn = (this.rotation * Math.PI) / 180;
    return [[Math.cos(turn), Math.sin(turn), box.x], [-Math.sin(turn), Math.cos(turn), box.y]];
  }
  dump(): Record<string, unknown> { return { ...super.dump(), rotation: this.rotation }; }
}

export class FakeContainer extends Filled {
  readonly children: FakeNode[] = [];
  appendChild(child: FakeNode): void {
    child.parent?.children.splice(child.parent.children.indexOf(child), 1);
    child.parent = this;
    this.children.push(child);
    this.host.touched(child);
  }
}

export class FakeSection extends FakeContainer {
  constructor(host: FakeFigJam, id: string) { super(host, id, 'SECTION'); }
  resizeWithoutConstraints(width: number, height: number): void { this._width = width; this._height = height; }
}

export class FakeConnector extends FakeNode {
  readonly text = new FakeText(this);
  private _start: unknown = { position: { x: 0, y: 0 } };
  private _end: unknown = { position: { x: 0, y: 0 } };
  private _lineType = 'ELBOWED';
  private _strokes: readonly unknown[] = deepFreeze([]);
  private _endCap = 'NONE';
  strokeWeight = 1;
  dashPattern: readonly number[] = [];
  constructor(host: FakeFigJam, id: string) { super(host, id, 'CONNECTOR'); }
  get connectorStart(): unknown { return this._start; }
  set connectorStart(value: unknown) { this._start = this.checkEndpoint(value); this.host.touched(this); }
  get connectorEnd(): unknown { return this._end; }
  set connectorEnd(value: unknown) { this._end = this.checkEndpoint(value); this.host.touched(this); }
  get connectorLineType(): string { return this._lineType; }
  set connectorLineType(value: string) { if (!LINE_TYPES.includes(value)) fail(`invalid connectorLineType '${value}'`); this._lineType = value; }
  get connectorEndStrokeCap(): string { return this._endCap; }
  set connectorEndStrokeCap(value: string) { if (!STROKE_CAPS.includes(value)) fail(`invalid stroke cap '${value}'`); this._endCap = value; }
  get strokes(): readonly unknown[] { return this._strokes; }
  set strokes(value: readonly unknown[]) { this._strokes = checkPaints(value, 'strokes'); }

  private checkEndpoint(value: unknown): unknown {
    const endpoint = value as { endpointNodeId?: string; magnet?: string; position?: { x: number; y: number } };
    if (!endpoint || typeof endpoint !== 'object') fail('a connector endpoint must be an object');
    if (endpoint.endpointNodeId !== undefined) {
      const target = this.host.byId(endpoint.endpointNodeId);
      if (!target || target.type === 'CONNECTOR') fail(`connector endpoint: no node ${endpoint.endpointNodeId} to attach to`);
      if (endpoint.position === undefined && !MAGNETS.includes(String(endpoint.magnet))) fail(`connector endpoint: invalid magnet '${String(endpoint.magnet)}'`);
    } else if (!endpoint.position) {
      fail('a connector endpoint needs a position or an endpointNodeId');
    }
    return deepFreeze(JSON.parse(JSON.stringify(endpoint)));
  }

  dump(): Record<string, unknown> { return { ...super.dump(), start: this._start, end: this._end, text: this.text.characters, strokes: this._strokes, dashPattern: this.dashPattern }; }
}

export class FakePage extends FakeContainer {
  private _selection: FakeNode[] = [];
  private readonly listeners = new Set<Listener>();
  /** Under dynamic-page only the page open at start is loaded; others need loadAsync(). */
  loaded: boolean;
  constructor(host: FakeFigJam, id = 'page-1', name = 'Page 1', loaded = true) {
    super(host, id, 'PAGE');
    this.name = name;
    this.loaded = loaded;
  }

  loadAsync(): Promise<void> {
    return this.host.hostCall('loadAsync', this.id, async () => { this.loaded = true; }, true);
  }

  get selection(): FakeNode[] { return [...this._selection]; }
  set selection(nodes: FakeNode[]) {
    for (const node of nodes) if (node.removed || this.host.byId(node.id) !== node) fail('selection: a node that is not on this page');
    this._selection = [...nodes];
  }

  findAllWithCriteria(criteria: { types?: string[] }): FakeNode[] {
    if (!this.loaded) fail(`page ${this.id} is not loaded: call page.loadAsync() first (documentAccess: dynamic-page)`);
    return this.everything(criteria);
  }

  /** Test side: the page's nodes whether loaded or not. */
  everything(criteria: { types?: string[] } = {}): FakeNode[] {
    const found: FakeNode[] = [];
    const walk = (container: FakeContainer) => {
      for (const child of container.children) {
        if (!criteria.types || criteria.types.includes(child.type)) found.push(child);
        if (child instanceof FakeContainer) walk(child);
      }
    };
    walk(this);
    return found;
  }

  on(event: string, listener: Listener): void {
    if (event !== 'nodechange') fail(`PageNode.on: unsupported event '${event}'`);
    this.listeners.add(listener);
  }

  off(event: string, listener: Listener): void {
    if (event === 'nodechange') this.listeners.delete(listener);
  }

  emit(event: unknown): void {
    for (const listener of this.listeners) listener(event);
  }
}

/** Node specs for loading a board. */
export interface NodeSpec {
  id: string;
  type: 'STICKY' | 'SHAPE_WITH_TEXT' | 'SECTION' | 'CONNECTOR' | 'TEXT' | 'LINE';
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  name?: string;
  text?: string;
  fill?: { r: number; g: number; b: number };
  parent?: string;
  shapeType?: string;
  from?: string;
  to?: string;
  /** A connector fixed to the canvas at its ends (no from / to). */
  start?: { x: number; y: number };
  end?: { x: number; y: number };
  /** A LINE's turn in degrees. */
  rotation?: number;
  authorName?: string;
}

export class FakeFigJam {
  /** The running plugin's id (figma.pluginId): private plugin data is keyed by it. */
  pluginId = 'canvasfit-figjam';
  /** The first page (open at start). */
  readonly page: FakePage;
  readonly pages: FakePage[] = [];
  /** The page the user is looking at (figma.currentPage). */
  current: FakePage;
  private readonly fileListeners = new Map<string, Set<Listener>>();
  readonly loadedFonts = new Set<string>();
  readonly zoomedTo: string[][] = [];
  readonly uiMessages: unknown[] = [];
  readonly mixed: symbol = Symbol('figma.mixed');
  /** Where figma.ui.postMessage delivers (set by the browser harness or a test). */
  deliverToUi: (message: unknown) => void = (message) => { this.uiMessages.push(message); };
  onShowUI: (html: string, options: unknown) => void = () => {};
  /** Test hook: runs every plugin call (`run` performs it); may throw, stall (async calls) or act first. */
  around: ((call: HostCall, run: () => unknown) => unknown) | null = null;
  private userActing = false;
  private nextId = 1;
  private pendingChanges: [string, FakePage][] = [];
  readonly api: Record<string, unknown>;
  private readonly ui: { onmessage: ((message: unknown) => void) | undefined; postMessage: (message: unknown) => void };

  constructor() {
    this.page = new FakePage(this);
    this.pages.push(this.page);
    this.current = this.page;
    const host = this;
    this.ui = {
      onmessage: undefined,
      postMessage: (message: unknown) => host.deliverToUi(JSON.parse(JSON.stringify(message))),
    };
    this.api = {
      apiVersion: '1.0.0',
      editorType: 'figjam',
      get pluginId() { return host.pluginId; },
      mixed: this.mixed,
      get currentPage() { return host.current; },
      set currentPage(_page: unknown) { fail('figma.currentPage is read-only with documentAccess: dynamic-page: use figma.setCurrentPageAsync'); },
      root: { type: 'DOCUMENT', id: '0:0', get children() { return [...host.pages]; } },
      setCurrentPageAsync: (page: FakePage) => host.hostCall('setCurrentPageAsync', page?.id, async () => host.switchTo(page), true),
      on: (event: string, listener: Listener) => {
        if (event === 'documentchange') fail('documentchange needs figma.loadAllPagesAsync() first (documentAccess: dynamic-page)');
        if (!host.fileListeners.has(event)) host.fileListeners.set(event, new Set());
        host.fileListeners.get(event)!.add(listener);
      },
      off: (event: string, listener: Listener) => { host.fileListeners.get(event)?.delete(listener); },
      ui: this.ui,
      createSticky: () => host.hostCall('createSticky', undefined, () => host.add(new FakeSticky(host, host.newId()))),
      createShapeWithText: () => host.hostCall('createShapeWithText', undefined, () => host.add(new FakeShapeWithText(host, host.newId()))),
      createConnector: () => host.hostCall('createConnector', undefined, () => host.add(new FakeConnector(host, host.newId()))),
      loadFontAsync: (font: { family: string; style: string }) => host.hostCall('loadFontAsync', undefined, async () => {
        const key = `${font?.family}|${font?.style}`;
        if (!AVAILABLE_FONTS.includes(key)) throw new FigmaRuleError(`The font "${font?.family} ${font?.style}" could not be loaded`);
        host.loadedFonts.add(key);
      }, true),
      getNodeByIdAsync: async (id: string) => host.byId(id) ?? null,
      getNodeById: () => fail('Cannot call getNodeById with documentAccess: dynamic-page. Use figma.getNodeByIdAsync instead.'),
      viewport: { scrollAndZoomIntoView: (nodes: FakeNode[]) => { host.zoomedTo.push(nodes.map((node) => node.id)); } },
      showUI: (html: string, options: unknown) => host.onShowUI(html, options),
      notify: () => ({ cancel: () => {} }),
      closePlugin: () => {},
    };
  }

  /** Runs one plugin call through the test hook (user edits and file loading bypass it). */
  hostCall<T>(method: string, id: string | undefined, run: () => T, async = false): T {
    if (!this.around || this.userActing) return run();
    const around = this.around;
    if (!async) return around({ method, id, async }, run) as T;
    // A hook that throws still rejects, as an asynchronous API call does.
    return (async () => around({ method, id, async }, run))() as T;
  }

  /** The API object, typed as the official PluginAPI for the adapter. */
  get figma(): PluginAPI {
    return this.api as unknown as PluginAPI;
  }

  /** A message from the UI (what `parent.postMessage({ pluginMessage })` delivers in Figma). */
  fromUi(message: unknown): void {
    this.ui.onmessage?.(JSON.parse(JSON.stringify(message)));
  }

  byId(id: string): FakeNode | undefined {
    for (const page of this.pages) {
      const found = page.everything().find((node) => node.id === id);
      if (found) return found;
    }
    return undefined;
  }

  /** The page a node is on (a removed node: the page it was last seen on, or none). */
  pageOf(node: FakeNode): FakePage | null {
    let at: FakeNode | null = node;
    while (at && !(at instanceof FakePage)) at = at.parent;
    return at;
  }

  touched(node: FakeNode): void {
    const page = this.pageOf(node) ?? this.current;
    if (this.pendingChanges.length === 0) {
      queueMicrotask(() => {
        const changed = this.pendingChanges;
        this.pendingChanges = [];
        const byPage = new Map<FakePage, string[]>();
        for (const [id, on] of changed) byPage.set(on, [...(byPage.get(on) ?? []), id]);
        for (const [on, ids] of byPage) on.emit({ nodeChanges: ids.map((id) => ({ id, type: 'PROPERTY_CHANGE' })) });
      });
    }
    this.pendingChanges.push([node.id, page]);
  }

  /** Adds a page to the file (not loaded: the plugin must loadAsync it before searching it). */
  addPage(name: string): FakePage {
    const page = new FakePage(this, `page-${this.pages.length + 1}`, name, false);
    this.pages.push(page);
    return page;
  }

  private switchTo(page: FakePage): void {
    if (!this.pages.includes(page)) fail('setCurrentPageAsync: not a page of this file');
    page.loaded = true;
    if (page === this.current) return;
    this.current = page;
    for (const listener of this.fileListeners.get('currentpagechange') ?? []) queueMicrotask(() => listener(undefined));
  }

  /** The user opens another page in FigJam. */
  userSwitchPage(page: FakePage): void {
    this.switchTo(page);
  }

  private newId(): string {
    return `9:${this.nextId++}`;
  }

  /** Figma creates a node on the page the user is looking at. */
  private add<T extends FakeNode>(node: T): T {
    this.current.appendChild(node);
    return node;
  }

  /** Builds the file as it is before the plugin runs (fonts are not loaded then). */
  load(specs: NodeSpec[], page: FakePage = this.page): void {
    const made = new Map<string, FakeNode>();
    for (const spec of specs) {
      let node: FakeNode;
      if (spec.type === 'SECTION') {
        const section = new FakeSection(this, spec.id);
        section.resizeWithoutConstraints(spec.width ?? 800, spec.height ?? 600);
        section.fills = [{ type: 'SOLID', color: { r: 1, g: 1, b: 1 } }];
        node = section;
      } else if (spec.type === 'STICKY') {
        const sticky = new FakeSticky(this, spec.id);
        sticky.text.preset(spec.text ?? '');
        sticky.authorName = spec.authorName ?? '';
        if (spec.fill) sticky.fills = [{ type: 'SOLID', color: spec.fill }];
        node = sticky;
      } else if (spec.type === 'SHAPE_WITH_TEXT') {
        const shape = new FakeShapeWithText(this, spec.id);
        shape.shapeType = spec.shapeType ?? 'SQUARE';
        shape.resize(spec.width ?? 200, spec.height ?? 200);
        shape.text.preset(spec.text ?? '');
        shape.fills = [{ type: 'SOLID', color: spec.fill ?? { r: 1, g: 1, b: 1 } }];
        node = shape;
      } else if (spec.type === 'TEXT') {
        const text = new FakeTextNode(this, spec.id);
        text.preset(spec.text ?? '', spec.width ?? 120, spec.height ?? 30);
        node = text;
      } else if (spec.type === 'LINE') {
        const line = new FakeLine(this, spec.id);
        line.resize(spec.width ?? 100);
        line.rotation = spec.rotation ?? 0;
        node = line;
      } else {
        const connector = new FakeConnector(this, spec.id);
        node = connector;
      }
      node.name = spec.name ?? '';
      (spec.parent ? (made.get(spec.parent) as FakeContainer) : page).appendChild(node);
      node.x = spec.x ?? 0;
      node.y = spec.y ?? 0;
      made.set(spec.id, node);
      if (node instanceof FakeConnector) {
        node.connectorStart = spec.start ? { position: spec.start } : { endpointNodeId: spec.from!, magnet: 'AUTO' };
        node.connectorEnd = spec.end ? { position: spec.end } : { endpointNodeId: spec.to!, magnet: 'AUTO' };
        node.text.preset(spec.text ?? '');
      }
    }
    this.pendingChanges = [];
  }

  /** Every node as plain data, in page order, for comparing files. */
  dump(): Record<string, unknown>[] {
    return this.pages.flatMap((page) => page.everything()).map((node) => ({ ...node.dump(), parent: node.parent?.id ?? null }));
  }

  /** A user edit made in FigJam while the plugin runs. */
  userEdit(id: string, edit: (node: FakeNode) => void): void {
    const node = this.byId(id) ?? fail(`no node ${id}`);
    const fonts = new Set(this.loadedFonts);
    AVAILABLE_FONTS.forEach((font) => this.loadedFonts.add(font));
    this.userActing = true;
    try {
      edit(node);
    } finally {
      this.userActing = false;
      this.loadedFonts.clear();
      fonts.forEach((font) => this.loadedFonts.add(font));
    }
  }
}
