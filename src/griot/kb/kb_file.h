// Reading griot's plain-text knowledge-base files (format: docs/knowledge-base.md).
//
//   Result<KbFile> f = ReadKbFile("kb/en/countries.txt", "countries");
//   for (const KbLine& l : f->lines) Use(l.fields, f->Where(l));
//
// Handles the header check, comments, blank lines, `|` field splitting and
// the `example` self-test lines every file may carry; the caller validates
// the fields and reports errors with Where().
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "griot/util/status.h"

namespace griot {

struct KbLine {
  int line = 0;                     // 1-based line number in the file
  std::vector<std::string> fields;  // split on '|', trimmed
};

struct KbFile {
  std::string path;
  std::string kind;
  int version = 0;
  std::vector<KbLine> lines;     // data lines
  std::vector<KbLine> examples;  // `example | ...` lines, without the keyword

  std::string Where(const KbLine& l) const { return path + ":" + std::to_string(l.line); }
  Status Error(const KbLine& l, const std::string& message) const {
    return InvalidArgument(Where(l) + ": " + message);
  }
};

// Reads and splits a file; fails on a missing/mismatched header or an unknown
// version (only version 1 exists).
Result<KbFile> ReadKbFile(const std::string& path, std::string_view kind);
Result<KbFile> ParseKbFile(std::string_view content, const std::string& path,
                           std::string_view kind);

// Splits a `;`-separated list, trimming items and dropping empty ones.
std::vector<std::string> SplitList(std::string_view field);
std::string_view Trim(std::string_view s);
// Field shapes shared by the loaders and `griot dict check`.
bool IsUpperCode(std::string_view s, size_t length);  // "MLI" (3), "ML" (2)
bool IsDatePrefix(std::string_view s);                // YYYY, YYYY-MM or YYYY-MM-DD
Result<std::string> ReadWholeFile(const std::string& path);

}  // namespace griot
