// Builds the Miro app into build/miro: index.html (the headless entry Miro
// loads from sdkUri) and panel.html (the panel), with the wasm core and
// mirotone bundled in, so the app loads nothing from another origin except
// Miro's own SDK script.
import { defineConfig } from 'vite';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

/** mirotone's stylesheet imports Open Sans from a font CDN: the panel uses the system's fonts instead. */
function noFontCdn() {
  return {
    name: 'canvasfit-no-font-cdn',
    transform(code, id) {
      if (!id.includes('mirotone') || !id.endsWith('.css')) return null;
      return code.replace(/@import\s+url\(["']?https?:[^)]*\)\s*;?/g, '');
    },
  };
}

export default defineConfig({
  root: here,
  base: './',
  logLevel: 'warn',
  publicDir: false,
  plugins: [noFontCdn()],
  resolve: {
    alias: { '@canvasfit/wasm': path.join(root, 'build/wasm/package/canvasfit.js') },
  },
  build: {
    outDir: path.join(root, 'build/miro'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 8000,
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: { index: path.join(here, 'index.html'), panel: path.join(here, 'panel.html') },
    },
  },
});
