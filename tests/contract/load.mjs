// Bundles a TypeScript entry of the contract tests for Node with esbuild (no
// type check here: `tsc --strict` runs separately) and imports it.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Bundles `entry` (relative to the repository root) and imports it. */
export async function loadTs(entry, options = {}) {
  const outdir = path.join(root, 'build/contract');
  mkdirSync(outdir, { recursive: true });
  const outfile = path.join(outdir, `${path.basename(entry, '.ts')}.mjs`);
  await build({
    entryPoints: [path.join(root, entry)], bundle: true, format: 'esm', platform: 'neutral', target: 'es2022',
    outfile, logLevel: 'warning', external: ['node:*'], ...options,
  });
  return import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
}

/** Bundles `entry` as one classic script (for a browser page) and returns its text. */
export async function bundleForBrowser(entry, globalName) {
  const result = await build({
    entryPoints: [path.join(root, entry)], bundle: true, format: 'iife', globalName, platform: 'browser',
    target: 'es2020', write: false, logLevel: 'warning',
  });
  return result.outputFiles[0].text;
}

/** The wasm core, as built by scripts/build.sh. */
export async function loadCanvasFit() {
  const { createCanvasFit } = await import(pathToFileURL(path.join(root, 'build/wasm/package/canvasfit.js')).href);
  return createCanvasFit();
}
