// The Miro contract host for a browser page: served in place of Miro's SDK
// script in the end-to-end test, it installs `window.miro` on a board made
// from the bundled example. Not the real Miro.
import { FakeMiroHost, type StoredItem } from './fake-miro.js';

declare global {
  interface Window {
    canvasfitFakeMiro?: FakeMiroHost;
    canvasfitFakeItems?: StoredItem[];
  }
}

export function install(items: StoredItem[]): FakeMiroHost {
  const host = new FakeMiroHost();
  host.load(items);
  window.canvasfitFakeMiro = host;
  (window as unknown as { miro: unknown }).miro = host.miro;
  return host;
}
