// Readers: turn inputs into Documents, one record at a time.
//
//   Result<std::unique_ptr<DocumentReader>> r = OpenInput("news.jsonl");
//   InputRecord rec;
//   while ((*r)->Next(&rec)) { if (rec.status.ok()) Code(rec.doc); else Report(rec); }
//
// Formats: JSONL (one object per line: id and text required; title, date or
// published, url, source optional), plain text files (one document, id = the
// file name), HTML pages, WARC crawls and RSS/Atom feeds (web_readers.h),
// compressed or not, in files, directories or on standard input ("-"). A bad
// record never stops the reader: it comes back with a non-ok status naming
// the input and line.
#pragma once

#include <istream>
#include <memory>
#include <string>

#include "griot/doc/document.h"
#include "griot/util/status.h"

namespace griot {

struct InputRecord {
  Document doc;      // doc.input and doc.line are always set
  Status status;     // why the record cannot be coded
  bool skip = false;  // with a non-ok status: skipped (e.g. another language), not failed
  std::string warning;  // a problem that did not stop coding (e.g. a bad date)
};

class DocumentReader {
 public:
  virtual ~DocumentReader() = default;
  // Fills *rec with the next record; false at the end of the input.
  virtual bool Next(InputRecord* rec) = 0;
};

// A file, a directory (every file below it, recursively, in name order), or
// "-" for standard input. Gzip and zstd are decompressed; the format (JSONL,
// HTML page, WARC, RSS/Atom feed, plain text) is sniffed from the content,
// then the name; text is converted to UTF-8 (UTF-16 with a BOM, declared
// charsets, Windows-1252 guessed for invalid bytes) with a warning.
Result<std::unique_ptr<DocumentReader>> OpenInput(const std::string& path);
// The same for bytes already in memory; `name` names them in messages.
Result<std::unique_ptr<DocumentReader>> OpenBytes(const std::string& name, std::string bytes);
std::unique_ptr<DocumentReader> JsonlReader(std::istream* in, std::string name,
                                            std::unique_ptr<std::istream> owned = nullptr);

// Parses one JSONL line into rec->doc (exposed for tests and fuzzing).
void ParseJsonRecord(std::string_view line, InputRecord* rec);

// True for YYYY-MM-DD, optionally followed by a time ("T..." or " ...").
bool IsIsoDate(std::string_view s);

}  // namespace griot
