// The store's behaviour on both engines, through the Store interface only:
// every test runs on SQLite (a temporary file) and on PostgreSQL (a fresh
// database on the test server, tests/pg_support.h), and EnginesAgree checks
// that the same writes read back as the same values, column by column.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "griot/store/store.h"
#include "pg_support.h"
#include "test_support.h"

namespace griot::testing {
namespace {

namespace fs = std::filesystem;

struct Place {
  std::string name, country, admin1;
  double lat, lon;
};

StoredEvent MakeEvent(const std::string& doc_id, int n, const std::string& type,
                      const std::string& actor_code, const std::string& day, const Place& place) {
  StoredEvent e;
  e.event_id = doc_id + "-" + std::to_string(n);
  e.doc_id = doc_id;
  e.sentence = n;
  e.event = type;
  e.mode = "";
  e.context = {"military"};
  e.actor = {{"soldiers", actor_code, "MIL", "", false, ""}};
  e.recipient = {{"villagers", "", "CVL", "", false, ""}};
  e.cameo = "190";
  e.quad = 4;
  e.score = -9.5;
  e.text = "Soldiers attacked villagers near " + place.name + " (report " + doc_id + ").";
  e.spans = "{\"actor\":[0,8]}";
  e.pattern = "ASSAULT:attack";
  e.confidence = 0.8125;
  e.report_date = day;
  e.event_date = day;
  e.date_granularity = "day";
  if (!place.name.empty()) {
    e.location = {place.name, place.country, place.admin1, place.lat, place.lon, "place", 0, "named"};
  }
  e.counts = "{}";
  e.aux = "[]";
  FillAnalysisDates(&e);
  return e;
}

StoredDocument MakeDocument(const std::string& id, const std::string& date, const std::string& source,
                            uint64_t line, const std::string& hash = "h1") {
  StoredDocument d;
  d.id = id;
  d.title = "Title of " + id;
  d.date = date;
  d.source = source;
  d.input = "in.jsonl";
  d.line = line;
  d.sentences = 2;
  d.content_hash = hash;
  return d;
}

RecordOutcome Coded(const std::string& id, uint64_t line) {
  return {"in.jsonl", line, line * 100, id, "coded", "", ""};
}

const Place kGao{"Gao", "MLI", "Gao", 16.2666, -0.0400};
const Place kNearGao{"Gao East", "MLI", "Gao", 16.2666, 0.0070};    // ~5.4 km east
const Place kMopti{"Mopti", "MLI", "Mopti", 14.4843, -4.1827};      // ~480 km

// Every cell typed, so 1, 1.0 and "1" differ.
std::string Typed(const SqlValue& v) {
  if (std::holds_alternative<std::monostate>(v)) return "NULL";
  if (const auto* n = std::get_if<int64_t>(&v)) return "i:" + std::to_string(*n);
  if (const auto* d = std::get_if<double>(&v)) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "r:%.17g", *d);
    return buf;
  }
  return "t:" + std::get<std::string>(v);
}

std::vector<std::string> Rows(Store& store, const std::string& sql, std::vector<SqlValue> params = {}) {
  std::vector<std::string> rows;
  Status st = store.Select({sql, std::move(params)}, [&](const SqlRow& row) {
    std::string line;
    for (const SqlValue& v : row) line += Typed(v) + "|";
    rows.push_back(line);
    return true;
  });
  EXPECT_TRUE(st.ok()) << st.message();
  return rows;
}

int64_t Count(Store& store, const std::string& sql) {
  int64_t n = -1;
  Status st = store.Select({sql, {}}, [&](const SqlRow& r) {
    n = SqlValueInt(r[0]);
    return true;
  });
  EXPECT_TRUE(st.ok()) << st.message();
  return n;
}

// A store target of each engine, removed at the end.
class Target {
 public:
  explicit Target(const std::string& engine) : engine_(engine) {
    if (engine == "postgresql") {
      server_ = PgTestUrl();
      if (server_.empty()) return;
      pg_ = std::make_unique<PgTestDatabase>(server_);
      target_ = pg_->url();
    } else {
      static int counter = 0;
      path_ = fs::temp_directory_path() /
              ("griot-engines-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".db");
      target_ = path_.string();
    }
  }
  ~Target() {
    if (!path_.empty()) {
      for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path_.string() + suffix);
    }
  }
  bool available() const { return engine_ != "postgresql" || !server_.empty(); }
  std::string error() const { return pg_ ? pg_->error() : ""; }
  const std::string& target() const { return target_; }
  std::unique_ptr<Store> Open(Store::Access access = Store::Access::kReadWrite) const {
    Result<std::unique_ptr<Store>> s = Store::Open(target_, access);
    EXPECT_TRUE(s.ok()) << s.status().message();
    return s.ok() ? std::move(*s) : nullptr;
  }

 private:
  std::string engine_, server_, target_;
  fs::path path_;
  std::unique_ptr<PgTestDatabase> pg_;
};

class StoreEnginesTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    target_ = std::make_unique<Target>(GetParam());
    if (!target_->available()) GRIOT_PG_OR_SKIP(std::string());
    ASSERT_EQ(target_->error(), "");
  }
  std::unique_ptr<Store> Open(Store::Access access = Store::Access::kReadWrite) {
    return target_->Open(access);
  }
  // Three reports: two of the same attack near Gao a day apart, one far away.
  void WriteThreeReports(Store& s) {
    ASSERT_TRUE(s.WriteDocument(MakeDocument("a", "2024-05-10", "Agency A", 1),
                                {MakeEvent("a", 0, "ASSAULT", "MLI", "2024-05-10", kGao)}).ok());
    ASSERT_TRUE(s.Account(Coded("a", 1)).ok());
    ASSERT_TRUE(s.WriteDocument(MakeDocument("b", "2024-05-11", "Paper B", 2),
                                {MakeEvent("b", 0, "ASSAULT", "MLI", "2024-05-11", kNearGao)}).ok());
    ASSERT_TRUE(s.Account(Coded("b", 2)).ok());
    ASSERT_TRUE(s.WriteDocument(MakeDocument("c", "2024-05-11", "Radio C", 3),
                                {MakeEvent("c", 0, "ASSAULT", "MLI", "2024-05-11", kMopti)}).ok());
    ASSERT_TRUE(s.Account(Coded("c", 3)).ok());
    ASSERT_TRUE(s.Finish(RunSummary()).ok());
  }
  std::unique_ptr<Target> target_;
};

INSTANTIATE_TEST_SUITE_P(Engines, StoreEnginesTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

TEST_P(StoreEnginesTest, WritesAndReadsBack) {
  auto s = Open();
  ASSERT_TRUE(s);
  EXPECT_EQ(s->Engine(), GetParam());
  WriteThreeReports(*s);
  EXPECT_EQ(Count(*s, "SELECT COUNT(*) FROM documents"), 3);
  EXPECT_EQ(Count(*s, "SELECT COUNT(*) FROM events"), 3);
  EXPECT_EQ(Count(*s, "SELECT COUNT(*) FROM participants"), 6);
  EXPECT_EQ(Count(*s, "SELECT COUNT(*) FROM entities"), 2);
  EXPECT_EQ(Count(*s, "SELECT COUNT(*) FROM locations"), 3);
  EXPECT_EQ(Count(*s, "SELECT COUNT(*) FROM runs"), 1);
  EXPECT_EQ(Rows(*s, "SELECT event_id, actor_key, recipient_key, day, week, month, lat FROM events "
                     "WHERE doc_id = ? AND sentence = ?", {std::string("a"), int64_t{0}}),
            std::vector<std::string>{"t:a-0|t:MLI MIL|t:CVL|t:2024-05-10|t:2024-05-06|t:2024-05|r:16.2666|"});
  // Full-text search: every word, any case.
  for (bool common : {false, true}) {
    std::string sql = "SELECT e.event_id FROM events e WHERE " + s->TextMatchSql(common) + " ORDER BY e.event_id";
    EXPECT_EQ(Rows(*s, sql, {s->TextMatchParam("SOLDIERS gao")}),
              (std::vector<std::string>{"t:a-0|", "t:b-0|"}));
    EXPECT_EQ(Rows(*s, sql, {s->TextMatchParam("soldiers timbuktu")}), std::vector<std::string>{});
  }
  // Engines that plan by the number of matches count them (SQLite); the
  // others always say "not many".
  Result<bool> two = s->TextMatchesAtLeast(s->TextMatchParam("soldiers gao"), 2);
  Result<bool> three = s->TextMatchesAtLeast(s->TextMatchParam("soldiers gao"), 3);
  ASSERT_TRUE(two.ok() && three.ok());
  EXPECT_EQ(*two, std::string(s->Engine()) == "sqlite");
  EXPECT_FALSE(*three);
  // A `?` inside a literal is not a placeholder.
  EXPECT_EQ(Rows(*s, "SELECT 'why?', event_id FROM events WHERE doc_id = ?", {std::string("c")}),
            std::vector<std::string>{"t:why?|t:c-0|"});
}

TEST_P(StoreEnginesTest, DeduplicateLinksNearbyReportsOnly) {
  auto s = Open();
  ASSERT_TRUE(s);
  WriteThreeReports(*s);
  EXPECT_EQ(Rows(*s, "SELECT event_id, is_canonical, mentions, articles, sources, first_reported, "
                     "last_reported FROM events ORDER BY event_id"),
            (std::vector<std::string>{"t:a-0|i:1|i:2|i:2|i:2|t:2024-05-10|t:2024-05-11|",
                                      "t:b-0|i:0|NULL|NULL|NULL|NULL|NULL|",
                                      "t:c-0|i:1|i:1|i:1|i:1|t:2024-05-11|t:2024-05-11|"}));
  EXPECT_EQ(Rows(*s, "SELECT mention_id, event_id, doc_id, source, reported FROM mentions ORDER BY mention_id"),
            (std::vector<std::string>{"t:a-0|t:a-0|t:a|t:Agency A|t:2024-05-10|",
                                      "t:b-0|t:a-0|t:b|t:Paper B|t:2024-05-11|",
                                      "t:c-0|t:c-0|t:c|t:Radio C|t:2024-05-11|"}));
}

TEST_P(StoreEnginesTest, ReplacingADocumentReplacesItsEventsAndRelinksItsGroup) {
  {
    auto s = Open();
    ASSERT_TRUE(s);
    WriteThreeReports(*s);
  }
  std::string all = "SELECT * FROM events ORDER BY event_id";
  std::string mentions = "SELECT * FROM mentions ORDER BY mention_id";
  auto s = Open();
  ASSERT_TRUE(s);
  std::vector<std::string> events_before = Rows(*s, all), mentions_before = Rows(*s, mentions);
  // Document a re-coded with one more event: its old event goes, the group
  // it led is dissolved and linked again.
  ASSERT_TRUE(s->WriteDocument(MakeDocument("a", "2024-05-10", "Agency A", 1, "h2"),
                               {MakeEvent("a", 0, "ASSAULT", "MLI", "2024-05-10", kGao),
                                MakeEvent("a", 1, "PROTEST", "SEN", "2024-05-10", Place{})}).ok());
  ASSERT_TRUE(s->Account(Coded("a", 1)).ok());
  ASSERT_TRUE(s->Finish(RunSummary()).ok());
  EXPECT_EQ(Count(*s, "SELECT COUNT(*) FROM events WHERE doc_id = 'a'"), 2);
  EXPECT_EQ(Count(*s, "SELECT COUNT(*) FROM participants"), 8);
  EXPECT_EQ(Count(*s, "SELECT COUNT(*) FROM documents WHERE content_hash = 'h2'"), 1);
  EXPECT_EQ(Rows(*s, "SELECT event_id, is_canonical, mentions, articles FROM events ORDER BY event_id"),
            (std::vector<std::string>{"t:a-0|i:1|i:2|i:2|", "t:a-1|i:1|i:1|i:1|", "t:b-0|i:0|NULL|NULL|",
                                      "t:c-0|i:1|i:1|i:1|"}));
  // Re-writing it as it was restores the same rows.
  ASSERT_TRUE(s->WriteDocument(MakeDocument("a", "2024-05-10", "Agency A", 1),
                               {MakeEvent("a", 0, "ASSAULT", "MLI", "2024-05-10", kGao)}).ok());
  ASSERT_TRUE(s->Finish(RunSummary()).ok());
  EXPECT_EQ(Rows(*s, all), events_before);
  EXPECT_EQ(Rows(*s, mentions), mentions_before);
}

TEST_P(StoreEnginesTest, FirstOutcomeOfARecordStands) {
  auto s = Open();
  ASSERT_TRUE(s);
  ASSERT_TRUE(s->Account({"in.jsonl", 7, 0, "x", "skipped", "empty text", "in.jsonl:7: empty"}).ok());
  ASSERT_TRUE(s->Account({"in.jsonl", 7, 0, "x", "coded", "", ""}).ok());  // same batch
  ASSERT_TRUE(s->Finish(RunSummary()).ok());
  ASSERT_TRUE(s->Account({"in.jsonl", 7, 0, "x", "failed", "boom", ""}).ok());  // later batch
  ASSERT_TRUE(s->Finish(RunSummary()).ok());
  EXPECT_EQ(Rows(*s, "SELECT input, line, outcome, reason FROM records"),
            std::vector<std::string>{"t:in.jsonl|i:7|t:skipped|t:empty text|"});
}

TEST_P(StoreEnginesTest, HasDocumentAndOutcomeSeeTheUnflushedBatch) {
  auto s = Open();
  ASSERT_TRUE(s);
  ASSERT_TRUE(s->WriteDocument(MakeDocument("a", "2024-05-10", "A", 1), {}).ok());
  ASSERT_TRUE(s->Account(Coded("a", 1)).ok());
  EXPECT_TRUE(s->HasDocument("a", "h1"));
  EXPECT_FALSE(s->HasDocument("a", "other hash"));
  EXPECT_FALSE(s->HasDocument("b", "h1"));
  EXPECT_TRUE(s->HasOutcome("in.jsonl", 1));
  EXPECT_FALSE(s->HasOutcome("in.jsonl", 2));
  EXPECT_FALSE(s->HasOutcome("other.jsonl", 1));
  ASSERT_TRUE(s->Finish(RunSummary()).ok());
  s.reset();
  s = Open();
  ASSERT_TRUE(s);
  EXPECT_TRUE(s->HasDocument("a", "h1"));
  EXPECT_TRUE(s->HasOutcome("in.jsonl", 1));
  // A newer version in the batch hides the stored one.
  ASSERT_TRUE(s->WriteDocument(MakeDocument("a", "2024-05-10", "A", 1, "h2"), {}).ok());
  EXPECT_FALSE(s->HasDocument("a", "h1"));
  EXPECT_TRUE(s->HasDocument("a", "h2"));
}

TEST_P(StoreEnginesTest, ReRunningTheSameWritesAddsNothingTwice) {
  std::vector<std::string> first;
  const char* tables[] = {"SELECT * FROM documents ORDER BY id", "SELECT * FROM events ORDER BY event_id",
                          "SELECT * FROM participants ORDER BY event_id, role, position",
                          "SELECT * FROM entities ORDER BY entity_id",
                          "SELECT * FROM locations ORDER BY location_id",
                          "SELECT * FROM mentions ORDER BY mention_id",
                          "SELECT * FROM records ORDER BY input, line"};
  for (int run = 0; run < 2; ++run) {
    auto s = Open();
    ASSERT_TRUE(s);
    WriteThreeReports(*s);
    std::vector<std::string> all;
    for (const char* sql : tables) {
      for (std::string& r : Rows(*s, sql)) all.push_back(std::move(r));
    }
    if (run == 0) first = all;
    else EXPECT_EQ(all, first);
    EXPECT_EQ(Count(*s, "SELECT COUNT(*) FROM runs"), run + 1);
  }
}

TEST_P(StoreEnginesTest, ReadOnlyRefusesWrites) {
  // Nothing to open yet.
  EXPECT_FALSE(Store::Open(target_->target(), Store::Access::kReadOnly).ok());
  {
    auto s = Open();
    ASSERT_TRUE(s);
    WriteThreeReports(*s);
  }
  auto s = Open(Store::Access::kReadOnly);
  ASSERT_TRUE(s);
  EXPECT_EQ(Count(*s, "SELECT COUNT(*) FROM events"), 3);
  Status write = s->WriteDocument(MakeDocument("z", "", "", 9), {});
  Status account = s->Account(Coded("z", 9));
  Status finish = s->Finish(RunSummary());
  EXPECT_FALSE(write.ok() && account.ok() && finish.ok());
  EXPECT_FALSE(s->Select({"DELETE FROM events", {}}, [](const SqlRow&) { return true; }).ok());
  s.reset();
  EXPECT_EQ(Count(*Open(), "SELECT COUNT(*) FROM documents WHERE id = 'z'"), 0);
}

TEST_P(StoreEnginesTest, StoppingASelectEarlyLeavesTheStoreUsable) {
  auto s = Open();
  ASSERT_TRUE(s);
  int seen = 0;
  ASSERT_TRUE(s->Select({"SELECT * FROM generate_series(1, 200000)", {}}, [&](const SqlRow&) {
                 return ++seen < 3;
               }).ok() || GetParam() == "sqlite");  // SQLite has no generate_series table here
  WriteThreeReports(*s);
  EXPECT_EQ(Count(*s, "SELECT COUNT(*) FROM events"), 3);
}

TEST(PgStoreTest, UnreachableServerIsAClearErrorWithoutThePassword) {
  Result<std::unique_ptr<Store>> s = Store::Open("postgresql://griot:s3cret@127.0.0.1:1/events");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("postgresql://griot:***@127.0.0.1:1/events"), std::string::npos)
      << s.status().message();
  EXPECT_NE(s.status().message().find("cannot connect"), std::string::npos) << s.status().message();
  EXPECT_EQ(s.status().message().find("s3cret"), std::string::npos);
}

}  // namespace
}  // namespace griot::testing
