// Serves the built Miro app (build/miro) for trying it in a Miro developer
// team, at the address the development manifest names (http://localhost:3000/),
// under the app's Content-Security-Policy.
//   node scripts/serve-miro.mjs [port]                      HTTP on localhost
//   CANVASFIT_TLS_CERT=cert.pem CANVASFIT_TLS_KEY=key.pem \
//   node scripts/serve-miro.mjs [port]                      HTTPS (see docs/plugins.md)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDirectory } from './static-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The policy the app's pages run under: its own files, Miro's SDK script, wasm
 * without eval, and the one stylesheet of the summary the panel shows in a
 * srcdoc iframe (which inherits this policy), allowed by its hash (docs/summary.md).
 */
export const SUMMARY_STYLE_HASH = "'sha256-qp9AIzfQPXLeQffNGrNrImUvUv7Uh5K4OId3YphruXU='";
export const MIRO_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' https://miro.com; "
  + `style-src 'self' ${SUMMARY_STYLE_HASH}; img-src 'self' data:; connect-src 'self' data:; object-src 'none'; base-uri 'none'`;

/** The certificate and key named by CANVASFIT_TLS_CERT / CANVASFIT_TLS_KEY, or none (HTTP). */
export function tlsFromEnv(env = process.env) {
  const { CANVASFIT_TLS_CERT: cert, CANVASFIT_TLS_KEY: key } = env;
  if (!cert && !key) return undefined;
  if (!cert || !key) throw new Error('HTTPS needs both CANVASFIT_TLS_CERT and CANVASFIT_TLS_KEY (PEM files)');
  const read = (variable, file) => {
    try {
      return readFileSync(file, 'utf8');
    } catch (error) {
      throw new Error(`${variable}: cannot read '${file}' (${error.code ?? error.message})`);
    }
  };
  return { cert: read('CANVASFIT_TLS_CERT', cert), key: read('CANVASFIT_TLS_KEY', key) };
}

export function serveMiro({ port = 3000, tls } = {}) {
  return serveDirectory(path.join(root, 'build/miro'), MIRO_CONTENT_SECURITY_POLICY, { port, host: 'localhost', tls });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? 3000);
  const { url } = await serveMiro({ port, tls: tlsFromEnv() });
  console.log(`CanvasFit for Miro: ${url} (the app URL, sdkUri, of your development app). Ctrl-C stops.`);
}
