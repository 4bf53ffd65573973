// The FigJam contract host for a browser page (end-to-end test): provides the
// `figma` and `__html__` globals the built code.js expects and shows the built
// ui.html in a sandboxed iframe (null origin, as in Figma), relaying
// { pluginMessage } messages both ways. Not the real FigJam.
import { FakeFigJam, type NodeSpec } from './fake-figjam.js';

declare global {
  interface Window {
    canvasfitFakeFigJam?: FakeFigJam;
  }
}

/**
 * The UI document with `csp` as its Content-Security-Policy (a meta element
 * first in the head, before any script), as the policy Figma puts on the
 * plugin's UI iframe.
 */
export function withPolicy(html: string, csp: string | undefined): string {
  if (!csp) return html;
  const meta = `<meta http-equiv="Content-Security-Policy" content="${csp.replace(/"/g, '&quot;')}">`;
  return html.replace(/<head>/i, `<head>${meta}`);
}

export function install(specs: NodeSpec[], uiHtml: string, csp?: string): FakeFigJam {
  const host = new FakeFigJam();
  host.load(specs);
  let frame: HTMLIFrameElement | null = null;
  host.onShowUI = (rawHtml, options) => {
    const html = withPolicy(rawHtml, csp);
    frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-scripts allow-downloads');
    const size = options as { width?: number; height?: number } | undefined;
    frame.style.width = `${size?.width ?? 300}px`;
    frame.style.height = `${size?.height ?? 600}px`;
    frame.srcdoc = html;
    document.body.appendChild(frame);
  };
  host.deliverToUi = (message) => frame?.contentWindow?.postMessage({ pluginMessage: message }, '*');
  window.addEventListener('message', (event: MessageEvent) => {
    if (!frame || event.source !== frame.contentWindow) return;
    const message = (event.data as { pluginMessage?: unknown } | null)?.pluginMessage;
    if (message !== undefined) host.fromUi(message);
  });
  const globals = globalThis as unknown as { figma: unknown; __html__: string };
  globals.figma = host.api;
  globals.__html__ = uiHtml;
  window.canvasfitFakeFigJam = host;
  return host;
}
