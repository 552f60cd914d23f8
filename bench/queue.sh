#!/usr/bin/env bash
# Work-queue benchmark: distributed throughput (documents/s) of 1 and 2
# `griot worker`s on this machine, against a throwaway Redis
# (scripts/redis-test-server.sh) and PostgreSQL (scripts/pg-test-server.sh).
# The corpus is ../shared/corpus/synthetic-stories/dev.jsonl when present
# (read in place), else samples/. Each run enqueues the corpus on a fresh
# stream and codes it into a fresh database with --drain; the rate counts
# coding time only (from each worker's summary: knowledge-base loading
# excluded), the slowest worker's time for the pair. See bench/README.md.
#
# Usage: bench/queue.sh [CORPUS]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

corpus=${1:-}
if [ -z "$corpus" ]; then
  corpus=../shared/corpus/synthetic-stories/dev.jsonl
  [ -f "$corpus" ] || corpus=samples
fi
griot=build/griot
[ -x "$griot" ] || { echo "bench/queue.sh: build first (cmake --build build --target griot)" >&2; exit 1; }

tmp=$(mktemp -d /tmp/griot-bench-queue.XXXXXX)
cleanup() {
  bash scripts/redis-test-server.sh stop "$tmp/redis" >/dev/null 2>&1 || true
  bash scripts/pg-test-server.sh stop "$tmp/pg" >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT
bash scripts/redis-test-server.sh start "$tmp/redis" >/dev/null
bash scripts/pg-test-server.sh start "$tmp/pg" >/dev/null
[ -s "$tmp/redis/url" ] || { echo "bench/queue.sh: no redis-server (scripts/setup.sh)" >&2; exit 1; }
[ -s "$tmp/pg/url" ] || { echo "bench/queue.sh: no PostgreSQL (scripts/setup.sh)" >&2; exit 1; }
redis=$(cat "$tmp/redis/url")
pg=$(cat "$tmp/pg/url")
pgbase=${pg%/*}

# run N: prints "documents seconds" for N workers.
run() {
  local n=$1 stream="bench-$1-$$" db="bench_$1_$$"
  psql -q "$pg" -c "CREATE DATABASE $db" >/dev/null
  "$griot" enqueue --queue "$redis/$stream" "$corpus" 2>"$tmp/enqueue-$n.err" || true
  local docs
  docs=$(sed -n 's/.*enqueued \([0-9]*\) documents.*/\1/p' "$tmp/enqueue-$n.err")
  local pids=()
  for i in $(seq "$n"); do
    "$griot" worker --queue "$redis/$stream" --db "$pgbase/$db" --consumer "b$i" --drain \
      2>"$tmp/worker-$n-$i.err" &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p"; done
  # "griot: worker b1: acknowledged ... events; 12.3 s"
  local slowest
  slowest=$(for i in $(seq "$n"); do grep -o '[0-9.e+]* s$' "$tmp/worker-$n-$i.err" | cut -d' ' -f1; done |
            sort -g | tail -1)
  echo "$docs $slowest"
}

echo "corpus: $corpus; $(nproc) cores"
read -r d1 s1 < <(run 1)
read -r d2 s2 < <(run 2)
r1=$(awk -v d="$d1" -v s="$s1" 'BEGIN { printf "%.1f", d / s }')
r2=$(awk -v d="$d2" -v s="$s2" 'BEGIN { printf "%.1f", d / s }')
echo "1 worker:  $d1 documents in $s1 s = $r1 documents/s"
echo "2 workers: $d2 documents in $s2 s = $r2 documents/s"
awk -v a="$r1" -v b="$r2" 'BEGIN { printf "ratio 2/1: %.2f\n", b / a }'
