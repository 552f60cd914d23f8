// lexicon.txt is validated at load: a mistake names its file and line.
#include "griot/syntax/lexicon.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace griot {
namespace {

namespace fs = std::filesystem;

// Every lexicon needs its one agentive and one genitive word.
constexpr const char* kHeader = "griot-kb lexicon 1\nby | PREP | agentive\nof | PREP | genitive\n";

Result<Lexicon> LoadLexicon(const std::string& lines) {
  fs::path path =
      fs::temp_directory_path() / ("griot-lexicon-" + std::to_string(::getpid()) + ".txt");
  std::ofstream(path, std::ios::binary) << kHeader << lines;
  Result<Lexicon> lexicon = Lexicon::Load(path.string());
  fs::remove(path);
  return lexicon;
}

TEST(Lexicon, MistakesNameTheLine) {
  struct Case {
    const char* lines;
    const char* error;
  } cases[] = {
      {"in | PREP | locative inside\n", ".txt:4: unknown flag 'inside'"},
      {"in | PLACE\n", ".txt:4: unknown tag 'PLACE'"},
      {"in | PREP\nin | PREP | locative\n", ".txt:5: word 'in' listed twice"},
      // The geolocator reads region flags only on place nouns.
      {"province | OPEN | region\n", ".txt:4: a region noun is a place noun too"},
      {"oblast | OPEN | region-after\n", ".txt:4: a region noun is a place noun too"},
  };
  for (const auto& c : cases) {
    Result<Lexicon> lexicon = LoadLexicon(c.lines);
    ASSERT_FALSE(lexicon.ok()) << c.lines;
    EXPECT_NE(lexicon.status().message().find(c.error), std::string::npos)
        << c.lines << "\n-> " << lexicon.status().message();
  }
}

TEST(Lexicon, FlagsAreReadByName) {
  Result<Lexicon> lexicon = LoadLexicon(
      "in | PREP | locative containment\n"
      "against | PREP | target\n"
      "and | CONJ | coordinator conjunctive\n"
      "province | OPEN | location region\n"
      "oblast | OPEN | location region-after\n");
  ASSERT_TRUE(lexicon.ok()) << lexicon.status().message();
  EXPECT_EQ(lexicon->Find("in")->flags, kFlagLocative | kFlagContainment);
  EXPECT_EQ(lexicon->Find("against")->flags, kFlagTarget);
  EXPECT_EQ(lexicon->Find("and")->flags, kFlagCoordinator | kFlagConjunctive);
  EXPECT_EQ(lexicon->Find("province")->flags, kFlagLocationNoun | kFlagRegionNoun);
  EXPECT_EQ(lexicon->Find("oblast")->flags, kFlagLocationNoun | kFlagRegionNounAfter);
  EXPECT_EQ(lexicon->Find("province")->tag, Tag::kUnknown);  // OPEN
  EXPECT_EQ(lexicon->Find("near"), nullptr);
}

}  // namespace
}  // namespace griot
