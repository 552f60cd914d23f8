// Helpers shared by the endpoint files of the API (api.cc, api_events.cc,
// api_places.cc); not part of the public interface.
#pragma once

#include <cstdint>
#include <vector>
#include <nlohmann/json.hpp>
#include <string>

#include "griot/query/event_filter.h"
#include "griot/serve/api.h"
#include "griot/store/store.h"

namespace griot::api {

// Keys keep the order they are written in: the answers read like the docs.
using Json = nlohmann::ordered_json;

// The parameters of one request, split into the event filter and the
// endpoint's own options; anything else is an error naming it.
struct Request {
  EventFilter filter;
  ApiParams options;  // the endpoint's own parameters, checked by it
  // Places and actors may read the time-less rollups (store/place_rollups.h);
  // false reads the events table (the differential tests compare both).
  bool use_rollups = true;
  // The last value of option `name`, or `fallback`.
  std::string Option(const std::string& name, const std::string& fallback = "") const;
};

// `with_filters`: the endpoint takes the filter parameters; `options`: the
// names of its own.
Result<Request> ParseRequest(const ApiParams& params, bool with_filters,
                             const std::vector<std::string>& options);

// Option `name` as an integer in [min, max]; `fallback` when absent.
Result<int64_t> IntOption(const Request& r, const std::string& name, int64_t fallback, int64_t min,
                          int64_t max);

Json CellJson(const SqlValue& v);

// The filter's WHERE clause with `condition` ANDed on.
SqlQuery WhereAnd(const SqlQuery& where, const std::string& condition);

Result<Json> Events(Store& store, const Request& r);
Result<Json> EventDetail(Store& store, const std::string& event_id);
Result<Json> Places(Store& store, const Request& r);
Result<Json> Actors(Store& store, const Request& r);

}  // namespace griot::api
