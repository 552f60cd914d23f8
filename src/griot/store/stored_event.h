// The store's flat form of documents and event records: what every store
// engine writes and reads back, and what exports, alerts and briefs consume.
// Converting a coded Document into rows happens once, here, so SQLite and
// PostgreSQL hold exactly the same values.
//
//   StoredDocument d = ToStoredDocument(doc);
//   std::vector<StoredEvent> events = ToStoredEvents(doc);
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "griot/doc/document.h"

namespace griot {

struct StoredDocument {
  std::string id;
  std::string title;
  std::string date;  // as given (ISO 8601), "" when absent
  std::string url;
  std::string source;
  std::string input;
  uint64_t line = 0;
  int64_t sentences = 0;
  int64_t events = 0;
  std::string content_hash;
};

// An actor or recipient of an event.
struct StoredArgument {
  std::string text;    // the words in the sentence ("" for implicit ones)
  std::string code;    // ISO-3, IGO, ... ("" = unknown)
  std::string sector;  // GOV, MIL, ... ("" = none)
  std::string name;    // canonical name of a named entity
  bool implicit = false;
  std::string code_from;  // "" or "location"
  // "MLI MIL": code and sector joined by a space, the unit of actor and
  // dyad grouping ("" when both are empty).
  std::string Key() const;
};

struct StoredLocation {
  std::string name;
  std::string country;  // ISO-3
  std::string admin1;
  double lat = 0;
  double lon = 0;
  std::string precision;  // place, admin1, country; "" = no location
  int64_t geonames_id = 0;
  std::string reason;
};

struct StoredEvent {
  std::string event_id;
  std::string doc_id;
  int64_t sentence = 0;
  std::string event;  // PLOVER type
  std::string mode;
  std::vector<std::string> context;
  std::vector<StoredArgument> actor;
  std::vector<StoredArgument> recipient;
  std::string cameo;
  int64_t quad = 0;
  double score = 0;  // Goldstein-style -10..10
  std::string text;  // the sentence
  std::string spans;  // JSON, as in the JSONL record
  std::string pattern;
  double confidence = 0;
  std::string report_date;  // the document's date, YYYY-MM-DD ("" when absent)
  std::string event_date;   // YYYY-MM-DD or ""
  std::string date_granularity;  // day, week, month, year, unresolved
  // The date analyses use: the event's own date when resolved to a day,
  // else the report date; with its ISO week (the Monday, YYYY-MM-DD) and
  // month (YYYY-MM). "" when neither is known.
  std::string day;
  std::string week;
  std::string month;
  StoredLocation location;
  std::string counts;  // JSON object, as in the JSONL record ({"killed":[12,null]})
  std::string aux;     // JSON array
  // Deduplication (store/dedup.h): the first report of the same real-world
  // event; on that canonical row, the group's totals.
  std::string canonical_id;  // "" until linked
  int64_t mentions = 0;      // canonical rows: event records in the group
  int64_t articles = 0;      // canonical rows: distinct documents
  int64_t sources = 0;       // canonical rows: distinct sources (source, else document)
  std::string first_reported;
  std::string last_reported;
  // The document's metadata, filled when read back with the event.
  std::string title;
  std::string url;
  std::string source;
};

StoredDocument ToStoredDocument(const Document& doc);
std::vector<StoredEvent> ToStoredEvents(const Document& doc);

// Sets day, week and month from event_date, date_granularity and
// report_date (see StoredEvent::day).
void FillAnalysisDates(StoredEvent* e);

// Days since 1970-01-01 of `day` (YYYY-MM-DD); false unless a real date.
bool ParseDay(const std::string& day, int64_t* days);

// `day` (YYYY-MM-DD) moved by `days`; "" if invalid.
std::string ShiftDay(const std::string& day, int days);

// The Monday of the ISO week holding `day` (YYYY-MM-DD), "" if invalid.
std::string WeekOf(const std::string& day);

}  // namespace griot
