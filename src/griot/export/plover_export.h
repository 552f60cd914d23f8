// PLOVER JSON lines: one event per line, shaped like POLECAT's records (the
// PLOVER ontology's own vocabulary: event_type, mode, contexts, actors and
// recipients), for tools that read PLOVER/POLECAT data.
//
//   out << PloverLine(event) << '\n';
//
// Fields, in this order (docs/exports.md):
//   id              griot's event id (<doc_id>-<sentence>-<n>)
//   date            the event's day (its own date when resolved to a day,
//                   else the report date), YYYY-MM-DD; null when unknown
//   date_granularity  day, week, month, year or unresolved
//   event_type, mode, contexts   PLOVER type, mode ("" = none), contexts
//   cameo, quad, score           legacy CAMEO code, quad class, -10..10 score
//   actors, recipients  lists of {"name", "code", "sector", "text"}
//   location        {"name", "country" (ISO-3), "admin1", "lat", "lon",
//                   "geonames_id" (null when none), "precision"}; null when
//                   the event has no place
//   text            the source sentence
//   doc             {"id", "title", "url", "source", "report_date"}
//   counts, aux     as in griot's JSONL record
//   confidence      0..1
//   mentions, articles, sources, first_reported, last_reported
//                   the deduplicated event's totals (store/dedup.h); 0 and
//                   null on a record that is not canonical
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "griot/store/stored_event.h"

namespace griot {

nlohmann::ordered_json PloverRecord(const StoredEvent& e);

// The record on one line, without the newline.
std::string PloverLine(const StoredEvent& e);

}  // namespace griot
