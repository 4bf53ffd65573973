// What the FigJam contract tests drive, bundled for Node by tests/contract/load.mjs.
export { FakeFigJam, FigmaRuleError } from './fake-figjam.js';
export { figjamNodesFromRestExport } from './figjam-fixtures.js';
export { Controller } from '../../plugin/figjam/src/controller.js';
export { FigJamSession } from '../../plugin/figjam/src/session.js';
export { readBoard, applyPatch, clearMarks, STATUS_FILL, hexToRgb } from '../../plugin/figjam/src/adapter.js';
export { buildPatch } from '../../plugin/core-shell/patch.js';
