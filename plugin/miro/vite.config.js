// Builds the Miro app into build/miro: index.html (the headless entry Miro
// loads from sdkUri) and panel.html (the panel), with the wasm core and
// mirotone bundled in, so the app loads nothing from another origin except
// Miro's own SDK script.
import { defineConfig } from 'vite';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { miroAppUrl } from '../../scripts/plugin-config.mjs';
import { MIRO_CONTENT_SECURITY_POLICY } from '../../scripts/serve-miro.mjs';

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

/**
 * The files a host of build/miro needs beside the pages: the app manifest with
 * sdkUri = CANVASFIT_MIRO_APP_URL (scripts/plugin-config.mjs; checked before
 * anything is built), and `_headers` (the response headers, in the format
 * static hosts such as Netlify and Cloudflare Pages read).
 */
function hostingFiles() {
  const sdkUri = miroAppUrl();
  return {
    name: 'canvasfit-hosting-files',
    generateBundle() {
      const manifest = readFileSync(path.join(root, 'manifest/miro/app-manifest.yaml'), 'utf8')
        .replace(/^sdkUri:.*$/m, `sdkUri: ${sdkUri}`);
      this.emitFile({ type: 'asset', fileName: 'app-manifest.yaml', source: manifest });
      this.emitFile({
        type: 'asset', fileName: '_headers',
        source: `/*\n  Content-Security-Policy: ${MIRO_CONTENT_SECURITY_POLICY}\n  X-Content-Type-Options: nosniff\n`,
      });
    },
  };
}

export default defineConfig({
  root: here,
  base: './',
  logLevel: 'warn',
  publicDir: false,
  plugins: [noFontCdn(), hostingFiles()],
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
