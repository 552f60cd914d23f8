// Exports: the stored events in formats other tools read.
//
//   EventFilter filter;                       // canonical events only, unless
//   filter.countries = {"MLI"};               // filter.all_mentions is set
//   Status st = ExportEvents(*store, filter, "gdelt", std::cout);
//
// Formats (docs/exports.md):
//   plover  PLOVER JSON lines, POLECAT-like (plover_export.h)
//   csv     flat CSV with a header row (csv_export.h)
//   gdelt   GDELT 2.0 Events table, 61 tab-separated columns (gdelt_export.h)
// Events come in day order (then event id).
#pragma once

#include <ostream>
#include <string>

#include "griot/export/gdelt_export.h"
#include "griot/query/event_filter.h"
#include "griot/store/store.h"
#include "griot/util/status.h"

namespace griot {

struct ExportOptions {
  // ISO-3 -> FIPS 10-4 for the GDELT geographic columns (the country
  // numbers table, geo/country_numbers.h); empty codes without it.
  FipsLookup fips;
};

// The accepted format names, for messages and --help: "plover, csv, gdelt".
const char* ExportFormats();

// Writes every event the filter selects. An unknown format is an
// InvalidArgument naming it and the accepted ones; a failing stream an
// IoError.
Status ExportEvents(Store& store, const EventFilter& filter, const std::string& format,
                    std::ostream& out, const ExportOptions& options = {});

}  // namespace griot
