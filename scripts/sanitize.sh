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
for example in examples/*.excalidraw examples/*.json tests/corpus/boards/*.json; do
  for format in json markdown; do
    valgrind --quiet --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect \
      "$cli" analyze "$example" --format "$format" >/dev/null
  done
done
echo "valgrind: clean on $(ls examples/*.excalidraw examples/*.json tests/corpus/boards/*.json | wc -l) boards"
