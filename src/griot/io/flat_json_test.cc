// Differential test: the fast reader of flat records and the full JSON
// library must agree on every line the fast reader accepts, and the fast
// reader must decline everything it does not fully understand.
#include "griot/io/flat_json.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace griot {
namespace {

TEST(FlatJson, AgreesWithTheFullParser) {
  const char* lines[] = {
      R"({"id":"a","text":"Police arrested ten men."})",
      R"(  { "id" : 12 , "text" : "x" , "date" : null }  )",
      R"({"id":"a","text":"quote \" backslash \\ slash \/ tab \t nl \n"})",
      R"({"id":"a","text":"caf\u00e9 \u20ac \ud83d\ude00"})",
      R"({"id":"a","text":"Côte d'Ivoire"})",
      R"({"id":"a","n":-3.5e2,"b":true,"c":false,"text":"x"})",
      R"({"id":"a","id":"b","text":"dup keys: last wins"})",
      R"({})",
  };
  for (const char* line : lines) {
    std::vector<FlatField> fields;
    ASSERT_TRUE(ParseFlatObject(line, &fields)) << line;
    nlohmann::json j = nlohmann::json::parse(line);
    std::map<std::string, FlatField> last;
    for (const FlatField& f : fields) last[f.key] = f;
    ASSERT_EQ(last.size(), j.size()) << line;
    for (const auto& [key, f] : last) {
      const nlohmann::json& v = j[key];
      switch (f.kind) {
        case FlatField::Kind::kString:
          EXPECT_EQ(f.value, v.get<std::string>()) << line;
          break;
        case FlatField::Kind::kInteger:
          EXPECT_EQ(std::stoll(f.value), v.get<long long>()) << line;
          break;
        case FlatField::Kind::kNull:
          EXPECT_TRUE(v.is_null()) << line;
          break;
        case FlatField::Kind::kOther:
          EXPECT_TRUE(v.is_boolean() || v.is_number_float()) << line;
          break;
      }
    }
  }
}

TEST(FlatJson, DeclinesWhatItDoesNotUnderstand) {
  const char* lines[] = {
      R"({"id":"a","text":"x","meta":{"k":1}})",  // nested: full parser's job
      R"({"id":"a","tags":["x"]})",
      R"({"id":"a","text":"unterminated)",
      R"({"id":"a","text":"x",})",
      R"({"id":"a" "text":"x"})",
      R"({"id":01})",
      R"({"id":1.2.3})",
      R"({"id":"a","text":"bad \q escape"})",
      R"({"id":"a","text":"lone \udc00 surrogate"})",
      "{\"id\":\"a\",\"text\":\"raw\ttab\"}",
      R"([1,2])",
      R"({"id":"a"} trailing)",
      "",
  };
  for (const char* line : lines) {
    std::vector<FlatField> fields;
    EXPECT_FALSE(ParseFlatObject(line, &fields)) << line;
  }
}

}  // namespace
}  // namespace griot
