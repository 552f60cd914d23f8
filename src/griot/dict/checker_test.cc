#include "griot/dict/checker.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace griot {
namespace {

namespace fs = std::filesystem;

const std::string kRealKb = std::string(GRIOT_SOURCE_DIR) + "/kb/en";

// A scratch copy of kb/en that a test may break.
class KbCopy {
 public:
  explicit KbCopy(const std::string& name)
      : root_(fs::temp_directory_path() /
              ("griot-check-" + std::to_string(::getpid()) + "-" + name)) {
    fs::remove_all(root_);
    fs::create_directories(root_);
    fs::copy(kRealKb, dir(), fs::copy_options::recursive);
  }
  ~KbCopy() { fs::remove_all(root_); }
  std::string dir() const { return (root_ / "en").string(); }

  // Appends lines to a file; returns the line number of the first one.
  int Append(const std::string& rel, const std::string& lines) {
    std::string content = Read(rel);
    if (!content.empty() && content.back() != '\n') content += '\n';
    int first = static_cast<int>(std::count(content.begin(), content.end(), '\n')) + 1;
    std::ofstream(dir() + "/" + rel, std::ios::binary) << content << lines;
    return first;
  }
  void Write(const std::string& rel, const std::string& content) {
    std::ofstream(dir() + "/" + rel, std::ios::binary) << content;
  }
  std::string Read(const std::string& rel) const {
    std::ifstream in(dir() + "/" + rel, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  // The number of the first line that starts with `prefix`.
  int LineOf(const std::string& rel, const std::string& prefix) const {
    std::istringstream in(Read(rel));
    int n = 0;
    for (std::string line; std::getline(in, line);) {
      ++n;
      if (line.compare(0, prefix.size(), prefix) == 0) return n;
    }
    return 0;
  }

 private:
  fs::path root_;
};

// The finding at `where` whose message holds `text`, or nullptr.
const Finding* Find(const CheckReport& r, const std::string& where, const std::string& text) {
  for (const Finding& f : r.findings) {
    if (f.where == where && f.message.find(text) != std::string::npos) return &f;
  }
  return nullptr;
}

std::string At(const std::string& file, int line) { return file + ":" + std::to_string(line); }

TEST(Checker, RepositoryKnowledgeBaseHasNoErrors) {
  CheckReport r = CheckKnowledgeBase(kRealKb, GRIOT_DEFAULT_WORDNET_DIR);
  EXPECT_TRUE(r.ok()) << FormatCheckReport(r);
  EXPECT_EQ(r.errors(), 0) << FormatCheckReport(r);
  EXPECT_GT(r.examples, 100);
  EXPECT_EQ(r.examples_failed, 0);
  EXPECT_GE(r.files, 27);  // 11 top-level files, the pattern files, ../geo
  EXPECT_GT(r.entries, 1000);
}

// Problems the loaders accept: the knowledge base still loads and the
// examples run.
TEST(Checker, ReportsEveryProblemWithItsFileAndLine) {
  KbCopy kb("loadable");
  int agent_first = kb.LineOf("agents.txt", "soldier ");
  ASSERT_GT(agent_first, 0);
  int agent_again = kb.Append("agents.txt", "soldier | MIL\n");
  int mali = kb.LineOf("countries.txt", "MLI");
  ASSERT_GT(mali, 0);
  int org = kb.Append("organizations.txt", "IGO | GOV | Council of Testers | Mali\n");
  int assault = kb.Append("patterns/assault.txt", "type ASSAULT\nverb frobnicate\n") + 1;
  int coerce =
      kb.Append("patterns/coerce.txt",
                "type COERCE\nverb frobnicate\n"
                "example | The weather was pleasant in Bamako on Sunday. | COERCE/detain\n") +
      1;

  CheckReport r = CheckKnowledgeBase(kb.dir(), GRIOT_DEFAULT_WORDNET_DIR);
  std::string text = FormatCheckReport(r);
  EXPECT_FALSE(r.ok());

  const Finding* dup = Find(r, At("agents.txt", agent_again), "listed twice");
  ASSERT_NE(dup, nullptr) << text;
  EXPECT_EQ(dup->severity, Finding::Severity::kWarning);
  EXPECT_NE(dup->message.find(At("agents.txt", agent_first)), std::string::npos) << dup->message;

  const Finding* conflict = Find(r, At("organizations.txt", org), "'Mali'");
  ASSERT_NE(conflict, nullptr) << text;
  EXPECT_EQ(conflict->severity, Finding::Severity::kError);
  EXPECT_NE(conflict->message.find(At("countries.txt", mali)), std::string::npos)
      << conflict->message;

  const Finding* overlap = Find(r, At("patterns/coerce.txt", coerce), "verb frobnicate");
  ASSERT_NE(overlap, nullptr) << text;
  EXPECT_EQ(overlap->severity, Finding::Severity::kError);
  EXPECT_NE(overlap->message.find(At("patterns/assault.txt", assault)), std::string::npos)
      << overlap->message;

  // An example still in older PLOVER words says what they are called now.
  const Finding* example =
      Find(r, At("patterns/coerce.txt", coerce + 1), "mode 'detain' was renamed 'arrest'");
  ASSERT_NE(example, nullptr) << text;
  EXPECT_EQ(r.examples_failed, 1) << text;
  EXPECT_GT(r.examples, 100);

  EXPECT_NE(text.find(At("agents.txt", agent_again) + ": warning: "), std::string::npos);
  EXPECT_NE(text.find(At("organizations.txt", org) + ": error: "), std::string::npos);
  EXPECT_EQ(r.errors(), 3) << text;  // nothing else in the copy is wrong
}

// Problems that stop the loaders: all are still reported, and the examples
// are not run.
TEST(Checker, KeepsGoingPastErrorsThatStopTheLoaders) {
  KbCopy kb("broken");
  int mode =
      kb.Append("patterns/coerce.txt", "type COERCE\nverb frobnicate | mode=jail colour=red\n") + 1;
  std::string contexts = kb.Read("contexts.txt");
  kb.Write("contexts.txt", "griot-kb contexts 2" + contexts.substr(contexts.find('\n')));
  int sector = kb.Append("agents.txt", "frobnicator | XYZ\n");
  int office = kb.Append("actor_words.txt", "home-office | prime minister\n");

  CheckReport r = CheckKnowledgeBase(kb.dir(), GRIOT_DEFAULT_WORDNET_DIR);
  std::string text = FormatCheckReport(r);
  EXPECT_FALSE(r.ok());
  EXPECT_NE(Find(r, At("patterns/coerce.txt", mode), "mode 'jail' is not declared for COERCE"),
            nullptr)
      << text;
  EXPECT_NE(Find(r, At("patterns/coerce.txt", mode), "unknown option 'colour'"), nullptr) << text;
  EXPECT_NE(Find(r, "contexts.txt:1", "unsupported version 2"), nullptr) << text;
  EXPECT_NE(Find(r, At("agents.txt", sector), "sector 'XYZ' is not declared"), nullptr) << text;
  EXPECT_NE(Find(r, At("actor_words.txt", office), "does not begin with an outsider stem"), nullptr)
      << text;
  EXPECT_EQ(r.examples, 0);
  EXPECT_NE(Find(r, "", "examples not run"), nullptr) << text;
}

// Word classes (patterns/classes.txt): an unknown class, a class defined
// twice and a member of two words are each a finding at their line.
TEST(Checker, WordClassMistakesAreFindings) {
  KbCopy kb("classes");
  int use = kb.Append("patterns/coerce.txt", "type COERCE\nverb frobnicate ... @gizmo\n") + 1;
  int twice = kb.Append("patterns/classes.txt", "class weapon | sword\n");
  int words = kb.Append("patterns/classes.txt", "class blade | short sword\n");
  CheckReport r = CheckKnowledgeBase(kb.dir(), GRIOT_DEFAULT_WORDNET_DIR);
  std::string text = FormatCheckReport(r);
  EXPECT_FALSE(r.ok());
  EXPECT_NE(Find(r, At("patterns/coerce.txt", use), "unknown word class '@gizmo'"), nullptr) << text;
  EXPECT_NE(Find(r, At("patterns/classes.txt", twice), "word class 'weapon' is already defined at"),
            nullptr)
      << text;
  EXPECT_NE(Find(r, At("patterns/classes.txt", words), "class member 'short sword' is not one word"),
            nullptr)
      << text;
}

TEST(Checker, MissingDirectoryIsAFinding) {
  CheckReport r = CheckKnowledgeBase("/nonexistent/kb/en", GRIOT_DEFAULT_WORDNET_DIR);
  EXPECT_FALSE(r.ok());
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(FormatCheckReport(r).substr(0, 26), "/nonexistent/kb/en: error:");
}

}  // namespace
}  // namespace griot
