// The modality stage, one decision per row: what the clause asserts about
// the event (negation, announced future acts coded by PLOVER's rules,
// auxiliary modes), and demands read from obligations in reported speech.
#include "griot/coder/modality.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "test_support.h"

namespace griot {
namespace {

struct Row {
  const char* text;
  const char* trigger;
  const char* type;   // the type the candidate ends with
  const char* stage;  // "" when it becomes an event
  const char* aux;    // an auxiliary mode it must carry, or ""
};

const Row kRows[] = {
    // announced acts: PLOVER codes the announcement by its own type
    {"Libya said it will provide food aid to Niger.", "provide", "AGREE", "", "future"},
    {"Israel will withdraw its troops from Gaza next month.", "withdraw", "CONCEDE", "", "future"},
    {"Turkey decided to withdraw its troops from Syria.", "withdraw", "CONCEDE", "", "future"},
    {"The president announced a withdrawal of troops from Mali.", "withdrawal", "CONCEDE", "",
     "future"},
    {"Rebels will attack the town unless the army leaves.", "attack", "THREATEN", "", ""},
    // negation
    {"Mali did not arrest the journalists.", "arrest", "COERCE", "modality", ""},
    {"The army failed to capture the town.", "capture", "ASSAULT", "modality", ""},
    {"The junta did not agree to the plan.", "agree", "REJECT", "", ""},
    // hypotheticals
    {"If the junta expels the French ambassador, ECOWAS will respond.", "expels", "SANCTION", "",
     "hypothetical"},
    // military backing is material
    {"The US military backed the rebels.", "backed", "AID", "", ""},
    // obligations in reported speech need someone obligated
    {"Russia said Sudan must return the helicopter.", "must", "REQUEST", "", ""},
};

// (Test names show the sentence, not the bytes of the row.)
void PrintTo(const Row& row, std::ostream* os) { *os << row.text << " [" << row.trigger << "]"; }

class ModalityTest : public ::testing::TestWithParam<Row> {};

TEST_P(ModalityTest, Decides) {
  const Row& row = GetParam();
  auto cands = testing::CandidatesOf(row.text);
  const testing::CandidateView* c = testing::FindCandidate(cands, row.trigger);
  ASSERT_NE(c, nullptr) << "no candidate '" << row.trigger << "' in: " << row.text;
  EXPECT_EQ(c->type, row.type) << row.text;
  EXPECT_EQ(c->stage, row.stage) << row.text << "\n  verdict: " << c->verdict;
  if (*row.aux) {
    EXPECT_NE(std::find(c->aux.begin(), c->aux.end(), row.aux), c->aux.end())
        << row.text << ": no aux " << row.aux;
  }
}

INSTANTIATE_TEST_SUITE_P(Rows, ModalityTest, ::testing::ValuesIn(kRows));

// "There must be another explanation" and "the plan should work" oblige
// nobody: no REQUEST (a demand needs a requester addressing someone).
TEST(ModalityTest, ObligationsWithoutAnAddresseeAreNoDemands) {
  for (const char* text : {"There must be another explanation, the minister said.",
                           "The plan should work, officials said."}) {
    auto cands = testing::CandidatesOf(text);
    EXPECT_EQ(testing::FindCandidate(cands, "must"), nullptr) << text;
    EXPECT_EQ(testing::FindCandidate(cands, "should"), nullptr) << text;
  }
}

}  // namespace
}  // namespace griot
