// @ts-check
// The Excalidraw adapter: the only code that knows Excalidraw's elements.
// - boardFromScene: live scene -> the Excalidraw scene JSON the core reads,
//   without CanvasFit's own marks, so analysis never sees its own output,
//   and with only the fields the core reads (signature.js);
// - applyPatch: a neutral patch (plugin/core-shell/patch.js) -> new elements;
// - clearMarks: removes every CanvasFit element and restores every style it changed.
// Everything CanvasFit creates or changes carries customData.canvasfit, which
// travels with the .excalidraw file, so Clear works after a reload too.
// Excalidraw's own helpers are passed in (`lib`) so this module stays free of
// the React bundle and runs in any page.
// The facilitator's answers to suggested links are not marks: they live in
// customData.canvasfitLinks of the `from` note ({v, c, r}, decisions.js),
// travel with the file, and Clear leaves them where they are.

import { decisionOf, linkOptions, parseRecord, withDecision } from '../core-shell/decisions.js';
import { markKey } from '../core-shell/live.js';
import { contentOf, elementSignature } from './signature.js';

export const MARK_KEY = 'canvasfit';
/** customData key of the confirmed and rejected pairs recorded on a `from` note. */
export const LINKS_KEY = 'canvasfitLinks';
/** How a suggested link looks: grey, dashed, labelled "? 62 %". */
export const SUGGESTION_STYLE = { strokeColor: '#868e96', strokeStyle: 'dashed', strokeWidth: 2 };
/** The look a suggestion connector takes when the facilitator confirms it from the panel. */
const ADOPTED_STYLE = { strokeColor: '#1e1e1e', strokeStyle: 'solid' };
const QUESTION_COLOR = '#868e96';

/** The styles a highlight changes, restored by Clear. */
const STYLE_FIELDS = /** @type {const} */ (['strokeColor', 'strokeWidth', 'strokeStyle']);

/** How each highlight status looks on Excalidraw: a coloured, thick outline. */
export const STATUS_STYLE = {
  covered: { strokeColor: '#2f9e44', strokeWidth: 4, strokeStyle: 'solid' },
  linked: { strokeColor: '#2f9e44', strokeWidth: 4, strokeStyle: 'solid' },
  unaddressed: { strokeColor: '#e03131', strokeWidth: 4, strokeStyle: 'solid' },
  orphan: { strokeColor: '#f08c00', strokeWidth: 4, strokeStyle: 'dashed' },
  question: { strokeColor: QUESTION_COLOR, strokeWidth: 4, strokeStyle: 'dashed' },
};

const SEVERITY_FILL = { high: '#ffc9c9', medium: '#ffec99', low: '#e7f5ff', info: '#f1f3f5' };
const WARNING_SIZE = { width: 260, height: 110 };
const GAP = 24;

/**
 * @typedef {{ [key: string]: any, id: string, type: string, customData?: any }} Element
 * @typedef {{ convertToExcalidrawElements: (skeletons: any[], opts?: any) => Element[],
 *             newElementWith: (element: Element, updates: any) => Element }} ExcalidrawLib
 */

/** @param {Element} element */
export function isCanvasFitElement(element) {
  return Boolean(element.customData?.[MARK_KEY]?.created);
}

/** @param {Element} element */
function changedByCanvasFit(element) {
  const mark = element.customData?.[MARK_KEY];
  return Boolean(mark) && !mark.created;
}

/** @param {unknown} value @returns {value is Record<string, any>} */
function isRecord(value) {
  return typeof value === 'object' && value !== null;
}

/** The text a text element shows, as the user typed it. @param {Element} element */
function typedText(element) {
  return element.originalText ?? element.text;
}

/**
 * CanvasFit text the user has since typed into (a warning note's label, a rank
 * mark), and the shapes those labels sit in. Clear keeps them as the user's.
 * @param {readonly Element[]} elements
 * @returns {Set<string>}
 */
function adoptedByUser(elements) {
  const adopted = new Set();
  for (const element of elements) {
    const mark = element.customData?.[MARK_KEY];
    if (!mark?.created || element.type !== 'text' || typeof mark.written !== 'string') continue;
    if (typedText(element) === mark.written) continue;
    adopted.add(element.id);
    if (element.containerId) adopted.add(element.containerId);
  }
  return adopted;
}

/** @param {Element} element @param {ExcalidrawLib} lib */
function withoutMark(element, lib) {
  const { [MARK_KEY]: _ours, ...rest } = element.customData ?? {};
  const fresh = lib.newElementWith(element, { customData: rest });
  if (Object.keys(rest).length === 0) delete fresh.customData;
  return fresh;
}

/**
 * The element as the user left it: CanvasFit's style and customData taken off.
 * @param {Element} element
 * @returns {Element}
 */
export function withoutCanvasFit(element) {
  if (!changedByCanvasFit(element)) return element;
  const { original, applied, hadCustomData } = element.customData[MARK_KEY];
  const restored = { ...element };
  // A hand-edited or damaged file may carry a mark without its records: then
  // only the mark goes, and the styles stay as they are.
  const recorded = isRecord(original) && isRecord(applied);
  for (const field of STYLE_FIELDS) {
    // A user edit made after the highlight wins over the original.
    if (recorded && element[field] === applied[field]) restored[field] = original[field];
  }
  const { [MARK_KEY]: _ours, ...rest } = element.customData;
  // Other keys stay: they were there before, or a plugin or the user added them since.
  if (hadCustomData || Object.keys(rest).length > 0) restored.customData = rest;
  else delete restored.customData;
  return restored;
}

/**
 * The scene as the core should read it.
 * @param {readonly Element[]} elements
 */
export function boardFromScene(elements) {
  return {
    type: 'excalidraw',
    version: 2,
    source: 'canvasfit-excalidraw-plugin',
    elements: elements.filter((element) => !isCanvasFitElement(element))
      .map((element) => contentOf(withoutCanvasFit(element))),
  };
}

/**
 * Each element's JSON as boardFromScene gives it, kept per element object and
 * version: Excalidraw never edits an element without a new object or a new
 * version, so a Live edit re-serialises only the elements it changed.
 * @type {WeakMap<Element, { version: unknown, json: string }>}
 */
const contentJson = new WeakMap();

/** @param {Element} element */
function contentJsonOf(element) {
  const kept = contentJson.get(element);
  if (kept && kept.version === element.version) return kept.json;
  const json = JSON.stringify(contentOf(withoutCanvasFit(element)));
  // An element without a version cannot say it changed: never kept.
  if (typeof element.version === 'number') contentJson.set(element, { version: element.version, json });
  return json;
}

/**
 * JSON.stringify(boardFromScene(elements)), character for character, from
 * the elements' kept JSON: what Live hands the core and compares on every
 * change of the scene.
 * @param {readonly Element[]} elements
 */
export function boardTextFromScene(elements) {
  const parts = [];
  for (const element of elements) if (!isCanvasFitElement(element)) parts.push(contentJsonOf(element));
  const head = JSON.stringify({ type: 'excalidraw', version: 2, source: 'canvasfit-excalidraw-plugin' });
  return `${head.slice(0, -1)},"elements":[${parts.join(',')}]}`;
}

/**
 * Each user element's JSON as boardFromScene gives it, by id: what Live last
 * handed the Analyzer (sceneEdits keeps it up to date).
 * @param {readonly Element[]} elements the live elements
 * @returns {Map<string, string>}
 */
export function sentElements(elements) {
  const sent = new Map();
  for (const element of elements) if (!isCanvasFitElement(element)) sent.set(element.id, contentJsonOf(element));
  return sent;
}

/**
 * Live's edits for the Analyzer (updateElements): the user's elements whose
 * JSON differs from what `sent` holds, and the ids no longer among them, as
 * the edits' JSON text; null when the core would see no change (CanvasFit's
 * own marks moved, a selection). Brings `sent` up to date. Only elements
 * Excalidraw gave a new object or version are serialised again.
 * @param {Map<string, string>} sent
 * @param {readonly Element[]} elements the live elements
 * @returns {string | null}
 */
export function sceneEdits(sent, elements) {
  const upsert = [];
  const seen = new Set();
  for (const element of elements) {
    if (isCanvasFitElement(element)) continue;
    seen.add(element.id);
    const json = contentJsonOf(element);
    if (sent.get(element.id) === json) continue;
    upsert.push(json);
    sent.set(element.id, json);
  }
  const remove = [...sent.keys()].filter((id) => !seen.has(id));
  for (const id of remove) sent.delete(id);
  if (upsert.length === 0 && remove.length === 0) return null;
  return `{"upsert":[${upsert.join(',')}],"remove":${JSON.stringify(remove)}}`;
}

/**
 * The user's live elements as they are now, to notice edits made while a
 * patch is prepared: id -> the element, its version then, and the shape a
 * text is bound to. Content is compared only for elements that are no longer
 * the same object at the same version (changedSince), so taking a snapshot
 * costs a pass over the scene and no serialising.
 * @param {readonly Element[]} elements
 * @returns {Map<string, { element: Element, version: unknown, container: string | null }>}
 */
export function contentSnapshot(elements) {
  const snapshot = new Map();
  for (const element of elements) {
    if (element.isDeleted || isCanvasFitElement(element)) continue;
    snapshot.set(element.id, { element, version: element.version, container: element.containerId ?? null });
  }
  return snapshot;
}

/**
 * Whether an element holds the content it held when `entry` was taken: the
 * same object at the same version does; an object edited in place since (its
 * version moved on) does not; another object does when its content fields,
 * CanvasFit's marks taken off, are the same.
 * @param {{ element: Element, version: unknown }} entry @param {Element} element
 */
function sameContent(entry, element) {
  if (entry.element.version !== entry.version) return false;
  if (entry.element === element) return true;
  return elementSignature(withoutCanvasFit(entry.element)) === elementSignature(withoutCanvasFit(element));
}

/**
 * The ids edited, added, deleted or gone since `before` was taken. A change
 * to a text bound to a shape is a change to that shape: it is the note.
 * @param {ReturnType<typeof contentSnapshot>} before
 * @param {readonly Element[]} elements
 * @returns {Set<string>}
 */
export function changedSince(before, elements) {
  const after = contentSnapshot(elements);
  const changed = new Set();
  /** @param {string} id @param {{ container: string | null } | undefined} entry */
  const note = (id, entry) => {
    changed.add(id);
    if (entry?.container) changed.add(entry.container);
  };
  for (const [id, entry] of before) {
    const now = after.get(id);
    if (!now || !sameContent(entry, now.element)) note(id, entry);
  }
  for (const [id, entry] of after) {
    if (!before.has(id)) note(id, entry);
  }
  return changed;
}

/**
 * Removes CanvasFit's elements and restores what it changed; user edits stay.
 * @param {readonly Element[]} elements
 * @param {ExcalidrawLib} lib
 * @returns {Element[]}
 */
export function clearMarks(elements, lib) {
  const adopted = adoptedByUser(elements);
  return elements
    .filter((element) => !isCanvasFitElement(element) || adopted.has(element.id))
    .map((element) => {
      if (adopted.has(element.id)) return withoutMark(element, lib);
      return changedByCanvasFit(element) ? unhighlighted(element, lib) : element;
    });
}

/** A note CanvasFit highlighted, in the look the user gave it. @param {Element} element @param {ExcalidrawLib} lib */
function unhighlighted(element, lib) {
  const restored = withoutCanvasFit(element);
  /** @type {any} */
  const updates = { customData: restored.customData };
  for (const field of STYLE_FIELDS) updates[field] = restored[field];
  const fresh = lib.newElementWith(element, updates);
  if (!('customData' in restored)) delete fresh.customData;
  return fresh;
}

/**
 * Applies only what changed between two patches (core-shell/live.js,
 * patchChanges): the marks of `removed` come off (a highlight gives the note
 * its own look back), those of `added` go on. Every other mark stays the very
 * element it was, so a Live edit rewrites only what it changed. Marks are
 * found by the key applyPatch wrote on them.
 * @param {readonly Element[]} elements the scene, deleted elements included
 * @param {{ removed: any[], added: any[] }} changes
 * @param {ExcalidrawLib} lib
 * @param {{ changed?: ReadonlySet<string> }} [options]
 * @returns {Element[]}
 */
export function applyPatchChanges(elements, changes, lib, options = {}) {
  const leaving = new Set(changes.removed.filter((action) => action.type !== 'highlight').map(markKey));
  const unlit = new Set(changes.removed.filter((action) => action.type === 'highlight').map((action) => action.note));
  const adopted = adoptedByUser(elements);
  const scene = [];
  for (const element of elements) {
    const key = element.customData?.[MARK_KEY]?.key;
    if (isCanvasFitElement(element) && leaving.has(key)) {
      if (adopted.has(element.id)) scene.push(withoutMark(element, lib));  // the user's now
      continue;
    }
    scene.push(unlit.has(element.id) && changedByCanvasFit(element) ? unhighlighted(element, lib) : element);
  }
  return drawn(scene, changes.added, lib, options.changed ?? new Set());
}

/**
 * Applies a patch: earlier marks are replaced, never duplicated. Notes that
 * were deleted, or that `changed` names (edited since the analysis the patch
 * comes from), get no highlight, mark or link: the patch is stale for them,
 * and writing it would overwrite what the user just did.
 * @param {readonly Element[]} elements the scene, deleted elements included
 * @param {{ actions: any[] }} patch
 * @param {ExcalidrawLib} lib
 * @param {{ changed?: ReadonlySet<string> }} [options]
 * @returns {Element[]}
 */
export function applyPatch(elements, patch, lib, options = {}) {
  const scene = patch.actions.some((action) => action.type === 'remove-marks') ? clearMarks(elements, lib) : [...elements];
  return drawn(scene, patch.actions, lib, options.changed ?? new Set());
}

/**
 * The scene with the marks of `actions` drawn; each created element carries
 * its action's key (live.js, markKey) so that a later change can find it.
 * @param {Element[]} scene @param {readonly any[]} actions @param {ExcalidrawLib} lib
 * @param {ReadonlySet<string>} changed notes edited since the analysis: left unmarked
 * @returns {Element[]}
 */
function drawn(scene, actions, lib, changed) {
  /** @type {Map<string, number>} */
  const byId = new Map();
  scene.forEach((element, index) => {
    if (!element.isDeleted && !changed.has(element.id)) byId.set(element.id, index);
  });
  /** @type {Element[]} */
  const created = [];
  const placement = new WarningPlacement(scene, byId);
  for (const action of actions) {
    /** @type {Element[]} */
    let made = [];
    if (action.type === 'highlight') highlight(scene, byId, action, lib);
    else if (action.type === 'mark') made = rankMark(scene, byId, action, lib);
    else if (action.type === 'warning-note') made = warningNote(placement, action, lib);
    else if (action.type === 'link') made = linkArrow(scene, byId, action, lib);
    else if (action.type === 'question') made = questionMark(scene, byId, action, lib);
    else if (action.type === 'suggestion') made = suggestionArrow(scene, byId, action, lib);
    const key = markKey(action);
    created.push(...made.map((element) => ({
      ...element, customData: { ...element.customData, [MARK_KEY]: { ...element.customData[MARK_KEY], key } },
    })));
  }
  return [...scene, ...created];
}

/**
 * @param {Element[]} scene
 * @param {Map<string, number>} byId
 * @param {{ note: string, status: keyof typeof STATUS_STYLE, reason: string }} action
 * @param {ExcalidrawLib} lib
 */
function highlight(scene, byId, action, lib) {
  const index = byId.get(action.note);
  if (index === undefined) return;  // the note was deleted meanwhile: nothing to mark
  const element = scene[index];
  const style = STATUS_STYLE[action.status];
  /** @type {any} */
  const original = {};
  for (const field of STYLE_FIELDS) original[field] = element[field];
  const customData = {
    ...(element.customData ?? {}),
    [MARK_KEY]: { original, applied: style, hadCustomData: element.customData !== undefined, status: action.status, reason: action.reason },
  };
  scene[index] = lib.newElementWith(element, { ...style, customData });
}

/** @param {any} kind @param {any} extra */
function ours(kind, extra = {}) {
  return { [MARK_KEY]: { created: true, kind, ...extra } };
}

/**
 * @param {Element[]} elements
 * @param {ExcalidrawLib} lib
 * @param {any} customData
 */
function tag(elements, lib, customData) {
  return elements.map((element) => {
    const ownData = element.type === 'text'
      ? { [MARK_KEY]: { ...customData[MARK_KEY], written: typedText(element) } }
      : customData;
    return lib.newElementWith(element, { customData: ownData, locked: false });
  });
}

/**
 * @param {Element[]} scene
 * @param {Map<string, number>} byId
 * @param {{ note: string, text: string }} action
 * @param {ExcalidrawLib} lib
 */
function rankMark(scene, byId, action, lib) {
  const index = byId.get(action.note);
  if (index === undefined) return [];
  const note = scene[index];
  const skeleton = {
    type: 'text', text: action.text, x: note.x + note.width - 34, y: note.y - 26,
    fontSize: 20, strokeColor: '#1971c2',
  };
  return tag(lib.convertToExcalidrawElements([skeleton]), lib, ours('mark', { note: action.note }));
}

/** Places warning notes beside their anchors, stacked so they never overlap each other. */
class WarningPlacement {
  /**
   * @param {Element[]} scene
   * @param {Map<string, number>} byId
   */
  constructor(scene, byId) {
    this.scene = scene;
    this.byId = byId;
    /** Warning notes already on the board (a Live change keeps them): new ones go elsewhere. */
    /** @type {{x: number, y: number, width: number, height: number}[]} */
    this.taken = scene
      .filter((element) => !element.isDeleted && element.type !== 'text' &&
        element.customData?.[MARK_KEY]?.created && element.customData[MARK_KEY].kind === 'warning')
      .map(({ x, y, width, height }) => ({ x, y, width, height }));
  }

  /** @param {string[]} anchor */
  spotFor(anchor) {
    const boxes = anchor.map((id) => this.byId.get(id)).filter((i) => i !== undefined).map((i) => this.scene[/** @type {number} */ (i)]);
    const right = boxes.length ? Math.max(...boxes.map((b) => b.x + b.width)) : 0;
    const top = boxes.length ? Math.min(...boxes.map((b) => b.y)) : 0;
    const spot = { x: right + GAP, y: top, ...WARNING_SIZE };
    while (this.taken.some((t) => overlaps(t, spot))) spot.y += WARNING_SIZE.height + GAP / 2;
    this.taken.push(spot);
    return spot;
  }
}

/** @param {{x:number,y:number,width:number,height:number}} a @param {{x:number,y:number,width:number,height:number}} b */
function overlaps(a, b) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * @param {WarningPlacement} placement
 * @param {{ id: string, code: string, severity: keyof typeof SEVERITY_FILL, text: string, anchor: string[], canvas: string | null }} action
 * @param {ExcalidrawLib} lib
 */
function warningNote(placement, action, lib) {
  const spot = placement.spotFor(action.anchor);
  const skeleton = {
    type: 'rectangle', ...spot, backgroundColor: SEVERITY_FILL[action.severity] ?? SEVERITY_FILL.info,
    fillStyle: 'solid', strokeColor: '#495057', roundness: { type: 3 },
    // The message is plain text in a text element: never interpreted as markup.
    label: { text: action.text, fontSize: 14, textAlign: 'left', verticalAlign: 'top' },
  };
  return tag(lib.convertToExcalidrawElements([skeleton]), lib,
    ours('warning', { code: action.code, severity: action.severity, anchor: action.anchor, canvas: action.canvas }));
}

/**
 * @param {Element[]} scene
 * @param {Map<string, number>} byId
 * @param {{ from: string, to: string, strength: number }} action
 * @param {ExcalidrawLib} lib
 */
function linkArrow(scene, byId, action, lib) {
  const line = centreLine(scene, byId, action);
  if (!line) return [];
  const skeleton = { ...line, strokeColor: '#1971c2', strokeStyle: 'dashed', strokeWidth: 1 + Math.round(action.strength * 2) };
  return tag(lib.convertToExcalidrawElements([skeleton]), lib, ours('link', { from: action.from, to: action.to }));
}

/**
 * An arrow skeleton from the centre of one note to the centre of another, or
 * null when either note is gone.
 * @param {Element[]} scene
 * @param {Map<string, number>} byId
 * @param {{ from: string, to: string }} pair
 */
function centreLine(scene, byId, pair) {
  const fromIndex = byId.get(pair.from);
  const toIndex = byId.get(pair.to);
  if (fromIndex === undefined || toIndex === undefined) return null;
  const a = scene[fromIndex];
  const b = scene[toIndex];
  const start = { x: a.x + a.width / 2, y: a.y + a.height / 2 };
  const end = { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  return {
    type: 'arrow', x: start.x, y: start.y, width: end.x - start.x, height: end.y - start.y,
    points: [[0, 0], [end.x - start.x, end.y - start.y]],
  };
}

/**
 * A "?" beside a note CanvasFit has a question about (with a which-section
 * guess: "? pain"), grey, at the note's top-left corner (rank marks sit at the
 * top-right). It carries the question's message.
 * @param {Element[]} scene
 * @param {Map<string, number>} byId
 * @param {{ id: string, note: string, code: string, text: string, message: string, notes: string[] }} action
 * @param {ExcalidrawLib} lib
 */
function questionMark(scene, byId, action, lib) {
  const index = byId.get(action.note);
  if (index === undefined) return [];
  const note = scene[index];
  const skeleton = { type: 'text', text: action.text, x: note.x, y: note.y - 28, fontSize: 20, strokeColor: QUESTION_COLOR };
  return tag(lib.convertToExcalidrawElements([skeleton]), lib,
    ours('question', { note: action.note, code: action.code, message: action.message, notes: action.notes }));
}

/**
 * A suggested link: a grey dashed arrow labelled "? 62 %" that carries its
 * pair. Deleting it rejects the pair; restyling it into a solid arrow
 * confirms it (harvestDecisions).
 * @param {Element[]} scene
 * @param {Map<string, number>} byId
 * @param {{ from: string, to: string, confidence: number, label: string, message: string }} action
 * @param {ExcalidrawLib} lib
 */
function suggestionArrow(scene, byId, action, lib) {
  const line = centreLine(scene, byId, action);
  if (!line) return [];
  const skeleton = { ...line, ...SUGGESTION_STYLE, label: { text: action.label, fontSize: 16, strokeColor: QUESTION_COLOR } };
  return tag(lib.convertToExcalidrawElements([skeleton]), lib,
    ours('suggestion', { from: action.from, to: action.to, confidence: action.confidence, message: action.message }));
}

/** @param {Element} element */
function isSuggestion(element) {
  const mark = element.customData?.[MARK_KEY];
  return Boolean(mark?.created) && mark.kind === 'suggestion' && element.type === 'arrow';
}

/**
 * The pairs recorded on the board, as analysis options (`options.links`).
 * @param {readonly Element[]} elements
 */
export function decisionsFromScene(elements) {
  return linkOptions(elements
    .filter((element) => !element.isDeleted && element.customData?.[LINKS_KEY] !== undefined)
    .map((element) => /** @type {[string, any]} */ ([element.id, parseRecord(element.customData[LINKS_KEY])])));
}

/**
 * The scene with one more answer recorded on the pair's `from` note; the
 * scene unchanged when that note is gone.
 * @param {readonly Element[]} elements
 * @param {string} from
 * @param {string} to
 * @param {import('../core-shell/decisions.js').Decision} decision
 * @param {ExcalidrawLib} lib
 * @returns {Element[]}
 */
export function recordDecision(elements, from, to, decision, lib) {
  return elements.map((element) => {
    if (element.id !== from || element.isDeleted) return element;
    const record = parseRecord(element.customData?.[LINKS_KEY]);
    if (decisionOf(record, to) === decision) return element;
    return lib.newElementWith(element, { customData: { ...(element.customData ?? {}), [LINKS_KEY]: withDecision(record, to, decision) } });
  });
}

/**
 * A suggestion arrow becomes the user's arrow: CanvasFit's mark and its
 * "? 62 %" label go, the look is the one given (or the user's own restyle).
 * Clear never removes it.
 * @param {Element[]} scene
 * @param {Element} arrow
 * @param {ExcalidrawLib} lib
 * @param {any} style
 */
function adopt(scene, arrow, lib, style) {
  const labels = new Set(scene.filter((e) => e.containerId === arrow.id && isCanvasFitElement(e)).map((e) => e.id));
  return scene.flatMap((element) => {
    if (labels.has(element.id)) return [];
    if (element.id !== arrow.id) return [element];
    const { [MARK_KEY]: _ours, ...rest } = element.customData ?? {};
    const boundElements = (element.boundElements ?? []).filter((/** @type {any} */ bound) => !labels.has(bound.id));
    const fresh = lib.newElementWith(element, { ...style, customData: rest, boundElements: boundElements.length ? boundElements : null });
    if (Object.keys(rest).length === 0) delete fresh.customData;
    return [fresh];
  });
}

/**
 * The pair's suggestion arrow made the user's (after a Confirm from the panel).
 * @param {readonly Element[]} elements
 * @param {string} from
 * @param {string} to
 * @param {ExcalidrawLib} lib
 */
export function adoptSuggestion(elements, from, to, lib) {
  let scene = [...elements];
  for (const arrow of elements) {
    const mark = arrow.customData?.[MARK_KEY];
    if (!arrow.isDeleted && isSuggestion(arrow) && mark.from === from && mark.to === to) scene = adopt(scene, arrow, lib, ADOPTED_STYLE);
  }
  return scene;
}

/**
 * Answers the facilitator gave on the board itself: a suggestion arrow
 * deleted rejects its pair, one restyled into a solid arrow confirms it (and
 * is the user's from then on). Returns the scene with those answers recorded
 * and the handled arrows gone (deleted) or adopted (restyled), and the answers.
 * @param {readonly Element[]} elements the scene, deleted elements included
 * @param {ExcalidrawLib} lib
 * @returns {{ elements: Element[], decided: { from: string, to: string, decision: 'confirmed' | 'rejected' }[] }}
 */
export function harvestDecisions(elements, lib) {
  /** @type {{ from: string, to: string, decision: 'confirmed' | 'rejected' }[]} */
  const decided = [];
  let scene = [...elements];
  for (const arrow of elements) {
    if (!isSuggestion(arrow)) continue;
    const { from, to } = arrow.customData[MARK_KEY];
    if (arrow.isDeleted) {
      decided.push({ from, to, decision: 'rejected' });
      // Handled once: the deleted arrow and its label leave the scene.
      scene = scene.filter((e) => e.id !== arrow.id && e.containerId !== arrow.id);
    } else if (arrow.strokeStyle !== SUGGESTION_STYLE.strokeStyle) {
      decided.push({ from, to, decision: 'confirmed' });
      scene = adopt(scene, arrow, lib, {});
    }
  }
  for (const { from, to, decision } of decided) scene = recordDecision(scene, from, to, decision, lib);
  return { elements: scene, decided };
}

/** Whether any answer waits on the board (cheap check before harvesting). @param {readonly Element[]} elements */
export function hasPendingDecisions(elements) {
  return elements.some((element) => isSuggestion(element) && (element.isDeleted || element.strokeStyle !== SUGGESTION_STYLE.strokeStyle));
}
