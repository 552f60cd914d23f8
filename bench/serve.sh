#!/usr/bin/env bash
# HTTP API benchmark: `griot serve` on a synthetic store of N events (the
# generator of bench/store.sh), then
#   1. latency of typical dashboard requests, one at a time, with the answer
#      cache off: p50/p95/max of --reps curl runs each (target: p95 <= 100 ms
#      on 1M events);
#   2. load: wrk with --connections connections for --duration over the
#      same requests in rotation (target: no socket errors, no non-2xx),
#      with the answer cache on (as users run it) and off.
# See bench/README.md and docs/api.md.
#
# Usage: bench/serve.sh [--events N] [--db FILE] [--reps N] [--duration 30s]
#                       [--connections 200] [--threads N]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

events=1000000
reps=20
duration=30s
connections=200
threads=64
db=""
while [ $# -gt 0 ]; do
  case "$1" in
    --events) events="$2"; shift 2 ;;
    --db) db="$2"; shift 2 ;;
    --reps) reps="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    *) echo "usage: bench/serve.sh [--events N] [--db FILE] [--reps N] [--duration 30s] [--connections N] [--threads N]" >&2
       exit 2 ;;
  esac
done
for tool in build/griot build/griot-bench-store; do
  [ -x "$tool" ] || { echo "bench/serve.sh: $tool missing; build first (cmake --build build)" >&2; exit 1; }
done
command -v wrk >/dev/null || { echo "bench/serve.sh: wrk missing (scripts/setup.sh installs it)" >&2; exit 1; }

# The store is built once and kept: generating 1M events takes minutes.
if [ -z "$db" ]; then
  mkdir -p bench/data
  db=bench/data/serve-$events.db
fi
if [ ! -s "$db" ]; then
  echo "== building $db ($events events)"
  build/griot-bench-store --db "$db" --events "$events" --runs 1 >/dev/null
fi

work=$(mktemp -d /tmp/griot-bench-serve.XXXXXX)
server=""
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
# start_server [ARGS...]: (re)starts griot serve with ARGS; sets $base.
start_server() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  : >"$work/serve.err"
  build/griot serve --db "$db" --port 0 --threads "$threads" --web "$work/no-web" "$@" 2>"$work/serve.err" &
  server=$!
  port=""
  for _ in $(seq 100); do
    port=$(sed -n 's|.*serving http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/serve.err")
    [ -n "$port" ] && break
    sleep 0.1
  done
  [ -n "$port" ] || { echo "bench/serve.sh: griot serve did not start:" >&2; cat "$work/serve.err" >&2; exit 1; }
  base=http://127.0.0.1:$port
}
# Latencies are measured without the answer cache: every request is
# answered by the store, as the first request after new data is.
start_server --cache-mb 0
echo "== griot serve on $db ($events events), $threads threads, $base, answer cache off"

# Typical requests of the dashboard: filtered lists and aggregates.
first_id=$(curl -s "$base/api/events?country=NGA&limit=1" | sed -n 's/.*"event_id":"\([^"]*\)".*/\1/p')
cat >"$work/paths" <<PATHS
/api/meta
/api/events?limit=100
/api/events?country=NGA&type=ASSAULT&limit=100
/api/events?country=MLI,BFA&from=2024-01-01&to=2024-12-31
/api/events?country=SDN&order=mentions&limit=50
/api/events?text=ceasefire%20talks&limit=50
/api/events?bbox=-6,10,4,20&quad=4
/api/events/$first_id
/api/aggregates?group_by=month&country=NGA
/api/aggregates?group_by=month,type&country=MLI
/api/aggregates?group_by=week&country=UKR&type=ASSAULT
/api/aggregates?group_by=type&from=2024-01-01
/api/aggregates?group_by=dyad&country=UKR&limit=50
/api/aggregates?group_by=country
/api/places?country=NGA
/api/places?bbox=-6,10,4,20
/api/places
/api/actors?country=SYR
/api/actors
/api/alerts?country=MLI&period=week
/api/alerts?period=month
PATHS

echo
echo "== latency, $reps runs each (seconds; curl time_total)"
printf '%-62s %8s %8s %8s %s\n' request p50 p95 max status
slow=0
while read -r path; do
  : >"$work/times"
  codes=""
  for _ in $(seq "$reps"); do
    out=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "$base$path")
    echo "${out#* }" >>"$work/times"
    codes="$codes ${out%% *}"
  done
  code=$(echo $codes | tr ' ' '\n' | sort -u | tr '\n' ' ')
  read -r p50 p95 max < <(sort -g "$work/times" | awk '{v[NR]=$1} END {
      i50=int(NR*0.50+0.5); i95=int(NR*0.95+0.5); if (i50<1) i50=1; if (i95<1) i95=1;
      printf "%.4f %.4f %.4f\n", v[i50], v[i95], v[NR]}')
  flag=""
  if awk -v p="$p95" 'BEGIN {exit !(p > 0.1)}'; then flag=" SLOW"; slow=$((slow + 1)); fi
  printf '%-62s %8s %8s %8s %s%s\n' "${path:0:62}" "$p50" "$p95" "$max" "$code" "$flag"
done <"$work/paths"
echo "requests over 100 ms at p95: $slow"

cat >"$work/rotate.lua" <<'LUA'
-- Each wrk thread walks the request list, starting at a different place.
local paths = {}
local i = 0
function init(args)
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  i = math.random(#paths)
end
function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
LUA
# The load test twice: as users get it (the answer cache on, its default
# size: repeated dashboard requests are answered from memory until the data
# changes), and with every request answered by the store.
for cache in on off; do
  echo
  if [ "$cache" = on ]; then start_server; else start_server --cache-mb 0; fi
  echo "== load: wrk -t2 -c$connections -d$duration over the same requests in rotation, answer cache $cache"
  wrk -t2 -c"$connections" -d"$duration" --latency -s "$work/rotate.lua" "$base" -- "$work/paths"
done
