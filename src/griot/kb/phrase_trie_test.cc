#include "griot/kb/phrase_trie.h"

#include <gtest/gtest.h>

namespace griot {
namespace {

PhraseTrie::Match Find(const PhraseTrie& t, const std::vector<std::string>& words) {
  return t.Longest(static_cast<uint32_t>(words.size()),
                   [&](uint32_t k) -> std::string_view { return words[k]; });
}

TEST(PhraseTrie, LongestMatchWins) {
  PhraseTrie t;
  t.Insert({"security"}, 1);
  t.Insert({"security", "council"}, 2);
  t.Insert({"security", "council", "resolution", "draft"}, 3);
  struct Case {
    std::vector<std::string> words;
    uint32_t length;
    uint32_t value;
  };
  const Case cases[] = {
      {{"security", "council", "met"}, 2, 2},
      {{"security", "forces"}, 1, 1},
      {{"security", "council", "resolution"}, 2, 2},  // a prefix of a longer phrase is no match
      {{"council"}, 0, 0},
      {{}, 0, 0},
  };
  for (const Case& c : cases) {
    PhraseTrie::Match m = Find(t, c.words);
    EXPECT_EQ(m.length, c.length) << c.words.size();
    if (c.length) {
      ASSERT_NE(m.values, nullptr);
      EXPECT_EQ(m.values->front(), c.value);
    }
  }
}

TEST(PhraseTrie, AcceptCanVetoAndSeveralValuesShareAPhrase) {
  PhraseTrie t;
  t.Insert({"the", "army"}, 1);
  t.Insert({"the", "army"}, 5);
  t.Insert({"the"}, 9);
  std::vector<std::string> words = {"the", "army"};
  auto m = t.Longest(2, [&](uint32_t k) -> std::string_view { return words[k]; },
                     [](const std::vector<uint32_t>&, uint32_t length) { return length == 1; });
  EXPECT_EQ(m.length, 1u);
  m = Find(t, words);
  ASSERT_EQ(m.length, 2u);
  EXPECT_EQ(*m.values, (std::vector<uint32_t>{1, 5}));
}

// Many phrases force the table to grow; every one must still be found, and
// words that share a parent or a text stay apart.
TEST(PhraseTrie, GrowsWithoutLosingPhrases) {
  PhraseTrie t;
  for (uint32_t i = 0; i < 5000; ++i) t.Insert({"w" + std::to_string(i % 97), "x" + std::to_string(i)}, i);
  for (uint32_t i = 0; i < 5000; ++i) {
    PhraseTrie::Match m = Find(t, {"w" + std::to_string(i % 97), "x" + std::to_string(i)});
    ASSERT_EQ(m.length, 2u) << i;
    EXPECT_EQ(m.values->front(), i);
  }
  EXPECT_EQ(Find(t, {"x1", "w1"}).length, 0u);
  EXPECT_EQ(t.size(), 1u + 97u + 5000u);
}

// Keys may hand out temporary strings.
TEST(PhraseTrie, KeysMayReturnTemporaries) {
  PhraseTrie t;
  t.Insert({"al-qaeda", "in", "the", "islamic", "maghreb"}, 4);
  std::vector<std::string> words = {"AL-QAEDA", "IN", "THE", "ISLAMIC", "MAGHREB"};
  auto m = t.Longest(5, [&](uint32_t k) {
    std::string lower;
    for (char c : words[k]) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    return lower;
  });
  EXPECT_EQ(m.length, 5u);
}

}  // namespace
}  // namespace griot
