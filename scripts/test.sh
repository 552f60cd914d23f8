#!/usr/bin/env bash
# Builds griot and runs the whole test suite (unit, golden, knowledge-base
# self-tests, command-line tests and, when ../shared is present, the
# evaluation on the PLOVER gold sentences).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
ctest --test-dir build --output-on-failure -j"$(nproc)"
