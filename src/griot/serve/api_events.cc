// /api/events (a page of event summaries) and /api/events/{id} (one event
// with everything the store knows about it).
#include <utility>

#include "griot/query/event_reader.h"
#include "griot/serve/api_internal.h"

namespace griot::api {
namespace {

Json ArgumentJson(const StoredArgument& a) {
  return {{"code", a.code}, {"sector", a.sector}, {"name", a.name}, {"text", a.text}};
}

// A stored JSON text (spans, counts, aux) as JSON; `fallback` when empty or
// unreadable, so one damaged row does not fail the whole answer.
Json Parsed(const std::string& text, Json fallback) {
  if (text.empty()) return fallback;
  Json j = Json::parse(text, nullptr, false);
  return j.is_discarded() ? fallback : j;
}

bool HasLocation(const StoredEvent& e) { return !e.location.precision.empty(); }
// A country-level place without coordinates (no gazetteer) is stored at
// 0,0: no point to put on a map.
bool HasCoordinates(const StoredEvent& e) {
  return HasLocation(e) && (e.location.lat != 0 || e.location.lon != 0);
}

Json Summary(const StoredEvent& e) {
  Json j;
  j["event_id"] = e.event_id;
  j["doc_id"] = e.doc_id;
  j["day"] = e.day;
  j["type"] = e.event;
  j["mode"] = e.mode;
  j["quad"] = e.quad;
  j["cameo"] = e.cameo;
  j["actor"] = e.actor.empty() ? Json(nullptr) : ArgumentJson(e.actor[0]);
  j["recipient"] = e.recipient.empty() ? Json(nullptr) : ArgumentJson(e.recipient[0]);
  j["place"] = e.location.name;
  j["country"] = e.location.country;
  j["admin1"] = e.location.admin1;
  j["lat"] = HasCoordinates(e) ? Json(e.location.lat) : Json(nullptr);
  j["lon"] = HasCoordinates(e) ? Json(e.location.lon) : Json(nullptr);
  j["mentions"] = e.mentions;
  j["sources"] = e.sources;
  j["confidence"] = e.confidence;
  j["sentence"] = e.text;
  j["title"] = e.title;
  return j;
}

// The other records of the same real-world event, first reported first.
Status OtherMentions(Store& store, const StoredEvent& e, Json* out) {
  *out = Json::array();
  if (e.canonical_id.empty()) return Status::Ok();
  return store.Select(
      {"SELECT m.mention_id, x.doc_id, d.title, d.url, d.source, x.day, x.text FROM mentions m "
       "JOIN events x ON x.event_id = m.mention_id JOIN documents d ON d.id = x.doc_id "
       "WHERE m.event_id = ? AND m.mention_id <> ? ORDER BY m.reported, m.mention_id",
       {e.canonical_id, e.event_id}},
      [&](const SqlRow& r) {
        out->push_back({{"event_id", SqlValueText(r[0])},
                        {"doc_id", SqlValueText(r[1])},
                        {"title", SqlValueText(r[2])},
                        {"url", SqlValueText(r[3])},
                        {"source", SqlValueText(r[4])},
                        {"day", SqlValueText(r[5])},
                        {"sentence", SqlValueText(r[6])}});
        return true;
      });
}

}  // namespace

Result<Json> Events(Store& store, const Request& r) {
  Result<int64_t> limit = IntOption(r, "limit", 100, 1, kMaxEventPage);
  if (!limit.ok()) return limit.status();
  Result<int64_t> offset = IntOption(r, "offset", 0, 0, 1000000000);
  if (!offset.ok()) return offset.status();
  std::string order = r.Option("order", "day");
  if (order != "day" && order != "mentions") return InvalidArgument("order: '" + order + "' (day or mentions)");
  Json events = Json::array();
  // One row more than the page says whether another page follows.
  ReadOrder read{order == "day" ? "newest" : "mentions", *limit + 1, *offset};
  GRIOT_RETURN_IF_ERROR(ReadEvents(store, r.filter, read, [&](const StoredEvent& e) {
    events.push_back(Summary(e));
    return true;
  }));
  bool more = static_cast<int64_t>(events.size()) > *limit;
  if (more) events.erase(events.end() - 1);
  Json out;
  out["limit"] = *limit;
  out["offset"] = *offset;
  out["more"] = more;
  out["events"] = std::move(events);
  return out;
}

Result<Json> EventDetail(Store& store, const std::string& event_id) {
  // The event's document first: the reader filters by document, and an
  // unknown id is a 404, not an empty answer.
  std::string doc_id;
  bool found = false;
  GRIOT_RETURN_IF_ERROR(store.Select({"SELECT doc_id FROM events WHERE event_id = ?", {event_id}},
                                     [&](const SqlRow& r) {
                                       doc_id = SqlValueText(r[0]);
                                       found = true;
                                       return false;
                                     }));
  if (!found) return NotFound("event " + event_id + ": not in the store");
  EventFilter f;
  f.doc_id = doc_id;
  f.all_mentions = true;
  std::optional<StoredEvent> event;
  GRIOT_RETURN_IF_ERROR(ReadEvents(store, f, {"id"}, [&](const StoredEvent& e) {
    if (e.event_id != event_id) return true;
    event = e;
    return false;
  }));
  if (!event) return NotFound("event " + event_id + ": not in the store");
  const StoredEvent& e = *event;
  Json j = Summary(e);
  j["context"] = e.context;
  Json actors = Json::array(), recipients = Json::array();
  for (const StoredArgument& a : e.actor) actors.push_back(ArgumentJson(a));
  for (const StoredArgument& a : e.recipient) recipients.push_back(ArgumentJson(a));
  j["actors"] = std::move(actors);
  j["recipients"] = std::move(recipients);
  j["spans"] = Parsed(e.spans, Json::object());
  j["pattern"] = e.pattern;
  j["counts"] = Parsed(e.counts, Json::object());
  j["aux"] = Parsed(e.aux, Json::array());
  j["score"] = e.score;
  j["event_date"] = e.event_date;
  j["report_date"] = e.report_date;
  j["date_granularity"] = e.date_granularity;
  j["location"] = HasLocation(e) ? Json{{"name", e.location.name},
                                        {"country", e.location.country},
                                        {"admin1", e.location.admin1},
                                        {"lat", HasCoordinates(e) ? Json(e.location.lat) : Json(nullptr)},
                                        {"lon", HasCoordinates(e) ? Json(e.location.lon) : Json(nullptr)},
                                        {"precision", e.location.precision},
                                        {"reason", e.location.reason}}
                                 : Json(nullptr);
  j["url"] = e.url;
  j["source"] = e.source;
  j["sentence_index"] = e.sentence;
  j["canonical_id"] = e.canonical_id;
  j["first_reported"] = e.first_reported;
  j["last_reported"] = e.last_reported;
  j["articles"] = e.articles;
  Json others;
  GRIOT_RETURN_IF_ERROR(OtherMentions(store, e, &others));
  j["other_mentions"] = std::move(others);
  return j;
}

}  // namespace griot::api
