#include "griot/text/normalizer.h"

#include <gtest/gtest.h>

namespace griot {
namespace {

struct FoldCase {
  const char* name;
  std::string raw;
  std::string want;
};

class NormalizerFoldTest : public testing::TestWithParam<FoldCase> {};

TEST_P(NormalizerFoldTest, Folds) {
  const FoldCase& c = GetParam();
  Result<std::string> got = Normalizer().Normalize(c.raw);
  ASSERT_TRUE(got.ok()) << got.status().message();
  EXPECT_EQ(*got, c.want);
}

INSTANTIATE_TEST_SUITE_P(
    Normalizer, NormalizerFoldTest,
    testing::Values(
        FoldCase{"PlainAsciiUnchanged", "Rebels seized Gao on Jan. 5.", "Rebels seized Gao on Jan. 5."},
        FoldCase{"CurlyDoubleQuotes", "\u201CWe will fight,\u201D he said.", "\"We will fight,\" he said."},
        FoldCase{"CurlySingleQuotes", "\u2018No\u2019 said Mali\u2019s army", "'No' said Mali's army"},
        FoldCase{"Guillemets", "\u00ABnon\u00BB", "\"non\""},
        FoldCase{"Dashes", "2019\u20132020 \u2014 talks \u2212 5", "2019-2020 - talks - 5"},
        FoldCase{"Spaces", "a\u00A0b\u2009c\u202Fd\u3000e", "a b c d e"},
        FoldCase{"ZeroWidthAndSoftHyphen", "Bam\u00ADako\u200B \uFEFFMali\u2060", "Bamako Mali"},
        FoldCase{"Controls", std::string("a\0b\x01" "c\td\x7F", 8), "a b c\td "},
        FoldCase{"LineEndings", "one\r\ntwo\rthree\n", "one\ntwo\nthree\n"},
        FoldCase{"LineSeparator", "a\u2028b", "a\nb"},
        FoldCase{"NfcComposesAccent", "Co\u0302te d'Ivoire, Bamako e\u0301", "C\u00F4te d'Ivoire, Bamako \u00E9"},
        FoldCase{"ZeroWidthBetweenBaseAndMark", "e\u200D\u0301", "\u00E9"},
        FoldCase{"NfcKeepsComposed", "Mali\u00EBn \u0627\u0644\u0642\u0627\u0639\u062F\u0629",
                 "Mali\u00EBn \u0627\u0644\u0642\u0627\u0639\u062F\u0629"},
        FoldCase{"Empty", "", ""}),
    [](const testing::TestParamInfo<FoldCase>& info) { return info.param.name; });

struct InvalidCase {
  const char* name;
  std::string raw;
  size_t offset;
};

class NormalizerInvalidTest : public testing::TestWithParam<InvalidCase> {};

TEST_P(NormalizerInvalidTest, RejectsWithByteOffset) {
  const InvalidCase& c = GetParam();
  EXPECT_EQ(FindInvalidUtf8(c.raw), c.offset);
  Result<std::string> got = Normalizer().Normalize(c.raw);
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(got.status().message().find("invalid UTF-8 at byte " + std::to_string(c.offset)), std::string::npos)
      << got.status().message();
}

INSTANTIATE_TEST_SUITE_P(
    Normalizer, NormalizerInvalidTest,
    testing::Values(InvalidCase{"Latin1Byte", "caf\xE9 noir", 3},
                    InvalidCase{"StrayContinuation", "abc\x80", 3},
                    InvalidCase{"TruncatedAtEnd", "Mali \xE2\x80", 5},
                    InvalidCase{"OverlongSlash", "a\xC0\xAF", 1},
                    InvalidCase{"OverlongThreeByte", "ab\xE0\x80\xAF", 2},
                    InvalidCase{"Surrogate", "x\xED\xA0\x80", 1},
                    InvalidCase{"AboveMaxCodePoint", "\xF4\x90\x80\x80", 0},
                    InvalidCase{"AfterLongAsciiRun", std::string(20, 'a') + "\xFF", 20},
                    InvalidCase{"BadSecondContinuation", "\xE2\x80(", 0}),
    [](const testing::TestParamInfo<InvalidCase>& info) { return info.param.name; });

TEST(NormalizerTest, ValidUtf8HasNoInvalidOffset) {
  EXPECT_EQ(FindInvalidUtf8("Bamako \u00E9 \u0627 \U0001F600"), std::string_view::npos);
}

TEST(NormalizerTest, IsIdempotent) {
  const std::string raw = "\u201CCo\u0302te d\u2019Ivoire\u201D \u2014 r\u00E9fugi\u00E9s\r\n";
  Result<std::string> once = Normalizer().Normalize(raw);
  ASSERT_TRUE(once.ok());
  Result<std::string> twice = Normalizer().Normalize(*once);
  ASSERT_TRUE(twice.ok());
  EXPECT_EQ(*once, *twice);
}

}  // namespace
}  // namespace griot
