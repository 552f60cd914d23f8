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

// A class word ("@weapon", patterns/classes.txt) matches any member, in any
// inflection, at the end of a gap; a word outside the class does not.
TEST(TriggerMatcher, WordClassMatchesAnyMember) {
  struct Case {
    const char* text;
    const char* trigger;
    const char* type;
  } cases[] = {
      {"Police seized rifles in Kano.", "seized rifles", "COERCE"},
      {"Police found a cache of grenades in Kano.", "found a cache", "COERCE"},  // the first member ends the gap
      {"Soldiers defused two landmines near Gao.", "defused two landmines", "COERCE"},
      {"Rebels recaptured the village on Monday.", "recaptured the village", "ASSAULT"},
      {"Rebels recaptured the initiative on Monday.", "no event", ""},
      {"Police found the documents in Kano.", "no event", ""},
      // a literal word outranks a class word: a stance is not ground
      {"The government took a tough position on the budget.", "no event", ""},
      {"Rebels took the town on Monday.", "took the town", "ASSAULT"},
      // a class object before a passive verb
      {"Two rifles were seized in Kano.", "rifles were seized", "COERCE"},
  };
  for (const auto& c : cases) {
    std::vector<CandidateView> cands = CandidatesOf(c.text);
    std::string got = cands.empty() ? "no event" : cands[0].words;
    std::string type = cands.empty() ? "" : cands[0].type;
    EXPECT_EQ(got, c.trigger) << c.text;
    EXPECT_EQ(type, c.type) << c.text;
  }
}

}  // namespace
}  // namespace griot::testing
