// A query result as a table, and its three printed forms: an aligned text
// table for people, CSV (RFC 4180) and JSON (an array of objects) for
// programs.
#pragma once

#include <string>
#include <vector>

#include "griot/store/store.h"

namespace griot {

struct ResultTable {
  std::vector<std::string> columns;
  std::vector<SqlRow> rows;
};

// `max_width` truncates long cells of the text table with "…" (0 = never).
std::string FormatTable(const ResultTable& t, size_t max_width = 80);
std::string FormatCsv(const ResultTable& t);
std::string FormatJson(const ResultTable& t);
// "table", "csv" or "json"; InvalidArgument otherwise.
Result<std::string> FormatResult(const ResultTable& t, const std::string& format);

}  // namespace griot
