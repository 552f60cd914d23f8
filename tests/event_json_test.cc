// The event record's JSON: field set, character (not byte) offsets, and
// escaping of text that JSON cannot hold raw.
#include "griot/io/event_json.h"

#include "test_support.h"

namespace griot::testing {
namespace {

TEST(EventJson, SpansCountCharactersNotBytes) {
  // "Côte d'Ivoire" holds a two-byte character before the trigger.
  Document doc = Code("Côte d'Ivoire's army arrested 12 \"rebels\" in Bouaké.");
  ASSERT_FALSE(doc.events.empty());
  std::string line;
  AppendEventJson(doc, doc.events[0], &line);
  auto j = nlohmann::json::parse(line);  // must be valid JSON despite the quotes
  std::string t = j["text"];
  auto trig = j["spans"]["trigger"];
  // Slice by code points: convert the UTF-8 text to code points first.
  std::vector<std::string> chars;
  for (size_t i = 0; i < t.size();) {
    size_t n = (t[i] & 0x80) == 0 ? 1 : (t[i] & 0xE0) == 0xC0 ? 2 : (t[i] & 0xF0) == 0xE0 ? 3 : 4;
    chars.push_back(t.substr(i, n));
    i += n;
  }
  std::string trigger;
  for (int k = trig[0]; k < int(trig[1]); ++k) trigger += chars[k];
  EXPECT_EQ(trigger, "arrested");
  EXPECT_EQ(j["actor"][0]["code"], "CIV");
  EXPECT_EQ(j["actor"][0]["sector"], "MIL");
}

TEST(EventJson, ObjectFormMatchesTextForm) {
  Document doc = Code("Malian soldiers detained two journalists in Gao.");
  ASSERT_FALSE(doc.events.empty());
  std::string line;
  AppendEventJson(doc, doc.events[0], &line);
  EXPECT_EQ(nlohmann::json::parse(line), EventToJson(doc, doc.events[0]));
  for (const char* key : {"event_id", "doc_id", "sentence", "event", "mode", "context", "actor",
                          "recipient", "cameo", "quad", "score", "text", "spans", "pattern",
                          "confidence"}) {
    EXPECT_TRUE(EventToJson(doc, doc.events[0]).contains(key)) << key;
  }
  // Documented field order: the id first.
  EXPECT_EQ(line.rfind("{\"event_id\":", 0), 0u);
}

}  // namespace
}  // namespace griot::testing
