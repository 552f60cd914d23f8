#include "griot/export/plover_export.h"

#include <gtest/gtest.h>

#include "griot/export/sample_event_for_test.h"

namespace griot {
namespace {

TEST(PloverExport, GoldenLine) {
  EXPECT_EQ(
      PloverLine(testing::SampleEvent()),
      R"({"id":"doc1-2-0","date":"2025-05-14","date_granularity":"day","event_type":"ASSAULT",)"
      R"("mode":"firearms","contexts":["military","terrorism"],"cameo":"190","quad":4,"score":-10.0,)"
      R"("actors":[{"name":"JNIM","code":"IMG","sector":"REB","text":"JNIM fighters"}],)"
      R"("recipients":[{"name":"","code":"MLI","sector":"MIL","text":"Malian soldiers"},)"
      R"({"name":"Wagner Group","code":"RUS","sector":"MIL","text":"Wagner fighters"}],)"
      R"("location":{"name":"Sévaré","country":"MLI","admin1":"Mopti","lat":14.5333,"lon":-4.0958,)"
      R"("geonames_id":2451185,"precision":"place"},)"
      R"("text":"Fighters attacked \"the camp\", near Mopti,\nkilling 12.",)"
      R"("doc":{"id":"doc1","title":"Attack near Mopti","url":"https://example.org/a1",)"
      R"("source":"example","report_date":"2025-05-15"},)"
      R"("counts":{"killed":[12,12]},"aux":[],"confidence":0.85,)"
      R"("mentions":3,"articles":3,"sources":2,"first_reported":"2025-05-15",)"
      R"("last_reported":"2025-05-16"})");
}

TEST(PloverExport, ParsesWithTheDocumentedFields) {
  nlohmann::json j = nlohmann::json::parse(PloverLine(testing::SampleEvent()));
  for (const char* field : {"id",           "date",       "date_granularity",
                            "event_type",   "mode",       "contexts",
                            "cameo",        "quad",       "score",
                            "actors",       "recipients", "location",
                            "text",         "doc",        "counts",
                            "aux",          "confidence", "mentions",
                            "articles",     "sources",    "first_reported",
                            "last_reported"}) {
    EXPECT_TRUE(j.contains(field)) << field;
  }
  EXPECT_EQ(j.size(), 22u);  // and no others
  for (const char* field : {"name", "code", "sector", "text"}) {
    EXPECT_TRUE(j["actors"][0].contains(field)) << field;
  }
  for (const char* field :
       {"name", "country", "admin1", "lat", "lon", "geonames_id", "precision"}) {
    EXPECT_TRUE(j["location"].contains(field)) << field;
  }
  for (const char* field : {"id", "title", "url", "source", "report_date"}) {
    EXPECT_TRUE(j["doc"].contains(field)) << field;
  }
  EXPECT_EQ(j["counts"]["killed"][0], 12);
}

TEST(PloverExport, MissingValues) {
  StoredEvent e;
  e.event_id = "x-0-0";
  e.counts = "not json";
  e.text = "bad \xff byte";
  nlohmann::json j = nlohmann::json::parse(PloverLine(e));
  EXPECT_TRUE(j["date"].is_null());
  EXPECT_TRUE(j["location"].is_null());
  EXPECT_TRUE(j["first_reported"].is_null());
  EXPECT_EQ(j["counts"], nlohmann::json::object());
  EXPECT_EQ(j["aux"], nlohmann::json::array());
  EXPECT_EQ(j["text"], "bad \xEF\xBF\xBD byte");
}

}  // namespace
}  // namespace griot
