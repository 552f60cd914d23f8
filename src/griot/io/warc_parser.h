// WARC 1.0/1.1 records from an already-decompressed buffer.
//
//   std::string warc = GunzipAllMembers(file_bytes);  // the caller's job
//   WarcParser parser(warc);
//   WarcRecord rec;
//   while (parser.Next(&rec)) {
//     if (!rec.status.ok()) { Report(rec.status.message()); continue; }
//     if (rec.type == "response" && rec.http_status == 200) Code(rec.payload, rec.content_type);
//   }
//
// Why a hand-written parser: crawls are outside input and arrive damaged —
// truncated downloads, Content-Length values that lie, stray bytes between
// records, bare LF line ends from home-made writers. Each record's block is
// taken by exact Content-Length (binary-safe), and when a record does not
// add up the parser says so in that record's status and resynchronizes at
// the next line that starts with "WARC/1.", so one bad record never costs
// the rest of the file. The parser only views the input: it never copies
// more than one record's payload and never allocates by a declared length.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "griot/util/status.h"

namespace griot {

struct WarcRecord {
  uint64_t offset = 0;     // byte offset of the record in the (decompressed) input
  std::string type;        // WARC-Type: response, request, warcinfo, metadata, ...
  std::string target_uri;  // WARC-Target-URI
  std::string date;        // WARC-Date as ISO ("2024-05-14T08:30:00Z"), "" if unreadable
  std::string record_id;   // WARC-Record-ID without <>
  int http_status = 0;     // for records whose block is an HTTP response
  std::string
      content_type;  // HTTP Content-Type of the payload; the WARC Content-Type for non-HTTP blocks
  // The HTTP body (after the HTTP headers, de-chunked when Transfer-Encoding
  // is chunked) for HTTP blocks; the whole block for other records.
  std::string payload;
  bool payload_gzip = false;  // Content-Encoding: gzip on the HTTP payload (left compressed)
  Status status;              // non-ok: the record is malformed; the message names its offset
};

class WarcParser {
 public:
  // `data` must outlive the parser. Blocks longer than max_record_bytes are
  // skipped with a non-ok status.
  explicit WarcParser(std::string_view data, size_t max_record_bytes = 64 << 20);

  // Fills *rec with the next record; false at the end of the input.
  // Malformed records (and runs of garbage) come back with a non-ok status.
  bool Next(WarcRecord* rec);

 private:
  // Start of the next line beginning with "WARC/1." at or after `from`, or the end.
  size_t NextRecordStart(size_t from) const;

  std::string_view data_;
  size_t max_record_bytes_;
  size_t pos_ = 0;
};

}  // namespace griot
