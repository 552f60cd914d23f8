// EventFilter: which events a query, an export, the dashboard or a brief is
// about, turned into portable SQL over the `events` table (alias `e`).
//
//   EventFilter f;
//   f.countries = {"MLI"};
//   f.from = "2025-01-01";
//   Result<SqlQuery> where = BuildWhere(f, store);   // "WHERE e.is_canonical = 1 AND ..."
//
// Every filter narrows: the conditions are joined with AND, and several
// values of one filter (countries, types, ...) with OR.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "griot/store/store.h"
#include "griot/util/status.h"

namespace griot {

struct EventFilter {
  std::vector<std::string> countries;   // ISO-3 of the event's place
  std::vector<std::string> admin1;      // first-level region names
  // Actors: a code ("MLI"), a code and sector ("MLI MIL"), a sector ("MIL")
  // or a name ("Assimi Goita"); matches actors and recipients unless
  // `role` says "actor" or "recipient".
  std::vector<std::string> actors;
  std::string role;  // "", "actor" or "recipient"
  // Dyad "A -> B": actor A acting on recipient B (A and B as in `actors`).
  std::vector<std::string> dyads;
  std::vector<std::string> types;     // PLOVER event types
  std::vector<std::string> modes;
  std::vector<std::string> contexts;
  std::vector<int> quads;             // 1..4
  std::string from;  // YYYY-MM-DD, inclusive, on the analysis day (stored_event.h)
  std::string to;    // YYYY-MM-DD, inclusive
  // Bounding box: min lon, min lat, max lon, max lat.
  std::optional<std::vector<double>> bbox;
  // Radius around a point: lat, lon, km.
  std::optional<std::vector<double>> near;
  std::string text;  // full-text search: every word in the sentence
  std::string doc_id;
  double min_confidence = 0;
  // Count every report instead of each real-world event once.
  bool all_mentions = false;
};

// Checks the values (dates, quads, coordinates) and builds the WHERE clause
// with its parameters. Errors name the filter and the bad value.
// `common_text`: the --text words match many events (Store::TextMatchSql).
Result<SqlQuery> BuildWhere(const EventFilter& filter, const Store& store, bool common_text = false);

// The WHERE of a sorted page of events: BuildWhere, with the store asked
// whether the --text words are common (a page of common words is found by
// walking an index, of rare words by reading the matches).
Result<SqlQuery> BuildPageWhere(const EventFilter& filter, Store& store);

// " WHERE e.event_id IN (SELECT ... <where> <order_by> LIMIT ? OFFSET ?)":
// the page's ids chosen from the covering indexes (which end with
// event_id), so only the page's rows are read and joined. `order_by` is
// " ORDER BY ..." over `e`; the caller sorts the page again by it.
SqlQuery PageOfEvents(const SqlQuery& where, const std::string& order_by, int64_t limit, int64_t offset);

}  // namespace griot
