#include "griot/text/sentence_splitter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "griot/text/tokenizer.h"

namespace griot {
namespace {

const Abbreviations& ShippedAbbreviations() {
  static const Result<Abbreviations> abbr = Abbreviations::Load(GRIOT_SOURCE_DIR "/kb/en/abbreviations.txt");
  EXPECT_TRUE(abbr.ok()) << abbr.status().message();
  return *abbr;
}

Document Split(std::string text, uint32_t max_tokens = 200) {
  Document doc;
  doc.text = std::move(text);
  Tokenizer(&ShippedAbbreviations()).Tokenize(doc);
  SentenceSplitter(&ShippedAbbreviations(), max_tokens).Split(doc);
  return doc;
}

std::vector<std::string> Sentences(const Document& doc) {
  std::vector<std::string> out;
  for (const Sentence& s : doc.sentences) out.emplace_back(doc.Slice(s.span));
  return out;
}

struct SplitCase {
  const char* name;
  const char* text;
  std::vector<std::string> sentences;
};

class SentenceSplitterTest : public testing::TestWithParam<SplitCase> {};

TEST_P(SentenceSplitterTest, Sentences) {
  EXPECT_EQ(Sentences(Split(GetParam().text)), GetParam().sentences);
}

INSTANTIATE_TEST_SUITE_P(
    SentenceSplitter, SentenceSplitterTest,
    testing::Values(
        SplitCase{"TitlesMonthsAcronyms",
                  "Gen. Assimi Goita met Col. Abdoulaye Maiga on Jan. 5 in Bamako. The U.S. and the U.N. "
                  "condemned it.",
                  {"Gen. Assimi Goita met Col. Abdoulaye Maiga on Jan. 5 in Bamako.",
                   "The U.S. and the U.N. condemned it."}},
        SplitCase{"AcronymEndsSentence", "Troops left for the U.S. The talks failed.",
                  {"Troops left for the U.S.", "The talks failed."}},
        SplitCase{"AcronymInsideName", "The U.S. State Department urged restraint. Nobody listened.",
                  {"The U.S. State Department urged restraint.", "Nobody listened."}},
        SplitCase{"AcronymPossessive", "The E.U.'s envoy left. Talks resumed.",
                  {"The E.U.'s envoy left.", "Talks resumed."}},
        SplitCase{"AcronymBeforeComma", "Mr. Smith, of Washington, D.C., was freed.",
                  {"Mr. Smith, of Washington, D.C., was freed."}},
        SplitCase{"QuoteThenComma", "\"Why now?\", she asked. Nobody knew.",
                  {"\"Why now?\", she asked.", "Nobody knew."}},
        SplitCase{"CurlyQuotesAfterNormalizing", "BAMAKO (Reuters) - \"We will not yield. We will fight,\" "
                  "Col. Abdoulaye Maiga said. Troops left.",
                  {"BAMAKO (Reuters) - \"We will not yield. We will fight,\" Col. Abdoulaye Maiga said.",
                   "Troops left."}},
        SplitCase{"ExclamationAndQuestion", "Who fired? Nobody knows! Police said so.",
                  {"Who fired?", "Nobody knows!", "Police said so."}},
        SplitCase{"QuotationKeptTogether", "'We will not yield. We will fight,' he said. Troops moved in.",
                  {"'We will not yield. We will fight,' he said.", "Troops moved in."}},
        SplitCase{"ClosingQuoteStaysWithSentence", "\"We will win.\" The minister left.",
                  {"\"We will win.\"", "The minister left."}},
        SplitCase{"QuestionInsideQuoteThenLowerCase", "\"Why?\" he asked. Nobody answered.",
                  {"\"Why?\" he asked.", "Nobody answered."}},
        SplitCase{"ClosingBracket", "Gao fell (again.) Then Kidal.", {"Gao fell (again.)", "Then Kidal."}},
        SplitCase{"Initial", "George W. Bush spoke. Nobody listened.", {"George W. Bush spoke.", "Nobody listened."}},
        SplitCase{"NumberAfterAbbreviation", "It was No. 5 in the list. Next.", {"It was No. 5 in the list.", "Next."}},
        SplitCase{"LowerCaseAfterAbbreviation", "He left at 5 p.m. yesterday. Then rain.",
                  {"He left at 5 p.m. yesterday.", "Then rain."}},
        SplitCase{"Ellipsis", "They waited... Then they fired.", {"They waited...", "Then they fired."}},
        SplitCase{"BlankLineEndsHeadline", "Rebels seize Gao\n\nRebels seized the town on Monday.",
                  {"Rebels seize Gao", "Rebels seized the town on Monday."}},
        SplitCase{"BlankLineWithSpaces", "Headline\n  \nBody text.", {"Headline", "Body text."}},
        SplitCase{"SingleNewlineDoesNotSplit", "Rebels seized\nthe town.", {"Rebels seized\nthe town."}},
        SplitCase{"BlankLineClosesUnbalancedQuote",
                  "\"We will fight. We will win.\n\n\"We are ready. So are they.",
                  {"\"We will fight.", "We will win.", "\"We are ready.", "So are they."}},
        SplitCase{"NoFinalPeriod", "Rebels seized Gao", {"Rebels seized Gao"}},
        SplitCase{"Empty", "", {}}),
    [](const testing::TestParamInfo<SplitCase>& info) { return info.param.name; });

TEST(SentenceSplitterTest, TokenRangesAndSentenceInitial) {
  const Document doc = Split("Rebels fled. Troops entered Gao.");
  ASSERT_EQ(doc.sentences.size(), 2u);
  EXPECT_EQ(doc.sentences[0].first_token, 0u);
  EXPECT_EQ(doc.sentences[0].last_token, 3u);
  EXPECT_EQ(doc.sentences[1].first_token, 3u);
  EXPECT_EQ(doc.sentences[1].last_token, doc.tokens.size());
  for (uint32_t i = 0; i < doc.tokens.size(); ++i) {
    EXPECT_EQ(doc.tokens[i].sentence_initial, i == 0 || i == 3) << i;
  }
}

// A quote that never closes must not glue the rest of the article together.
TEST(SentenceSplitterTest, UnclosedQuoteIsBounded) {
  std::string text = "\"Stray quote.";
  for (int i = 0; i < 20; ++i) text += " Troops moved.";
  const Document doc = Split(text);
  EXPECT_EQ(doc.sentences.size(), 21u);
}

TEST(SentenceSplitterTest, LongSentencesAreCut) {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "word ";
  const Document doc = Split(text, 100);
  ASSERT_EQ(doc.sentences.size(), 10u);
  for (const Sentence& s : doc.sentences) EXPECT_EQ(s.last_token - s.first_token, 100u);
}

TEST(SentenceSplitterTest, SentencesCoverAllTokens) {
  const Document doc = Split("A. B? \"C.\" (D.) E... F!\n\nG 'h. I'");
  uint32_t next = 0;
  for (const Sentence& s : doc.sentences) {
    EXPECT_EQ(s.first_token, next);
    EXPECT_LT(s.first_token, s.last_token);
    next = s.last_token;
  }
  EXPECT_EQ(next, doc.tokens.size());
}

}  // namespace
}  // namespace griot
