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
      {"griot-kb patterns 1\ntype BRAWL\n", "patterns/test.txt:2: unknown event type 'BRAWL'"},
      {"griot-kb patterns 1\ntype COERCE\nadverb quickly\n", "unknown pattern kind 'adverb'"},
      {"griot-kb patterns 1\ntype COERCE\nverb arrest | conf=2\n", "conf must be within 0..1"},
      {"griot-kb patterns 1\ntype COERCE\nverb ... arrest\n", "cannot start with '...'"},
      {"griot-kb agents 1\n", "file is of kind 'agents', expected 'patterns'"},
      // Older PLOVER names say what they are called now (ontology.txt renames).
      {"griot-kb patterns 1\ntype COERCE\nverb arrest | mode=detain\n",
       "patterns/test.txt:3: mode 'detain' was renamed 'arrest' (ontology.txt)"},
      {"griot-kb patterns 1\ntype COERCE\nverb raze | mode=destroy\n",
       "mode 'destroy' of COERCE is now ASSAULT 'destroy' (ontology.txt)"},
      {"griot-kb patterns 1\ntype AID\nverb send ... food | mode=humanitarian\n",
       "mode 'humanitarian' of AID was dropped; its events take context human_security"},
      {"griot-kb patterns 1\ntype DEMAND\n", "patterns/test.txt:2: type 'DEMAND' was renamed REQUEST"},
      {"griot-kb patterns 1\ntype AID\nverb send ... food | context=humanitarian\n",
       "context 'humanitarian' was renamed 'human_security' (ontology.txt)"},
      {"griot-kb patterns 1\ntype AID\nverb send ... food | context=weather\n",
       "context 'weather' is not declared in ontology.txt"},
      {"griot-kb patterns 1\ntype CONSULT\nverb host | roles=reversed\n", "roles can only be 'swapped'"},
      // Word classes: defined once, referenced after the first word.
      {"griot-kb patterns 1\ntype COERCE\nverb seize ... @gun\n",
       "patterns/test.txt:3: unknown word class '@gun'"},
      {"griot-kb patterns 1\nclass gun | rifle\nclass gun | pistol\n",
       "patterns/test.txt:3: word class 'gun' is already defined at patterns/test.txt:2"},
      {"griot-kb patterns 1\nclass gun | assault rifle\n", "class member 'assault rifle' is not one word"},
      {"griot-kb patterns 1\ntype COERCE\nclass gun | rifle\nverb @gun seize\n",
       "a pattern cannot start with a word class"},
  };
  for (const auto& c : cases) {
    std::string error = LoadPatterns(c.content);
    EXPECT_NE(error.find(c.error), std::string::npos) << c.content << "\n-> " << error;
  }
  EXPECT_EQ(LoadPatterns("griot-kb patterns 1\ntype COERCE\nverb arrest | mode=arrest\n"), "");
}

// The options that replaced modes PLOVER dropped land on the Pattern, for
// the coder to apply: contexts, and roles the other way round.
TEST(KbValidation, ContextAndRolesOptionsAreCarriedOnThePattern) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("griot-kb-opts-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "test.txt") << "griot-kb patterns 1\ntype COOPERATE\n"
                                     "verb hold ... joint exercise | context=military,intelligence\n"
                                     "type CONSULT\nverb host | mode=visit roles=swapped\nverb meet\n";
  auto set = PatternSet::Load(dir.string(), Kb().ontology(), Kb().front_end());
  fs::remove_all(dir);
  ASSERT_TRUE(set.ok()) << set.status().message();
  ASSERT_EQ(set->size(), 3u);
  EXPECT_EQ(set->pattern(0).contexts, (std::vector<std::string>{"military", "intelligence"}));
  EXPECT_FALSE(set->pattern(0).roles_swapped);
  EXPECT_EQ(set->pattern(1).mode, "visit");
  EXPECT_TRUE(set->pattern(1).roles_swapped);
  EXPECT_TRUE(set->pattern(1).contexts.empty());
  EXPECT_FALSE(set->pattern(2).roles_swapped);
}

}  // namespace
}  // namespace griot::testing
