#include "griot/count/count_extractor.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "griot/kb/knowledge_base.h"
#include "test_support.h"
#include "griot/pipeline.h"
#include "griot/time/date_resolver.h"

namespace griot {
namespace {

using testing::Kb;  // the repository's knowledge base, loaded once (test_support.h)

// Codes the text, marks its dates (so date numbers are not counts) and
// extracts counts; returns the counts of the first event, as "kind min max".
std::vector<std::string> CountsOf(const std::string& text) {
  static const auto* dates = new Result<DateResolver>(DateResolver::Load(GRIOT_SOURCE_DIR "/kb/en", Kb().front_end()));
  static const auto* counts = new Result<CountExtractor>(CountExtractor::Load(GRIOT_SOURCE_DIR "/kb/en", Kb().front_end()));
  EXPECT_TRUE(dates->ok()) << dates->status().message();
  EXPECT_TRUE(counts->ok()) << counts->status().message();
  Document doc;
  doc.text = text;
  doc.date = "2025-05-15";
  Status st = Pipeline(&Kb(), testing::AllEvents()).Code(doc);
  EXPECT_TRUE(st.ok()) << st.message();
  (*dates)->Annotate(doc);
  (*counts)->Extract(doc);
  (*counts)->Extract(doc);  // idempotent
  std::vector<std::string> out;
  if (doc.events.empty()) return {"no event"};
  for (const Count& c : doc.events[0].counts) {
    out.push_back(c.kind + " " + std::to_string(c.min) + " " + std::to_string(c.max));
  }
  return out;
}

struct CountCase {
  const char* text;
  std::vector<std::string> counts;
};

const CountCase kCases[] = {
    {"Gunmen killed 12 soldiers and wounded dozens in an attack.", {"killed 12 12", "injured 24 99"}},
    {"At least 30 civilians were killed when gunmen attacked the village.", {"killed 30 -1"}},
    {"Between 30 and 55 people died when gunmen attacked the village.", {"killed 30 55"}},
    {"Gunmen attacked the village, leaving 30-55 people dead.", {"killed 30 55"}},
    {"Police arrested more than 100 protesters.", {"arrested 101 -1"}},
    {"Seven villagers were abducted by gunmen.", {"abducted 7 7"}},
    {"Thousands of protesters marched in Bamako.", {"participants 2000 9999"}},
    {"About 20,000 people fled after rebels attacked the town.", {"displaced 18000 22000"}},
    {"Rebels killed two dozen soldiers.", {"killed 24 24"}},
    {"Rebels killed a dozen soldiers.", {"killed 12 12"}},
    {"Rebels killed twenty-five soldiers.", {"killed 25 25"}},
    {"Rebels killed 1,200 civilians.", {"killed 1200 1200"}},
    {"Soldiers fired on protesters, killing nearly 50.", {"killed 45 50"}},
    {"Gunmen killed up to 50 people.", {"killed 1 50"}},
    {"Gunmen killed 12 soldiers and 5 civilians.", {"killed 17 17"}},
    {"Police detained hundreds of protesters.", {"arrested 200 999"}},
    // Dates and non-people are not counts.
    {"Rebels attacked the town in 2022.", {}},
    {"Gunmen attacked a village on 12 May.", {}},
    {"Rebels attacked the town for 3 days.", {}},
};

TEST(CountExtractorTest, AttachesCountsToEvents) {
  for (const CountCase& c : kCases) {
    EXPECT_EQ(CountsOf(c.text), c.counts) << c.text;
  }
}

TEST(CountExtractorTest, MissingFileIsAnError) {
  auto loaded = CountExtractor::Load("/nonexistent", Kb().front_end());
  EXPECT_FALSE(loaded.ok());
}

}  // namespace
}  // namespace griot
