#include "griot/text/abbreviations.h"

#include <gtest/gtest.h>

namespace griot {
namespace {

const char* const kKbPath = GRIOT_SOURCE_DIR "/kb/en/abbreviations.txt";

TEST(AbbreviationsTest, ShippedListLoads) {
  Result<Abbreviations> abbr = Abbreviations::Load(kKbPath);
  ASSERT_TRUE(abbr.ok()) << abbr.status().message();
}

struct LookupCase {
  const char* word;
  bool contains;
  bool title;
};

class AbbreviationsLookupTest : public testing::TestWithParam<LookupCase> {};

TEST_P(AbbreviationsLookupTest, ShippedList) {
  static const Result<Abbreviations> abbr = Abbreviations::Load(kKbPath);
  ASSERT_TRUE(abbr.ok()) << abbr.status().message();
  const LookupCase& c = GetParam();
  EXPECT_EQ(abbr->Contains(c.word), c.contains) << c.word;
  EXPECT_EQ(abbr->IsTitle(c.word), c.title) << c.word;
}

INSTANTIATE_TEST_SUITE_P(Abbreviations, AbbreviationsLookupTest,
                         testing::Values(LookupCase{"Gen.", true, true}, LookupCase{"Col.", true, true},
                                         LookupCase{"Mr.", true, true}, LookupCase{"Lt.Gen.", true, true},
                                         LookupCase{"Jan.", true, false}, LookupCase{"Sept.", true, false},
                                         LookupCase{"U.S.", true, false}, LookupCase{"U.N.", true, false},
                                         LookupCase{"No.", true, false}, LookupCase{"vs.", true, false},
                                         LookupCase{"Vs.", true, false},  // lower-case entry, any case
                                         LookupCase{"A.M.", true, false}, LookupCase{"Jr.", true, false},
                                         LookupCase{"no.", false, false},  // "No." is case-sensitive
                                         LookupCase{"Gen", false, false}, LookupCase{"Bamako.", false, false},
                                         LookupCase{"said.", false, false}));

TEST(AbbreviationsTest, ParsesTitlesCommentsAndBlankLines) {
  Result<Abbreviations> abbr =
      Abbreviations::Parse("griot-kb abbreviations 1\n# ranks\n\nGen. | title   # general\nJan.\n", "t.txt");
  ASSERT_TRUE(abbr.ok()) << abbr.status().message();
  EXPECT_TRUE(abbr->IsTitle("Gen."));
  EXPECT_TRUE(abbr->Contains("Jan."));
  EXPECT_FALSE(abbr->IsTitle("Jan."));
}

struct ErrorCase {
  const char* name;
  const char* content;
  const char* want;  // expected prefix of the message
};

class AbbreviationsErrorTest : public testing::TestWithParam<ErrorCase> {};

TEST_P(AbbreviationsErrorTest, NamesFileAndLine) {
  const ErrorCase& c = GetParam();
  Result<Abbreviations> abbr = Abbreviations::Parse(c.content, "abbr.txt");
  ASSERT_FALSE(abbr.ok());
  EXPECT_EQ(abbr.status().message().rfind(c.want, 0), 0u) << abbr.status().message();
}

INSTANTIATE_TEST_SUITE_P(
    Abbreviations, AbbreviationsErrorTest,
    testing::Values(ErrorCase{"Empty", "", "abbr.txt:1: empty file"},
                    ErrorCase{"UnknownHeader", "griot-kb gazetteer 1\nGen.\n", "abbr.txt:1: expected header"},
                    ErrorCase{"FutureVersion", "griot-kb abbreviations 2\n", "abbr.txt:1: expected header"},
                    ErrorCase{"NoPeriod", "griot-kb abbreviations 1\nGen.\nCol\n", "abbr.txt:3: 'Col' must end"},
                    ErrorCase{"UnknownFlag", "griot-kb abbreviations 1\nGen. | rank\n", "abbr.txt:2: unknown flag"},
                    ErrorCase{"TwoOnOneLine", "griot-kb abbreviations 1\nGen. Col.\n", "abbr.txt:2: 'Gen. Col.'"},
                    ErrorCase{"Duplicate", "griot-kb abbreviations 1\nGen.\n\nGen. | title\n",
                              "abbr.txt:4: 'Gen.' already listed on line 2"},
                    ErrorCase{"MissingWord", "griot-kb abbreviations 1\n| title\n", "abbr.txt:2: missing"}),
    [](const testing::TestParamInfo<ErrorCase>& info) { return info.param.name; });

TEST(AbbreviationsTest, MissingFileIsIoError) {
  Result<Abbreviations> abbr = Abbreviations::Load("/nonexistent/abbreviations.txt");
  ASSERT_FALSE(abbr.ok());
  EXPECT_EQ(abbr.status().code(), StatusCode::kIo);
  EXPECT_NE(abbr.status().message().find("/nonexistent/abbreviations.txt"), std::string::npos);
}

}  // namespace
}  // namespace griot
