// Shards: split one corpus between independent runs (a Slurm job array,
// GNU parallel, several machines) without coordination.
//
//   Result<Shard> shard = ParseShard("2/8");        // the 2nd of 8 shards
//   if (shard->Holds(doc.id)) Code(doc);
//
// A document's shard depends only on its id, through FNV-1a 64 (a fixed,
// documented hash: std::hash may differ between builds and machines), so
// every run, on any machine, puts the same document in the same shard.
#pragma once

#include <cstdint>
#include <string_view>

#include "griot/util/status.h"

namespace griot {

// 64-bit FNV-1a of the bytes of `s`.
uint64_t Fnv1a64(std::string_view s);

struct Shard {
  uint64_t index = 1;  // 1-based: shard K of N
  uint64_t count = 1;
  bool Holds(std::string_view key) const { return count <= 1 || Fnv1a64(key) % count == index - 1; }
};

// "K/N" with 1 <= K <= N; the error says what is wrong with the text.
Result<Shard> ParseShard(std::string_view text);

}  // namespace griot
