#include "griot/analysis/svg_chart.h"

#include <gtest/gtest.h>

#include <set>

#include "griot/analysis/palette.h"
#include "griot/kb/kb_file.h"
#include "test_support.h"

namespace griot {
namespace {

size_t Count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

TEST(SvgChart, NiceSteps) {
  const struct {
    int64_t max;
    int ticks;
    int64_t step;
  } cases[] = {{0, 5, 1}, {1, 5, 1}, {3, 5, 1}, {7, 5, 2}, {10, 5, 2}, {11, 5, 5},
               {100, 5, 20}, {101, 5, 50}, {12345, 5, 5000}, {5, 0, 1}};
  for (const auto& c : cases) EXPECT_EQ(NiceStep(c.max, c.ticks), c.step) << c.max << "/" << c.ticks;
}

TEST(SvgChart, EmptySeriesSaysSo) {
  BriefSeries none;
  EXPECT_NE(RenderSeriesSvg(none, 600, 300).find("No events in this period"), std::string::npos);
  BriefSeries zeros{"week", {"2025-01-06", "2025-01-13"}, {"ASSAULT"}, {{0, 0}}};
  EXPECT_NE(RenderSeriesSvg(zeros, 600, 300).find("No events in this period"), std::string::npos);
}

TEST(SvgChart, OneSegmentPerNonZeroCountWithTooltipAndLegend) {
  BriefSeries s{"week",
                {"2024-12-30", "2025-01-06", "2025-01-13"},
                {"ASSAULT", "PROTEST", "<TYPE>"},
                {{5, 0, 7}, {1, 2, 0}, {0, 1, 0}}};
  const std::string svg = RenderSeriesSvg(s, 600, 300);
  EXPECT_EQ(Count(svg, "<title>"), 5u);
  EXPECT_NE(svg.find("<title>2025-01-13 ASSAULT: 7 of 7</title>"), std::string::npos);
  EXPECT_NE(svg.find(std::string("fill=\"") + TypeColor("ASSAULT") + "\""), std::string::npos);
  EXPECT_NE(svg.find(">PROTEST</text>"), std::string::npos);  // legend
  EXPECT_EQ(svg.find("<TYPE>"), std::string::npos);
  EXPECT_NE(svg.find("&lt;TYPE&gt;"), std::string::npos);
  // The year is printed where it changes: under the first label and at January.
  EXPECT_NE(svg.find(">2024</tspan>"), std::string::npos);
  EXPECT_NE(svg.find(">2025</tspan>"), std::string::npos);
  EXPECT_NE(svg.find(">30 Dec"), std::string::npos);
}

TEST(SvgChart, LabelsAreThinnedOnLongSeries) {
  BriefSeries s;
  s.period = "week";
  s.types = {"ASSAULT"};
  s.counts.assign(1, {});
  for (int i = 0; i < 104; ++i) {
    s.periods.push_back("2024-01-01");  // one label text, to count how many are shown
    s.counts[0].push_back(i % 7);
  }
  const std::string svg = RenderSeriesSvg(s, 600, 300);
  const size_t labels = Count(svg, ">1 Jan");
  EXPECT_GT(labels, 5u);
  EXPECT_LE(labels, 600u / 48);
}

TEST(SvgChart, EveryOntologyTypeHasItsOwnColour) {
  Result<KbFile> ontology = ReadKbFile(testing::SourcePath("kb/en/ontology.txt"), "ontology");
  ASSERT_TRUE(ontology.ok()) << ontology.status().message();
  std::set<std::string> colours;
  int types = 0;
  for (const KbLine& l : ontology->lines) {
    if (l.fields.size() < 2 || l.fields[0] != "type") continue;
    ++types;
    const std::string colour = TypeColor(l.fields[1]);
    EXPECT_NE(colour, TypeColor("NO SUCH TYPE")) << l.fields[1] << " has no colour";
    EXPECT_TRUE(colours.insert(colour).second) << l.fields[1] << " shares colour " << colour;
  }
  EXPECT_EQ(types, 16);
}

}  // namespace
}  // namespace griot
