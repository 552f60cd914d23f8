// The JSON API against a small SQLite world (tests/store_world.h): every
// endpoint, paging, filters, and the errors a dashboard user would see.
#include "griot/serve/api.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <nlohmann/json.hpp>

#include "store_world.h"

namespace griot {
namespace {

using nlohmann::json;

class ApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = ::testing::TempDir() + "griot_api_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db";
    Remove();
    {
      auto writer = Store::Open(path_);
      ASSERT_TRUE(writer.ok()) << writer.status().message();
      Status st = griot::testing::WriteWorld(**writer);
      ASSERT_TRUE(st.ok()) << st.message();
    }
    auto reader = Store::Open(path_, Store::Access::kReadOnly);
    ASSERT_TRUE(reader.ok()) << reader.status().message();
    store_ = std::move(*reader);
    auto ontology = Ontology::Load(std::string(GRIOT_SOURCE_DIR) + "/kb/en/ontology.txt");
    ASSERT_TRUE(ontology.ok()) << ontology.status().message();
    ontology_ = std::move(*ontology);
  }
  void TearDown() override {
    store_.reset();
    Remove();
  }
  void Remove() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path_ + suffix).c_str());
  }
  // The answer's JSON, checking its status.
  json Get(const std::string& path, const ApiParams& params = {}, int status = 200) {
    ApiResponse r = AnswerApi(*store_, *ontology_, path, params);
    EXPECT_EQ(r.status, status) << path << ": " << r.body;
    return json::parse(r.body);
  }
  std::vector<std::string> Ids(const json& answer) {
    std::vector<std::string> ids;
    for (const json& e : answer["events"]) ids.push_back(e["event_id"]);
    return ids;
  }

  std::string path_;
  std::unique_ptr<Store> store_;
  std::optional<Ontology> ontology_;
};

TEST_F(ApiTest, MetaSummarizesTheStore) {
  json m = Get("/api/meta");
  json all = Get("/api/events", {{"limit", "1000"}});
  EXPECT_EQ(m["events"], all["events"].size());
  EXPECT_LT(m["events"].get<int>(), 8);  // the two reports of the Gao attack are one event
  EXPECT_EQ(m["documents"], 8);
  EXPECT_EQ(m["first_day"], "2025-03-09");
  EXPECT_EQ(m["last_day"], "2025-05-04");
  // The ontology's types, all of them and only them: the dashboard filters
  // on CONCEDE, and on no DEMAND (a PLOVER 0.5 name).
  std::vector<std::string> types = m["types"];
  std::vector<std::string> want;
  for (const auto& [name, type] : ontology_->types()) want.push_back(name);
  EXPECT_EQ(types, want);
  EXPECT_EQ(types.size(), 16u);
  EXPECT_NE(std::find(types.begin(), types.end(), "CONCEDE"), types.end());
  EXPECT_EQ(std::find(types.begin(), types.end(), "DEMAND"), types.end());
  EXPECT_EQ(m["countries"][0]["code"], "MLI");
  EXPECT_EQ(m["countries"][1]["code"], "BFA");
  EXPECT_EQ(m["countries"][1]["events"], 1);
}

TEST_F(ApiTest, EventsAreListedNewestFirstWithSummaries) {
  json a = Get("/api/events");
  EXPECT_EQ(a["limit"], 100);
  EXPECT_EQ(a["offset"], 0);
  EXPECT_EQ(a["more"], false);
  ASSERT_GE(a["events"].size(), 5u);
  for (size_t i = 1; i < a["events"].size(); ++i) {
    EXPECT_GE(a["events"][i - 1]["day"].get<std::string>(), a["events"][i]["day"].get<std::string>());
  }
  json first = a["events"][0];
  EXPECT_EQ(first["type"], "AGREE");
  EXPECT_TRUE(first["lat"].is_null());  // an agreement without a place
  json djibo;
  for (const json& e : a["events"]) {
    if (e["event_id"] == "d6-0-0") djibo = e;
  }
  ASSERT_FALSE(djibo.is_null());
  EXPECT_EQ(djibo["actor"]["code"], "BFA");
  EXPECT_EQ(djibo["actor"]["sector"], "REB");
  EXPECT_EQ(djibo["actor"]["name"], "JNIM");
  EXPECT_EQ(djibo["recipient"]["sector"], "MIL");
  EXPECT_EQ(djibo["place"], "Djibo");
  EXPECT_EQ(djibo["country"], "BFA");
  EXPECT_DOUBLE_EQ(djibo["lat"].get<double>(), 14.10);
  EXPECT_EQ(djibo["title"], "Attack in Djibo");
  EXPECT_EQ(djibo["sentence"], "JNIM fighters ambushed an army convoy near Djibo, killing twelve soldiers.");
  EXPECT_EQ(djibo["quad"], 4);
  EXPECT_EQ(djibo["mentions"], 1);
}

TEST_F(ApiTest, PagesFollowEachOtherWithMore) {
  json all = Get("/api/events");
  std::vector<std::string> seen;
  for (int offset = 0;; offset += 2) {
    json page = Get("/api/events", {{"limit", "2"}, {"offset", std::to_string(offset)}});
    EXPECT_LE(page["events"].size(), 2u);
    for (const std::string& id : Ids(page)) seen.push_back(id);
    if (!page["more"]) break;
    ASSERT_LT(offset, 20);
  }
  EXPECT_EQ(seen, Ids(all));
}

TEST_F(ApiTest, FiltersNarrowTheList) {
  EXPECT_EQ(Ids(Get("/api/events", {{"country", "BFA"}})), std::vector<std::string>{"d6-0-0"});
  EXPECT_EQ(Ids(Get("/api/events", {{"text", "journalists"}})), std::vector<std::string>{"d5-0-0"});
  json assaults = Get("/api/events", {{"type", "ASSAULT"}, {"country", "MLI"}});
  for (const json& e : assaults["events"]) EXPECT_EQ(e["type"], "ASSAULT");
  EXPECT_EQ(assaults["events"].size(), 2u);  // Gao (two reports, one event) and Timbuktu
  EXPECT_EQ(Get("/api/events", {{"type", "ASSAULT"}, {"country", "MLI"}, {"all_mentions", "1"}})["events"].size(),
            3u);
  // Around Gao only.
  EXPECT_EQ(Ids(Get("/api/events", {{"bbox", "-1,15.5,1,17"}})), std::vector<std::string>{"d1-0-0"});
  EXPECT_EQ(Ids(Get("/api/events", {{"near", "12.65,-8.0,10"}, {"quad", "4"}})),
            std::vector<std::string>{"d5-0-0"});
  EXPECT_EQ(Ids(Get("/api/events", {{"from", "2025-04-01"}, {"to", "2025-04-30"}, {"order", "mentions"}})).size(),
            2u);
  EXPECT_EQ(Ids(Get("/api/events", {{"dyad", "BFA REB->BFA MIL"}})), std::vector<std::string>{"d6-0-0"});
  EXPECT_EQ(Ids(Get("/api/events", {{"actor", "Assimi Goita"}})), std::vector<std::string>{"d5-0-0"});
  EXPECT_TRUE(Get("/api/events", {{"country", "NER"}})["events"].empty());
}

TEST_F(ApiTest, EventDetailHasEverythingStored) {
  json e = Get("/api/events/d5-0-0");
  EXPECT_EQ(e["event_id"], "d5-0-0");
  EXPECT_EQ(e["actors"][0]["name"], "Assimi Goita");
  EXPECT_EQ(e["recipients"][0]["text"], "two journalists");
  EXPECT_TRUE(e["spans"].is_object());  // parsed, not a string
  EXPECT_EQ(e["spans"]["trigger"], json::array({0, 1}));
  EXPECT_TRUE(e["counts"].is_object());
  EXPECT_TRUE(e["aux"].is_array());
  EXPECT_EQ(e["context"], json::array({"political_institutions"}));
  EXPECT_EQ(e["location"]["name"], "Bamako");
  EXPECT_EQ(e["location"]["precision"], "place");
  EXPECT_EQ(e["url"], "https://news.example/d5");
  EXPECT_EQ(e["source"], "Bamako Voice");
  EXPECT_EQ(e["report_date"], "2025-04-02");
  EXPECT_EQ(e["date_granularity"], "unresolved");
  EXPECT_EQ(e["canonical_id"], "d5-0-0");
  EXPECT_TRUE(e["other_mentions"].empty());
}

TEST_F(ApiTest, EventDetailListsTheOtherReportsOfTheSameEvent) {
  json first = Get("/api/events/d1-0-0");
  ASSERT_EQ(first["other_mentions"].size(), 1u);
  EXPECT_EQ(first["other_mentions"][0]["event_id"], "d2-0-0");
  EXPECT_EQ(first["other_mentions"][0]["source"], "Niger River Post");
  EXPECT_EQ(first["mentions"], 2);
  EXPECT_EQ(first["sources"], 2);
  json second = Get("/api/events/d2-0-0");
  EXPECT_EQ(second["canonical_id"], "d1-0-0");
  ASSERT_EQ(second["other_mentions"].size(), 1u);
  EXPECT_EQ(second["other_mentions"][0]["event_id"], "d1-0-0");
}

TEST_F(ApiTest, UnknownEventsAndPathsAre404) {
  json e = Get("/api/events/no-such-event", {}, 404);
  EXPECT_EQ(e["error"]["status"], 404);
  EXPECT_NE(e["error"]["message"].get<std::string>().find("no-such-event"), std::string::npos);
  Get("/api/nothing", {}, 404);
  Get("/api", {}, 404);
  Get("/api/events/d1-0-0", {{"limit", "1"}}, 400);
}

TEST_F(ApiTest, AggregatesAreTheQueryTables) {
  json t = Get("/api/aggregates", {{"group_by", "type"}});
  EXPECT_EQ(t["columns"], json::array({"type", "events", "reports"}));
  ASSERT_FALSE(t["rows"].empty());
  EXPECT_EQ(t["rows"][0], json::array({"ASSAULT", 3, 4}));  // Gao counted once, reported twice
  EXPECT_EQ(t["more"], false);
  json months = Get("/api/aggregates", {{"group_by", "month,country"}, {"country", "MLI"}});
  EXPECT_EQ(months["columns"], json::array({"month", "country", "events", "reports"}));
  EXPECT_EQ(months["rows"][0][0], "2025-03");
  json dyads = Get("/api/aggregates", {{"group_by", "dyad"}, {"type", "ASSAULT"}});
  bool found = false;
  for (const json& row : dyads["rows"]) found = found || row[0] == "BFA REB->BFA MIL";
  EXPECT_TRUE(found) << dyads.dump();
  json limited = Get("/api/aggregates", {{"group_by", "type"}, {"limit", "1"}});
  EXPECT_EQ(limited["rows"].size(), 1u);
  EXPECT_EQ(limited["more"], true);
}

TEST_F(ApiTest, PlacesAreMarkersBiggestFirst) {
  json p = Get("/api/places");
  ASSERT_FALSE(p["places"].empty());
  json top = p["places"][0];
  EXPECT_EQ(top["name"], "Bamako");
  EXPECT_EQ(top["events"], 2);
  EXPECT_EQ(top["quads"], json::array({0, 0, 1, 1}));
  for (const json& place : p["places"]) EXPECT_NE(place["name"], "");  // agreements have no place
  EXPECT_EQ(Get("/api/places", {{"country", "BFA"}})["places"].size(), 1u);
  EXPECT_EQ(Get("/api/places", {{"limit", "1"}})["places"].size(), 1u);
}

TEST_F(ApiTest, ActorsCountBothRoles) {
  json a = Get("/api/actors");
  ASSERT_FALSE(a["actors"].empty());
  json by_key;
  for (const json& x : a["actors"]) by_key[x["key"].get<std::string>()] = x;
  EXPECT_EQ(a["actors"][0]["key"], "MLI GOV");  // protest target, arrests, pacts
  EXPECT_EQ(by_key["MLI GOV"]["name"], "Assimi Goita");
  EXPECT_EQ(by_key["MLI MIL"]["as_actor"], 2);
  EXPECT_EQ(by_key["MLI MIL"]["as_recipient"], 0);
  EXPECT_EQ(by_key["MLI MIL"]["code"], "MLI");
  EXPECT_EQ(by_key["MLI MIL"]["sector"], "MIL");
  EXPECT_EQ(by_key["BFA REB"]["events"], 1);
  EXPECT_EQ(Get("/api/actors", {{"limit", "2"}})["actors"].size(), 2u);
}

TEST_F(ApiTest, AlertsAnswerAList) {
  json a = Get("/api/alerts", {{"country", "MLI"}, {"period", "month"}});
  EXPECT_TRUE(a["alerts"].is_array());  // the tiny world is too short for a baseline
  Get("/api/alerts", {{"period", "year"}}, 400);
  Get("/api/alerts", {{"type", "ASSAULT"}}, 400);
}

TEST_F(ApiTest, BadParametersAre400NamingThem) {
  struct Case {
    ApiParams params;
    const char* message;
  };
  const Case cases[] = {
      {{{"from", "2025-13-01"}}, "from: 2025-13-01 is not a date (YYYY-MM-DD)"},
      {{{"to", "yesterday"}}, "to: yesterday is not a date"},
      {{{"limit", "5000"}}, "limit: '5000'"},
      {{{"limit", "-1"}}, "limit: '-1'"},
      {{{"offset", "x"}}, "offset: 'x'"},
      {{{"order", "random"}}, "order: 'random'"},
      {{{"quad", "9"}}, "quad: 9 is not a quad class"},
      {{{"bbox", "1,2,3"}}, "bbox: '1,2,3'"},
      {{{"bbox", "a,b,c,d"}}, "bbox: 'a' is not a number"},
      {{{"near", "12,-8,0"}}, "near: '12,-8,0'"},
      {{{"min_confidence", "2"}}, "min_confidence: '2'"},
      {{{"all_mentions", "yes"}}, "all_mentions: 'yes'"},
      {{{"role", "victim"}}, "role: 'victim'"},
      {{{"dyad", "MLI MIL"}}, "dyad: 'MLI MIL'"},
      {{{"country", "MLI,"}}, "country: empty value"},
      {{{"color", "red"}}, "color: unknown parameter"},
  };
  for (const Case& c : cases) {
    json e = Get("/api/events", c.params, 400);
    EXPECT_EQ(e["error"]["status"], 400);
    EXPECT_NE(e["error"]["message"].get<std::string>().find(c.message), std::string::npos)
        << e["error"]["message"] << " lacks " << c.message;
  }
  EXPECT_NE(Get("/api/aggregates", {{"group_by", "colour"}}, 400)["error"]["message"].get<std::string>().find(
                "group_by: 'colour'"),
            std::string::npos);
  Get("/api/aggregates", {}, 400);
  Get("/api/meta", {{"country", "MLI"}}, 400);
}

// Values reach SQL only as parameters: quotes are just text.
TEST_F(ApiTest, ParameterValuesNeverBecomeSql) {
  EXPECT_TRUE(Get("/api/events", {{"country", "MLI' OR '1'='1"}})["events"].empty());
  EXPECT_TRUE(Get("/api/events", {{"text", "\" OR 1=1 --"}})["events"].empty());
  Get("/api/events/x' OR '1'='1", {}, 404);
}

TEST_F(ApiTest, SlowQueriesStopWithStatus503) {
  ASSERT_TRUE(store_->SetQueryTimeout(20).ok());
  // Far more work than 20 ms: the progress handler interrupts it.
  Status st = store_->Select(
      {"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 2000000000) "
       "SELECT COUNT(*) FROM c",
       {}},
      [](const SqlRow&) { return true; });
  EXPECT_EQ(st.code(), StatusCode::kDeadlineExceeded) << st.message();
  EXPECT_EQ(HttpStatusOf(st), 503);
  // The connection still answers quick queries.
  EXPECT_EQ(AnswerApi(*store_, *ontology_, "/api/meta", {}).status, 200);
}

}  // namespace
}  // namespace griot
