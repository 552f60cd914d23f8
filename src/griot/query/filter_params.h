// Event filters from text parameters: the one parser behind the options of
// `griot query`/`griot export` (--country, --bbox, ...) and the query
// parameters of the HTTP API (country=, bbox=, ...). Same names (without
// the dashes, `_` for `-`), same meanings, same checks.
//
//   EventFilter f;
//   Status st = SetFilterParam("from", "2025-01-01", &f);  // ok
//   st = SetFilterParam("quad", "7", &f);  // InvalidArgument "quad: 7 is not a quad class (1-4)"
#pragma once

#include <string>
#include <vector>

#include "griot/query/event_filter.h"
#include "griot/util/status.h"

namespace griot {

// country, admin1, actor, role, dyad, type, mode, context, quad, from, to,
// bbox, near, text, doc, min_confidence, all_mentions.
const std::vector<std::string>& FilterParamNames();
bool IsFilterParam(const std::string& name);

// Sets the filter `name` from `value`: lists are comma-separated (dyads
// too: "MLI MIL->MLI CVL,BFA REB->BFA MIL"), `near` is LAT,LON,KM,
// `all_mentions` 0/1/true/false. Errors name the parameter and the value.
Status SetFilterParam(const std::string& name, const std::string& value, EventFilter* filter);

// "1.5,-3" -> {1.5, -3}; errors name `name` and the part that is not a
// number.
Result<std::vector<double>> ParseNumberList(const std::string& name, const std::string& value);

// Splits on commas, trimming spaces; empty parts are kept (as "").
std::vector<std::string> SplitParamList(const std::string& value);

// True for a real calendar-shaped day YYYY-MM-DD.
bool IsParamDay(const std::string& value);

}  // namespace griot
