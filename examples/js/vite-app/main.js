// A Vite app: the package is imported like any npm dependency.
import { createCanvasFit } from '@canvasfit/wasm';
import board from '../../two-canvases.excalidraw?raw';

const canvasfit = await createCanvasFit();
const report = canvasfit.analyze(board, { source: 'two-canvases.excalidraw' });
document.getElementById('out').textContent = report.canvases
  .map((canvas) => `${canvas.id}: ${canvas.sections.pains.length} pains, fit ${canvas.fit.verdict}`)
  .join('\n');
