#!/usr/bin/env bash
# The main job: installs what is missing, builds, and analyses the bundled
# example boards with the CLI, printing each report as readable text.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
bash scripts/build.sh

for board in examples/cafe-canvas.excalidraw examples/miro-saas-canvas.json \
             examples/two-canvases.excalidraw; do
  echo
  build/native/canvasfit analyze "$board" --format text
done
