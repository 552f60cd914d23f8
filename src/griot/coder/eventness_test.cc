// The eventness stage, one decision per row: does the clause report a
// specific, realised event? Each row names the trigger and the stage and
// reason expected ("" = it becomes an event).
#include "griot/coder/eventness.h"

#include <gtest/gtest.h>

#include <fstream>

#include "test_support.h"

namespace griot {
namespace {

struct Row {
  const char* text;
  const char* trigger;
  const char* stage;   // "" when the trigger becomes an event
  const char* reason;  // the start of the verdict
};

const Row kRows[] = {
    // habitual and generic statements
    {"Militias routinely detain critics in the north.", "detain", "eventness", "habitual"},
    {"Rebels regularly attack convoys on the road to Gao.", "attack", "eventness", "habitual"},
    {"Such raids are common in the north.", "raids", "eventness", "generic"},
    // purposes and unasserted complements
    {"Rebels attacked the town in a bid to seize the airport.", "seize", "eventness", "purpose"},
    {"Rebels attacked the town in a bid to seize the airport.", "attacked", "", ""},
    {"The army needs to capture the hospital.", "capture", "eventness", "complement"},
    {"The army was sent to quell the protest.", "quell", "eventness", "complement"},
    // (another trigger's purpose: the sending happened, the quelling is its aim)
    {"The government sent troops to quell the protest.", "quell", "eventness", "complement"},
    {"The government sent troops to quell the protest.", "sent troops", "", ""},
    {"Protesters blocked roads in Dakar to demand reforms.", "demand", "eventness", "complement"},
    {"Rebels managed to capture the town.", "capture", "", ""},
    {"The militants tried to seize the town.", "seize", "", ""},
    {"The Sindh Rangers claimed to have seized weapons in a raid.", "seized", "", ""},
    // senses
    {"Thousands demonstrated in Khartoum on Friday.", "demonstrated", "", ""},
    {"The summit was designed to demonstrate Putin's ability to wield influence.", "demonstrate",
     "eventness", "purpose"},
    {"Erdogan could lose the snap polls called for 24 June.", "called for", "eventness", "sense"},
    {"The opposition called for talks with the junta.", "called for", "", ""},
    // descriptions and background
    {"The attacking forces were Syrian soldiers.", "attacking", "eventness", "modifier"},
    {"Since last year's invasion, Ukraine has lost territory.", "invasion", "eventness", "background"},
    {"A missionary was arrested in Lebanon for collaborating with Israel.", "collaborating",
     "eventness", "reason"},
    // disasters
    {"Floods killed 20 people in northern Nigeria.", "killed", "eventness", "hazard"},
    {"A tsunami killed at least 43 people in Java and injured hundreds.", "injured", "eventness",
     "hazard"},
    {"A chemical leak that occurred in a plant in Visakhapatnam has killed ten people.", "killed",
     "eventness", "disaster"},
    {"An earthquake hit the villages of the province on Monday.", "hit", "eventness", "hazard"},
    // (the air strike merges into "hit", now read as a passive verb)
    {"Rebel positions were hit by an air strike after an earthquake.", "hit", "", ""},
    // a fire the protesters started does not make the protest a disaster
    {"Protesters marched in Portland and sparked a dumpster blaze.", "marched", "", ""},
    // and plain events stay events
    {"Malian soldiers detained two journalists in Gao on Tuesday.", "detained", "", ""},
    {"Police arrested 30 protesters in Bamako.", "arrested", "", ""},
};

// (Test names show the sentence, not the bytes of the row.)
void PrintTo(const Row& row, std::ostream* os) { *os << row.text << " [" << row.trigger << "]"; }

class EventnessTest : public ::testing::TestWithParam<Row> {};

TEST_P(EventnessTest, Decides) {
  const Row& row = GetParam();
  auto cands = testing::CandidatesOf(row.text);
  const testing::CandidateView* c = testing::FindCandidate(cands, row.trigger);
  ASSERT_NE(c, nullptr) << "no candidate '" << row.trigger << "' in: " << row.text;
  EXPECT_EQ(c->stage, row.stage) << row.text << "\n  verdict: " << c->verdict;
  EXPECT_EQ(c->verdict.rfind(row.reason, 0), 0u) << row.text << "\n  verdict: " << c->verdict;
}

INSTANTIATE_TEST_SUITE_P(Rows, EventnessTest, ::testing::ValuesIn(kRows));

// The participants stage: an event noun with no one the knowledge base knows
// stays for the confidence model to weigh; a verb with no one is no event;
// near a natural or accidental cause, neither is.
TEST(ParticipantsTest, KeepsNamedEventsOfUnknownParticipants) {
  Row rows[] = {
      {"Clashes broke out in the north on Monday.", "Clashes", "", ""},
      {"Five people were killed on Monday.", "killed", "participants", "no actor or recipient"},
      {"Clashes broke out in the north. Heavy floods cut the roads.", "Clashes", "participants",
       "no participant, and 'floods' nearby"},
      {"The explosion destroyed the factory, officials said. A gas leak was the cause.",
       "explosion", "participants", "no participant, and 'leak' nearby"},
  };
  for (const Row& row : rows) {
    auto cands = testing::CandidatesOf(row.text);
    const testing::CandidateView* c = testing::FindCandidate(cands, row.trigger);
    ASSERT_NE(c, nullptr) << row.text;
    EXPECT_EQ(c->stage, row.stage) << row.text << "\n  verdict: " << c->verdict;
    EXPECT_EQ(c->verdict.rfind(row.reason, 0), 0u) << row.text << "\n  verdict: " << c->verdict;
  }
}

// The cue words are data: a class that the file does not list is not applied.
TEST(EventnessCuesTest, RefusesUnknownClassWithItsLine) {
  std::string path = ::testing::TempDir() + "/eventness.txt";
  {
    std::ofstream out(path);
    out << "griot-kb eventness 1\nhabitual | routinely\nseldomly | rarely\n";
  }
  auto cues = EventnessCues::Load(path, testing::Kb().front_end());
  ASSERT_FALSE(cues.ok());
  EXPECT_NE(cues.status().message().find(":3:"), std::string::npos) << cues.status().message();
  EXPECT_NE(cues.status().message().find("seldomly"), std::string::npos);
}

}  // namespace
}  // namespace griot
