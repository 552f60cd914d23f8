// PhraseTrie: many multiword phrases compiled together and matched in one
// pass over tokens (longest match first), instead of a loop over thousands of
// phrases per sentence.
//
//   PhraseTrie t;
//   t.Insert({"security", "council"}, 7);
//   PhraseTrie::Match m = t.Longest(n, [&](uint32_t k) { return words[k]; });
//
// Every token of every document is looked up in several tries (names,
// agents, dates, counts, contexts), so the edges live in one flat
// open-addressing table keyed by (parent node, word) with an inline FNV-1a
// hash: no per-node hash maps, no library hash call, one cache line per probe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace griot {

class PhraseTrie {
 public:
  struct Match {
    uint32_t length = 0;               // number of words matched; 0 = none
    const std::vector<uint32_t>* values = nullptr;
  };

  void Insert(const std::vector<std::string>& words, uint32_t value);

  // Longest phrase whose words equal key(0), key(1), ... key(available-1);
  // `accept(values, length)` may veto a candidate (e.g. for case rules).
  // Templates rather than std::function: this runs for every token.
  template <typename Key>
  Match Longest(uint32_t available, const Key& key) const {
    return Longest(available, key, [](const std::vector<uint32_t>&, uint32_t) { return true; });
  }
  template <typename Key, typename Accept>
  Match Longest(uint32_t available, const Key& key, const Accept& accept) const {
    Match best;
    uint32_t node = 0;
    for (uint32_t k = 0; k < available; ++k) {
      auto&& word = key(k);  // may be a temporary string: keep it alive
      node = Child(node, std::string_view(word));
      if (node == kNone) break;
      if (!values_[node].empty() && accept(values_[node], k + 1)) {
        best.length = k + 1;
        best.values = &values_[node];
      }
    }
    return best;
  }

  // Number of nodes (the root included).
  size_t size() const { return values_.size(); }

 private:
  static constexpr uint32_t kNone = 0xFFFFFFFFu;
  struct Slot {
    uint64_t hash = 0;
    uint32_t parent = 0;
    uint32_t child = kNone;  // kNone: empty slot
    uint32_t word_offset = 0;
    uint32_t word_length = 0;
  };

  static uint64_t EdgeHash(uint32_t parent, std::string_view word) {
    uint64_t h = 0xcbf29ce484222325ull ^ (static_cast<uint64_t>(parent) * 0x9E3779B97F4A7C15ull);
    for (char c : word) {
      h ^= static_cast<unsigned char>(c);
      h *= 0x100000001b3ull;
    }
    return h ^ (h >> 29);
  }
  uint32_t Child(uint32_t parent, std::string_view word) const {
    if (slots_.empty()) return kNone;
    uint64_t h = EdgeHash(parent, word);
    size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.child == kNone) return kNone;
      if (s.hash == h && s.parent == parent &&
          std::string_view(arena_).substr(s.word_offset, s.word_length) == word) {
        return s.child;
      }
    }
  }
  void Grow();

  std::string arena_;                          // the edge words, back to back
  std::vector<Slot> slots_;                    // power-of-two size, at most half full
  size_t edges_ = 0;
  std::vector<std::vector<uint32_t>> values_{1};  // per node; node 0 is the root
};

}  // namespace griot
