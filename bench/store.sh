#!/usr/bin/env bash
# Store benchmark: builds a synthetic store of N events through the Store
# interface (as `griot code --db` writes: documents, events, participants,
# record outcomes, then duplicate linking and the rollups) and times typical
# queries and aggregations on it, on SQLite and on a throwaway PostgreSQL
# server. See bench/README.md.
#
# Then it loads --append more events (default 10,000) dated in the store's
# last week into it, as a daily update does, and prints the same figures.
#
# Usage: bench/store.sh [--events N] [--runs N] [--append N] [--sqlite-only]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

events=1000000
runs=5
append=10000
sqlite_only=0
while [ $# -gt 0 ]; do
  case "$1" in
    --events) events="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --append) append="$2"; shift 2 ;;
    --sqlite-only) sqlite_only=1; shift ;;
    *) echo "usage: bench/store.sh [--events N] [--runs N] [--append N] [--sqlite-only]" >&2; exit 2 ;;
  esac
done

tool=build/griot-bench-store
[ -x "$tool" ] || { echo "bench/store.sh: build first (cmake --build build)" >&2; exit 1; }
mkdir -p bench/data
db=bench/data/store-$events.db

echo "== SQLite ($db)"
/usr/bin/time -f "peak RSS MB            %M KB" "$tool" --db "$db" --events "$events" --runs "$runs" --append "$append"

[ "$sqlite_only" = 1 ] && exit 0
echo
echo "== PostgreSQL (throwaway server, scripts/pg-test-server.sh)"
pgdir=$(mktemp -d /tmp/griot-bench-pg.XXXXXX)
trap 'bash scripts/pg-test-server.sh stop "$pgdir" >/dev/null 2>&1 || true' EXIT
bash scripts/pg-test-server.sh start "$pgdir"
if [ ! -s "$pgdir/url" ]; then
  echo "bench/store.sh: no PostgreSQL server (install postgresql)" >&2
  exit 1
fi
"$tool" --db "$(cat "$pgdir/url")" --events "$events" --runs "$runs" --append "$append"
