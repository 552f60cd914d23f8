#!/usr/bin/env bash
# Fetches the country shapes drawn on the maps of country briefs: Natural
# Earth's 1:50m admin-0 countries (public domain, https://www.naturalearthdata.com)
# as TopoJSON, through the npm package `world-atlas` (Mike Bostock, ISC
# licence), into third_party/world-atlas/. Feature ids are ISO 3166-1 numeric
# codes; griot maps them to ISO-3 with kb/geo/country_numbers.txt.
#   scripts/fetch-world-atlas.sh    does nothing when the file is already there
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGE="world-atlas@2.0.2"
DEST="third_party/world-atlas"
ATLAS="$DEST/node_modules/world-atlas/countries-50m.json"

if [ -s "$ATLAS" ]; then
  echo "fetch-world-atlas: $ATLAS already present"
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "fetch-world-atlas: npm is missing; install it (Debian: apt-get install nodejs npm)" \
       "or run scripts/setup.sh --deps-only, then run this script again" >&2
  exit 1
fi

mkdir -p "$DEST"
echo "fetch-world-atlas: installing $PACKAGE into $DEST"
npm install --prefix "$DEST" --no-audit --no-fund --loglevel=error "$PACKAGE"
if [ ! -s "$ATLAS" ]; then
  echo "fetch-world-atlas: npm finished but $ATLAS is missing" >&2
  exit 1
fi
echo "fetch-world-atlas: $(wc -c < "$ATLAS") bytes in $ATLAS"
