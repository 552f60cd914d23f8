// Time-less rollups for the map and the actor list (/api/places,
// /api/actors): canonical events counted by place, by actor key and by
// entity name, each split by country, region, type and quad, so a request
// filtered on those (or on a box or radius, which select location ids)
// sums a few thousand rows instead of grouping every event.
//
//   Result<bool> current = PlaceRollupsCurrent(store);
//   if (current.ok() && *current) { ... SELECT ... FROM location_counts e ... }
//
// Design. The tables carry no day, so they cannot be refreshed by day as
// daily_counts is. They are refreshed by country: the countries that had
// canonical events on the days queued in rollup_pending (read from
// daily_counts before it is rebuilt, which catches events since deleted or
// unlinked) or have them now are recomputed from the events table. A load
// costs the scan of its countries' events; a first load, all of them.
//
// A store that predates the tables (no 'place_rollups' in meta) gets them
// filled at its next read-write open; until then, and while any day waits
// in rollup_pending, readers fall back to the events table.
#pragma once

#include <string>

#include "griot/store/store.h"

namespace griot {

// The tables, in each engine's dialect (run at every read-write open).
extern const char* const kSqlitePlaceRollupTables;
extern const char* const kPgPlaceRollupTables;

// Recomputes the rows of the countries touched by the days in
// rollup_pending; runs before kRefreshRollupSql, which empties the queue.
const std::string& RefreshPlaceRollupsSql();
// Fills the tables from every canonical event and sets 'place_rollups' in
// meta; run only when that flag is missing.
const std::string& FillPlaceRollupsSql();

// The monthly counts by region that alerts read (monthly_region_counts:
// month, country, admin1, type), refreshed by month with monthly_counts
// (kRefreshRollupSql). Filled from daily_counts and flagged
// 'region_rollups' in meta once, for a store made before the table; its
// reader checks RegionRollupsCurrent.
extern const char* const kFillRegionRollupSql;
Result<bool> RegionRollupsCurrent(Store& store);

// True when the tables exist, have been filled, and no day waits for its
// rollups: their sums then equal those of the events table.
Result<bool> PlaceRollupsCurrent(Store& store);

}  // namespace griot
