#!/usr/bin/env bash
# The main job: installs what is missing, builds, analyses the bundled example
# boards with the CLI, then serves the demo whiteboard (Excalidraw with the
# CanvasFit panel, on the bundled café canvas) at http://127.0.0.1:8080/.
#   CANVASFIT_DEMO_PORT=9000 bash scripts/demo.sh     another port
#   CANVASFIT_DEMO_SERVE=0 bash scripts/demo.sh       reports only, no server
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
bash scripts/build.sh

for board in examples/cafe-canvas.excalidraw examples/miro-saas-canvas.json \
             examples/two-canvases.excalidraw examples/drawn-canvas.excalidraw; do
  echo
  build/native/canvasfit analyze "$board" --format text
done

# Proof that the page works without a person at the screen: open it in
# headless Chromium, press Analyse, save a screenshot.
node scripts/demo-snapshot.mjs build/demo-analysed.png

if [ "${CANVASFIT_DEMO_SERVE:-1}" != "0" ]; then
  echo
  node scripts/serve-demo.mjs "${CANVASFIT_DEMO_PORT:-8080}"
fi
