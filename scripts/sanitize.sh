#!/usr/bin/env bash
# The GoogleTest suite under AddressSanitizer and UndefinedBehaviorSanitizer
# (clang, build/sanitize, which also holds the libFuzzer targets), then the CLI
# on every example under valgrind. Exits non-zero on any report.
#   scripts/sanitize.sh            build, run the suite, valgrind the CLI
#   scripts/sanitize.sh --build [TARGET...]   only build, everything or the named targets
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
build=build/sanitize

# -O1 keeps the suite quick under ASan; every UB report aborts the test.
flags="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
  -DCANVASFIT_FUZZ=ON >/dev/null
if [ "${1:-}" = "--build" ]; then
  shift
  cmake --build "$build" -j "$jobs" ${1:+--target "$@"}
  exit 0
fi
cmake --build "$build" -j "$jobs"

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
echo "== GoogleTest suite under ASan + UBSan"
# One process for the whole suite: ctest would start the sanitizer runtime per test.
"$build/tests/canvasfit_tests" --gtest_brief=1

echo "== CLI on every example under valgrind"
cli=build/native/canvasfit  # the ordinary g++ build: valgrind cannot run ASan binaries
[ -x "$cli" ] || cmake --build build/native --target canvasfit -j "$jobs"
# 99 marks a valgrind finding; the CLI's own codes are 0 (report) and 2 (bad input).
memcheck=(valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect)
for example in examples/*.excalidraw examples/*.json; do
  for format in json markdown html; do
    "${memcheck[@]}" "$cli" analyze "$example" --format "$format" >/dev/null
  done
done
# The error path too: a truncated board must be rejected (exit 2) cleanly.
status=0
printf '{"type": "excalidraw", "version": 2, "elements": [{"id": "a"' |
  "${memcheck[@]}" "$cli" analyze - >/dev/null 2>&1 || status=$?
[ "$status" -eq 2 ] || { echo "valgrind: the rejected board gave exit $status, expected 2"; exit 1; }
echo "valgrind: clean on $(ls examples/*.excalidraw examples/*.json | wc -l) examples and a rejected board"
