// Runs before Excalidraw loads (a classic script ahead of the module):
// every font comes from this page's own origin, and Chromium attempts no
// request to any other.
//
// 1. EXCALIDRAW_ASSET_PATH makes Excalidraw's font loader look for its fonts
//    here first (scripts/serve-demo.mjs serves them at /fonts/).
// 2. Excalidraw 0.18 still appends a CDN copy to each font face's sources
//    (`url(/fonts/…), url(https://esm.sh/@excalidraw/excalidraw@…/fonts/…)`,
//    see ExcalidrawFontFace.createUrls and ASSETS_FALLBACK_URL in its bundle),
//    and Chromium checks every source of a face against the page's CSP when the
//    face is created: each CDN copy (about 230 with the Xiaolai subsets) was an
//    attempted, blocked request. The FontFace constructor below keeps only the
//    sources on this origin (and data: URLs), so the CDN is never named.
window.EXCALIDRAW_ASSET_PATH = '/';

(function keepFontSourcesLocal() {
  const NativeFontFace = window.FontFace;
  if (typeof NativeFontFace !== 'function') return;
  const origin = window.location.origin;
  // One entry of a CSS src list: url(…) with an optional format(…) or tech(…).
  const SOURCE = /url\(\s*(['"]?)([^'")]*)\1\s*\)[^,]*/g;

  /** Whether a font URL names this origin (relative URLs do) or is inline. */
  function isLocal(url) {
    if (/^data:/i.test(url)) return true;
    try {
      return new URL(url, window.location.href).origin === origin;
    } catch {
      return false;
    }
  }

  /** The src list without the sources on another origin; local(…) entries are kept. */
  function localSources(source) {
    const kept = [];
    for (const part of source.split(/,(?![^(]*\))/)) {
      SOURCE.lastIndex = 0;
      const match = SOURCE.exec(part);
      if (!match || isLocal(match[2])) kept.push(part.trim());
    }
    return kept.join(', ');
  }

  class LocalFontFace extends NativeFontFace {
    constructor(family, source, descriptors) {
      // A face left with no source at all would load nothing, which is what
      // the page wants rather than a request elsewhere.
      super(family, typeof source === 'string' ? localSources(source) || 'local("CanvasFit no font")' : source, descriptors);
    }
  }
  window.FontFace = LocalFontFace;
})();
