// The CanvasFit panel inside Miro: the shared panel (plugin/core-shell) in
// Miro's look (mirotone), the wasm core bundled into this app's own files (no
// request to any other origin), and a progress bar for long write-backs.
import 'mirotone/dist/styles.css';
import '../panel.css';
import { createCanvasFit } from '@canvasfit/wasm';
import { Panel } from '../../core-shell/panel.js';
import { MiroSession } from './session.js';
import type { Progress } from './types.js';

declare global {
  interface Window {
    /** Automation hook for the end-to-end tests. */
    canvasfitMiro?: { session: MiroSession; panel: Panel; ready: boolean };
  }
}

/** Gives the shared panel's controls mirotone's classes. */
function mirotoneLook(root: HTMLElement): void {
  for (const button of root.querySelectorAll('button')) {
    button.classList.add('button', 'button-small', button.classList.contains('primary') ? 'button-primary' : 'button-secondary');
  }
}

function progressView(host: HTMLElement): (progress: Progress | null) => void {
  const bar = document.createElement('progress');
  const label = document.createElement('span');
  host.replaceChildren(bar, label);
  return (progress) => {
    host.hidden = progress === null;
    if (!progress) return;
    if (progress.phase === 'waiting') {
      bar.removeAttribute('value');
      label.textContent = `Waiting ${progress.done} s for Miro's rate limit…`;
      return;
    }
    bar.max = Math.max(progress.total, 1);
    bar.value = progress.done;
    const verb = progress.phase === 'reading' ? 'Reading the board' : progress.phase === 'clearing' ? 'Clearing' : 'Writing back';
    label.textContent = progress.total > 1 ? `${verb}: ${progress.done} / ${progress.total}` : `${verb}…`;
  };
}

async function start(): Promise<void> {
  const root = document.getElementById('panel')!;
  const canvasfit = await createCanvasFit();
  const session = new MiroSession(window.miro.board, canvasfit);
  const panel = new Panel(root, session);
  mirotoneLook(root);
  const showProgress = progressView(document.getElementById('progress')!);
  session.onProgress = showProgress;
  session.onReport = (report) => {
    showProgress(null);
    panel.showReport(report);
    const notices = session.lastSummary?.notices ?? [];
    if (notices.length > 0) panel.status.textContent += ` Note: ${notices[0]}${notices.length > 1 ? ` (+${notices.length - 1} more)` : ''}.`;
  };
  session.onError = (error) => {
    showProgress(null);
    panel.showError(error);
  };
  window.canvasfitMiro = { session, panel, ready: true };
}

start().catch((error: Error) => {
  document.getElementById('panel')!.textContent = `CanvasFit could not start: ${error.message}`;
});
