// Where, when, how many: locations, dates, counts and auxiliary modes,
// scored with `griot eval` on our own gold records (tests/golden/details.jsonl,
// same format as PLOVER gold plus doc_date, location, event_date,
// date_granularity, counts and aux) and held to the project's targets.
#include "griot/eval/evaluator.h"
#include "griot/io/event_json.h"
#include "test_support.h"

namespace griot::testing {
namespace {

TEST(Details, GoldenDetailsMeetTargets) {
  Pipeline pipeline(&Kb(), AllEvents());
  auto r = Evaluate(pipeline, SourcePath("tests/golden/details.jsonl"));
  ASSERT_TRUE(r.ok()) << r.status().message();
  std::cout << FormatReport(*r, true);
  EXPECT_GE(r->micro_recall, 0.9) << "events must be found to check their details";
  EXPECT_GE(EvalReport::Share(r->date_correct, r->date_checked), 0.80);
  EXPECT_GE(EvalReport::Share(r->counts_correct, r->counts_checked), 0.80);
  EXPECT_GE(EvalReport::Share(r->aux_correct, r->aux_checked), 0.80);
  if (Kb().gazetteer().size() == 0) GTEST_SKIP() << "no gazetteer in this build";
  EXPECT_GE(EvalReport::Share(r->country_correct, r->country_checked), 0.85);
  EXPECT_GE(EvalReport::Share(r->place_correct, r->place_checked), 0.85);
}

TEST(Details, NegatedEventsAreLeftOutUnlessKept) {
  Document doc = Code("The junta did not arrest the opposition leader.");
  EXPECT_TRUE(doc.events.empty());
  Limits keeping = AllEvents();
  keeping.keep_negated = true;
  Pipeline keep(&Kb(), keeping);
  Document kept;
  kept.id = "k";
  kept.text = "The junta did not arrest the opposition leader.";
  ASSERT_TRUE(keep.Code(kept).ok());
  ASSERT_EQ(kept.events.size(), 1u);
  EXPECT_EQ(kept.events[0].event, "COERCE");
  ASSERT_FALSE(kept.events[0].aux.empty());
  EXPECT_EQ(kept.events[0].aux[0], "negated");
}

TEST(Details, NoDocumentDateMeansNullDate) {
  Document doc = Code("Police arrested ten protesters.");
  ASSERT_FALSE(doc.events.empty());
  EXPECT_EQ(doc.events[0].date, "");
}


// An office or sector actor takes the country of the event's place, says so
// in the record, and leaves refugees, outsiders and venues alone.
TEST(Details, PlaceGivesUncodedActorsTheirCountry) {
  if (Kb().gazetteer().size() == 0) GTEST_SKIP() << "no gazetteer in this build";
  struct Case {
    const char* text;
    const char* actor_code;
    const char* code_from;
  };
  const Case cases[] = {
      {"The government of Sindh province ordered patrols by police.", "PAK", "location"},
      {"Police arrested ten protesters in Kano on Monday.", "NGA", "location"},
      {"Hundreds of refugees sought asylum in Germany.", "", ""},
      {"Foreign troops attacked a village near Gao.", "", ""},
      {"Police arrested ten protesters.", "", ""},
  };
  for (const Case& c : cases) {
    Document doc = Code(c.text);
    ASSERT_FALSE(doc.events.empty()) << c.text;
    ASSERT_FALSE(doc.events[0].actor.empty()) << c.text;
    EXPECT_EQ(doc.events[0].actor[0].code, c.actor_code) << c.text;
    EXPECT_EQ(doc.events[0].actor[0].code_from, c.code_from) << c.text;
  }
  Document doc = Code("Police arrested ten protesters in Kano on Monday.");
  std::string json;
  AppendEventJson(doc, doc.events[0], &json);
  EXPECT_NE(json.find("\"code_from\":\"location\""), std::string::npos) << json;
}

}  // namespace
}  // namespace griot::testing
