#include "griot/export/plover_export.h"

namespace griot {
namespace {

using Json = nlohmann::ordered_json;

Json TextOrNull(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json Arguments(const std::vector<StoredArgument>& args) {
  Json out = Json::array();
  for (const StoredArgument& a : args) {
    out.push_back({{"name", a.name}, {"code", a.code}, {"sector", a.sector}, {"text", a.text}});
  }
  return out;
}

// counts and aux are stored as JSON text; a damaged cell exports as empty
// rather than failing the whole export.
Json Embedded(const std::string& text, Json empty) {
  Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  return j.is_discarded() || j.type() != empty.type() ? empty : j;
}

}  // namespace

Json PloverRecord(const StoredEvent& e) {
  Json location = nullptr;
  if (!e.location.precision.empty()) {
    const StoredLocation& l = e.location;
    location = {{"name", l.name},
                {"country", l.country},
                {"admin1", l.admin1},
                {"lat", l.lat},
                {"lon", l.lon},
                {"geonames_id", l.geonames_id > 0 ? Json(l.geonames_id) : Json(nullptr)},
                {"precision", l.precision}};
  }
  return {{"id", e.event_id},
          {"date", TextOrNull(e.day)},
          {"date_granularity", e.date_granularity},
          {"event_type", e.event},
          {"mode", e.mode},
          {"contexts", e.context},
          {"cameo", e.cameo},
          {"quad", e.quad},
          {"score", e.score},
          {"actors", Arguments(e.actor)},
          {"recipients", Arguments(e.recipient)},
          {"location", location},
          {"text", e.text},
          {"doc",
           {{"id", e.doc_id},
            {"title", e.title},
            {"url", e.url},
            {"source", e.source},
            {"report_date", TextOrNull(e.report_date)}}},
          {"counts", Embedded(e.counts, Json::object())},
          {"aux", Embedded(e.aux, Json::array())},
          {"confidence", e.confidence},
          {"mentions", e.mentions},
          {"articles", e.articles},
          {"sources", e.sources},
          {"first_reported", TextOrNull(e.first_reported)},
          {"last_reported", TextOrNull(e.last_reported)}};
}

std::string PloverLine(const StoredEvent& e) {
  // Invalid UTF-8 in a sentence becomes U+FFFD instead of an exception.
  return PloverRecord(e).dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace griot
