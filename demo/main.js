// The demo page: a real Excalidraw whiteboard with the CanvasFit panel beside it.
import React from 'react';
import { createRoot } from 'react-dom/client';
import {
  Excalidraw,
  CaptureUpdateAction,
  convertToExcalidrawElements,
  newElementWith,
  restore,
  serializeAsJSON,
} from '@excalidraw/excalidraw';
import '@excalidraw/excalidraw/index.css';
import { createCanvasFit } from '@canvasfit/wasm';
import { ExcalidrawSession } from '../plugin/excalidraw/session.js';
import { Panel } from '../plugin/core-shell/panel.js';
import { createDemoHook } from './hook.js';
import cafeCanvas from '../examples/cafe-canvas.excalidraw?raw';
import twoCanvases from '../examples/two-canvases.excalidraw?raw';

const EXAMPLES = {
  'cafe-canvas.excalidraw': cafeCanvas,
  'two-canvases.excalidraw': twoCanvases,
};
const lib = { convertToExcalidrawElements, newElementWith, serializeAsJSON, CaptureUpdateAction };

async function start() {
  const canvasfit = await createCanvasFit();
  const first = Object.keys(EXAMPLES)[0];
  const initial = JSON.parse(EXAMPLES[first]);
  let session;
  const onApi = (api) => {
    if (!api || session) return;
    session = new ExcalidrawSession(api, canvasfit, lib);
    const panel = new Panel(document.getElementById('panel'), session);
    session.onReport = (report) => panel.showReport(report);
    session.onError = (error) => panel.showError(error);
    // Show the whole canvas once Excalidraw has laid it out.
    setTimeout(() => api.scrollToContent(undefined, { fitToContent: true, animate: false }), 0);
    // Automation hook for scripts, the end-to-end tests and the browser benchmark (docs/demo.md).
    window.canvasfitDemo = createDemoHook({ api, session, panel, canvasfit, lib: { ...lib, restore } });
  };
  createRoot(document.getElementById('board')).render(
    React.createElement(Excalidraw, {
      excalidrawAPI: onApi,
      initialData: { elements: initial.elements, appState: { viewBackgroundColor: '#ffffff' }, scrollToContent: true },
      onChange: (elements) => session?.sceneChanged(elements),
    }),
  );
}

start().catch((error) => {
  const panel = document.getElementById('panel');
  panel.textContent = `CanvasFit could not start: ${error.message}`;
});
