#include "griot/run/shard.h"

#include <charconv>
#include <string>

namespace griot {

uint64_t Fnv1a64(std::string_view s) {
  uint64_t h = 14695981039346656037ull;  // FNV offset basis
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;  // FNV prime
  }
  return h;
}

namespace {

bool ParseNumber(std::string_view s, uint64_t* out) {
  if (s.empty()) return false;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && end == s.data() + s.size();
}

}  // namespace

Result<Shard> ParseShard(std::string_view text) {
  std::string quoted = "\"" + std::string(text) + "\"";
  size_t slash = text.find('/');
  Shard shard;
  if (slash == std::string_view::npos || !ParseNumber(text.substr(0, slash), &shard.index) ||
      !ParseNumber(text.substr(slash + 1), &shard.count)) {
    return InvalidArgument(quoted + " is not K/N (e.g. 1/4: the first of four shards)");
  }
  if (shard.count == 0) return InvalidArgument(quoted + ": the number of shards N must be at least 1");
  if (shard.index < 1 || shard.index > shard.count) {
    return InvalidArgument(quoted + ": K must be between 1 and N=" + std::to_string(shard.count));
  }
  return shard;
}

}  // namespace griot
