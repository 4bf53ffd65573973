#!/usr/bin/env bash
# Writes the one-page HTML summary of each bundled Excalidraw example into
# examples/summaries/ with the CLI (build/native/canvasfit). The test
# SummaryExample.MatchesTheCheckedInPage compares them with the core's output.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p examples/summaries
for board in examples/*.excalidraw; do
  name=$(basename "$board")
  build/native/canvasfit analyze "$board" --format html > "examples/summaries/$name.html"
  echo "examples/summaries/$name.html"
done
