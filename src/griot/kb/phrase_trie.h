// PhraseTrie: many multiword phrases compiled together and matched in one
// pass over tokens (longest match first), instead of a loop over thousands of
// phrases per sentence.
//
//   PhraseTrie t;
//   t.Insert({"security", "council"}, 7);
//   PhraseTrie::Match m = t.Longest(n, [&](uint32_t k) { return words[k]; });
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
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
      const auto& next = nodes_[node].next;
      auto it = next.find(std::string_view(key(k)));
      if (it == next.end()) break;
      node = it->second;
      if (!nodes_[node].values.empty() && accept(nodes_[node].values, k + 1)) {
        best.length = k + 1;
        best.values = &nodes_[node].values;
      }
    }
    return best;
  }

  size_t size() const { return nodes_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  struct Node {
    std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> next;
    std::vector<uint32_t> values;
  };
  std::vector<Node> nodes_{1};
};

}  // namespace griot
