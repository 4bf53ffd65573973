// @ts-check
// The demo page's automation hook, window.canvasfitDemo (docs/demo.md): what a
// test or a script needs to drive the page without clicking, through the same
// session the panel uses.
//   loadScene(scene)  replace the board with an Excalidraw scene (JSON text or object)
//   analyze()         what the panel's Analyse does; resolves to the report
//   clear()           what the panel's Clear does
//   getScene()        the board as an exported .excalidraw file holds it
// Everything the page knows about Excalidraw stays in main.js and the adapter;
// the Excalidraw helpers arrive in `lib`.

/** Element types an Excalidraw 0.18 scene may hold (its restore step drops any other type silently). */
const ELEMENT_TYPES = new Set([
  'rectangle', 'ellipse', 'diamond', 'text', 'arrow', 'line', 'freedraw', 'image',
  'frame', 'magicframe', 'embeddable', 'iframe', 'selection',
]);
const NUMBER_FIELDS = ['x', 'y', 'width', 'height', 'angle'];
const STRING_FIELDS = ['text', 'originalText', 'strokeColor', 'backgroundColor', 'containerId', 'frameId', 'index'];

/** A loadScene input that is not an Excalidraw scene. */
export class SceneError extends Error {
  /** @param {string} where a JSON pointer into the scene ('' for the whole) @param {string} reason */
  constructor(where, reason) {
    super(`loadScene: ${where ? `${where}: ` : ''}${reason}`);
    this.name = 'SceneError';
    this.where = where;
    this.reason = reason;
  }
}

/** @param {unknown} value */
function describe(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  return `a ${typeof value}`;
}

/** @param {unknown} value @returns {value is Record<string, any>} */
function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads and checks a scene given to loadScene: JSON text or an object shaped
 * like an .excalidraw file ({type: 'excalidraw', elements: [...]}, appState
 * and files optional). Throws SceneError naming the first thing wrong.
 * @param {unknown} input
 * @returns {{ type: 'excalidraw', elements: Record<string, any>[], appState?: Record<string, any>, files?: Record<string, any> }}
 */
export function parseScene(input) {
  let scene = input;
  if (typeof input === 'string') {
    try {
      scene = JSON.parse(input);
    } catch (error) {
      throw new SceneError('', `not JSON (${/** @type {Error} */ (error).message})`);
    }
  }
  if (!isObject(scene)) throw new SceneError('', `expected an Excalidraw scene (JSON text or an object), got ${describe(scene)}`);
  if (scene.type !== 'excalidraw') {
    throw new SceneError('/type', `expected "excalidraw", got ${scene.type === undefined ? 'nothing' : describe(scene.type)}`);
  }
  if (!Array.isArray(scene.elements)) throw new SceneError('/elements', `expected an array of elements, got ${scene.elements === undefined ? 'nothing' : describe(scene.elements)}`);
  for (const field of ['appState', 'files']) {
    if (scene[field] !== undefined && scene[field] !== null && !isObject(scene[field])) {
      throw new SceneError(`/${field}`, `expected an object, got ${describe(scene[field])}`);
    }
  }
  const ids = new Set();
  scene.elements.forEach((element, i) => {
    const at = `/elements/${i}`;
    if (!isObject(element)) throw new SceneError(at, `expected an element object, got ${describe(element)}`);
    if (typeof element.id !== 'string' || element.id === '') throw new SceneError(`${at}/id`, `expected a non-empty string, got ${describe(element.id)}`);
    if (ids.has(element.id)) throw new SceneError(`${at}/id`, `duplicate id ${JSON.stringify(element.id)}`);
    ids.add(element.id);
    if (typeof element.type !== 'string' || !ELEMENT_TYPES.has(element.type)) {
      throw new SceneError(`${at}/type`, `unknown element type ${describe(element.type)} (element ${JSON.stringify(element.id)})`);
    }
    for (const field of NUMBER_FIELDS) {
      const value = element[field];
      if (value !== undefined && !(typeof value === 'number' && Number.isFinite(value))) {
        throw new SceneError(`${at}/${field}`, `expected a finite number, got ${describe(value)} (element ${JSON.stringify(element.id)})`);
      }
    }
    for (const field of STRING_FIELDS) {
      const value = element[field];
      if (value !== undefined && value !== null && typeof value !== 'string') {
        throw new SceneError(`${at}/${field}`, `expected a string, got ${describe(value)} (element ${JSON.stringify(element.id)})`);
      }
    }
  });
  return /** @type {any} */ (scene);
}

/**
 * Whether `key` is an order key Excalidraw can place new elements after: a
 * fractional index (base-62 digits; a head letter giving the length of the
 * integer part, a-z upwards, A-Z downwards; a fraction not ending in 0).
 * Excalidraw's restore step keeps any key that sorts in order, so a key such
 * as 'a0060' (trailing zero) survives it, and then every later write that adds
 * an element fails with "invalid order key".
 * @param {unknown} key
 */
export function isValidOrderKey(key) {
  if (typeof key !== 'string' || !/^[0-9A-Za-z]+$/.test(key)) return false;
  const head = key.charCodeAt(0);
  const integer = head >= 97 && head <= 122 ? head - 97 + 2 : head >= 65 && head <= 90 ? 90 - head + 2 : 0;
  if (integer === 0 || key.length < integer) return false;
  if (key === `A${'0'.repeat(26)}`) return false;  // below the smallest key
  return !key.slice(integer).endsWith('0');
}

/** Resolves after the browser has painted twice (Excalidraw renders on animation frames). */
function painted() {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(undefined))));
}

/**
 * Runs a session call and reports the error it passed to session.onError
 * (the panel shows it as usual), if any.
 * @template T
 * @param {any} session @param {() => T} call
 * @returns {{ result: T, failure: Error | null }}
 */
function observed(session, call) {
  const shown = session.onError;
  /** @type {Error | null} */
  let failure = null;
  session.onError = (/** @type {Error} */ error) => {
    failure = error;
    shown.call(session, error);
  };
  try {
    return { result: call(), failure };
  } finally {
    session.onError = shown;
  }
}

/**
 * @typedef {{ type: 'excalidraw', version: number, source: string, elements: Record<string, any>[],
 *             appState: Record<string, any>, files: Record<string, any> }} ExcalidrawFile
 * @typedef {{ session: any, panel: any, canvasfit: any, ready: true,
 *             loadScene(scene: string | object): Promise<void>, analyze(): Promise<any>,
 *             clear(): Promise<void>, getScene(): ExcalidrawFile }} CanvasFitDemo
 */

/**
 * @param {{ api: any, session: any, panel: any, canvasfit: any,
 *           lib: { restore: Function, CaptureUpdateAction: Record<string, string> } }} parts
 * @returns {CanvasFitDemo}
 */
export function createDemoHook({ api, session, panel, canvasfit, lib }) {
  return {
    session,
    panel,
    canvasfit,
    ready: true,

    /**
     * Replaces the board with `scene` the way Excalidraw opens a file (its
     * restore step: defaults filled in, bindings repaired, missing or invalid
     * order keys replaced), forgets the previous board's report, answers and
     * undo history, and resolves once Excalidraw has drawn the new board.
     * Bad input rejects with a SceneError and leaves the board as it was.
     * @param {string | object} scene
     * @returns {Promise<void>}
     */
    async loadScene(scene) {
      const checked = parseScene(scene);
      // Keys Excalidraw could not extend are dropped; its restore step gives
      // those elements (and any without a key) new ones, in array order.
      const elements = checked.elements.map((element) => {
        if (element.index === undefined || element.index === null || isValidOrderKey(element.index)) return element;
        const unkeyed = { ...element };
        delete unkeyed.index;
        return unkeyed;
      });
      const restored = lib.restore(
        { elements, appState: checked.appState ?? undefined, files: checked.files ?? undefined },
        api.getAppState(), api.getSceneElementsIncludingDeleted(), { repairBindings: true },
      );
      const files = Object.values(restored.files ?? {});
      if (files.length > 0) api.addFiles(files);
      api.updateScene({
        elements: restored.elements,
        appState: { viewBackgroundColor: restored.appState.viewBackgroundColor, selectedElementIds: {} },
        captureUpdate: lib.CaptureUpdateAction.NEVER,
      });
      api.history.clear();
      // A new board: nothing of the last one's analysis applies (Live, when
      // on, analyses the new board as after any edit).
      session.reset();
      session.onReport(null);
      api.scrollToContent(undefined, { fitToContent: true, animate: false });
      await document.fonts.ready;
      await painted();
    },

    /**
     * Analyses the board and writes CanvasFit's marks onto it, as the panel's
     * Analyse does. Resolves to the report; rejects with the error the panel shows.
     * @returns {Promise<any>}
     */
    async analyze() {
      const { result, failure } = observed(session, () => session.analyse());
      if (!result) throw failure ?? new Error('CanvasFit could not analyse the board');
      await painted();
      return result;
    },

    /** Removes everything CanvasFit wrote and restores the notes, as the panel's Clear does. @returns {Promise<void>} */
    async clear() {
      const { failure } = observed(session, () => session.clear());
      if (failure) throw failure;
      await painted();
    },

    /** The board as Excalidraw scene JSON: what the panel's Board export writes to a .excalidraw file. @returns {ExcalidrawFile} */
    getScene() {
      return JSON.parse(session.exportBoard());
    },
  };
}
