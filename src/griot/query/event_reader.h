// Reads whole event records (with their document's title, url and source)
// back from a store, for exports, briefs and the API.
//
//   Status st = ReadEvents(store, filter, {"day", 100}, [](const StoredEvent& e) {
//     ...; return true;  // false stops
//   });
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "griot/query/event_filter.h"
#include "griot/store/store.h"
#include "griot/store/stored_event.h"

namespace griot {

struct ReadOrder {
  // "day" (day, event id), "newest" (latest day first, as the dashboard
  // lists them), "mentions" (most reported first, then day,
  // event id) or "id" (event id).
  std::string by = "day";
  int64_t limit = 0;  // 0 = all
  int64_t offset = 0;
};

Status ReadEvents(Store& store, const EventFilter& filter, const ReadOrder& order,
                  const std::function<bool(const StoredEvent&)>& each);

}  // namespace griot
