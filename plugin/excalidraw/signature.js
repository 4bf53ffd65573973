// @ts-check
// What the user's content is, for Live mode: the fields the core reads
// (core/src/read/read_excalidraw.cpp; tests/js checks the two agree), not
// Excalidraw's bookkeeping (version, nonce, timestamps) that every update bumps.
export const CONTENT_FIELDS = ['id', 'type', 'x', 'y', 'width', 'height', 'text', 'originalText', 'containerId',
  'frameId', 'name', 'backgroundColor', 'strokeColor', 'startBinding', 'endBinding', 'customData'];
/** Read of lines only, which may divide a drawn template into sections; every other element leaves them out. */
export const LINE_FIELDS = ['points', 'angle'];

/** @param {any} element */
const fieldsOf = (element) => (element.type === 'line' ? [...CONTENT_FIELDS, ...LINE_FIELDS] : CONTENT_FIELDS);

/**
 * The element as the core reads it: its content fields and isDeleted, no
 * more. A 2,000-note scene handed to the core this way is a third of the
 * text to serialise, copy into wasm memory and read on every Live edit.
 * @param {any} element
 */
export function contentOf(element) {
  /** @type {Record<string, any>} */
  const content = {};
  for (const field of fieldsOf(element)) if (element[field] !== undefined) content[field] = element[field];
  if (element.isDeleted !== undefined) content.isDeleted = element.isDeleted;
  return content;
}

/** @param {any} element */
export function elementSignature(element) {
  return JSON.stringify(fieldsOf(element).map((field) => element[field] ?? null));
}
