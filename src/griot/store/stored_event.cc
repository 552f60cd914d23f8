#include "griot/store/stored_event.h"

#include <cstdio>

#include "griot/io/event_json.h"
#include "griot/store/stored_json.h"
#include "griot/util/civil_date.h"
#include "griot/util/content_hash.h"

namespace griot {
namespace {

std::string FormatDay(int64_t days) {
  CivilDate c = CivilFromDays(days);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(c.y), c.m, c.d);
  return buf;
}

StoredArgument ToArgument(const EventArgument& a) {
  StoredArgument s;
  s.text = a.text;
  s.code = a.code;
  s.sector = a.sector;
  s.name = a.name;
  s.implicit = a.implicit;
  s.code_from = a.code_from;
  return s;
}

}  // namespace

bool ParseDay(const std::string& s, int64_t* days) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  int y = std::stoi(s.substr(0, 4)), m = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  *days = DaysFromCivil(y, m, d);
  CivilDate back = CivilFromDays(*days);
  return back.m == m && back.d == d;  // rejects 2025-02-30
}

std::string StoredArgument::Key() const {
  if (sector.empty()) return code;
  if (code.empty()) return sector;
  return code + " " + sector;
}

std::string ShiftDay(const std::string& day, int days) {
  int64_t d = 0;
  return ParseDay(day, &d) ? FormatDay(d + days) : "";
}

std::string WeekOf(const std::string& day) {
  int64_t d = 0;
  if (!ParseDay(day, &d)) return "";
  // 1970-01-01 was a Thursday: days since a Monday are (d + 3) mod 7.
  int64_t since_monday = ((d + 3) % 7 + 7) % 7;
  return FormatDay(d - since_monday);
}

void FillAnalysisDates(StoredEvent* e) {
  int64_t unused = 0;
  if (!ParseDay(e->report_date, &unused)) e->report_date.clear();
  e->day = e->date_granularity == "day" && ParseDay(e->event_date, &unused) ? e->event_date
                                                                             : e->report_date;
  e->week = WeekOf(e->day);
  e->month = e->day.empty() ? "" : e->day.substr(0, 7);
}

StoredDocument ToStoredDocument(const Document& doc) {
  StoredDocument d;
  d.id = doc.id;
  d.title = doc.title;
  d.date = doc.date;
  d.url = doc.url;
  d.source = doc.source;
  d.input = doc.input;
  d.line = doc.line;
  d.sentences = static_cast<int64_t>(doc.sentences.size());
  d.events = static_cast<int64_t>(doc.events.size());
  // A document coded outside a run (no hash yet) is fingerprinted here.
  d.content_hash = doc.content_hash.empty() ? ContentHash(doc.text) : doc.content_hash;
  return d;
}

std::vector<StoredEvent> ToStoredEvents(const Document& doc) {
  std::vector<StoredEvent> out;
  out.reserve(doc.events.size());
  // FillAnalysisDates drops a report date that is not a real day.
  std::string report_date = doc.date.size() >= 10 ? doc.date.substr(0, 10) : "";
  for (const Event& e : doc.events) {
    // The text, numbers and JSON columns hold what the JSONL record prints,
    // as stores have always held them (see stored_json.h).
    StoredEvent s;
    s.event_id = e.event_id;
    s.doc_id = doc.id;
    s.sentence = e.sentence;
    s.event = e.event;
    s.mode = e.mode;
    s.context = e.context;
    for (const EventArgument& a : e.actor) s.actor.push_back(ToArgument(a));
    for (const EventArgument& a : e.recipient) s.recipient.push_back(ToArgument(a));
    s.cameo = e.cameo;
    s.quad = e.quad;
    s.score = e.score;
    s.text = std::string(doc.Slice(doc.sentences[e.sentence].span));
    s.spans = StoredSpansJson(doc, e);
    s.pattern = e.pattern;
    s.confidence = StoredValue(RoundConfidence(e.confidence));
    s.report_date = report_date;
    s.event_date = e.date;
    s.date_granularity = e.date_granularity.empty() ? "unresolved" : e.date_granularity;
    FillAnalysisDates(&s);
    if (!e.location.precision.empty()) {
      s.location.name = e.location.name;
      s.location.country = e.location.country;
      s.location.admin1 = e.location.admin1;
      s.location.lat = StoredValue(RoundDegrees(e.location.lat));
      s.location.lon = StoredValue(RoundDegrees(e.location.lon));
      s.location.precision = e.location.precision;
      s.location.geonames_id = e.location.geonames_id;
      s.location.reason = e.location.reason;
    }
    s.counts = StoredCountsJson(e);
    s.aux = StoredAuxJson(e);
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace griot
