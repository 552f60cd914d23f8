// PhraseTrie: many multiword phrases compiled together and matched in one
// pass over tokens (longest match first), instead of a loop over thousands of
// phrases per sentence.
//
//   PhraseTrie t;
//   t.Insert({"security", "council"}, 7);
//   PhraseTrie::Match m = t.Longest(n, [&](uint32_t k) { return words[k]; });
#pragma once

#include <functional>
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
  Match Longest(uint32_t available, const std::function<std::string_view(uint32_t)>& key,
                const std::function<bool(const std::vector<uint32_t>&, uint32_t)>& accept = nullptr) const;

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
