#include "griot/morph/wordnet.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace griot {
namespace {

constexpr const char* kWordNetDir = "/usr/share/wordnet";

// Loaded once: the tests only read it.
const WordNet* SharedWordNet() {
  static const Result<WordNet>* wn = new Result<WordNet>(WordNet::Load(kWordNetDir));
  return wn->ok() ? &wn->value() : nullptr;
}

class WordNetTest : public testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(std::string(kWordNetDir) + "/index.noun")) {
      GTEST_SKIP() << kWordNetDir << " missing (apt-get install wordnet-base)";
    }
    wn_ = SharedWordNet();
    ASSERT_NE(wn_, nullptr) << WordNet::Load(kWordNetDir).status().message();
  }
  const WordNet* wn_ = nullptr;
};

struct MorphCase {
  const char* word;
  WnPos pos;
  const char* first;  // the base form a lemmatizer would pick
};

class WordNetMorphTest : public WordNetTest, public testing::WithParamInterface<MorphCase> {};

TEST_P(WordNetMorphTest, FirstBaseForm) {
  const MorphCase& c = GetParam();
  const std::vector<std::string> forms = wn_->BaseForms(c.word, c.pos);
  ASSERT_FALSE(forms.empty()) << c.word;
  EXPECT_EQ(forms[0], c.first) << c.word;
}

INSTANTIATE_TEST_SUITE_P(
    WordNet, WordNetMorphTest,
    testing::Values(
        // Regular verbs: -ed, -s, -ing, -ed>e, -ies>y.
        MorphCase{"detained", WnPos::kVerb, "detain"}, MorphCase{"detains", WnPos::kVerb, "detain"},
        MorphCase{"detaining", WnPos::kVerb, "detain"}, MorphCase{"seized", WnPos::kVerb, "seize"},
        MorphCase{"seizing", WnPos::kVerb, "seize"}, MorphCase{"carries", WnPos::kVerb, "carry"},
        MorphCase{"attacked", WnPos::kVerb, "attack"}, MorphCase{"condemns", WnPos::kVerb, "condemn"},
        // Irregular verbs from verb.exc.
        MorphCase{"fled", WnPos::kVerb, "flee"}, MorphCase{"fought", WnPos::kVerb, "fight"},
        MorphCase{"was", WnPos::kVerb, "be"}, MorphCase{"took", WnPos::kVerb, "take"},
        MorphCase{"shot", WnPos::kVerb, "shoot"}, MorphCase{"stopped", WnPos::kVerb, "stop"},
        // Nouns.
        MorphCase{"soldiers", WnPos::kNoun, "soldier"}, MorphCase{"militias", WnPos::kNoun, "militia"},
        MorphCase{"women", WnPos::kNoun, "woman"}, MorphCase{"children", WnPos::kNoun, "child"},
        MorphCase{"casualties", WnPos::kNoun, "casualty"}, MorphCase{"buses", WnPos::kNoun, "bus"},
        MorphCase{"churches", WnPos::kNoun, "church"}, MorphCase{"policemen", WnPos::kNoun, "policeman"},
        MorphCase{"news", WnPos::kNoun, "news"},  // a lemma stays itself
        MorphCase{"glass", WnPos::kNoun, "glass"},
        MorphCase{"Soldiers", WnPos::kNoun, "soldier"},  // ASCII case folded
        // Adjectives and multiword lemmas.
        MorphCase{"bigger", WnPos::kAdj, "big"}, MorphCase{"better", WnPos::kAdj, "good"},
        MorphCase{"largest", WnPos::kAdj, "large"}, MorphCase{"prime ministers", WnPos::kNoun, "prime minister"},
        MorphCase{"carried_out", WnPos::kVerb, "carry out"}));

TEST_F(WordNetTest, ContainsLemmas) {
  EXPECT_TRUE(wn_->Contains("arrest", WnPos::kNoun));
  EXPECT_TRUE(wn_->Contains("arrest", WnPos::kVerb));
  EXPECT_TRUE(wn_->Contains("prime minister", WnPos::kNoun));
  EXPECT_TRUE(wn_->Contains("prime_minister", WnPos::kNoun));
  EXPECT_TRUE(wn_->Contains("quickly", WnPos::kAdv));
  EXPECT_FALSE(wn_->Contains("arrested", WnPos::kVerb));
}

TEST_F(WordNetTest, UnknownWordsHaveNoBaseForm) {
  EXPECT_TRUE(wn_->BaseForms("xyzzyed", WnPos::kVerb).empty());
  EXPECT_TRUE(wn_->BaseForms("", WnPos::kNoun).empty());
  EXPECT_TRUE(wn_->BaseForms("quickly", WnPos::kAdv) == std::vector<std::string>{"quickly"});
}

TEST_F(WordNetTest, ExceptionAndLemmaBothReturned) {
  // "found" is the past of "find" and a verb of its own ("to found a party").
  EXPECT_EQ(wn_->BaseForms("found", WnPos::kVerb), (std::vector<std::string>{"find", "found"}));
}

TEST(WordNetLoadTest, MissingDirectoryIsIoError) {
  Result<WordNet> wn = WordNet::Load("/nonexistent/wordnet");
  ASSERT_FALSE(wn.ok());
  EXPECT_EQ(wn.status().code(), StatusCode::kIo);
  EXPECT_NE(wn.status().message().find("/nonexistent/wordnet/index.noun"), std::string::npos);
}

}  // namespace
}  // namespace griot
