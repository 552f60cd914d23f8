#!/usr/bin/env bash
# Runs every libFuzzer target in fuzz/ for a bounded time each.
#   scripts/fuzz.sh            60 seconds per target
#   scripts/fuzz.sh 10         10 seconds per target (what the test command runs)
# Builds with clang in build-fuzz/ (AddressSanitizer + UBSan + libFuzzer).
# Corpora start from the repository's own test data and grow in
# build-fuzz/corpus/<target>/; a crash stops the script with the reproducer
# saved as build-fuzz/crash-* and a non-zero exit.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
build=build-fuzz

cmake -S . -B "$build" -DGRIOT_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER=clang++ >/dev/null
targets=()
for f in fuzz/*_fuzz.cc; do targets+=("$(basename "$f" .cc)"); done
cmake --build "$build" -j"$(nproc)" --target "${targets[@]}" >/dev/null

seed() {  # seed corpus files for a target, from our own test data
  case $1 in
    html_fuzz) ls tests/data/html/*.html ;;
    jsonl_record_fuzz) ls samples/*.jsonl tests/golden/details.jsonl ;;
    text_fuzz) ls tests/data/html/*.txt ;;
    kb_file_fuzz) ls kb/en/patterns/assault.txt kb/en/dates.txt kb/en/countries.txt ;;
    *) ls tests/data/html/*.html samples/*.jsonl ;;
  esac
}
for t in "${targets[@]}"; do
  corpus=$build/corpus/$t
  mkdir -p "$corpus"
  if [[ -z $(ls -A "$corpus") ]]; then
    for f in $(seed "$t"); do
      # One record per seed file keeps seeds small for the line parsers.
      if [[ $t == jsonl_record_fuzz ]]; then
        head -c 4000 "$f" | head -n 3 | split -l 1 - "$corpus/$(basename "$f")-"
      else
        head -c 65536 "$f" >"$corpus/$(basename "$f")"
      fi
    done
  fi
  echo "fuzz: $t for ${seconds}s"
  "$build/$t" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$build/crash-$t-" -print_final_stats=0 "$corpus" 2>"$build/$t.log" ||
    { tail -n 40 "$build/$t.log" >&2; echo "fuzz: $t failed; see $build/$t.log" >&2; exit 1; }
  grep -E "^#[0-9]+.*DONE|Done [0-9]+ runs" "$build/$t.log" | tail -n 1 || true
done
echo "fuzz: all targets ran ${seconds}s without a crash"
