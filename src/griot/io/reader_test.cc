#include "griot/io/reader.h"

#include <gtest/gtest.h>

#include <sstream>

namespace griot {
namespace {

struct Case {
  const char* line;
  bool ok;
  const char* message;  // substring of the error or warning
};

TEST(Reader, ParsesAndRejectsRecordsWithTheirLine) {
  const Case cases[] = {
      {R"({"id":"a","text":"Police arrested ten men.","date":"2025-05-12"})", true, ""},
      {R"({"id":7,"text":"x"})", true, ""},
      {R"({"id":"a","text":"x","published":"2025-05-12T08:00:00Z"})", true, ""},
      {R"({"id":"a","text":"x","date":"12 May 2025"})", true, "ignoring date '12 May 2025'"},
      {R"({"id":"a"})", false, "in.jsonl:3: missing 'text' (id a)"},
      {R"({"text":"x"})", false, "in.jsonl:3: missing 'id'"},
      {R"({"id":"a","text":42})", false, "'text' must be a string"},
      {R"([1,2])", false, "expected a JSON object"},
      {R"({"id":"a","text":"unterminated)", false, "in.jsonl:3: malformed JSON"},
      {"{\"id\":\"a\",\"text\":\"caf\xC3\x28\"}", false, "invalid UTF-8 at byte"},
  };
  for (const Case& c : cases) {
    InputRecord rec;
    rec.doc.input = "in.jsonl";
    rec.doc.line = 3;
    ParseJsonRecord(c.line, &rec);
    EXPECT_EQ(rec.status.ok(), c.ok) << c.line << " -> " << rec.status.message();
    std::string said = rec.status.ok() ? rec.warning : rec.status.message();
    EXPECT_NE(said.find(c.message), std::string::npos) << c.line << " -> " << said;
  }
}

TEST(Reader, SkipsBlankLinesButCountsThem) {
  std::istringstream in("{\"id\":\"a\",\"text\":\"x\"}\n\n   \n{\"id\":\"b\",\"text\":\"y\"}\n");
  auto reader = JsonlReader(&in, "s.jsonl");
  InputRecord rec;
  ASSERT_TRUE(reader->Next(&rec));
  EXPECT_EQ(rec.doc.line, 1u);
  ASSERT_TRUE(reader->Next(&rec));
  EXPECT_EQ(rec.doc.id, "b");
  EXPECT_EQ(rec.doc.line, 4u) << "line numbers stay those of the file";
  EXPECT_FALSE(reader->Next(&rec));
}

TEST(Reader, IsoDates) {
  EXPECT_TRUE(IsIsoDate("2025-05-12"));
  EXPECT_TRUE(IsIsoDate("2025-05-12T10:00:00+01:00"));
  EXPECT_FALSE(IsIsoDate("2025-13-01"));
  EXPECT_FALSE(IsIsoDate("12/05/2025"));
  EXPECT_FALSE(IsIsoDate(""));
}

}  // namespace
}  // namespace griot
