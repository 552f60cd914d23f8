#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for griot's tests (ctest fixture
# `postgres`, CMakeLists.txt):
#   scripts/pg-test-server.sh start DIR   initdb, start the server on
#                                         127.0.0.1 at a free port (and a Unix
#                                         socket in the cluster directory),
#                                         create database griot_test, write
#                                         its URL to DIR/url
#   scripts/pg-test-server.sh stop DIR    fast shutdown, remove DIR
# Without PostgreSQL installed, `start` says so and exits 0 without writing
# DIR/url (the PostgreSQL tests then skip), or 1 when CI is set: CI must not
# skip silently.
# initdb and postgres refuse to run as root, so as root the cluster runs as
# the `postgres` system user, in a directory under /tmp that it owns (DIR
# may sit in a tree that user cannot enter, e.g. under /root); DIR/cluster
# then names it.
set -euo pipefail

usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
action=$1
dir=$2

bin=""
for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V); do
  [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && bin=$d
done

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

stop_cluster() {
  local cluster=$1
  if [ -n "$bin" ] && [ -f "$cluster/data/postmaster.pid" ]; then
    as_owner "$bin/pg_ctl" -D "$cluster/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$cluster"
}

case "$action" in
  start)
    if [ -z "$bin" ]; then
      echo "pg-test-server: PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb);" \
           "install the postgresql package (scripts/setup.sh) to run the PostgreSQL store tests" >&2
      [ -n "${CI:-}" ] && exit 1
      exit 0
    fi
    if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
      echo "pg-test-server: running as root but there is no 'postgres' user to run the server as" >&2
      exit 1
    fi
    # A cluster left by an interrupted run is stopped and replaced.
    [ -f "$dir/cluster" ] && stop_cluster "$(cat "$dir/cluster")"
    rm -rf "$dir"
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    if [ "$(id -u)" -eq 0 ]; then
      cluster=$(mktemp -d /tmp/griot-pgtest.XXXXXX)
      chown postgres: "$cluster"
    else
      cluster=$dir/pg
      mkdir -p "$cluster"
    fi
    echo "$cluster" >"$dir/cluster"
    user=$(as_owner id -un)
    as_owner "$bin/initdb" -D "$cluster/data" --locale=C --encoding=UTF8 --auth=trust -U "$user" \
      >"$cluster/initdb.log" 2>&1 || { cat "$cluster/initdb.log" >&2; exit 1; }
    # Try ports until one is free: another cluster (a parallel build tree,
    # a developer's server) may hold the first ones.
    port=""
    for p in $(seq 54320 54420); do
      if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then continue; fi
      if as_owner "$bin/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w -t 30 \
           -o "-p $p -c listen_addresses=127.0.0.1 -c unix_socket_directories=$cluster -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
           start >/dev/null 2>&1; then
        port=$p
        break
      fi
    done
    if [ -z "$port" ]; then
      echo "pg-test-server: could not start PostgreSQL on any port 54320-54420; see $cluster/server.log" >&2
      exit 1
    fi
    as_owner "$bin/createdb" -h "$cluster" -p "$port" -U "$user" griot_test
    echo "postgresql://$user@127.0.0.1:$port/griot_test" >"$dir/url"
    echo "pg-test-server: $(cat "$dir/url") (cluster in $cluster)"
    ;;
  stop)
    [ -f "$dir/cluster" ] && stop_cluster "$(cat "$dir/cluster")"
    rm -rf "$dir"
    ;;
  *) usage ;;
esac
