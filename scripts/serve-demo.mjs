// Serves the built demo (build/demo) and Excalidraw's fonts (at /fonts/) from
// one local origin, under a strict Content-Security-Policy: no eval (only
// 'wasm-unsafe-eval' for the wasm module), no inline script, no other origin.
//   node scripts/serve-demo.mjs [port]        (port 0 picks a free one)
import http from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SITE = path.join(root, 'build/demo');
const FONTS = path.join(root, 'node_modules/@excalidraw/excalidraw/dist/prod/fonts');

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",  // Excalidraw and React set inline styles
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.json': 'application/json', '.woff2': 'font/woff2', '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.wasm': 'application/wasm',
};

/** Maps a URL path to a file under one of the two roots, refusing anything outside them. */
function fileFor(urlPath) {
  const clean = decodeURIComponent(urlPath.split('?')[0]);
  const [base, rest] = clean.startsWith('/fonts/') ? [FONTS, clean.slice('/fonts/'.length)] : [SITE, clean.slice(1) || 'index.html'];
  const file = path.resolve(base, rest);
  return file.startsWith(base + path.sep) ? file : null;
}

export function createDemoServer() {
  return http.createServer(async (request, response) => {
    const file = fileFor(request.url ?? '/');
    try {
      if (!file || !(await stat(file)).isFile()) throw new Error('not found');
      const body = await readFile(file);
      response.writeHead(200, {
        'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
      });
      response.end(body);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain' });
      response.end('not found');
    }
  });
}

/** Starts the server on 127.0.0.1 and resolves with its base URL. */
export function startDemoServer(port = 0) {
  const server = createDemoServer();
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = /** @type {import('node:net').AddressInfo} */ (server.address());
      resolve({ server, url: `http://127.0.0.1:${actual}/` });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { url } = await startDemoServer(Number(process.argv[2] ?? 8080));
  console.log(`CanvasFit demo: open ${url} (Ctrl-C to stop)`);
}
