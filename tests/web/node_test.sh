#!/usr/bin/env bash
# Runs one of the dashboard's Node tests when node is there; otherwise skips
# (77), or fails when CI is set.
#   tests/web/node_test.sh <test.mjs> [arguments...]
if ! command -v node >/dev/null 2>&1; then
  if [ -n "${CI:-}" ]; then
    echo "${1##*/}: node is missing (apt-get install nodejs) and CI is set" >&2
    exit 1
  fi
  echo "${1##*/}: SKIP: node is missing (apt-get install nodejs)"
  exit 77
fi
exec node "$@"
