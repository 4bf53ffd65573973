// Node 20: what changed between two versions of a board, as a Live host sees it.
import { readFileSync } from 'node:fs';
import { createCanvasFit } from '../../build/wasm/package/canvasfit.js';

const [before, after] = process.argv.slice(2).map((file) => readFileSync(file, 'utf8'));
const canvasfit = await createCanvasFit();
const analyzer = canvasfit.createAnalyzer(before);
try {
  analyzer.changes();                  // the first delta holds the whole report
  const delta = analyzer.update(after); // re-runs only the canvases the edit touched
  console.log(`notes changed: ${delta.notes.map((note) => note.id).join(' ') || 'none'}`);
  console.log(`links added ${delta.links_added.length}, removed ${delta.links_removed.length}`);
  console.log(`marks to redraw on: ${delta.touched.join(' ') || 'nothing'}`);
} finally {
  analyzer.dispose();
}
