// Flat CSV: a header row, then one row per event (RFC 4180: comma
// separated, CRLF line ends, a field holding a comma, quote, CR or LF is
// quoted with its quotes doubled).
//
//   out << CsvHeader() << CsvRow(event);   // each ends with "\r\n"
//
// The first actor and first recipient are flattened into their own columns
// (code, sector, name, text); `actors_*` / `recipients_*` hold every
// argument of the role joined with ';', position by position (so the n-th
// code, sector, name and text belong together). Columns: see CsvHeader()
// and docs/exports.md.
#pragma once

#include <string>
#include <string_view>

#include "griot/store/stored_event.h"

namespace griot {

// `s` as one CSV field, quoted only when it has to be.
std::string CsvField(std::string_view s);

std::string CsvHeader();
std::string CsvRow(const StoredEvent& e);

}  // namespace griot
