#include "griot/io/warc_parser.h"

#include <limits>
#include <utility>
#include <vector>

#include "griot/io/rfc_date.h"

namespace griot {
namespace {

constexpr std::string_view kMagic = "WARC/1.";

struct Header {
  std::string_view name;
  std::string value;
};
using Headers = std::vector<Header>;

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && EqualsIgnoreCase(s.substr(0, prefix.size()), prefix);
}

bool ContainsIgnoreCase(std::string_view s, std::string_view word) {
  for (size_t i = 0; i + word.size() <= s.size(); ++i) {
    if (EqualsIgnoreCase(s.substr(i, word.size()), word)) return true;
  }
  return false;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// The line at *pos without its CRLF or bare LF; *pos moves past the line
// break. False when the input ends before a line break (*line is the rest).
bool ReadLine(std::string_view data, size_t* pos, std::string_view* line) {
  size_t lf = data.find('\n', *pos);
  bool complete = lf != std::string_view::npos;
  size_t end = complete ? lf : data.size();
  *line = data.substr(*pos, end - *pos);
  if (!line->empty() && line->back() == '\r') line->remove_suffix(1);
  *pos = complete ? lf + 1 : data.size();
  return complete;
}

// "Name: value" lines up to the empty line that ends them. Lines starting
// with a space or tab continue the previous value. False when the input (or
// the header block) ends first, or when a new record starts inside the
// headers — the empty line was lost and whatever follows is not this record.
bool ReadHeaders(std::string_view data, size_t* pos, Headers* headers) {
  std::string_view line;
  while (true) {
    size_t line_start = *pos;
    if (!ReadLine(data, pos, &line)) return false;
    if (line.empty()) return true;
    if (line.starts_with(kMagic)) {
      *pos = line_start;
      return false;
    }
    if ((line[0] == ' ' || line[0] == '\t') && !headers->empty()) {
      std::string& value = headers->back().value;
      if (!value.empty()) value += ' ';
      value += Trim(line);
      continue;
    }
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;  // not a header; tolerated like other readers do
    headers->push_back({Trim(line.substr(0, colon)), std::string(Trim(line.substr(colon + 1)))});
  }
}

const std::string* Find(const Headers& headers, std::string_view name) {
  for (const Header& h : headers) {
    if (EqualsIgnoreCase(h.name, name)) return &h.value;
  }
  return nullptr;
}

std::string Get(const Headers& headers, std::string_view name) {
  const std::string* v = Find(headers, name);
  return v ? *v : std::string();
}

std::string StripAngles(std::string s) {
  if (s.size() >= 2 && s.front() == '<' && s.back() == '>') return s.substr(1, s.size() - 2);
  return s;
}

// Decimal digits only; values past 2^64 saturate (and then fail the
// remaining-data check instead of wrapping around to something small).
bool ParseLength(std::string_view s, uint64_t* out) {
  if (s.empty()) return false;
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    unsigned d = static_cast<unsigned>(c - '0');
    v = v > (std::numeric_limits<uint64_t>::max() - d) / 10 ? std::numeric_limits<uint64_t>::max()
                                                            : v * 10 + d;
  }
  *out = v;
  return true;
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = Lower(c);
  return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

// HTTP/1.1 chunked transfer coding. False when the body does not start with
// a chunk; a body cut short keeps the chunks decoded so far.
bool Dechunk(std::string_view body, std::string* out) {
  size_t pos = 0;
  for (bool first = true;; first = false) {
    std::string_view line;
    if (!ReadLine(body, &pos, &line)) return !first;
    line = Trim(line);
    uint64_t size = 0;
    size_t i = 0;
    for (; i < line.size() && HexDigit(line[i]) >= 0; ++i) {
      if (size > body.size()) return !first;  // larger than anything left
      size = size * 16 + static_cast<uint64_t>(HexDigit(line[i]));
    }
    if (i == 0 || (i < line.size() && line[i] != ';' && line[i] != ' ')) return !first;
    if (size == 0) return true;  // trailers after the last chunk carry nothing we use
    if (size > body.size() - pos) {
      out->append(body.substr(pos));
      return true;
    }
    out->append(body.substr(pos, size));
    pos += size;
    if (body.substr(pos, 2) == "\r\n") {
      pos += 2;
    } else if (body.substr(pos, 1) == "\n") {
      pos += 1;
    } else {
      return true;
    }
  }
}

// Splits an HTTP message (the block of a response, request or revisit
// record) into status, headers and body.
void ParseHttp(std::string_view block, WarcRecord* rec) {
  size_t pos = 0;
  std::string_view first;
  ReadLine(block, &pos, &first);
  if (first.starts_with("HTTP/")) {
    size_t space = first.find(' ');
    if (space != std::string_view::npos) {
      std::string_view code = Trim(first.substr(space + 1)).substr(0, 3);
      int status = 0;
      for (char c : code) status = (c >= '0' && c <= '9') ? status * 10 + (c - '0') : -1000;
      if (code.size() == 3 && status >= 100) rec->http_status = status;
    }
  }
  Headers headers;
  bool complete = ReadHeaders(block, &pos, &headers);
  rec->content_type = Get(headers, "Content-Type");
  rec->payload_gzip = ContainsIgnoreCase(Get(headers, "Content-Encoding"), "gzip");
  if (!complete) return;  // headers only: a revisit record, or a capture cut short
  std::string_view body = block.substr(pos);
  // Some crawlers store the body already de-chunked but keep the header, so
  // a body that does not parse as chunks is taken as it is.
  if (ContainsIgnoreCase(Get(headers, "Transfer-Encoding"), "chunked") &&
      Dechunk(body, &rec->payload))
    return;
  rec->payload.assign(body);
}

bool IsHttpBlock(const WarcRecord& rec, std::string_view warc_content_type,
                 std::string_view block) {
  if (StartsWithIgnoreCase(Trim(warc_content_type), "application/http")) return true;
  return (rec.type == "response" || rec.type == "revisit") && block.starts_with("HTTP/");
}

std::string At(uint64_t offset) { return "WARC record at byte " + std::to_string(offset) + ": "; }

// The start of a line, printable, for error messages.
std::string Excerpt(std::string_view data, size_t pos) {
  std::string out;
  for (size_t i = pos; i < data.size() && i < pos + 40 && data[i] != '\n' && data[i] != '\r'; ++i) {
    unsigned char c = static_cast<unsigned char>(data[i]);
    out += (c >= 0x20 && c < 0x7f) ? static_cast<char>(c) : '?';
  }
  return out;
}

}  // namespace

WarcParser::WarcParser(std::string_view data, size_t max_record_bytes)
    : data_(data), max_record_bytes_(max_record_bytes) {}

size_t WarcParser::NextRecordStart(size_t from) const {
  for (size_t at = data_.find(kMagic, from); at != std::string_view::npos;
       at = data_.find(kMagic, at + 1)) {
    if (at == 0 || data_[at - 1] == '\n') return at;
  }
  return data_.size();
}

bool WarcParser::Next(WarcRecord* rec) {
  *rec = WarcRecord();
  while (pos_ < data_.size() && (data_[pos_] == '\r' || data_[pos_] == '\n')) ++pos_;
  if (pos_ >= data_.size()) return false;
  const size_t start = pos_;
  rec->offset = start;
  auto fail = [&](Status status, size_t resync_from) {
    rec->status = std::move(status);
    pos_ = NextRecordStart(resync_from);
    return true;
  };
  if (!data_.substr(start).starts_with(kMagic)) {
    return fail(InvalidArgument(At(start) + "expected a \"WARC/1.x\" version line, found \"" +
                                Excerpt(data_, start) + "\"; skipped to the next record"),
                start + 1);
  }

  size_t pos = start;
  std::string_view version;
  ReadLine(data_, &pos, &version);
  Headers headers;
  if (!ReadHeaders(data_, &pos, &headers)) {
    return fail(
        DataLoss(At(start) + "the WARC headers do not end with an empty line (truncated record)"),
        pos);
  }
  rec->type = Get(headers, "WARC-Type");
  rec->target_uri = StripAngles(Get(headers, "WARC-Target-URI"));
  rec->date = NormalizeInternetDate(Get(headers, "WARC-Date"));
  rec->record_id = StripAngles(Get(headers, "WARC-Record-ID"));

  const std::string* length_text = Find(headers, "Content-Length");
  uint64_t length = 0;
  if (length_text == nullptr || !ParseLength(*length_text, &length)) {
    return fail(InvalidArgument(At(start) +
                                (length_text ? "unreadable Content-Length \"" + *length_text + "\""
                                             : std::string("no Content-Length header"))),
                pos);
  }
  const size_t block_start = pos;
  const size_t remaining = data_.size() - block_start;
  if (length > remaining) {
    return fail(DataLoss(At(start) + "Content-Length " + std::to_string(length) +
                         " runs past the end of the input (" + std::to_string(remaining) +
                         " bytes left): a truncated record or a wrong length"),
                block_start);
  }

  // The block must be followed by CRLF CRLF (bare LFs tolerated). One or no
  // line break is accepted only right before the next record or the end.
  const size_t block_end = block_start + static_cast<size_t>(length);
  size_t after = block_end;
  int breaks = 0;
  while (breaks < 2) {
    if (data_.substr(after, 2) == "\r\n") {
      after += 2;
    } else if (data_.substr(after, 1) == "\n") {
      after += 1;
    } else {
      break;
    }
    ++breaks;
  }
  if (breaks < 2 && after != data_.size() && !data_.substr(after).starts_with(kMagic)) {
    return fail(InvalidArgument(At(start) + "the " + std::to_string(length) +
                                "-byte block is not followed by the empty lines that end a record; "
                                "its Content-Length is probably wrong"),
                block_start);
  }
  pos_ = after;
  if (length > max_record_bytes_) {
    rec->status = InvalidArgument(At(start) + "block of " + std::to_string(length) +
                                  " bytes exceeds the limit of " +
                                  std::to_string(max_record_bytes_) + " bytes; skipped");
    return true;
  }

  std::string_view block = data_.substr(block_start, static_cast<size_t>(length));
  std::string warc_content_type = Get(headers, "Content-Type");
  if (IsHttpBlock(*rec, warc_content_type, block)) {
    ParseHttp(block, rec);
  } else {
    rec->content_type = std::move(warc_content_type);
    rec->payload.assign(block);
  }
  return true;
}

}  // namespace griot
