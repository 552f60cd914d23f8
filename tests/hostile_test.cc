// Hostile and degenerate documents: every one is coded (or refused with a
// reason) in time proportional to its size. The bound is generous: it only
// catches super-linear blow-ups (a quadratic pass over 60,000 sentences
// takes minutes; the linear pipeline takes about a second).
#include <chrono>
#include <string>

#include "test_support.h"

namespace griot::testing {
namespace {

std::string Repeat(const std::string& s, int n) {
  std::string out;
  out.reserve(s.size() * n);
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

TEST(Hostile, DegenerateDocumentsAreCodedInLinearTime) {
  struct Case {
    const char* name;
    std::string text;
  };
  const Case cases[] = {
      {"1 MB without spaces", std::string(1 << 20, 'a')},
      {"a sentence of 10,000 commas", "Rebels attacked " + Repeat("the village, ", 10000) + "."},
      {"60,000 repeated event sentences", Repeat("Police arrested protesters. ", 60000)},
      {"100,000 capitalized words", Repeat("Abc ", 100000)},
      {"100,000 nested parentheses", std::string(100000, '(') + "x" + std::string(100000, ')')},
      {"binary junk", Repeat(std::string("\x01\x02\xff\xfe\x00\x7f", 6), 50000)},
      {"one long word sentence", Repeat("soldiers attacked rebels and ", 20000) + "fled."},
  };
  Pipeline pipeline(&Kb(), Limits{8 << 20});
  for (const Case& c : cases) {
    Document doc;
    doc.id = c.name;
    doc.text = c.text;
    auto start = std::chrono::steady_clock::now();
    Status st = pipeline.Code(doc);
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(seconds, 20.0) << c.name;
    // Coded, or refused with a reason: never a crash.
    if (st.ok()) {
      for (const Sentence& s : doc.sentences) {
        EXPECT_LE(s.last_token - s.first_token, 200u) << c.name << ": sentences are bounded";
      }
    } else {
      EXPECT_FALSE(st.message().empty()) << c.name;
    }
  }
}

}  // namespace
// The sentence bound is the user's to set (griot code --max-sentence-tokens).
TEST(Hostile, SentenceLengthIsBoundedAsConfigured) {
  Limits limits;
  limits.max_sentence_tokens = 40;
  Pipeline pipeline(&Kb(), limits);
  Document doc;
  doc.id = "long";
  doc.text = "Rebels attacked " + Repeat("the village, ", 500) + "and fled.";
  ASSERT_TRUE(pipeline.Code(doc).ok());
  ASSERT_GT(doc.sentences.size(), 20u);
  for (const Sentence& s : doc.sentences) EXPECT_LE(s.last_token - s.first_token, 40u);
}

}  // namespace griot::testing
