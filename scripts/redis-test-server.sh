#!/usr/bin/env bash
# A throwaway Redis server for griot's queue tests (ctest fixture `redis`,
# CMakeLists.txt) and the queue benchmark (bench/queue.sh):
#   scripts/redis-test-server.sh start DIR   start redis-server on 127.0.0.1
#                                            at a free port, no persistence,
#                                            write its URL (redis://HOST:PORT)
#                                            to DIR/url
#   scripts/redis-test-server.sh stop DIR    shut it down, remove DIR
# Without redis-server installed, `start` says so and exits 0 without
# writing DIR/url (the queue tests then skip), or 1 when CI is set.
set -euo pipefail

usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
action=$1
dir=$2

stop_server() {
  if [ -f "$dir/port" ] && command -v redis-cli >/dev/null 2>&1; then
    redis-cli -h 127.0.0.1 -p "$(cat "$dir/port")" shutdown nosave >/dev/null 2>&1 || true
  fi
  if [ -f "$dir/pid" ]; then
    pid=$(cat "$dir/pid")
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill "$pid" 2>/dev/null || true
  fi
  rm -rf "$dir"
}

case "$action" in
  start)
    if ! command -v redis-server >/dev/null 2>&1; then
      echo "redis-test-server: redis-server is not installed; install the redis-server" \
           "package (scripts/setup.sh) to run the work-queue tests" >&2
      [ -n "${CI:-}" ] && exit 1
      exit 0
    fi
    [ -d "$dir" ] && stop_server
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    port=""
    for p in $(seq 56380 56480); do
      if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then continue; fi
      if redis-server --port "$p" --bind 127.0.0.1 --save "" --appendonly no \
           --daemonize yes --pidfile "$dir/pid" --dir "$dir" --logfile "$dir/server.log" \
           >/dev/null 2>&1; then
        for _ in $(seq 50); do
          redis-cli -h 127.0.0.1 -p "$p" ping >/dev/null 2>&1 && { port=$p; break; }
          sleep 0.1
        done
        [ -n "$port" ] && break
      fi
    done
    if [ -z "$port" ]; then
      echo "redis-test-server: could not start redis-server on any port 56380-56480; see $dir/server.log" >&2
      exit 1
    fi
    echo "$port" >"$dir/port"
    echo "redis://127.0.0.1:$port" >"$dir/url"
    echo "redis-test-server: $(cat "$dir/url")"
    ;;
  stop) stop_server ;;
  *) usage ;;
esac
