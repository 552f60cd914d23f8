#!/usr/bin/env bash
# Builds griot and runs every test:
#   1. the suite on the Release build (unit, golden, knowledge-base
#      self-tests, command-line, crash-safety and input tests and, when
#      ../shared is present, the evaluation on the PLOVER gold sentences);
#   2. the same suite on an AddressSanitizer + UndefinedBehaviorSanitizer
#      build (build-asan/);
#   3. every libFuzzer target for a few seconds (scripts/fuzz.sh).
#   scripts/test.sh --quick    only step 1 (while developing)
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs"
[ "${1:-}" = "--quick" ] && exit 0

echo "test: sanitizer build (ASan + UBSan)"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGRIOT_SANITIZE=ON >/dev/null
cmake --build build-asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j"$jobs"

echo "test: fuzz targets"
bash scripts/fuzz.sh "${GRIOT_FUZZ_SECONDS:-10}"
