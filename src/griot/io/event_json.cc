// Event records as JSON. One writer, AppendEventJson, produces the text (it
// runs once per event in the JSONL output, so it writes directly instead of
// building a DOM); EventToJson parses that text for callers that want an
// object, so both forms always agree.
#include "griot/io/event_json.h"

#include <charconv>
#include <cmath>

namespace griot {

uint32_t CodePoints(std::string_view s) {
  uint32_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

SentenceSpan SpanInSentence(const Document& doc, const Sentence& s, ByteSpan b, bool implicit) {
  if (implicit || b.begin < s.span.begin || b.end > s.span.end) return {};
  std::string_view text = doc.Slice(s.span);
  return {true, CodePoints(text.substr(0, b.begin - s.span.begin)),
          CodePoints(text.substr(0, b.end - s.span.begin))};
}

namespace {

void AppendString(std::string_view s, std::string* out) {
  out->push_back('"');
  // Copy runs of characters that need no escape in one go.
  size_t run = 0;
  while (run < s.size()) {
    unsigned char r = static_cast<unsigned char>(s[run]);
    if (r < 0x20 || r == '"' || r == '\\') break;
    ++run;
  }
  out->append(s.data(), run);
  s.remove_prefix(run);
  for (unsigned char c : s) {
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      default:
        if (c < 0x20) {
          static const char kHex[] = "0123456789abcdef";
          out->append("\\u00");
          out->push_back(kHex[c >> 4]);
          out->push_back(kHex[c & 15]);
        } else {
          out->push_back(static_cast<char>(c));
        }
    }
  }
  out->push_back('"');
}

void AppendNumber(double v, std::string* out) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out->append(buf, ec == std::errc() ? end - buf : 0);
}

void AppendKey(const char* key, std::string* out) {
  out->push_back('"');
  out->append(key);
  out->append("\":");
}

void AppendEntities(const std::vector<EventArgument>& args, std::string* out) {
  out->push_back('[');
  for (size_t i = 0; i < args.size(); ++i) {
    if (i) out->push_back(',');
    out->append("{\"text\":");
    AppendString(args[i].text, out);
    out->append(",\"code\":");
    AppendString(args[i].code, out);
    out->append(",\"sector\":");
    AppendString(args[i].sector, out);
    out->append(",\"name\":");
    AppendString(args[i].name, out);
    if (!args[i].code_from.empty()) {
      out->append(",\"code_from\":");
      AppendString(args[i].code_from, out);
    }
    out->push_back('}');
  }
  out->push_back(']');
}

}  // namespace

void AppendEventJson(const Document& doc, const Event& e, std::string* out) {
  const Sentence& s = doc.sentences[e.sentence];
  std::string_view text = doc.Slice(s.span);
  auto span = [&](ByteSpan b, bool implicit) {
    SentenceSpan at = SpanInSentence(doc, s, b, implicit);
    if (!at.present) {
      out->append("null");
      return;
    }
    out->push_back('[');
    AppendNumber(at.begin, out);
    out->push_back(',');
    AppendNumber(at.end, out);
    out->push_back(']');
  };
  auto spans = [&](const std::vector<EventArgument>& args) {
    out->push_back('[');
    for (size_t i = 0; i < args.size(); ++i) {
      if (i) out->push_back(',');
      span(args[i].span, args[i].implicit);
    }
    out->push_back(']');
  };
  out->push_back('{');
  AppendKey("event_id", out);
  AppendString(e.event_id, out);
  out->push_back(',');
  AppendKey("doc_id", out);
  AppendString(doc.id, out);
  out->push_back(',');
  AppendKey("sentence", out);
  AppendNumber(e.sentence, out);
  out->push_back(',');
  AppendKey("event", out);
  AppendString(e.event, out);
  out->push_back(',');
  AppendKey("mode", out);
  AppendString(e.mode, out);
  out->push_back(',');
  AppendKey("context", out);
  out->push_back('[');
  for (size_t i = 0; i < e.context.size(); ++i) {
    if (i) out->push_back(',');
    AppendString(e.context[i], out);
  }
  out->append("],");
  AppendKey("actor", out);
  AppendEntities(e.actor, out);
  out->push_back(',');
  AppendKey("recipient", out);
  AppendEntities(e.recipient, out);
  out->push_back(',');
  AppendKey("cameo", out);
  AppendString(e.cameo, out);
  out->push_back(',');
  AppendKey("quad", out);
  AppendNumber(e.quad, out);
  out->push_back(',');
  AppendKey("score", out);
  AppendNumber(e.score, out);
  out->push_back(',');
  AppendKey("text", out);
  AppendString(text, out);
  out->push_back(',');
  AppendKey("spans", out);
  out->append("{\"trigger\":");
  span(e.trigger, false);
  out->append(",\"actor\":");
  spans(e.actor);
  out->append(",\"recipient\":");
  spans(e.recipient);
  out->append("},");
  AppendKey("pattern", out);
  AppendString(e.pattern, out);
  out->push_back(',');
  AppendKey("confidence", out);
  AppendNumber(RoundConfidence(e.confidence), out);
  out->push_back(',');
  AppendKey("location", out);
  if (e.location.precision.empty()) {
    out->append("null");
  } else {
    const Location& l = e.location;
    out->append("{\"name\":");
    AppendString(l.name, out);
    out->append(",\"country\":");
    AppendString(l.country, out);
    out->append(",\"admin1\":");
    AppendString(l.admin1, out);
    out->append(",\"lat\":");
    AppendNumber(RoundDegrees(l.lat), out);
    out->append(",\"lon\":");
    AppendNumber(RoundDegrees(l.lon), out);
    out->append(",\"precision\":");
    AppendString(l.precision, out);
    out->append(",\"geonames_id\":");
    if (l.geonames_id) {
      AppendNumber(static_cast<double>(l.geonames_id), out);
    } else {
      out->append("null");
    }
    out->append(",\"reason\":");
    AppendString(l.reason, out);
    out->push_back('}');
  }
  out->push_back(',');
  AppendKey("date", out);
  if (e.date.empty()) {
    out->append("null");
  } else {
    AppendString(e.date, out);
  }
  out->push_back(',');
  AppendKey("date_granularity", out);
  AppendString(e.date_granularity.empty() ? "unresolved" : e.date_granularity, out);
  out->push_back(',');
  AppendKey("counts", out);
  out->push_back('{');
  for (size_t i = 0; i < e.counts.size(); ++i) {
    if (i) out->push_back(',');
    AppendString(e.counts[i].kind, out);
    out->append(":[");
    AppendNumber(static_cast<double>(e.counts[i].min), out);
    out->push_back(',');
    if (e.counts[i].max < 0) {
      out->append("null");
    } else {
      AppendNumber(static_cast<double>(e.counts[i].max), out);
    }
    out->push_back(']');
  }
  out->append("},");
  AppendKey("aux", out);
  out->push_back('[');
  for (size_t i = 0; i < e.aux.size(); ++i) {
    if (i) out->push_back(',');
    AppendString(e.aux[i], out);
  }
  out->push_back(']');
  // Only rejected candidates (--all-candidates) carry one.
  if (!e.verdict.empty()) {
    out->push_back(',');
    AppendKey("verdict", out);
    AppendString(e.verdict, out);
  }
  out->push_back('}');
}

nlohmann::json EventToJson(const Document& doc, const Event& event) {
  std::string text;
  AppendEventJson(doc, event, &text);
  return nlohmann::json::parse(text);
}

}  // namespace griot
