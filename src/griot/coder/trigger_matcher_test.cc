// Trigger gaps on the repository's patterns: the "..." of a pattern spans
// the inside of a noun phrase, "of" (lexicon flag genitive) included.
#include "griot/coder/trigger_matcher.h"

#include "test_support.h"

namespace griot::testing {
namespace {

// The words of the first event's trigger in `text`.
std::string TriggerOf(const std::string& text) {
  Document doc = Code(text);
  if (doc.events.empty()) return "no event";
  return std::string(doc.Slice(doc.events[0].trigger));
}

TEST(TriggerMatcher, GapSpansAQuantityOfSomething) {
  struct Case {
    const char* text;
    const char* trigger;
  } cases[] = {
      // "provide ... aid" across "tons of".
      {"The UN provided tons of aid to Gaza.", "provided tons of aid"},
      {"The UN provided 700 kg of assistance to Gaza.", "provided 700 kg of assistance"},
      // Other prepositions end the gap: only the noun is a trigger.
      {"The UN provided tons with aid to Gaza.", "aid"},
  };
  for (const auto& c : cases) EXPECT_EQ(TriggerOf(c.text), c.trigger) << c.text;
}

}  // namespace
}  // namespace griot::testing
