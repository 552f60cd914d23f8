#include "griot/kb/phrase_trie.h"

namespace griot {

void PhraseTrie::Insert(const std::vector<std::string>& words, uint32_t value) {
  uint32_t node = 0;
  for (const std::string& w : words) {
    auto it = nodes_[node].next.find(w);
    if (it == nodes_[node].next.end()) {
      uint32_t child = static_cast<uint32_t>(nodes_.size());
      nodes_[node].next.emplace(w, child);
      nodes_.emplace_back();
      node = child;
    } else {
      node = it->second;
    }
  }
  nodes_[node].values.push_back(value);
}

PhraseTrie::Match PhraseTrie::Longest(
    uint32_t available, const std::function<std::string_view(uint32_t)>& key,
    const std::function<bool(const std::vector<uint32_t>&, uint32_t)>& accept) const {
  Match best;
  uint32_t node = 0;
  for (uint32_t k = 0; k < available; ++k) {
    auto it = nodes_[node].next.find(key(k));
    if (it == nodes_[node].next.end()) break;
    node = it->second;
    if (!nodes_[node].values.empty() && (!accept || accept(nodes_[node].values, k + 1))) {
      best.length = k + 1;
      best.values = &nodes_[node].values;
    }
  }
  return best;
}

}  // namespace griot
