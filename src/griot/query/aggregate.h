// Queries behind `griot query`: a list of events, or counts grouped by
// time, type, place, actor or dyad.
//
//   QuerySpec q;
//   q.filter.countries = {"MLI"};
//   q.group_by = {"month", "type"};
//   Result<ResultTable> t = RunQuery(store, q);
//
// Counts are of real-world events (canonical records, store/dedup.h) with
// `reports` = the reports of them, unless the filter asks for all mentions.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "griot/query/event_filter.h"
#include "griot/query/table.h"

namespace griot {

struct QuerySpec {
  EventFilter filter;
  // Any of day, week, month, year, type, mode, quad, country, admin1, actor,
  // recipient, dyad; empty = list events.
  std::vector<std::string> group_by;
  int64_t limit = 0;  // rows; 0 = all for groups, 100 for event lists
  int64_t offset = 0;
  // Read counts from the daily rollup when it holds every filter and key
  // (the same answer, much faster on large stores); off only to test that.
  bool use_rollup = true;
};

Result<ResultTable> RunQuery(Store& store, const QuerySpec& spec);

// The group-by keys `griot query` accepts, for help texts.
const std::vector<std::string>& GroupKeys();

}  // namespace griot
