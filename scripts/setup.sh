#!/usr/bin/env bash
# Installs what CanvasFit needs on a fresh Debian 12 machine (as root), and
# nothing when it is already there. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_packages=(cmake g++ make googletest libgtest-dev libbenchmark-dev nlohmann-json3-dev
              emscripten chromium clang libclang-rt-14-dev valgrind)

missing=()
for package in "${apt_packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# Node 20 and npm come with the machine image (Debian's own nodejs is older).
command -v node >/dev/null || { echo "setup: Node.js 20 is required" >&2; exit 1; }

if [ -f package-lock.json ]; then
  # npm ci is quick when node_modules already matches the lockfile.
  if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.canvasfit-lock; then
    # npm 11.19 leaves other platforms' optional binaries (rollup, esbuild) out
    # of the lockfile and then `npm ci` refuses it as out of sync; `npm install`
    # installs the same locked versions and only resolves this platform's binary.
    npm ci --no-audit --no-fund 2>/dev/null || npm install --no-audit --no-fund
    cp package-lock.json node_modules/.canvasfit-lock
  fi
fi
