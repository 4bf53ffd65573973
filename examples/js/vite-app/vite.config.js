// In a real app '@canvasfit/wasm' comes from npm; here it points at the build.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  logLevel: 'warn',
  resolve: { alias: { '@canvasfit/wasm': fileURLToPath(new URL('../../../build/wasm/package/canvasfit.js', import.meta.url)) } },
  build: { outDir: fileURLToPath(new URL('../../../build/vite-example', import.meta.url)), emptyOutDir: true, target: 'es2022' },
});
