// The SQLite store end to end: duplicate linking, queries, output formats,
// migration from schema 3. (tests/store_engines_test.cc runs the engine
// contract on SQLite and PostgreSQL; store_diff_test.cc compares them.)
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdio>
#include <filesystem>

#include "griot/query/aggregate.h"
#include "griot/query/event_reader.h"
#include "griot/store/dedup.h"
#include "store_world.h"
#include "test_support.h"

namespace griot {
namespace {

using testing::WriteWorld;
using IdList = std::vector<std::string>;

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = ::testing::TempDir() + "store_test_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db";
    std::filesystem::remove(path_);
    auto s = Store::Open(path_);
    ASSERT_TRUE(s.ok()) << s.status().message();
    store_ = std::move(*s);
    Status st = WriteWorld(*store_);
    ASSERT_TRUE(st.ok()) << st.message();
  }
  void TearDown() override {
    store_.reset();
    for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + ext);
  }
  ResultTable Query(QuerySpec spec) {
    auto t = RunQuery(*store_, spec);
    EXPECT_TRUE(t.ok()) << t.status().message();
    return t.ok() ? *t : ResultTable{};
  }
  std::vector<std::string> Ids(EventFilter f) {
    std::vector<std::string> ids;
    Status st = ReadEvents(*store_, f, {"id", 0, 0}, [&](const StoredEvent& e) {
      ids.push_back(e.event_id);
      return true;
    });
    EXPECT_TRUE(st.ok()) << st.message();
    return ids;
  }
  std::string path_;
  std::unique_ptr<Store> store_;
};

TEST_F(StoreTest, TwoReportsOfOneAttackAreLinked) {
  StoredEvent canonical;
  Status st = ReadEvents(*store_, EventFilter{}, {"id", 0, 0}, [&](const StoredEvent& e) {
    if (e.event_id == "d1-0-0") canonical = e;
    return true;
  });
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(canonical.mentions, 2);
  EXPECT_EQ(canonical.articles, 2);
  EXPECT_EQ(canonical.sources, 2);
  EXPECT_EQ(canonical.first_reported, "2025-03-10");
  EXPECT_EQ(canonical.last_reported, "2025-03-11");
  // Canonical events only, by default: d2's report and d8's are folded in.
  EXPECT_EQ(Ids({}), (IdList{"d1-0-0", "d3-0-0", "d4-0-0", "d5-0-0", "d6-0-0", "d7-0-0"}));
  EventFilter all;
  all.all_mentions = true;
  EXPECT_EQ(Ids(all).size(), 8u);
  std::string reason;
  st = store_->Select({"SELECT event_id, reason FROM mentions WHERE mention_id = ?", {"d2-0-0"}},
                      [&](const SqlRow& r) {
                        EXPECT_EQ(SqlValueText(r[0]), "d1-0-0");
                        reason = SqlValueText(r[1]);
                        return true;
                      });
  EXPECT_NE(reason.find("shared MLI MIL"), std::string::npos) << reason;
  EXPECT_NE(reason.find("km"), std::string::npos) << reason;
}

TEST_F(StoreTest, SymmetricAgreementsWithSwappedSidesAreOneEvent) {
  std::string canonical;
  ASSERT_TRUE(store_->Select({"SELECT event_id FROM mentions WHERE mention_id = 'd8-0-0'", {}},
                             [&](const SqlRow& r) {
                               canonical = SqlValueText(r[0]);
                               return true;
                             }).ok());
  EXPECT_EQ(canonical, "d7-0-0");
}

TEST(DedupRule, Table) {
  auto rec = [](const char* id, const char* doc, const char* day, bool own, const char* precision,
                double lat, double lon, std::vector<std::string> actors,
                std::vector<std::string> recipients) {
    DedupRecord r;
    r.event_id = id;
    r.doc_id = doc;
    r.event = "ASSAULT";
    r.day = day;
    r.own_date = own;
    r.country = "MLI";
    r.admin1 = "Gao";
    r.precision = precision;
    r.lat = lat;
    r.lon = lon;
    r.actors = std::move(actors);
    r.recipients = std::move(recipients);
    return r;
  };
  DedupRecord base = rec("a", "d1", "2025-03-09", true, "place", 16.27, -0.04, {"MLI MIL"}, {"MLI CVL"});
  struct Case {
    const char* what;
    DedupRecord other;
    bool same;
  } cases[] = {
      {"nearby, next day", rec("b", "d2", "2025-03-10", true, "place", 16.3, 0.05, {"MLI MIL"}, {}), true},
      {"same document", rec("b", "d1", "2025-03-09", true, "place", 16.27, -0.04, {"MLI MIL"}, {}), false},
      {"two own dates 2 days apart", rec("b", "d2", "2025-03-11", true, "place", 16.27, -0.04, {"MLI MIL"}, {}), false},
      {"report date 3 days later", rec("b", "d2", "2025-03-12", false, "place", 16.27, -0.04, {"MLI MIL"}, {}), true},
      {"40 km away", rec("b", "d2", "2025-03-09", true, "place", 16.63, -0.04, {"MLI MIL"}, {}), false},
      {"region of the place", rec("b", "d2", "2025-03-09", true, "admin1", 16.5, 0.5, {"MLI MIL"}, {}), true},
      {"country only", rec("b", "d2", "2025-03-09", true, "country", 12.65, -8, {"MLI MIL"}, {}), true},
      {"no place on one side", rec("b", "d2", "2025-03-09", true, "", 0, 0, {"MLI MIL"}, {"MLI CVL"}), false},
      {"no shared participant", rec("b", "d2", "2025-03-09", true, "place", 16.27, -0.04, {"MLI REB"}, {}), false},
      {"contradicting recipients", rec("b", "d2", "2025-03-09", true, "place", 16.27, -0.04, {"MLI MIL"}, {"MLI GOV"}), false},
      {"shared recipient, no actor", rec("b", "d2", "2025-03-09", true, "place", 16.27, -0.04, {}, {"MLI CVL"}), true},
  };
  for (const Case& c : cases) {
    double score = 0;
    EXPECT_EQ(!SameEvent(base, c.other, &score).empty(), c.same) << c.what;
  }
}

TEST_F(StoreTest, CountsByTypeAreOfDistinctEvents) {
  QuerySpec q;
  q.group_by = {"type"};
  ResultTable t = Query(q);
  ASSERT_EQ(t.columns, (std::vector<std::string>{"type", "events", "reports"}));
  ASSERT_EQ(t.rows.size(), 4u);
  EXPECT_EQ(SqlValueText(t.rows[0][0]), "ASSAULT");
  EXPECT_EQ(SqlValueInt(t.rows[0][1]), 3);  // d1+d2 are one attack
  EXPECT_EQ(SqlValueInt(t.rows[0][2]), 4);
  q.filter.all_mentions = true;
  t = Query(q);
  EXPECT_EQ(SqlValueInt(t.rows[0][1]), 4);
}

TEST_F(StoreTest, FiltersNarrow) {
  EventFilter f;
  f.countries = {"BFA"};
  EXPECT_EQ(Ids(f), (IdList{"d6-0-0"}));
  f = {};
  f.actors = {"MLI MIL"};
  EXPECT_EQ(Ids(f), (IdList{"d1-0-0", "d3-0-0"}));
  f.actors = {"MED"};  // a sector alone
  EXPECT_EQ(Ids(f), (IdList{"d5-0-0"}));
  f.actors = {"assimi goita"};  // a name, any case
  EXPECT_EQ(Ids(f), (IdList{"d5-0-0"}));
  f.actors = {"MLI GOV"};
  f.role = "recipient";
  EXPECT_EQ(Ids(f), (IdList{"d4-0-0", "d7-0-0"}));
  f = {};
  f.dyads = {"MLI CVL->MLI GOV"};
  EXPECT_EQ(Ids(f), (IdList{"d4-0-0"}));
  f = {};
  f.from = "2025-04-01";
  f.to = "2025-04-30";
  EXPECT_EQ(Ids(f), (IdList{"d5-0-0", "d6-0-0"}));
  f = {};
  f.text = "JUNTA marched";
  EXPECT_EQ(Ids(f), (IdList{"d4-0-0"}));
  f = {};
  f.near = std::vector<double>{16.27, -0.04, 50};  // Gao
  EXPECT_EQ(Ids(f), (IdList{"d1-0-0"}));
  f = {};
  f.bbox = std::vector<double>{-9, 12, -7, 13};  // around Bamako
  EXPECT_EQ(Ids(f), (IdList{"d4-0-0", "d5-0-0"}));
  f = {};
  f.types = {"PROTEST", "COERCE"};
  f.quads = {4};
  EXPECT_EQ(Ids(f), (IdList{"d5-0-0"}));
  f = {};
  f.contexts = {"political_institutions"};
  EXPECT_EQ(Ids(f).size(), 6u);
}

TEST_F(StoreTest, BadFilterValuesAreNamed) {
  QuerySpec q;
  q.filter.from = "2025-13-01";
  auto t = RunQuery(*store_, q);
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.status().message().find("--from: '2025-13-01'"), std::string::npos);
  q = {};
  q.group_by = {"colour"};
  t = RunQuery(*store_, q);
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.status().message().find("'colour'"), std::string::npos);
  q = {};
  q.filter.dyads = {"MLI MIL"};
  EXPECT_FALSE(RunQuery(*store_, q).ok());
  q = {};
  q.filter.near = std::vector<double>{16, 0};
  EXPECT_FALSE(RunQuery(*store_, q).ok());
}

TEST_F(StoreTest, TimeSeriesAndGroupings) {
  QuerySpec q;
  q.group_by = {"month", "type"};
  ResultTable t = Query(q);
  ASSERT_EQ(t.columns, (std::vector<std::string>{"month", "type", "events", "reports"}));
  std::string csv = FormatCsv(t);
  EXPECT_EQ(csv,
            "month,type,events,reports\r\n2025-03,ASSAULT,2,3\r\n2025-03,PROTEST,1,1\r\n"
            "2025-04,ASSAULT,1,1\r\n2025-04,COERCE,1,1\r\n2025-05,AGREE,1,2\r\n");
  q.group_by = {"week"};
  t = Query(q);
  ASSERT_FALSE(t.rows.empty());
  EXPECT_EQ(SqlValueText(t.rows[0][0]), "2025-03-03");  // the Monday of 2025-03-09's week
  q.group_by = {"admin1"};
  t = Query(q);
  EXPECT_EQ(t.columns[0], "country");
  EXPECT_EQ(t.columns[1], "admin1");
  q.group_by = {"dyad"};
  q.limit = 1;
  t = Query(q);
  ASSERT_EQ(t.rows.size(), 1u);
}

// The rollups answer the common aggregations; the events table must agree.
TEST_F(StoreTest, RollupsAgreeWithTheEvents) {
  std::vector<QuerySpec> specs(6);
  specs[0].group_by = {"type"};
  specs[1].group_by = {"month", "country"};
  specs[1].filter.from = "2025-03-01";
  specs[1].filter.to = "2025-04-30";
  specs[2].group_by = {"week", "admin1"};
  specs[3].group_by = {"day"};
  specs[3].filter.to = "2025-04-15";
  specs[4].group_by = {"year", "quad"};
  specs[4].filter.countries = {"MLI"};
  specs[5].group_by = {"country"};
  specs[5].filter.types = {"ASSAULT"};
  specs[5].filter.from = "2025-03-10";
  for (QuerySpec q : specs) {
    ResultTable fast = Query(q);
    q.use_rollup = false;
    ResultTable slow = Query(q);
    EXPECT_FALSE(slow.rows.empty());
    EXPECT_EQ(FormatCsv(fast), FormatCsv(slow)) << q.group_by[0];
  }
}

TEST_F(StoreTest, OutputFormats) {
  QuerySpec q;
  q.group_by = {"country"};
  ResultTable t = Query(q);
  std::string table = FormatTable(t);
  EXPECT_NE(table.find("country  events  reports\n"), std::string::npos) << table;
  EXPECT_NE(table.find("MLI           4        5\n"), std::string::npos) << table;
  std::string json = FormatJson(t);
  EXPECT_NE(json.find("\"events\": 4"), std::string::npos) << json;
  ResultTable tricky{{"text"}, {{std::string("a, \"b\"\nc")}}};
  EXPECT_EQ(FormatCsv(tricky), "text\r\n\"a, \"\"b\"\"\nc\"\r\n");
  EXPECT_FALSE(FormatResult(t, "xml").ok());
}

TEST_F(StoreTest, ReplacingADocumentRelinksItsGroup) {
  // d1 comes again with a new text and no event: d2's report of the Gao
  // attack is now the first report.
  StoredDocument doc;
  doc.id = "d1";
  doc.date = "2025-03-10";
  doc.content_hash = std::string(32, 'z');
  ASSERT_TRUE(store_->WriteDocument(doc, {}).ok());
  ASSERT_TRUE(store_->Finish(RunSummary{}).ok());
  EventFilter f;
  f.types = {"ASSAULT"};
  f.countries = {"MLI"};
  EXPECT_EQ(Ids(f), (IdList{"d2-0-0", "d3-0-0"}));
  int64_t mentions = -1;
  ASSERT_TRUE(store_->Select({"SELECT mentions FROM events WHERE event_id = 'd2-0-0'", {}},
                             [&](const SqlRow& r) {
                               mentions = SqlValueInt(r[0]);
                               return true;
                             }).ok());
  EXPECT_EQ(mentions, 1);
}

TEST_F(StoreTest, RebuildingLinksGivesTheSameGroups) {
  auto groups = [&] {
    std::vector<std::string> g;
    EXPECT_TRUE(store_->Select({"SELECT mention_id, event_id FROM mentions ORDER BY mention_id", {}},
                               [&](const SqlRow& r) {
                                 g.push_back(SqlValueText(r[0]) + ">" + SqlValueText(r[1]));
                                 return true;
                               }).ok());
    return g;
  };
  std::vector<std::string> before = groups();
  ASSERT_TRUE(store_->ClearLinks().ok());
  EXPECT_TRUE(groups().empty());
  int64_t linked = 0;
  ASSERT_TRUE(store_->Deduplicate(&linked).ok());
  EXPECT_EQ(linked, 8);
  EXPECT_EQ(groups(), before);
}

// A schema-3 database (issue 5) opens as schema 5 with its events usable.
TEST(StoreMigration, SchemaThreeIsMigrated) {
  std::string path = ::testing::TempDir() + "store_v3.db";
  std::filesystem::remove(path);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  std::string v3 = std::string(testing::kSchemaThreeTables) + R"sql(
CREATE INDEX events_type ON events(event, mode);
INSERT INTO documents VALUES ('a', 'T', '2025-02-03T10:00:00Z', '', 'S', 'x.jsonl', 1, 1, 1, 'h');
INSERT INTO events VALUES ('a-0-0', 'a', 0, 'PROTEST', 'demonstrate', '[]',
  '[{"code":"MLI","name":"","sector":"CVL","text":"Students"}]', '[]', 'MLI', '', '141', 3, -6.5,
  'Students protested in Gao.', '{}', 'p', 0.7, '2025-02-03', '2025-02-02', 'day',
  '{"admin1":"Gao","country":"MLI","geonames_id":2457163,"lat":16.27,"lon":-0.04,"name":"Gao","precision":"place","reason":"r"}',
  'MLI', 'Gao', 16.27, -0.04, '{}', '[]');
)sql";
  ASSERT_EQ(sqlite3_exec(db, v3.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  sqlite3_close(db);
  auto ontology = Ontology::Load(std::string(GRIOT_SOURCE_DIR) + "/kb/en/ontology.txt");
  ASSERT_TRUE(ontology.ok()) << ontology.status().message();
  {
    auto store = Store::Open(path, Store::Access::kReadWrite, &*ontology);
    ASSERT_TRUE(store.ok()) << store.status().message();
    ASSERT_TRUE((*store)->Deduplicate().ok());
  }
  auto store = Store::Open(path, Store::Access::kReadOnly);
  ASSERT_TRUE(store.ok()) << store.status().message();
  QuerySpec q;
  q.filter.actors = {"MLI CVL"};
  q.filter.text = "students";
  q.filter.near = std::vector<double>{16.27, -0.04, 5};
  q.group_by = {"week"};
  auto t = RunQuery(**store, q);
  ASSERT_TRUE(t.ok()) << t.status().message();
  ASSERT_EQ(t->rows.size(), 1u);
  EXPECT_EQ(SqlValueText(t->rows[0][0]), "2025-01-27");
  std::string version;
  ASSERT_TRUE((*store)->Select({"SELECT value FROM meta WHERE key = 'schema_version'", {}},
                               [&](const SqlRow& r) {
                                 version = SqlValueText(r[0]);
                                 return true;
                               }).ok());
  EXPECT_EQ(version, "5");
}

}  // namespace
}  // namespace griot
