#include "griot/serve/response_cache.h"

#include <algorithm>
#include <chrono>

namespace griot {
namespace {

// What an entry costs besides its body (key, node, index slot), roughly.
constexpr size_t kEntryOverhead = 128;

size_t Cost(const std::string& key, const ApiResponse& r) {
  return key.size() + r.body.size() + kEntryOverhead;
}

}  // namespace

// A request waits this long at most for another's answer, then computes
// its own: a computation that never ends (a bug) must not stall the rest.
constexpr auto kMaxWait = std::chrono::seconds(30);

ApiResponse ResponseCache::Answer(const std::string& key, int64_t version,
                                  const std::function<ApiResponse()>& compute, bool* hit) {
  std::unique_lock lock(mutex_);
  if (computing_.count(key)) {
    done_.wait_for(lock, kMaxWait, [&] { return computing_.count(key) == 0; });
  }
  if (std::optional<ApiResponse> kept = GetLocked(key, version)) {
    *hit = true;
    return *kept;
  }
  *hit = false;
  bool mine = computing_.insert(key).second;
  lock.unlock();
  // Whatever happens in compute(), the key is released and waiters woken.
  struct Release {
    ResponseCache* cache;
    const std::string& key;
    bool mine;
    ~Release() {
      if (!mine) return;
      std::lock_guard l(cache->mutex_);
      cache->computing_.erase(key);
      cache->done_.notify_all();
    }
  };
  ApiResponse answer;
  {
    Release release{this, key, mine};
    answer = compute();
    std::lock_guard l(mutex_);
    PutLocked(key, version, answer);
  }
  return answer;
}

std::optional<ApiResponse> ResponseCache::Get(const std::string& key, int64_t version) {
  std::lock_guard lock(mutex_);
  return GetLocked(key, version);
}

void ResponseCache::Put(const std::string& key, int64_t version, const ApiResponse& response) {
  std::lock_guard lock(mutex_);
  PutLocked(key, version, response);
}

std::optional<ApiResponse> ResponseCache::GetLocked(const std::string& key, int64_t version) {
  if (!have_version_ || version != version_) {
    // New data (or the first request): nothing kept so far can be trusted.
    EvictTo(0);
    version_ = version;
    have_version_ = true;
    return std::nullopt;
  }
  auto it = index_.find(key);
  if (it == index_.end()) return std::nullopt;
  lru_.splice(lru_.begin(), lru_, it->second);
  return it->second->second;
}

void ResponseCache::PutLocked(const std::string& key, int64_t version, const ApiResponse& response) {
  if (response.status != 200) return;
  size_t cost = Cost(key, response);
  if (cost > max_bytes_ / 4) return;  // one huge answer must not flush the rest
  if (!have_version_ || version != version_) return;  // computed from older data
  auto it = index_.find(key);
  if (it != index_.end()) {
    bytes_ -= Cost(key, it->second->second);
    lru_.erase(it->second);
    index_.erase(it);
  }
  EvictTo(max_bytes_ - cost);
  lru_.emplace_front(key, response);
  index_[key] = lru_.begin();
  bytes_ += cost;
}

void ResponseCache::EvictTo(size_t max_bytes) {
  while (bytes_ > max_bytes && !lru_.empty()) {
    const Entry& last = lru_.back();
    bytes_ -= Cost(last.first, last.second);
    index_.erase(last.first);
    lru_.pop_back();
  }
}

size_t ResponseCache::bytes() const {
  std::lock_guard lock(mutex_);
  return bytes_;
}

size_t ResponseCache::entries() const {
  std::lock_guard lock(mutex_);
  return lru_.size();
}

std::string ResponseCache::Key(const std::string& path, const ApiParams& params) {
  ApiParams sorted = params;
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string key = path;
  for (const auto& [name, value] : sorted) {
    // Lengths first: no name or value can be read as a separator.
    key += '\n' + std::to_string(name.size()) + ':' + name + std::to_string(value.size()) + ':' + value;
  }
  return key;
}

}  // namespace griot
