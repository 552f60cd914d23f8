#include "griot/io/event_json.h"

namespace griot {

uint32_t CodePoints(std::string_view s) {
  uint32_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

namespace {

nlohmann::json Entities(const std::vector<EventArgument>& args) {
  nlohmann::json out = nlohmann::json::array();
  for (const EventArgument& a : args) {
    out.push_back({{"text", a.text}, {"code", a.code}, {"sector", a.sector}, {"name", a.name}});
  }
  return out;
}

}  // namespace

nlohmann::json EventToJson(const Document& doc, const Event& e) {
  const Sentence& s = doc.sentences[e.sentence];
  std::string_view text = doc.Slice(s.span);
  auto offset = [&](uint32_t byte) {
    return CodePoints(text.substr(0, byte - s.span.begin));
  };
  auto span = [&](ByteSpan b) {
    // Arguments resolved from an earlier sentence (pronouns) lie outside
    // this sentence; their span is reported as null.
    if (b.begin < s.span.begin || b.end > s.span.end) return nlohmann::json(nullptr);
    return nlohmann::json::array({offset(b.begin), offset(b.end)});
  };
  nlohmann::json spans = {{"trigger", span(e.trigger)},
                          {"actor", nlohmann::json::array()},
                          {"recipient", nlohmann::json::array()}};
  for (const auto& a : e.actor) spans["actor"].push_back(a.implicit ? nullptr : span(a.span));
  for (const auto& a : e.recipient) {
    spans["recipient"].push_back(a.implicit ? nullptr : span(a.span));
  }
  return {{"event_id", e.event_id},
          {"doc_id", doc.id},
          {"sentence", e.sentence},
          {"event", e.event},
          {"mode", e.mode},
          {"context", e.context},
          {"actor", Entities(e.actor)},
          {"recipient", Entities(e.recipient)},
          {"cameo", e.cameo},
          {"quad", e.quad},
          {"score", e.score},
          {"text", std::string(text)},
          {"spans", spans},
          {"pattern", e.pattern},
          {"confidence", std::round(e.confidence * 1000) / 1000}};
}

}  // namespace griot
