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

start().catch((error: Error) => {
  document.getElementById('panel')!.textContent = `CanvasFit could not start: ${error.message}`;
});
