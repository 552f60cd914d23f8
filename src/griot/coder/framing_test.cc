// Framing, merging and participants, one decision per row: what the
// sentence's other candidates already say, and whether an event has the
// participants it needs.
#include "griot/coder/framing.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace griot {
namespace {

struct Row {
  const char* text;
  const char* trigger;
  const char* type;
  const char* stage;  // "" when it becomes an event
  const char* recipient;  // its recipient's CODE:SECTOR list, or nullptr not to check
};

const Row kRows[] = {
    // a governing trigger subsumes its complement
    {"Rebels threatened to attack the town.", "threatened", "THREATEN", "", nullptr},
    {"The rebels vowed to wage war against the army.", "vowed", "THREATEN", "", nullptr},
    {"The rebels vowed to wage war against the army.", "war", "THREATEN", "framing", nullptr},
    // a frame in a relative clause set off by commas ends at its comma
    {"Erdogan's government, which has previously demanded Assad step down, blamed the Syrian "
     "regime for the attack.", "blamed", "ACCUSE", "", nullptr},
    // backing with arms is aid
    {"Turkey has long backed the rebels with weapons and training.", "backed", "AID", "", ":REB,"},
    // the condemned is who arrested
    {"The UN condemned the arrest of 30 soldiers by the junta.", "condemned", "ACCUSE", "", ":GOV,"},
    {"The UN condemned the arrest of 30 soldiers by the junta.", "arrest", "COERCE", "framing",
     nullptr},
    // the demand of a protest is its topic
    {"Protesters blocked roads in Dakar, demanding reforms.", "demanding", "REQUEST", "framing", nullptr},
    // one event, several words
    {"Soldiers attacked and shelled the village of Kidal.", "shelled", "ASSAULT", "merge", nullptr},
    // participants
    {"Students visited Paris last week.", "visited", "CONSULT", "participants", nullptr},
    {"The talks threaten to collapse into another week of tension.", "threaten", "THREATEN",
     "participants", nullptr},
    {"Riots broke out in the capital on Friday.", "Riots", "PROTEST", "", nullptr},
};

// (Test names show the sentence, not the bytes of the row.)
void PrintTo(const Row& row, std::ostream* os) { *os << row.text << " [" << row.trigger << "]"; }

class FramingTest : public ::testing::TestWithParam<Row> {};

TEST_P(FramingTest, Decides) {
  const Row& row = GetParam();
  auto cands = testing::CandidatesOf(row.text);
  const testing::CandidateView* c = testing::FindCandidate(cands, row.trigger);
  ASSERT_NE(c, nullptr) << "no candidate '" << row.trigger << "' in: " << row.text;
  EXPECT_EQ(c->type, row.type) << row.text;
  EXPECT_EQ(c->stage, row.stage) << row.text << "\n  verdict: " << c->verdict;
  if (row.recipient) {
    EXPECT_EQ(c->recipient, row.recipient) << row.text;
  }
}

INSTANTIATE_TEST_SUITE_P(Rows, FramingTest, ::testing::ValuesIn(kRows));

}  // namespace
}  // namespace griot
