# Copies the dashboard into the build tree: the page (web/src), the parts of
# the npm packages it loads (no CDN: griot serve serves everything) and the
# country-number table that maps the atlas's shape ids to ISO-3 codes.
#   cmake -DWEB_SOURCE=<repo>/web -DKB_GEO=<repo>/kb/geo -DWEB_DEST=<build>/web -P copy-web.cmake
# Run at every build; file(COPY) skips files whose time stamps already match,
# so an unchanged tree costs a few stat calls.
cmake_minimum_required(VERSION 3.25)

file(COPY ${WEB_SOURCE}/src/ DESTINATION ${WEB_DEST})
file(COPY ${KB_GEO}/country_numbers.txt DESTINATION ${WEB_DEST}/data)

set(modules ${WEB_SOURCE}/node_modules)
if(NOT EXISTS ${modules}/leaflet/dist/leaflet.js)
  message(STATUS "web: ${modules} is missing; run scripts/fetch-web-deps.sh "
                 "(copied only the page, which cannot draw maps or charts without it)")
  return()
endif()

file(COPY ${modules}/leaflet/dist/leaflet.js ${modules}/leaflet/dist/leaflet.css
          ${modules}/leaflet/dist/images
     DESTINATION ${WEB_DEST}/vendor/leaflet)
file(COPY ${modules}/leaflet.markercluster/dist/leaflet.markercluster.js
          ${modules}/leaflet.markercluster/dist/MarkerCluster.css
          ${modules}/leaflet.markercluster/dist/MarkerCluster.Default.css
     DESTINATION ${WEB_DEST}/vendor/markercluster)
file(COPY ${modules}/uplot/dist/uPlot.iife.min.js ${modules}/uplot/dist/uPlot.min.css
     DESTINATION ${WEB_DEST}/vendor/uplot)
file(COPY ${modules}/topojson-client/dist/topojson-client.min.js
     DESTINATION ${WEB_DEST}/vendor/topojson-client)
# 1:50m shapes: Sahel borders stay recognisable at country zoom, and the file
# (750 kB) is fetched once from the local server.
file(COPY ${modules}/world-atlas/countries-50m.json
     DESTINATION ${WEB_DEST}/vendor/world-atlas)
