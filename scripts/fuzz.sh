#!/usr/bin/env bash
# Runs the libFuzzer targets (fuzz/) built by scripts/sanitize.sh.
#   scripts/fuzz.sh [SECONDS] [TARGET...]   explore: each target SECONDS (default 300),
#       keeping what it learns in build/fuzz-work/ and every crash, leak, timeout
#       or out-of-memory input as a regression input in tests/fuzz/regressions/TARGET/,
#       which the GoogleTest suite replays (tests/cpp/report/test_hostile_catalogue.cpp).
#   scripts/fuzz.sh --ci [SECONDS]          each target SECONDS (default 10) on its seed
#       corpus and the regression inputs; fails on any finding, writes nothing in the tree.
# Targets: read_canvasfit read_excalidraw read_miro analyze html_text json_pull
# (json_pull: the pull reader against nlohmann on arbitrary text).
set -euo pipefail
cd "$(dirname "$0")/.."

mode=explore
if [ "${1:-}" = "--ci" ]; then mode=ci; shift; fi
seconds=${1:-$([ "$mode" = ci ] && echo 10 || echo 300)}
shift $(( $# > 0 ? 1 : 0 ))
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(read_canvasfit read_excalidraw read_miro analyze html_text json_pull)

bash scripts/sanitize.sh --build "${targets[@]/#/fuzz_}" >/dev/null
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

# The first directory receives new corpus entries, so it is never one in the tree.
common=(-timeout=10 -rss_limit_mb=2048 -dict=fuzz/board.dict -print_final_stats=1
        -max_total_time="$seconds")
failed=0
for target in "${targets[@]}"; do
  binary=build/sanitize/fuzz/fuzz_$target
  work=build/fuzz-work/$target
  regressions=tests/fuzz/regressions/$target
  inputs=(fuzz/corpus/"$target")
  [ -d "$regressions" ] && inputs+=("$regressions")
  if [ "$mode" = ci ]; then
    rm -rf "$work/ci" && mkdir -p "$work/ci"
    echo "== fuzz_$target for ${seconds}s (CI)"
    if ! "$binary" "${common[@]}" -artifact_prefix="$work/ci/" "$work/ci" "${inputs[@]}" \
        > "$work/ci.log" 2>&1; then
      tail -40 "$work/ci.log"
      echo "fuzz_$target FAILED: the input is in $work/ci/ (crash-*, timeout-*, oom-*, leak-*)"
      failed=1
    fi
    grep -E "stat::number_of_executed_units|Done [0-9]+ runs" "$work/ci.log" | tail -1 || true
    continue
  fi
  mkdir -p "$work/corpus" "$work/artifacts"
  echo "== fuzz_$target for ${seconds}s"
  # Fork mode keeps going after a crash, so one run can find several.
  "$binary" "${common[@]}" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -artifact_prefix="$work/artifacts/" "$work/corpus" "${inputs[@]}" > "$work/explore.log" 2>&1 || true
  grep -E "^#[0-9]+.*DONE|INFO: exiting|stat::" "$work/explore.log" | tail -3 || true
  for artifact in "$work"/artifacts/*; do
    [ -f "$artifact" ] || continue
    mkdir -p "$regressions"
    kept="$regressions/$(basename "$artifact")"
    if [ ! -f "$kept" ]; then
      cp "$artifact" "$kept"
      echo "kept new finding: $kept"
      failed=1
    fi
  done
done
exit $failed
