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

}  // namespace griot
