// The FigJam UI (ui.html, one self-contained file): the wasm core, the shared
// panel and the UI half of the message protocol.
import { createCanvasFit } from '@canvasfit/wasm';
import { Panel } from '../../core-shell/panel.js';
import { isReply, type Request } from './protocol.js';
import { FigJamSession } from './session.js';

declare global {
  interface Window {
    /** Automation hook for the end-to-end tests. */
    canvasfitFigJam?: { session: FigJamSession; panel: Panel; ready: boolean };
  }
}

async function start(): Promise<void> {
  const root = document.getElementById('panel')!;
  const canvasfit = await createCanvasFit();
  const session = new FigJamSession((request: Request) => parent.postMessage({ pluginMessage: request }, '*'), canvasfit);
  window.addEventListener('message', (event: MessageEvent) => {
    const message: unknown = (event.data as { pluginMessage?: unknown } | null)?.pluginMessage;
    if (isReply(message)) session.receive(message);
  });
  const panel = new Panel(root, session);
  session.onReport = (report) => panel.showReport(report);
  session.onError = (error) => panel.showError(error);
  window.canvasfitFigJam = { session, panel, ready: true };
}

/**
 * What the panel says when the core cannot start. FigJam does not document the
 * script policy of a plugin's UI iframe; if it refuses WebAssembly (a
 * Content-Security-Policy without 'wasm-unsafe-eval' or 'unsafe-eval'),
 * CanvasFit cannot analyse in this window, and says so instead of hanging.
 */
export function startFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/WebAssembly|wasm/i.test(message) && /Content.Security.Policy|unsafe-eval|CSP|disallowed|refused/i.test(message)) {
    return 'CanvasFit could not start: this FigJam window does not allow WebAssembly (its Content-Security-Policy '
      + 'has no \'wasm-unsafe-eval\'), which CanvasFit\'s analysis runs on. Nothing was read or changed on the board.';
  }
  return `CanvasFit could not start: ${message}`;
}

start().catch((error: unknown) => {
  const panel = document.getElementById('panel')!;
  panel.textContent = startFailure(error);
  panel.dataset.failed = 'true';
});
