// Builds the demo whiteboard page: Excalidraw from npm, the CanvasFit panel and
// the wasm package, into build/demo. scripts/serve-demo.mjs serves it.
import { defineConfig } from 'vite';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');

export default defineConfig({
  root: here,
  base: '/',
  publicDir: path.join(here, 'public'),
  logLevel: 'warn',
  resolve: {
    alias: {
      '@canvasfit/wasm': path.join(root, 'build/wasm/package/canvasfit.js'),
    },
  },
  define: {
    'process.env.IS_PREACT': JSON.stringify('false'),
  },
  build: {
    outDir: path.join(root, 'build/demo'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 8000,
    // No inline scripts or eval: the page runs under a strict Content-Security-Policy.
    modulePreload: { polyfill: false },
  },
});
