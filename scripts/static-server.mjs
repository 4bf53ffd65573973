// A static file server for the plugin pages (the end-to-end tests, and
// scripts/serve-miro.mjs for trying the Miro app), with the
// Content-Security-Policy the pages are meant to run under, over HTTP or, with
// a certificate, HTTPS.
import http from 'node:http';
import https from 'node:https';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
};

/**
 * Serves `base` on `host` (`port` 0: a free one). With `tls` ({cert, key},
 * PEM text) over HTTPS. Resolves with the server and its base URL.
 */
export function serveDirectory(base, contentSecurityPolicy, { port = 0, host = '127.0.0.1', tls } = {}) {
  const handle = async (request, response) => {
    const clean = decodeURIComponent((request.url ?? '/').split('?')[0]);
    const file = path.resolve(base, clean.slice(1) || 'index.html');
    try {
      if (!file.startsWith(base + path.sep) || !(await stat(file)).isFile()) throw new Error('not found');
      const headers = { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'X-Content-Type-Options': 'nosniff' };
      if (contentSecurityPolicy) headers['Content-Security-Policy'] = contentSecurityPolicy;
      response.writeHead(200, headers);
      response.end(await readFile(file));
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain' });
      response.end('not found');
    }
  };
  const server = tls ? https.createServer(tls, handle) : http.createServer(handle);
  const scheme = tls ? 'https' : 'http';
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve({ server, url: `${scheme}://${host}:${server.address().port}/` }));
  });
}
