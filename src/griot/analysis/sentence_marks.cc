#include "griot/analysis/sentence_marks.h"

#include <algorithm>

namespace griot {
namespace {

// Byte offset where each code point starts, plus the end. A byte that is not
// part of a valid sequence counts as one code point, as a lenient decoder
// would count it.
std::vector<size_t> CodePointStarts(const std::string& s) {
  std::vector<size_t> starts;
  size_t i = 0;
  while (i < s.size()) {
    starts.push_back(i);
    const auto c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
    if (i + n > s.size()) n = 1;
    for (size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) n = 1;
    }
    i += n;
  }
  starts.push_back(s.size());
  return starts;
}

void Paint(const std::vector<std::pair<int, int>>& spans, unsigned role, std::vector<unsigned>* roles) {
  const int n = static_cast<int>(roles->size());
  for (auto [begin, end] : spans) {
    for (int i = std::max(0, begin); i < std::min(n, end); ++i) (*roles)[i] |= role;
  }
}

}  // namespace

std::vector<MarkedRun> MarkSentence(const BriefEvent& event) {
  const std::vector<size_t> starts = CodePointStarts(event.text);
  std::vector<unsigned> roles(starts.size() - 1, 0);
  Paint(event.trigger_spans, kMarkTrigger, &roles);
  Paint(event.actor_spans, kMarkActor, &roles);
  Paint(event.recipient_spans, kMarkRecipient, &roles);
  std::vector<MarkedRun> runs;
  for (size_t i = 0; i < roles.size();) {
    size_t j = i;
    while (j < roles.size() && roles[j] == roles[i]) ++j;
    runs.push_back({event.text.substr(starts[i], starts[j] - starts[i]), roles[i]});
    i = j;
  }
  return runs;
}

}  // namespace griot
