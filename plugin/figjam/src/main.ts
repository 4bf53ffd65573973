// FigJam main code (code.js): opens the UI and answers its messages. Runs in
// Figma's sandbox, which has the document but no DOM and no wasm core.
import { Controller } from './controller.js';

figma.showUI(__html__, { width: 380, height: 660, title: 'CanvasFit', themeColors: true });
const controller = new Controller(figma, (reply) => figma.ui.postMessage(reply));
figma.ui.onmessage = (message: unknown) => {
  void controller.handle(message);
};
