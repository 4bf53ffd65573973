// @ts-check
// What the user's content is, for Live mode: the fields the core reads, not
// Excalidraw's bookkeeping (version, nonce, timestamps) that every update bumps.
const CONTENT_FIELDS = ['id', 'type', 'x', 'y', 'width', 'height', 'text', 'originalText', 'containerId',
  'frameId', 'name', 'backgroundColor', 'strokeColor', 'startBinding', 'endBinding', 'customData'];

/** @param {any} element */
export function elementSignature(element) {
  return JSON.stringify(CONTENT_FIELDS.map((field) => element[field] ?? null));
}

/** @param {readonly any[]} elements */
export function sceneSignature(elements) {
  return JSON.stringify(elements.map((element) => CONTENT_FIELDS.map((field) => element[field] ?? null)));
}
