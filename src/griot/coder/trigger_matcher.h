// TriggerMatcher: finds the words of a sentence that match event patterns.
//
// Verb patterns start at the head of a verb group, noun patterns at a noun,
// phrase patterns anywhere; later words must follow directly, except where
// the pattern has "..." (a gap of up to four noun-phrase words). At each
// start the longest match wins; tokens inside actor mentions never trigger
// ("protesters" is an actor, not a protest).
#pragma once

#include <vector>

#include "griot/doc/document.h"
#include "griot/kb/pattern_set.h"

namespace griot {

struct Trigger {
  const Pattern* pattern = nullptr;
  uint32_t head = 0;  // first matched token
  uint32_t end = 0;   // one past the last matched token
  int chunk = -1;     // index in Sentence::chunks of the head's chunk
  // A passive verb whose pattern object stands before it as its subject:
  // "a peace agreement was signed by ..." (`verb sign ... agreement`).
  bool object_before = false;
  // A shorter match of the same type inside this one that names a mode or
  // contexts the winner lacks: "sent food aid" -> AID with the context of
  // "send ... food".
  const Pattern* hint = nullptr;
  uint32_t verb = 0;  // the verb token when object_before
};

class TriggerMatcher {
 public:
  explicit TriggerMatcher(const PatternSet* patterns) : patterns_(patterns) {}
  std::vector<Trigger> Find(const std::vector<Token>& tokens, const Sentence& sentence,
                            const std::vector<int>& chunk_of,
                            const std::vector<int>& entity_of) const;

 private:
  // Returns one past the last token matched, or 0 when `p` does not match at i.
  uint32_t MatchAt(const Pattern& p, const std::vector<Token>& tokens, uint32_t i,
                   uint32_t end) const;
  const PatternSet* patterns_;
};

}  // namespace griot
