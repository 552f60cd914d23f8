// Readers for whole inputs held in memory: web pages, WARC crawls, RSS and
// Atom feeds, plain text, and JSONL that arrived compressed. OpenInput
// (reader.h) picks one by sniffing the content.
//
//   auto r = ReaderFor(InputFormat::kWarc, "crawl.warc.gz", std::move(bytes));
//   InputRecord rec;
//   while (r->Next(&rec)) ...
//
// Every record a reader returns carries its input name, its line or record
// number and, where known, its byte offset; a record that cannot become a
// document comes back with a status (failed) or with `skip` set (skipped, e.g.
// a WARC response that is an image), never silently dropped. What is not a
// document at all (WARC request and warcinfo records) is not a record.
#pragma once

#include <memory>
#include <string>

#include "griot/io/input_format.h"
#include "griot/io/reader.h"

namespace griot {

std::unique_ptr<DocumentReader> ReaderFor(InputFormat format, std::string name, std::string bytes);

// A reader that, after `inner` ends, returns one failed record for `problem`
// (a truncated gzip stream whose complete records were still read).
std::unique_ptr<DocumentReader> WithTrailingProblem(std::unique_ptr<DocumentReader> inner,
                                                    std::string name, Status problem);

// Bytes to valid UTF-8 for coding; `warning` says what was converted.
std::string TextForCoding(std::string_view bytes, std::string_view declared_charset,
                          const std::string& where, std::string* warning);

}  // namespace griot
