// The host configuration the plugin builds read from the environment, so that
// where the Miro app is hosted and which id Figma gave the FigJam plugin are
// configuration, not code (docs/plugins.md, "Install"):
//   CANVASFIT_MIRO_APP_URL     where build/miro is served (the manifest's sdkUri)
//   CANVASFIT_FIGMA_PLUGIN_ID  the id Figma assigned to the plugin (manifest id)
//   CANVASFIT_RELEASE=1        a release build: both must be set and real
// A development build without them gets http://localhost:3000/ (what
// scripts/serve-miro.mjs serves) and the placeholder id `canvasfit-figjam`.

export const DEFAULT_MIRO_APP_URL = 'http://localhost:3000/';
export const FIGMA_PLACEHOLDER_ID = 'canvasfit-figjam';

export class ConfigError extends Error {
  constructor(variable, reason) {
    super(`${variable}: ${reason}`);
    this.name = 'ConfigError';
    this.variable = variable;
  }
}

export function isRelease(env = process.env) {
  return env.CANVASFIT_RELEASE === '1';
}

/**
 * The Miro app URL (manifest sdkUri). Miro wants HTTPS, and accepts HTTP only
 * for localhost while developing; a release build must not point at this
 * machine. The URL ends with '/' (index.html and panel.html sit under it).
 */
export function miroAppUrl(env = process.env) {
  const variable = 'CANVASFIT_MIRO_APP_URL';
  const raw = (env[variable] ?? '').trim();
  if (!raw) {
    if (isRelease(env)) throw new ConfigError(variable, 'is not set: a release build needs the HTTPS address where build/miro is hosted');
    return DEFAULT_MIRO_APP_URL;
  }
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(variable, `'${raw}' is not a URL`);
  }
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw new ConfigError(variable, `'${raw}' must use https (Miro accepts http only for localhost)`);
  }
  if (isRelease(env) && local) throw new ConfigError(variable, `'${raw}' points at this machine: a release build needs the address where the app is hosted`);
  if (url.search || url.hash || url.username || url.password) throw new ConfigError(variable, `'${raw}' must be a plain address (no query, fragment or credentials)`);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

/** The FigJam plugin id (manifest id): digits, as Figma assigns them; the placeholder only outside a release. */
export function figmaPluginId(env = process.env) {
  const variable = 'CANVASFIT_FIGMA_PLUGIN_ID';
  const raw = (env[variable] ?? '').trim();
  if (!raw || raw === FIGMA_PLACEHOLDER_ID) {
    if (isRelease(env)) {
      throw new ConfigError(variable, 'is not set: a release build needs the id Figma assigned to the plugin (docs/plugins.md, "FigJam: the plugin id")');
    }
    return FIGMA_PLACEHOLDER_ID;
  }
  if (!/^\d{6,30}$/.test(raw)) throw new ConfigError(variable, `'${raw}' is not a Figma plugin id (the digits Figma assigns)`);
  return raw;
}
