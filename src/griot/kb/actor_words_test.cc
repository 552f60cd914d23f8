// actor_words.txt is validated at load: a mistake names its file and line.
#include "griot/kb/actor_words.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "test_support.h"

namespace griot::testing {
namespace {

namespace fs = std::filesystem;

// Loads `content` as an actor-words file; returns the error ("" when it loads).
std::string LoadError(const std::string& content, ActorWords* out = nullptr) {
  fs::path path =
      fs::temp_directory_path() / ("griot-actor-words-" + std::to_string(::getpid()) + ".txt");
  std::ofstream(path, std::ios::binary) << content;
  Result<ActorWords> words = ActorWords::Load(path.string(), Kb().front_end());
  fs::remove(path);
  if (!words.ok()) return std::string(words.status().message());
  if (out) *out = std::move(*words);
  return "";
}

TEST(ActorWords, MistakesNameTheLine) {
  struct Case {
    const char* content;
    const char* error;
  } cases[] = {
      {"griot-kb actor-words 1\nconnector\n", ".txt:2: expected 'KIND | word; word; ...'"},
      {"griot-kb actor-words 1\nconnector | ;\n", ".txt:2: no words after 'connector |'"},
      {"griot-kb actor-words 1\ncolour | red\n", ".txt:2: unknown kind 'colour'"},
      {"griot-kb actor-words 1\nconnector | Bin\n",
       ".txt:2: connector 'Bin' must be one lower-case token"},
      {"griot-kb actor-words 1\nconnector | bin laden\n",
       ".txt:2: connector 'bin laden' must be one"},
      {"griot-kb actor-words 1\nconnector | al\n\nconnector | el; al\n",
       ".txt:4: connector 'al' listed twice"},
      {"griot-kb actor-words 1\noutsider | far away\n",
       ".txt:2: outsider stem 'far away' must be one word"},
      {"griot-kb actor-words 1\noutsider | foreign\nhome-office | prime minister\n",
       ".txt:3: home office 'prime minister' does not begin with an outsider stem"},
      {"griot-kb lexicon 1\n", "file is of kind 'lexicon', expected 'actor-words'"},
  };
  for (const auto& c : cases) {
    std::string error = LoadError(c.content);
    EXPECT_NE(error.find(c.error), std::string::npos) << c.content << "\n-> " << error;
  }
}

TEST(ActorWords, ListsAreUsedAsWritten) {
  ActorWords w;
  ASSERT_EQ(LoadError("griot-kb actor-words 1\n"
                      "connector | bin; d'\n"
                      "allegiance | sworn to\n"
                      "outsider | Foreign\n"  // stems are case-insensitive
                      "home-office | foreign minist\n",
                      &w),
            "");
  EXPECT_TRUE(w.IsNameConnector("bin"));
  EXPECT_TRUE(w.IsNameConnector("d'"));
  EXPECT_FALSE(w.IsNameConnector("of"));

  std::vector<Token> tokens(4);
  tokens[0].lower = "militias";
  tokens[1].lower = "sworn";
  tokens[2].lower = "to";
  tokens[3].lower = "x";
  EXPECT_EQ(w.AllegianceAt(tokens, 1, 4), 2u);
  EXPECT_EQ(w.AllegianceAt(tokens, 1, 2), 0u);  // the phrase must end before `end`
  EXPECT_EQ(w.AllegianceAt(tokens, 0, 4), 0u);

  EXPECT_TRUE(w.MarksOutsider("FOREIGN troops", ""));
  EXPECT_TRUE(w.MarksOutsider("troops", "Foreign"));
  EXPECT_FALSE(w.MarksOutsider("Foreign Minister Diop", ""));
  EXPECT_TRUE(w.MarksOutsider("Foreign Minister Diop", "foreign"));
  EXPECT_FALSE(w.MarksOutsider("troops", ""));
}

TEST(ActorWords, RepositoryFileLoads) { EXPECT_TRUE(Kb().actor_words().IsNameConnector("al-")); }

}  // namespace
}  // namespace griot::testing
