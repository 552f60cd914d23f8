// Deduplication: reports of one real-world event in several documents are
// linked as mentions of that event (GDELT's NumMentions/NumSources idea),
// so counts, trends and alerts count events, not articles.
//
// The rule (docs/database.md, "Duplicate events"). Two event records are
// reports of the same event when all of these hold:
//   1. they come from different documents;
//   2. same PLOVER type;
//   3. their days (store/stored_event.h: the event's own date when resolved
//      to a day, else the report date) are at most 1 day apart when both are
//      the events' own dates, at most 3 days apart otherwise (reports lag);
//   4. the same place: same country; when both are located to a place,
//      within 25 km; when one is a place or region and the other a region,
//      the same first-level region; a country-level location matches any
//      location in that country. Two records without any location match
//      only when they share both an actor and a recipient;
//   5. the participants agree: they share at least one actor or recipient
//      (code and sector, "MLI MIL"), and neither side's actors (recipients)
//      contradict the other's, i.e. when both sides name actors
//      (recipients), at least one is shared. For AGREE, CONSULT and
//      COOPERATE, whose sides are interchangeable, actors and recipients
//      form one set of parties, and two parties must be shared when both
//      records name two or more.
// Records are taken in report order (report date, then event id); each
// joins the best matching canonical event (most shared participants, then
// nearest day, then nearest place, then the earliest), or becomes a new
// canonical event. Links only point to canonical records, so groups never
// chain.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "griot/store/store.h"

namespace griot {

// What the rule needs to know of one event record.
struct DedupRecord {
  std::string event_id;
  std::string doc_id;
  std::string source;    // document source, else the document id
  std::string reported;  // report date
  std::string event;
  std::string day;
  bool own_date = false;  // day is the event's own date
  std::string country;
  std::string admin1;
  std::string precision;  // place, admin1, country, ""
  double lat = 0;
  double lon = 0;
  std::vector<std::string> actors;      // keys, sorted, unique
  std::vector<std::string> recipients;
  int64_t row = 0;  // the engine's row, when known (MentionLink::row)
};

// The record of an event as written: what LoadRecords would read back.
DedupRecord ToDedupRecord(const StoredDocument& doc, const StoredEvent& e);

// Report order: report date, then event id (bytewise, as both engines sort).
void SortByReport(std::vector<DedupRecord>* records);

// Why `b` reports the same event as canonical `a` ("" when it does not);
// `score` ranks the candidates that do.
std::string SameEvent(const DedupRecord& a, const DedupRecord& b, double* score);

// Links `fresh` (in report order) against `canonical` (records already
// canonical in the store) and against each other; returns one link per
// fresh record.
std::vector<MentionLink> LinkDuplicates(std::vector<DedupRecord> canonical,
                                        const std::vector<DedupRecord>& fresh);

}  // namespace griot
