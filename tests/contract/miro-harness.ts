// What the Miro contract tests drive, bundled for Node by tests/contract/load.mjs.
export { FakeMiroHost, MiroRuleError, STICKY_PALETTE, MAX_METADATA_BYTES } from './fake-miro.js';
export { VirtualClock } from './clock.js';
export { sdkItemsFromRestExport, largeBoard, tagsNamed } from './miro-fixtures.js';
export { MiroSession } from '../../plugin/miro/src/session.js';
export { CreditBudget } from '../../plugin/miro/src/budget.js';
export { readSnapshot, boardJson } from '../../plugin/miro/src/read.js';
export { htmlToText, textToHtml } from '../../plugin/miro/src/html-text.js';
export { registerIcon, PANEL_URL } from '../../plugin/miro/src/headless.js';
