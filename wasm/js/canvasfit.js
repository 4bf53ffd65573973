// The CanvasFit WebAssembly package: a small wrapper that turns the module's
// JSON-in/JSON-out calls into objects, and its error JSON into a typed Error.
// Works from a plain <script type="module">, in Node 20 and in bundlers.
import createCanvasFitModule from './canvasfit_core.mjs';

/** A board the core could not read, or bad options. `where` names the place. */
export class CanvasFitError extends Error {
  constructor(message, where) {
    super(where ? `${where}: ${message}` : message);
    this.name = 'CanvasFitError';
    this.where = where ?? '';
    this.reason = message;
  }
}

const ERROR_SCHEMA = 'canvasfit.error/1';

function parseResult(json) {
  const value = JSON.parse(json);
  if (value && value.schema === ERROR_SCHEMA) {
    throw new CanvasFitError(value.error.message, value.error.where);
  }
  return value;
}

function toText(board) {
  return typeof board === 'string' ? board : JSON.stringify(board);
}

function optionsText(options) {
  if (options === undefined || options === null) return '';
  if (typeof options !== 'object') throw new CanvasFitError('options must be an object', 'options');
  return JSON.stringify(options);
}

/**
 * Loads the module. Everything runs locally: nothing is fetched, the wasm is inlined.
 * @returns {Promise<import('./canvasfit').CanvasFit>}
 */
export async function createCanvasFit() {
  const core = await createCanvasFitModule();
  return {
    version: core.version(),
    analyze(board, options) {
      return parseResult(core.analyze(toText(board), optionsText(options)));
    },
    render(board, options, format) {
      const text = core.render(toText(board), optionsText(options), format);
      if (text.startsWith('{') && text.includes(ERROR_SCHEMA)) parseResult(text);
      return text;
    },
    heapBytesInUse() {
      return core.heapBytesInUse();
    },
    createAnalyzer(board, options) {
      return new Analyzer(core, toText(board), optionsText(options));
    },
  };
}

/**
 * Incremental analysis of one board: upsert and remove notes, get the report
 * without re-doing unchanged canvases. Call dispose() when done: the state
 * lives in wasm memory, which JavaScript's garbage collector does not see.
 */
class Analyzer {
  constructor(core, boardText, optionsText) {
    const handle = core.createAnalyzer(boardText, optionsText);
    if (typeof handle === 'string') parseResult(handle);  // throws the CanvasFitError
    this.handle = handle;
  }

  report() {
    return parseResult(this.live().report());
  }

  /** Inserts or replaces a note (CanvasFit board format), returns the new report. */
  upsertNote(note) {
    return parseResult(this.live().upsertNote(JSON.stringify(note)));
  }

  /** Removes a note by id, returns the new report. */
  removeNote(id) {
    return parseResult(this.live().removeNote(String(id)));
  }

  /** Applies {upsert: [notes], remove: [ids]}, returns the delta since the last one. */
  edit(edits) {
    if (!edits || typeof edits !== 'object') throw new CanvasFitError('edits must be an object', 'edits');
    return parseResult(this.live().edit(JSON.stringify(edits)));
  }

  /**
   * Brings the analyzer to the whole board as it now is (notes added, changed
   * or gone; a changed frame or connector starts it over), returns the delta.
   */
  update(board) {
    return parseResult(this.live().update(toText(board)));
  }

  /**
   * Live on Excalidraw: applies {upsert: [elements], remove: [ids]} (only the
   * elements an edit changed, as Excalidraw holds them; or that object's JSON
   * text) to the scene the analyzer keeps, returns the delta. For an analyzer
   * made from, or last updated with, a whole Excalidraw scene (keepsScene()).
   */
  updateElements(edits) {
    if (typeof edits !== 'string' && (!edits || typeof edits !== 'object')) {
      throw new CanvasFitError('edits must be an object', 'edits');
    }
    return parseResult(this.live().updateElements(toText(edits)));
  }

  /** Whether updateElements() can be called: the analyzer keeps an Excalidraw scene. */
  keepsScene() {
    return this.live().keepsScene();
  }

  /** What changed since the last delta (the first: the whole report). */
  changes() {
    return parseResult(this.live().changes());
  }

  /** Counts of work done, showing what was re-analysed. */
  stats() {
    return JSON.parse(this.live().stats());
  }

  dispose() {
    this.handle?.delete();
    this.handle = null;
  }

  live() {
    if (!this.handle) throw new CanvasFitError('this analyzer was disposed', 'analyzer');
    return this.handle;
  }
}
