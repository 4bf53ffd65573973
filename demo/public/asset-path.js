// Excalidraw fetches its fonts from a CDN unless told otherwise. This module
// is imported before Excalidraw so that the fonts come from our own origin
// (scripts/serve-demo.mjs serves them at /fonts/): no outside request at all.
window.EXCALIDRAW_ASSET_PATH = '/';
