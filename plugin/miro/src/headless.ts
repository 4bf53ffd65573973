// The app's headless entry (sdkUri → index.html): Miro loads it invisibly on
// every board where the app is installed; clicking the app's icon opens the
// CanvasFit panel. It makes no other call.
import type { Miro } from '@mirohq/websdk-types';

export const PANEL_URL = 'panel.html';

export async function registerIcon(miro: Miro): Promise<void> {
  await miro.board.ui.on('icon:click', async () => {
    await miro.board.ui.openPanel({ url: PANEL_URL });
  });
}

// Only in the page Miro loads (the contract tests import this module in Node).
if (typeof window !== 'undefined' && window.miro) void registerIcon(window.miro);
