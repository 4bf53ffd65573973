#!/usr/bin/env bash
# Every benchmark, one table (bench/README.md explains it):
#   bash scripts/bench.sh               all sizes (100 to 50,000 notes), a few minutes
#   bash scripts/bench.sh --short       100 and 1,000 notes only: the form CI runs
#   bash scripts/bench.sh --skip-build  use build/native and build/wasm as they are
# Other flags (--reps N, --no-browser) go to bench/run.mjs. Results go to
# build/bench/results.md and results.json; boards to build/bench/boards.
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
run_args=()
for arg in "$@"; do
  if [ "$arg" = "--skip-build" ]; then build=0; else run_args+=("$arg"); fi
done

if [ "$build" = 1 ]; then
  bash scripts/setup.sh
  bash scripts/build.sh
fi

# The wasm benchmark entry, linked against the wasm build of the core. Not part
# of the package; rebuilt only when its sources or the core changed.
export NODE_PATH=/usr/share/nodejs
out=build/wasm/bench
core_lib=build/wasm/core/libcanvasfit_core.a
mkdir -p "$out"
echo '{"type": "commonjs"}' > "$out/package.json"
stale=0
[ -f "$out/canvasfit_bench.wasm" ] || stale=1
for source in bench/wasm_bench.cpp bench/stages.cpp bench/stages.hpp "$core_lib"; do
  if [ "$source" -nt "$out/canvasfit_bench.wasm" ]; then stale=1; fi
done
if [ "$stale" = 1 ]; then
  echo "bench: linking $out/canvasfit_bench.js" >&2
  # The core's flags, wasm exception handling included (root CMakeLists.txt):
  # code built for the two kinds of exceptions does not link together.
  em++ -O3 -DNDEBUG -std=c++17 -fwasm-exceptions \
    -Icore/include -Icore/src -Ibuild/wasm/staged-include \
    bench/wasm_bench.cpp bench/stages.cpp "$core_lib" -o "$out/canvasfit_bench.js" \
    --bind -sMODULARIZE=1 -sEXPORT_NAME=createBenchModule -sALLOW_MEMORY_GROWTH=1 \
    -sFILESYSTEM=0 -sENVIRONMENT=node
fi

node bench/run.mjs "${run_args[@]}"
