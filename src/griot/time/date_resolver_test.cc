#include "griot/time/date_resolver.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "griot/kb/knowledge_base.h"
#include "test_support.h"
#include "griot/pipeline.h"

namespace griot {
namespace {

using testing::Kb;  // the repository's knowledge base, loaded once (test_support.h)

const DateResolver& Dates() {
  static DateResolver* dates = [] {
    auto loaded = DateResolver::Load(GRIOT_SOURCE_DIR "/kb/en", Kb().front_end());
    EXPECT_TRUE(loaded.ok()) << loaded.status().message();
    return loaded.ok() ? new DateResolver(std::move(*loaded)) : nullptr;
  }();
  return *dates;
}

Document Dated(const std::string& text, const std::string& date) {
  Document doc;
  doc.text = text;
  doc.date = date;
  Status st = Pipeline(&Kb(), testing::AllEvents()).Code(doc);
  EXPECT_TRUE(st.ok()) << st.message();
  Dates().Annotate(doc);
  Dates().Assign(doc);
  return doc;
}

struct EventDateCase {
  const char* text;
  const char* doc_date;
  const char* date;         // of the first event
  const char* granularity;
};

// D = 2025-05-15 is a Thursday.
const EventDateCase kEventDates[] = {
    {"Gunmen attacked a village on Tuesday.", "2025-05-15", "2025-05-13", "day"},
    {"On Thursday, police arrested three journalists.", "2025-05-15", "2025-05-15", "day"},
    {"Gunmen attacked a village last Thursday.", "2025-05-15", "2025-05-08", "day"},
    {"Soldiers attacked the town yesterday.", "2025-05-15T08:30:00Z", "2025-05-14", "day"},
    {"Soldiers attacked the town overnight.", "2025-05-15", "2025-05-14", "day"},
    {"Police arrested three journalists today.", "2025-05-15", "2025-05-15", "day"},
    {"Rebels attacked the town last week.", "2025-05-15", "2025-05-05", "week"},
    {"Rebels attacked the town this week.", "2025-05-15", "2025-05-12", "week"},
    {"Rebels attacked the town last month.", "2025-05-15", "2025-04-01", "month"},
    {"Rebels attacked the town last year.", "2025-05-15", "2024-01-01", "year"},
    {"Rebels attacked the town earlier this year.", "2025-05-15", "2025-01-01", "year"},
    {"Police arrested 12 protesters in March.", "2025-05-15", "2025-03-01", "month"},
    {"Seven villagers were abducted in December.", "2025-05-15", "2024-12-01", "month"},
    {"Seven villagers were abducted in mid-March.", "2025-05-15", "2025-03-01", "month"},
    {"Thousands of protesters marched in Bamako in March 2024.", "2025-05-15", "2024-03-01", "month"},
    {"Rebels attacked the town on 12/05/2025.", "2025-05-15", "2025-05-12", "day"},
    {"Rebels attacked the town on 05/13/2025.", "2025-05-15", "2025-05-13", "day"},
    {"Rebels killed two soldiers on May 12, 2025.", "", "2025-05-12", "day"},
    {"Rebels killed two soldiers on 12 May 2025.", "2025-05-15", "2025-05-12", "day"},
    {"Rebels killed two soldiers on the 12th of May.", "2025-05-15", "2025-05-12", "day"},
    {"Rebels killed two soldiers on 15 October.", "2025-05-15", "2024-10-15", "day"},
    {"Rebels killed two soldiers on Sept. 3.", "2025-05-15", "2024-09-03", "day"},
    {"Rebels killed two soldiers on 2025-05-12.", "", "2025-05-12", "day"},
    {"Rebels attacked the town in 2022.", "2025-05-15", "2022-01-01", "year"},
    {"Rebels attacked the town in early 2022.", "", "2022-01-01", "year"},
    {"Police will arrest the protesters on Tuesday.", "2025-05-15", "2025-05-20", "day"},
    // The event's own expression, not the reporting date.
    {"Gunmen attacked a village on Tuesday, police said on Wednesday.", "2025-05-15", "2025-05-13", "day"},
    // Not event dates.
    {"Police have detained 12 protesters since 2022.", "2025-05-15", "2025-05-15", "unresolved"},
    {"Soldiers attacked the town.", "2025-05-15", "2025-05-15", "unresolved"},
    {"Soldiers attacked the town yesterday.", "", "", ""},
};

TEST(DateResolverTest, DatesEvents) {
  for (const EventDateCase& c : kEventDates) {
    Document doc = Dated(c.text, c.doc_date);
    ASSERT_FALSE(doc.events.empty()) << c.text;
    EXPECT_EQ(doc.events[0].date, c.date) << c.text << " (D=" << c.doc_date << ")";
    EXPECT_EQ(doc.events[0].date_granularity, c.granularity) << c.text << " (D=" << c.doc_date << ")";
  }
}

TEST(DateResolverTest, StrictMonthNamesNeedACapitalOrANumber) {
  Document doc = Dated("The rebels may attack. Thousands march on the capital.", "2025-05-15");
  for (const Sentence& s : doc.sentences) EXPECT_TRUE(s.times.empty());
  doc = Dated("May 3 saw rebels attack the town.", "2025-05-15");
  ASSERT_EQ(doc.sentences[0].times.size(), 1u);
  EXPECT_EQ(doc.sentences[0].times[0].date, "2025-05-03");
}

TEST(DateResolverTest, AnnotateIsIdempotentAndKeepsTokenRanges) {
  Document doc = Dated("Rebels killed two soldiers on Tuesday, May 13.", "2025-05-15");
  Dates().Annotate(doc);
  const Sentence& s = doc.sentences[0];
  ASSERT_EQ(s.times.size(), 1u);
  EXPECT_EQ(s.times[0].date, "2025-05-13");
  EXPECT_EQ(doc.tokens[s.times[0].first].lower, "tuesday");
  EXPECT_EQ(doc.tokens[s.times[0].last - 1].lower, "13");
}

TEST(DateResolverTest, ReportsBadDataFilesWithLineNumbers) {
  auto missing = DateResolver::Load("/nonexistent", Kb().front_end());
  EXPECT_FALSE(missing.ok());
}

}  // namespace
}  // namespace griot
