// A readable summary of the events stored in a griot store (SQLite or PostgreSQL):
// counts by type, the most frequent actors and dyads, and each event with
// the sentence that justifies it.
#pragma once

#include <string>

#include "griot/util/status.h"

namespace griot {

Result<std::string> SummarizeDatabase(const std::string& path, int max_events);

}  // namespace griot
