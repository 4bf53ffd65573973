#!/usr/bin/env bash
# Writes the CLI's reports (JSON, Markdown, text) of every bundled example,
# corpus board and benchmark board into one folder, so that a change meant to
# keep behaviour (a refactor, a faster path) can be checked byte for byte:
#
#   bash scripts/report_snapshot.sh /tmp/before      # on the old commit
#   bash scripts/report_snapshot.sh /tmp/after       # on the new one
#   diff -r /tmp/before /tmp/after && echo identical
#
# CANVASFIT_CLI picks another binary (default build/native/canvasfit). The
# styled and published canvases are not boards; scripts/measure_judgment.py
# draws and analyses them, and its printed figures can be compared the same way.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: report_snapshot.sh OUTPUT_DIR}
cli=${CANVASFIT_CLI:-build/native/canvasfit}
mkdir -p "$out"

boards=$(mktemp -d)
trap 'rm -rf "$boards"' EXIT
# The benchmark boards, in every format, at the sizes the short benchmark uses.
python3 bench/make_boards.py --out "$boards" --sizes 100,1000,10000 --single 200 >/dev/null 2>&1

# An options file with confirmed and rejected pairs, so the answer path is covered too.
options="$boards/options.json"
echo '{"links": {"confirmed": [["r1", "p1"]], "rejected": [["r2", "p1"]]}}' > "$options"

count=0
for file in examples/*.excalidraw examples/*.json tests/corpus/boards/*.json \
            "$boards"/*.excalidraw "$boards"/*.json; do
  case "$file" in */manifest.json|*/options.json) continue ;; esac
  name=$(echo "${file#"$boards"/}" | tr '/' '_')
  for format in json markdown text; do
    "$cli" analyze "$file" --format "$format" > "$out/$name.$format" 2>&1 || echo "exit $?" >> "$out/$name.$format"
  done
  "$cli" analyze "$file" --options "$options" > "$out/$name.options.json" 2>&1 || echo "exit $?" >> "$out/$name.options.json"
  count=$((count + 1))
done
echo "report_snapshot: $count boards, $(ls "$out" | wc -l) reports in $out"
