// Decompress: gzip and zstd input files, whole buffer at a time.
//
//   Compression c = DetectCompression(bytes);               // by magic bytes
//   Result<std::string> text = Decompress(bytes, c);        // all or an error
//   DecompressResult r = DecompressPartial(bytes, c);       // what decoded, and why it stopped
//   if (!r.status.ok()) Warn(r.status.message());           // then use r.data's whole records
//
// Why: crawls and news dumps arrive as .gz (often WARC.gz: many gzip members
// glued together, one per record) and .zst, and they arrive cut short or
// damaged. Decoding runs in fixed-size chunks so a zip bomb is stopped at
// max_output before memory is spent on it, and a truncated file still yields
// the records decoded before the cut.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "griot/util/status.h"

namespace griot {

enum class Compression { kNone, kGzip, kZstd };

// kGzip for 1f 8b, kZstd for 28 b5 2f fd, otherwise kNone. Needs the first
// four bytes at most; a shorter head is fine.
Compression DetectCompression(std::string_view head);

// "none", "gzip" or "zstd": for messages.
std::string_view CompressionName(Compression c);

struct DecompressResult {
  std::string data;  // everything decoded before the problem (never more than max_output)
  Status status;     // ok, or what went wrong and how many bytes were decoded first
};

// Decodes every gzip member / zstd frame in `data`. On truncated or corrupt
// input, or when the output would exceed max_output, status says so and data
// holds what was decoded up to that point.
DecompressResult DecompressPartial(std::string_view data, Compression c,
                                   size_t max_output = size_t{1} << 30);

// DecompressPartial, all or nothing.
Result<std::string> Decompress(std::string_view data, Compression c,
                               size_t max_output = size_t{1} << 30);

}  // namespace griot
