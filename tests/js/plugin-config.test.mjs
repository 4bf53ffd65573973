// The host configuration of the plugin builds (scripts/plugin-config.mjs) and
// the server for trying the Miro app (scripts/serve-miro.mjs): the Miro app URL
// and the FigJam plugin id are configuration, a release build refuses the
// development defaults, and bad values are named with the variable they came from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, figmaPluginId, miroAppUrl } from '../../scripts/plugin-config.mjs';
import { MIRO_CONTENT_SECURITY_POLICY, serveMiro, tlsFromEnv } from '../../scripts/serve-miro.mjs';

test('the Miro app URL: localhost over HTTP while developing, HTTPS elsewhere, never localhost in a release', () => {
  assert.equal(miroAppUrl({}), 'http://localhost:3000/');
  assert.equal(miroAppUrl({ CANVASFIT_MIRO_APP_URL: 'https://apps.example.org/canvasfit' }), 'https://apps.example.org/canvasfit/');
  assert.equal(miroAppUrl({ CANVASFIT_MIRO_APP_URL: 'https://localhost:3000/' }), 'https://localhost:3000/');
  assert.throws(() => miroAppUrl({ CANVASFIT_MIRO_APP_URL: 'http://apps.example.org/' }), /CANVASFIT_MIRO_APP_URL: .* must use https/);
  assert.throws(() => miroAppUrl({ CANVASFIT_MIRO_APP_URL: 'apps.example.org' }), /CANVASFIT_MIRO_APP_URL: 'apps.example.org' is not a URL/);
  assert.throws(() => miroAppUrl({ CANVASFIT_RELEASE: '1' }), ConfigError);
  assert.throws(() => miroAppUrl({ CANVASFIT_RELEASE: '1', CANVASFIT_MIRO_APP_URL: 'https://localhost:3000/' }), /points at this machine/);
  assert.equal(miroAppUrl({ CANVASFIT_RELEASE: '1', CANVASFIT_MIRO_APP_URL: 'https://apps.example.org/' }), 'https://apps.example.org/');
});

test('the FigJam plugin id: the placeholder only outside a release, else the digits Figma assigned', () => {
  assert.equal(figmaPluginId({}), 'canvasfit-figjam');
  assert.equal(figmaPluginId({ CANVASFIT_FIGMA_PLUGIN_ID: '1329812760871373657' }), '1329812760871373657');
  assert.throws(() => figmaPluginId({ CANVASFIT_FIGMA_PLUGIN_ID: 'my-plugin' }), /CANVASFIT_FIGMA_PLUGIN_ID: 'my-plugin' is not a Figma plugin id/);
  assert.throws(() => figmaPluginId({ CANVASFIT_RELEASE: '1' }), /CANVASFIT_FIGMA_PLUGIN_ID: is not set/);
  assert.throws(() => figmaPluginId({ CANVASFIT_RELEASE: '1', CANVASFIT_FIGMA_PLUGIN_ID: 'canvasfit-figjam' }), ConfigError);
});

test('the built Miro app is served with its manifest, headers file and policy, over HTTPS with a certificate', async (t) => {
  const manifest = readFileSync(path.resolve('build/miro/app-manifest.yaml'), 'utf8');
  assert.match(manifest, /^sdkUri: http:\/\/localhost:3000\/$/m, 'the development manifest names what serve-miro serves');
  assert.match(readFileSync(path.resolve('build/miro/_headers'), 'utf8'), /Content-Security-Policy: default-src 'self'/);
  assert.throws(() => tlsFromEnv({ CANVASFIT_TLS_CERT: 'x.pem' }), /needs both/);
  assert.throws(() => tlsFromEnv({ CANVASFIT_TLS_CERT: '/nonexistent.pem', CANVASFIT_TLS_KEY: '/nonexistent.pem' }), /CANVASFIT_TLS_CERT: cannot read/);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'canvasfit-tls-'));
  const [cert, key] = [path.join(dir, 'cert.pem'), path.join(dir, 'key.pem')];
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=localhost'], { stdio: 'ignore' });
  const { server, url } = await serveMiro({ port: 0, tls: tlsFromEnv({ CANVASFIT_TLS_CERT: cert, CANVASFIT_TLS_KEY: key }) });
  t.after(() => server.close());
  assert.match(url, /^https:\/\/localhost:\d+\/$/);
  const response = await new Promise((resolve, reject) => {
    https.get(`${url}panel.html`, { rejectUnauthorized: false }, (res) => {
      let body = '';
      res.on('data', (chunk) => { body += chunk; });
      res.on('end', () => resolve({ status: res.statusCode, csp: res.headers['content-security-policy'], body }));
    }).on('error', reject);
  });
  assert.equal(response.status, 200);
  assert.equal(response.csp, MIRO_CONTENT_SECURITY_POLICY);
  assert.match(response.body, /miro\.com\/app\/static\/sdk\/v2\/miro\.js/);
});
