// A static file server on 127.0.0.1 for the plugin pages in the end-to-end
// tests, with the Content-Security-Policy the page is meant to run under.
import http from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
};

export function serveDirectory(base, contentSecurityPolicy) {
  const server = http.createServer(async (request, response) => {
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
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}/` }));
  });
}
