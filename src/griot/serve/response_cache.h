// ResponseCache: the JSON answers of recent API requests, for as long as the
// store's data has not changed. A dashboard asks the same questions again
// and again (every page load: meta, places, the timeline, the first page of
// events), and at 200 concurrent users the two cores of a small server
// cannot recompute each one.
//
//   std::optional<int64_t> v = store.DataVersion();      // before answering
//   bool hit = false;
//   ApiResponse r = cache.Answer(key, *v, [&] { return AnswerApi(store, ontology, path, params); }, &hit);
//
// `version` is a number that changes whenever the data does (SQLite's
// `PRAGMA data_version` on one watching connection). A request that sees a
// new version empties the cache; an answer computed under an older version
// than the cache's is not kept, so a slow request that started before a load
// committed cannot put stale data back. Memory is bounded by the bodies'
// bytes; the least recently used answers go first. Thread-safe.
//
// One computation per question: requests that ask what another request is
// already computing wait for its answer instead of computing it again (when
// 200 dashboard connections open at once, the first answers of the slow
// questions would otherwise be computed dozens of times side by side, and
// everyone would wait for all of them).
#pragma once

#include <cstddef>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "griot/serve/api.h"

namespace griot {

class ResponseCache {
 public:
  explicit ResponseCache(size_t max_bytes) : max_bytes_(max_bytes) {}

  // The kept answer to `key`, or compute()'s (kept if successful: errors
  // are cheap or transient, like a 503). *hit says which.
  ApiResponse Answer(const std::string& key, int64_t version,
                     const std::function<ApiResponse()>& compute, bool* hit);

  // The two halves of Answer, without the waiting (tests; see above).
  std::optional<ApiResponse> Get(const std::string& key, int64_t version);
  void Put(const std::string& key, int64_t version, const ApiResponse& response);

  size_t bytes() const;
  size_t entries() const;

  // The cache key of a request: the path and its parameters in a fixed
  // order, so the same question asked in another parameter order shares an
  // entry (repeated names keep their relative order: it can matter).
  static std::string Key(const std::string& path, const ApiParams& params);

 private:
  using Entry = std::pair<std::string, ApiResponse>;
  void EvictTo(size_t max_bytes);  // under mutex_
  std::optional<ApiResponse> GetLocked(const std::string& key, int64_t version);
  void PutLocked(const std::string& key, int64_t version, const ApiResponse& response);

  const size_t max_bytes_;
  mutable std::mutex mutex_;
  int64_t version_ = 0;
  bool have_version_ = false;
  std::list<Entry> lru_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
  size_t bytes_ = 0;
  std::condition_variable done_;
  std::unordered_set<std::string> computing_;  // keys being computed now
};

}  // namespace griot
