#include "griot/kb/phrase_trie.h"

namespace griot {

void PhraseTrie::Grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
  size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.child == kNone) continue;
    size_t i = s.hash & mask;
    while (slots_[i].child != kNone) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

void PhraseTrie::Insert(const std::vector<std::string>& words, uint32_t value) {
  uint32_t node = 0;
  for (const std::string& w : words) {
    uint32_t child = Child(node, w);
    if (child == kNone) {
      if ((edges_ + 1) * 2 > slots_.size()) Grow();
      child = static_cast<uint32_t>(values_.size());
      values_.emplace_back();
      Slot s;
      s.hash = EdgeHash(node, w);
      s.parent = node;
      s.child = child;
      s.word_offset = static_cast<uint32_t>(arena_.size());
      s.word_length = static_cast<uint32_t>(w.size());
      arena_ += w;
      size_t mask = slots_.size() - 1;
      size_t i = s.hash & mask;
      while (slots_[i].child != kNone) i = (i + 1) & mask;
      slots_[i] = s;
      ++edges_;
    }
    node = child;
  }
  values_[node].push_back(value);
}

}  // namespace griot
