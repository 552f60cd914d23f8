// Golden end-to-end cases (tests/golden/*.txt): English sentences in, the
// expected PLOVER events out, checked field by field (type, mode, actor and
// recipient codes and sectors). Every case is its own test, so a failure
// names the sentence. Knowledge-base `example` lines run the same way.
#include <filesystem>

#include "griot/kb/examples.h"
#include "test_support.h"

namespace griot {
// Names a failing case by its file, line and sentence instead of its bytes.
inline void PrintTo(const Example& e, std::ostream* os) { *os << e.where << " " << e.sentence; }
}  // namespace griot

namespace griot::testing {
namespace {

std::vector<Example> LoadExamples(const std::string& path, const std::string& kind, bool from_examples) {
  std::vector<Example> out;
  auto file = ReadKbFile(path, kind);
  if (!file.ok()) {
    ADD_FAILURE() << file.status().message();
    return out;
  }
  const auto& lines = from_examples ? file->examples : file->lines;
  for (const KbLine& l : lines) {
    auto ex = ParseExample(*file, l);
    if (!ex.ok()) {
      ADD_FAILURE() << ex.status().message();
      continue;
    }
    out.push_back(*ex);
  }
  return out;
}

std::vector<Example> GoldenCases() {
  std::vector<Example> all;
  for (const auto& f : std::filesystem::directory_iterator(SourcePath("tests/golden"))) {
    if (f.path().extension() != ".txt") continue;
    for (Example& e : LoadExamples(f.path().string(), "examples", false)) all.push_back(e);
  }
  return all;
}

std::vector<Example> KbExamples() {
  std::vector<Example> all;
  for (const auto& f : std::filesystem::directory_iterator(SourcePath("kb/en/patterns"))) {
    if (f.path().extension() != ".txt") continue;
    for (Example& e : LoadExamples(f.path().string(), "patterns", true)) all.push_back(e);
  }
  return all;
}

std::string CaseName(const ::testing::TestParamInfo<Example>& info) {
  std::string where = info.param.where;
  std::string name;
  for (char c : where.substr(where.find_last_of('/') + 1)) {
    name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  }
  return name;
}

class GoldenTest : public ::testing::TestWithParam<Example> {};

TEST_P(GoldenTest, ProducesExpectedEvent) {
  const Example& ex = GetParam();
  Document doc = Code(ex.sentence);
  std::string problem = CheckExample(ex, doc);
  EXPECT_TRUE(problem.empty()) << problem;
}

INSTANTIATE_TEST_SUITE_P(Golden, GoldenTest, ::testing::ValuesIn(GoldenCases()), CaseName);
INSTANTIATE_TEST_SUITE_P(KbExamples, GoldenTest, ::testing::ValuesIn(KbExamples()), CaseName);

}  // namespace
}  // namespace griot::testing
