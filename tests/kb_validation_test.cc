// Knowledge-base files are validated at load: a mistake names its file and
// line and says what is wrong.
#include <filesystem>
#include <fstream>

#include "griot/kb/pattern_set.h"
#include "test_support.h"

namespace griot::testing {
namespace {

namespace fs = std::filesystem;

std::string LoadPatterns(const std::string& content) {
  fs::path dir = fs::temp_directory_path() / ("griot-kb-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "test.txt") << content;
  auto set = PatternSet::Load(dir.string(), Kb().ontology(), Kb().front_end());
  fs::remove_all(dir);
  return set.ok() ? "" : set.status().message();
}

TEST(KbValidation, PatternMistakesNameFileAndLine) {
  struct Case {
    const char* content;
    const char* error;
  } cases[] = {
      {"griot-kb patterns 1\ntype COERCE\nverb arrest | mode=jail\n",
       "patterns/test.txt:3: mode 'jail' is not declared for COERCE"},
      {"griot-kb patterns 1\ntype COERCE\nverb arrest | colour=red\n",
       "patterns/test.txt:3: unknown option 'colour'"},
      {"griot-kb patterns 1\ntype COERCE\nverb arrest\nverb arrest\n",
       "patterns/test.txt:4: duplicate pattern 'verb arrest'"},
      {"griot-kb patterns 1\nverb arrest\n", "patterns/test.txt:2: a 'type TYPE' line must come"},
      {"griot-kb patterns 1\ntype FIGHT\n", "patterns/test.txt:2: unknown event type 'FIGHT'"},
      {"griot-kb patterns 1\ntype COERCE\nadverb quickly\n", "unknown pattern kind 'adverb'"},
      {"griot-kb patterns 1\ntype COERCE\nverb arrest | conf=2\n", "conf must be within 0..1"},
      {"griot-kb patterns 1\ntype COERCE\nverb ... arrest\n", "cannot start with '...'"},
      {"griot-kb agents 1\n", "file is of kind 'agents', expected 'patterns'"},
  };
  for (const auto& c : cases) {
    std::string error = LoadPatterns(c.content);
    EXPECT_NE(error.find(c.error), std::string::npos) << c.content << "\n-> " << error;
  }
  EXPECT_EQ(LoadPatterns("griot-kb patterns 1\ntype COERCE\nverb arrest | mode=detain\n"), "");
}

}  // namespace
}  // namespace griot::testing
