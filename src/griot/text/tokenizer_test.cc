#include "griot/text/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace griot {
namespace {

const Abbreviations& ShippedAbbreviations() {
  static const Result<Abbreviations> abbr = Abbreviations::Load(GRIOT_SOURCE_DIR "/kb/en/abbreviations.txt");
  EXPECT_TRUE(abbr.ok()) << abbr.status().message();
  return *abbr;
}

Document Tokenized(std::string text) {
  Document doc;
  doc.text = std::move(text);
  Tokenizer(&ShippedAbbreviations()).Tokenize(doc);
  return doc;
}

// Token surfaces joined with '|', the easiest form to read in a failure.
std::string Surfaces(const Document& doc) {
  std::string out;
  for (const Token& t : doc.tokens) {
    if (!out.empty()) out += '|';
    out += doc.Slice(t.span);
  }
  return out;
}

struct SplitCase {
  const char* name;
  const char* text;
  const char* tokens;
};

class TokenizerSplitTest : public testing::TestWithParam<SplitCase> {};

TEST_P(TokenizerSplitTest, Tokens) {
  EXPECT_EQ(Surfaces(Tokenized(GetParam().text)), GetParam().tokens);
}

INSTANTIATE_TEST_SUITE_P(
    Tokenizer, TokenizerSplitTest,
    testing::Values(
        SplitCase{"Simple", "Rebels seized Gao.", "Rebels|seized|Gao|."},
        SplitCase{"Possessive", "Mali's army", "Mali|'s|army"},
        SplitCase{"PluralPossessive", "the rebels' base", "the|rebels|'|base"},
        SplitCase{"Negation", "They didn't attack.", "They|did|n't|attack|."},
        SplitCase{"CantSplitsLikePennTreebank", "can't", "ca|n't"},
        SplitCase{"Clitics", "We're sure they'll come and I'm here", "We|'re|sure|they|'ll|come|and|I|'m|here"},
        SplitCase{"NameApostrophes", "Cote d'Ivoire and O'Brien's team", "Cote|d'Ivoire|and|O'Brien|'s|team"},
        SplitCase{"TransliteratedName", "Sa'd Hariri", "Sa'd|Hariri"},
        SplitCase{"Hyphens", "al-Qaeda Russian-backed 5,000-strong", "al-Qaeda|Russian-backed|5,000-strong"},
        SplitCase{"Numbers", "5,000 troops, 3.5 km, on 12/05/2025 at 10:30.",
                  "5,000|troops|,|3.5|km|,|on|12/05/2025|at|10:30|."},
        SplitCase{"NumberAtSentenceEnd", "It cost 3.5.", "It|cost|3.5|."},
        SplitCase{"Titles", "Gen. Assimi Goita met Col. Maiga", "Gen.|Assimi|Goita|met|Col.|Maiga"},
        SplitCase{"Months", "on Jan. 5 and Sept. 30", "on|Jan.|5|and|Sept.|30"},
        SplitCase{"ListedAcronyms", "The U.S. and the U.N.", "The|U.S.|and|the|U.N."},
        SplitCase{"UnlistedDottedAcronym", "the F.B.I. said", "the|F.B.I.|said"},
        SplitCase{"AcronymPossessive", "the U.S.'s role", "the|U.S.|'s|role"},
        SplitCase{"AcronymCompound", "U.S.-backed forces", "U.S.-backed|forces"},
        SplitCase{"MultiPeriodTitle", "Lt.Gen. Ali", "Lt.Gen.|Ali"},
        SplitCase{"LowerAbbreviations", "e.g. at 5 p.m. today", "e.g.|at|5|p.m.|today"},
        SplitCase{"Initial", "George W. Bush", "George|W.|Bush"},
        SplitCase{"NotAnAbbreviation", "in Bamako. The", "in|Bamako|.|The"},
        SplitCase{"MissingSpaceAfterPeriod", "end.The", "end|.|The"},
        SplitCase{"Quotes", "\"We will fight,\" he said.", "\"|We|will|fight|,|\"|he|said|."},
        SplitCase{"SingleQuotes", "'No,' he said", "'|No|,|'|he|said"},
        SplitCase{"Ellipsis", "wait... what?!", "wait|...|what|?|!"},
        SplitCase{"Brackets", "(AFP) - Troops", "(|AFP|)|-|Troops"},
        SplitCase{"NonAsciiLetters", "Côte d'Ivoire, Hamdallaye, Ouézzin, Zoë", "Côte|d'Ivoire|,|Hamdallaye|,|Ouézzin|,|Zoë"},
        SplitCase{"Arabic", "قال الجيش", "قال|الجيش"},
        SplitCase{"DecomposedAccent", "Cote\u0301 x", "Cote\u0301|x"},
        SplitCase{"Symbols", "$5 or 10% €3", "$|5|or|10|%|€|3"},
        SplitCase{"Empty", "", ""},
        SplitCase{"OnlySpaces", " \n\t ", ""}),
    [](const testing::TestParamInfo<SplitCase>& info) { return info.param.name; });

TEST(TokenizerTest, SpansPointIntoText) {
  const Document doc = Tokenized("  Mali's army  fled.");
  ASSERT_EQ(doc.tokens.size(), 5u);
  EXPECT_EQ(doc.tokens[0].span.begin, 2u);
  EXPECT_EQ(doc.tokens[0].span.end, 6u);
  EXPECT_EQ(doc.tokens[1].span.begin, 6u);
  EXPECT_EQ(doc.tokens[4].span.end, doc.text.size());
}

struct ShapeCase {
  const char* text;  // one token
  const char* lower;
  bool capitalized;
  bool all_caps;
  Tag tag;
};

class TokenizerShapeTest : public testing::TestWithParam<ShapeCase> {};

TEST_P(TokenizerShapeTest, Shape) {
  const ShapeCase& c = GetParam();
  const Document doc = Tokenized(c.text);
  ASSERT_EQ(doc.tokens.size(), 1u) << Surfaces(doc);
  const Token& t = doc.tokens[0];
  EXPECT_EQ(t.lower, c.lower);
  EXPECT_EQ(t.capitalized, c.capitalized);
  EXPECT_EQ(t.all_caps, c.all_caps);
  EXPECT_EQ(t.tag, c.tag);
  EXPECT_TRUE(t.lemma.empty());
}

INSTANTIATE_TEST_SUITE_P(Tokenizer, TokenizerShapeTest,
                         testing::Values(ShapeCase{"Bamako", "bamako", true, false, Tag::kUnknown},
                                         ShapeCase{"rebels", "rebels", false, false, Tag::kUnknown},
                                         ShapeCase{"AFP", "afp", true, true, Tag::kUnknown},
                                         ShapeCase{"U.S.", "u.s.", true, true, Tag::kUnknown},
                                         ShapeCase{"I", "i", true, false, Tag::kUnknown},
                                         ShapeCase{"ÉTAT", "état", true, true, Tag::kUnknown},
                                         ShapeCase{"Ouézzin", "ouézzin", true, false, Tag::kUnknown},
                                         ShapeCase{"ÖCALAN", "öcalan", true, true, Tag::kUnknown},
                                         ShapeCase{"الجيش", "الجيش", false, false, Tag::kUnknown},
                                         ShapeCase{"5,000", "5,000", false, false, Tag::kNumber},
                                         ShapeCase{"12/05/2025", "12/05/2025", false, false, Tag::kNumber},
                                         ShapeCase{"1990s", "1990s", false, false, Tag::kUnknown},
                                         ShapeCase{"AK-47", "ak-47", true, true, Tag::kUnknown},
                                         ShapeCase{",", ",", false, false, Tag::kPunctuation}));

TEST(TokenizerTest, CliticsAreTagged) {
  const Document doc = Tokenized("Mali's rebels' leaders didn't");
  ASSERT_EQ(doc.tokens.size(), 7u) << Surfaces(doc);
  EXPECT_EQ(doc.tokens[1].tag, Tag::kPossessive);
  EXPECT_EQ(doc.tokens[3].tag, Tag::kPossessive);
  EXPECT_EQ(doc.tokens[6].lower, "n't");
}

TEST(TokenizerTest, WorksWithoutAbbreviationList) {
  Document doc;
  doc.text = "Gen. Goita and the U.S.";
  Tokenizer(nullptr).Tokenize(doc);
  EXPECT_EQ(Surfaces(doc), "Gen|.|Goita|and|the|U.S.");
}

// A megabyte without a space must neither take quadratic time nor yield
// absurdly long tokens.
TEST(TokenizerTest, LongRunsAreCut) {
  for (const std::string& run : {std::string(1 << 20, 'a'), std::string(1 << 20, '.'),
                                 [] { std::string s; while (s.size() < (1 << 20)) s += "a."; return s; }(),
                                 [] { std::string s; while (s.size() < (1 << 20)) s += "1,"; return s; }()}) {
    const Document doc = Tokenized(run);
    size_t covered = 0;
    for (const Token& t : doc.tokens) {
      EXPECT_LE(t.span.size(), 256u);
      covered += t.span.size();
    }
    EXPECT_EQ(covered, run.size());
  }
}

TEST(TokenizerTest, InvalidUtf8DoesNotCrash) {
  const Document doc = Tokenized("caf\xE9 \xFF\xFE ok");
  EXPECT_EQ(doc.tokens.back().lower, "ok");
}

}  // namespace
}  // namespace griot
