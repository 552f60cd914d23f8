#!/usr/bin/env bash
# Installs the web dashboard's npm packages (web/package-lock.json: Leaflet,
# leaflet.markercluster, uPlot, topojson-client, world-atlas, and
# playwright-core for the browser test) into web/node_modules. The build
# copies what the page loads into build/web; nothing is fetched from a CDN.
#   scripts/fetch-web-deps.sh    does nothing when web/node_modules is current
set -euo pipefail
cd "$(dirname "$0")/../web"

STAMP="node_modules/.package-lock.json"
if [ -s "$STAMP" ] && [ "$STAMP" -nt package-lock.json ]; then
  echo "fetch-web-deps: web/node_modules already matches package-lock.json"
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "fetch-web-deps: npm is missing; install it (Debian: apt-get install nodejs npm)" \
       "or run scripts/setup.sh --deps-only, then run this script again" >&2
  exit 1
fi

echo "fetch-web-deps: npm ci in web/"
npm ci --no-audit --no-fund --loglevel=error
if [ ! -s node_modules/leaflet/dist/leaflet.js ]; then
  echo "fetch-web-deps: npm finished but web/node_modules/leaflet is missing" >&2
  exit 1
fi
echo "fetch-web-deps: $(ls node_modules | wc -l) packages in web/node_modules"
