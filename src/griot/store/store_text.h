// Text forms shared by the store engines: the JSON columns, cache keys,
// full-text search words and the SQL that recomputes duplicate-group totals.
#pragma once

#include <string>
#include <vector>

#include "griot/store/stored_event.h"

namespace griot {

std::string UtcNow();  // 2026-11-28T21:40:00Z

// JSON columns, exactly as `griot code` prints the fields (keys sorted).
std::string ContextJson(const std::vector<std::string>& context);
std::string ArgumentsJson(const std::vector<StoredArgument>& args);
std::string LocationJson(const StoredLocation& l);  // "null" when there is no location
// And back (malformed JSON leaves the output empty).
void ParseArgumentsJson(const std::string& json, std::vector<StoredArgument>* args);
void ParseLocationJson(const std::string& json, StoredLocation* l);
void ParseContextJson(const std::string& json, std::vector<std::string>* context);

std::string LocationKey(const StoredLocation& l);

// The words of a full-text query, lower-cased: runs of letters, digits and
// any non-ASCII characters.
std::vector<std::string> SearchWords(const std::string& query);

// For the canonical events listed in the temporary table `touched`: marks
// their other mentions non-canonical, and the canonical rows canonical with
// their group's mentions, articles, sources and first/last report dates
// (portable SQL: UPDATE ... FROM, SQLite 3.33+ and PostgreSQL).
extern const char* const kRefreshCanonicalSql;
// Rebuilds the rows of `daily_counts` for the days queued in
// `rollup_pending`, and of `monthly_counts` for their months (portable
// SQL). The rollups count canonical events by day (month), country, region
// (daily only), type and quad: the aggregations most queries ask for read
// them instead of every event (query/aggregate.cc).
extern const char* const kRefreshRollupSql;

// Drops every duplicate link (portable SQL).
extern const char* const kClearLinksSql;

}  // namespace griot
