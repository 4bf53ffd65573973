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
  };
}
