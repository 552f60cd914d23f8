#include "griot/kb/kb_file.h"

#include <gtest/gtest.h>

namespace griot {
namespace {

TEST(KbFile, ParsesFieldsCommentsAndExamples) {
  auto f = ParseKbFile(
      "# leading comment\n"
      "griot-kb agents 1\n"
      "\n"
      "soldier | MIL   # trailing comment\n"
      "  police officer|COP\n"
      "example | Police said #1 suspect fled. | COERCE | :COP\n",
      "agents.txt", "agents");
  ASSERT_TRUE(f.ok()) << f.status().message();
  ASSERT_EQ(f->lines.size(), 2u);
  EXPECT_EQ(f->lines[0].line, 4);
  EXPECT_EQ(f->lines[0].fields, (std::vector<std::string>{"soldier", "MIL"}));
  EXPECT_EQ(f->lines[1].fields, (std::vector<std::string>{"police officer", "COP"}));
  ASSERT_EQ(f->examples.size(), 1u);
  EXPECT_EQ(f->examples[0].fields[0], "Police said #1 suspect fled.");
  EXPECT_EQ(f->examples[0].line, 6);
}

struct HeaderCase {
  const char* content;
  const char* error;
};

TEST(KbFile, RejectsBadHeadersWithLineNumbers) {
  const HeaderCase cases[] = {
      {"soldier | MIL\n", "agents.txt:1: expected header 'griot-kb agents 1'"},
      {"griot-kb countries 1\n", "agents.txt:1: file is of kind 'countries'"},
      {"griot-kb agents 2\n", "agents.txt:1: unsupported version 2"},
      {"", "agents.txt:1: missing header"},
  };
  for (const HeaderCase& c : cases) {
    auto f = ParseKbFile(c.content, "agents.txt", "agents");
    ASSERT_FALSE(f.ok()) << c.content;
    EXPECT_NE(f.status().message().find(c.error), std::string::npos) << f.status().message();
  }
}

TEST(KbFile, SplitsLists) {
  EXPECT_EQ(SplitList(" Mali ; Republic of Mali;; "),
            (std::vector<std::string>{"Mali", "Republic of Mali"}));
  EXPECT_TRUE(SplitList("  ").empty());
}

}  // namespace
TEST(KbFile, DatePrefixesAreRealDates) {
  for (const char* ok : {"2021", "2021-05", "2021-05-24", "2000-02-29"}) EXPECT_TRUE(IsDatePrefix(ok)) << ok;
  for (const char* bad : {"21", "2021-5", "1990-13", "2001-02-30", "2021-00", "2021/05", "2021-05-24x"}) {
    EXPECT_FALSE(IsDatePrefix(bad)) << bad;
  }
}

}  // namespace griot
