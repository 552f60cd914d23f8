// The store's JSON columns. Each writer reproduces one step of the old
// print-parse-dump round trip: AppendEventJson prints, nlohmann::json reads
// into sorted maps and decoded strings, dump() writes back. Keeping the
// bytes identical lets old and new rows compare and deduplicate as equals.
#include "griot/store/stored_json.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <numeric>

#include <nlohmann/json.hpp>

#include "griot/io/event_json.h"

namespace griot {
namespace {

// nlohmann reads a number without '.' or exponent as a 64-bit integer, and
// prints it back unchanged, unless it overflows (then it reads a double).
bool IsIntegerToken(std::string_view tok) {
  if (tok.find_first_of(".eE") != std::string_view::npos) return false;
  const char* end = tok.data() + tok.size();
  if (tok.front() == '-') {
    int64_t v = 0;
    return std::from_chars(tok.data(), end, v).ec == std::errc();
  }
  uint64_t v = 0;
  return std::from_chars(tok.data(), end, v).ec == std::errc();
}

// A double as nlohmann::json::dump() prints it. Its Grisu2 digits are not
// always the shortest (8309518161784000512 dumps as 8.309518161784001e+18,
// std::to_chars gives 8.309518161784e+18), so only its own formatter, the
// one dump() calls, gives the same bytes. No parse or DOM is involved, and
// only numbers the record prints with an exponent or past 64 bits come here.
void AppendDumpedDouble(double v, std::string* out) {
  if (!std::isfinite(v)) {
    out->append("null");
    return;
  }
  char buf[64];
  char* end = nlohmann::detail::to_chars(buf, buf + sizeof buf, v);
  out->append(buf, end);
}

void AppendSpan(const Document& doc, const Sentence& s, ByteSpan b, bool implicit,
                std::string* out) {
  SentenceSpan at = SpanInSentence(doc, s, b, implicit);
  if (!at.present) {
    out->append("null");
    return;
  }
  out->push_back('[');
  AppendStoredNumber(at.begin, out);
  out->push_back(',');
  AppendStoredNumber(at.end, out);
  out->push_back(']');
}

void AppendSpans(const Document& doc, const Sentence& s, const std::vector<EventArgument>& args,
                 std::string* out) {
  out->push_back('[');
  for (size_t i = 0; i < args.size(); ++i) {
    if (i) out->push_back(',');
    AppendSpan(doc, s, args[i].span, args[i].implicit, out);
  }
  out->push_back(']');
}

}  // namespace

void AppendStoredString(std::string_view s, std::string* out) {
  static const char kHex[] = "0123456789abcdef";
  out->push_back('"');
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      default:
        if (c < 0x20) {
          out->append("\\u00");
          out->push_back(kHex[c >> 4]);
          out->push_back(kHex[c & 15]);
        } else {
          out->push_back(ch);  // UTF-8 and 0x7f pass through
        }
    }
  }
  out->push_back('"');
}

void AppendStoredNumber(double v, std::string* out) {
  char buf[32];
  auto res = std::to_chars(buf, buf + sizeof buf, v);
  std::string_view tok(buf, res.ptr - buf);
  if (v == 0) {
    out->push_back('0');  // "-0" reads as the integer 0
  } else if (std::isfinite(v) && IsIntegerToken(tok)) {
    out->append(tok);
  } else {
    AppendDumpedDouble(v, out);  // 1e+05, or an integer beyond 64 bits
  }
}

double StoredValue(double printed) { return printed == 0 ? 0.0 : printed; }

std::string StoredSpansJson(const Document& doc, const Event& e) {
  const Sentence& s = doc.sentences[e.sentence];
  std::string out = "{\"actor\":";
  AppendSpans(doc, s, e.actor, &out);
  out.append(",\"recipient\":");
  AppendSpans(doc, s, e.recipient, &out);
  out.append(",\"trigger\":");
  AppendSpan(doc, s, e.trigger, false, &out);
  out.push_back('}');
  return out;
}

std::string StoredCountsJson(const Event& e) {
  // Kinds in byte order; a repeated kind keeps its last value, as a map
  // filled in record order does. The stable sort keeps the last one last.
  std::vector<size_t> order(e.counts.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return e.counts[a].kind < e.counts[b].kind; });
  std::string out = "{";
  for (size_t i = 0; i < order.size(); ++i) {
    const Count& c = e.counts[order[i]];
    if (i + 1 < order.size() && e.counts[order[i + 1]].kind == c.kind) continue;
    if (out.size() > 1) out.push_back(',');
    AppendStoredString(c.kind, &out);
    out.append(":[");
    AppendStoredNumber(static_cast<double>(c.min), &out);
    out.push_back(',');
    if (c.max < 0) {
      out.append("null");
    } else {
      AppendStoredNumber(static_cast<double>(c.max), &out);
    }
    out.push_back(']');
  }
  out.push_back('}');
  return out;
}

std::string StoredAuxJson(const Event& e) {
  std::string out = "[";
  for (size_t i = 0; i < e.aux.size(); ++i) {
    if (i) out.push_back(',');
    AppendStoredString(e.aux[i], &out);
  }
  out.push_back(']');
  return out;
}

}  // namespace griot
