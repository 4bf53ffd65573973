// Builds the FigJam plugin into build/figjam:
//   code.js     the main code, one classic script for Figma's sandbox (ES2017);
//   ui.html     the UI as ONE file: styles, the panel and the wasm core inlined
//               (Figma loads the UI from a string; it cannot fetch files);
//   manifest.json  manifest/figjam with the id Figma assigned
//               (CANVASFIT_FIGMA_PLUGIN_ID, scripts/plugin-config.mjs; the
//               placeholder only outside a release build), to import from there.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { figmaPluginId } from '../../scripts/plugin-config.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const out = path.join(root, 'build/figjam');
const pluginId = figmaPluginId();  // before building: a release without the real id stops here
mkdirSync(out, { recursive: true });

await build({
  entryPoints: [path.join(here, 'src/main.ts')], bundle: true, format: 'iife', target: 'es2017',
  outfile: path.join(out, 'code.js'), logLevel: 'warning',
});

const ui = await build({
  entryPoints: [path.join(here, 'src/ui.ts')], bundle: true, format: 'esm', target: 'es2020', write: false,
  alias: { '@canvasfit/wasm': path.join(root, 'build/wasm/package/canvasfit.js') }, logLevel: 'warning',
});

/** Inline script text must not close the element or open an HTML comment. */
function inlineSafe(code) {
  return code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

const css = readFileSync(path.join(here, 'ui.css'), 'utf8');
const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<title>CanvasFit</title>
<style>${css}</style>
</head>
<body>
<aside id="panel" aria-label="CanvasFit panel"></aside>
<script type="module">${inlineSafe(ui.outputFiles[0].text)}</script>
</body>
</html>
`;
writeFileSync(path.join(out, 'ui.html'), html);
const manifest = JSON.parse(readFileSync(path.join(root, 'manifest/figjam/manifest.json'), 'utf8'));
writeFileSync(path.join(out, 'manifest.json'), `${JSON.stringify({ ...manifest, id: pluginId }, null, 2)}\n`);
