#!/usr/bin/env bash
# Builds the native library, CLI and tests (build/native) and the wasm module
# and wasm tests (build/wasm). Incremental: re-running rebuilds what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
build_type=${CANVASFIT_BUILD_TYPE:-Release}

cmake -S . -B build/native -DCMAKE_BUILD_TYPE="$build_type" >/dev/null
cmake --build build/native -j "$jobs"

# Emscripten 3.1.6's tools need Debian's node modules; Node 20 does not look there.
export NODE_PATH=/usr/share/nodejs
emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE="$build_type" \
  -DCMAKE_CROSSCOMPILING_EMULATOR=node >/dev/null
cmake --build build/wasm -j "$jobs"

# The demo whiteboard page (Excalidraw + CanvasFit panel), into build/demo.
npx --no-install vite build --config demo/vite.config.js 2>&1 | grep -v '"use client"' || true
test -f build/demo/index.html

# The Miro app (build/miro) and the FigJam plugin (build/figjam).
npx --no-install vite build --config plugin/miro/vite.config.js
node plugin/figjam/build.mjs
test -f build/miro/panel.html && test -f build/figjam/ui.html
