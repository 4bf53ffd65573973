// Node 20: analyse a board file and print each canvas's fit.
import { readFileSync } from 'node:fs';
import { createCanvasFit, CanvasFitError } from '../../build/wasm/package/canvasfit.js';

const canvasfit = await createCanvasFit();
try {
  const report = canvasfit.analyze(readFileSync(process.argv[2], 'utf8'), { source: process.argv[2] });
  for (const canvas of report.canvases) console.log(canvas.id, canvas.fit.verdict, canvas.fit.overall);
} catch (error) {
  if (!(error instanceof CanvasFitError)) throw error;
  console.error(`cannot read ${error.where}: ${error.reason}`);
  process.exitCode = 2;
}
