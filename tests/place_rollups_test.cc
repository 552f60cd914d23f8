// Differential tests of the time-less rollups behind /api/places and
// /api/actors (store/place_rollups.h): on both engines, every request the
// rollups answer gives the same JSON as the events table, after a first
// load, after a second load that relinks and replaces events, and on a
// store migrated from before the rollups.
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "griot/serve/api_internal.h"
#include "griot/store/place_rollups.h"
#include "pg_support.h"
#include "store_world.h"
#include "test_support.h"

namespace griot::testing {
namespace {

namespace fs = std::filesystem;

struct Ask {
  const char* endpoint;  // "places" or "actors"
  ApiParams params;
};

// Filters the rollups hold, alone and together.
const std::vector<Ask>& Asks() {
  static const std::vector<Ask> asks = {
      {"places", {}},
      {"places", {{"country", "MLI"}}},
      {"places", {{"country", "MLI,BFA"}, {"type", "ASSAULT"}}},
      {"places", {{"quad", "4"}}},
      {"places", {{"admin1", "Gao"}}},
      {"places", {{"bbox", "-6,10,4,20"}}},
      {"places", {{"near", "16.27,-0.04,100"}, {"type", "ASSAULT"}}},
      {"places", {{"limit", "1"}}},
      {"actors", {}},
      {"actors", {{"country", "MLI"}}},
      {"actors", {{"type", "AGREE"}}},
      {"actors", {{"quad", "4"}, {"admin1", "Bamako"}}},
      {"actors", {{"limit", "2"}}},
  };
  return asks;
}

std::string Answer(Store& store, const Ask& a, bool use_rollups) {
  Result<api::Request> r = api::ParseRequest(a.params, true, {"limit"});
  EXPECT_TRUE(r.ok()) << r.status().message();
  if (!r.ok()) return "";
  r->use_rollups = use_rollups;
  Result<api::Json> j = std::string(a.endpoint) == "places" ? api::Places(store, *r) : api::Actors(store, *r);
  EXPECT_TRUE(j.ok()) << j.status().message();
  return j.ok() ? j->dump() : "";
}

// Every answer from the rollups equals the one from the events table;
// returns them.
std::vector<std::string> ExpectRollupsAgree(Store& store, const std::string& when) {
  Result<bool> current = PlaceRollupsCurrent(store);
  EXPECT_TRUE(current.ok() && *current) << when << ": rollups not current";
  std::vector<std::string> answers;
  for (const Ask& a : Asks()) {
    std::string slow = Answer(store, a, false);
    EXPECT_EQ(Answer(store, a, true), slow) << when << ": " << a.endpoint << " " << ::testing::PrintToString(a.params);
    answers.push_back(slow);
  }
  return answers;
}

Status WriteDocs(Store& store, const std::vector<WorldDocument>& docs, const std::vector<WorldEvent>& events,
                 uint64_t line) {
  for (const WorldDocument& d : docs) {
    StoredDocument doc;
    doc.id = d.id;
    doc.date = d.date;
    doc.source = d.source;
    doc.title = d.title;
    doc.input = "second.jsonl";
    doc.line = ++line;
    doc.content_hash = std::string(32, 'k' + static_cast<char>(line % 10));
    std::vector<StoredEvent> stored;
    for (const WorldEvent& w : events) {
      if (std::string(w.doc) == d.id) stored.push_back(WorldStoredEvent(w, d));
    }
    doc.events = static_cast<int64_t>(stored.size());
    GRIOT_RETURN_IF_ERROR(store.WriteDocument(doc, stored));
    RecordOutcome o{doc.input, doc.line, 0, doc.id, "coded", "", ""};
    GRIOT_RETURN_IF_ERROR(store.Account(o));
  }
  return store.Finish(RunSummary());
}

class PlaceRollupsTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgresql") {
      std::string server = PgTestUrl();
      GRIOT_PG_OR_SKIP(server);
      pg_ = std::make_unique<PgTestDatabase>(server);
      ASSERT_EQ(pg_->error(), "");
      target_ = pg_->url();
    } else {
      static int counter = 0;
      path_ = fs::temp_directory_path() /
              ("griot-place-rollups-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".db");
      for (const char* s : {"", "-wal", "-shm"}) fs::remove(path_.string() + s);
      target_ = path_.string();
    }
  }
  void TearDown() override {
    if (!path_.empty()) {
      for (const char* s : {"", "-wal", "-shm"}) fs::remove(path_.string() + s);
    }
  }
  std::unique_ptr<Store> Open(Store::Access access = Store::Access::kReadWrite) {
    Result<std::unique_ptr<Store>> s = Store::Open(target_, access);
    EXPECT_TRUE(s.ok()) << s.status().message();
    return s.ok() ? std::move(*s) : nullptr;
  }
  std::string target_;
  fs::path path_;
  std::unique_ptr<PgTestDatabase> pg_;
};

INSTANTIATE_TEST_SUITE_P(Engines, PlaceRollupsTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

TEST_P(PlaceRollupsTest, SameAnswersAsTheEventsAfterAFirstLoad) {
  auto s = Open();
  ASSERT_TRUE(s);
  ASSERT_TRUE(WriteWorld(*s).ok());
  std::vector<std::string> answers = ExpectRollupsAgree(*s, "first load");
  // The answers are about the world: Gao's two reports make one event.
  EXPECT_NE(answers[0].find("\"name\":\"Gao\""), std::string::npos) << answers[0];
  EXPECT_NE(answers[8].find("\"name\":\"Assimi Goita\""), std::string::npos) << answers[8];
}

TEST_P(PlaceRollupsTest, SameAnswersAfterASecondLoadThatRelinksAndReplaces) {
  auto s = Open();
  ASSERT_TRUE(s);
  ASSERT_TRUE(WriteWorld(*s).ok());
  std::vector<std::string> before = ExpectRollupsAgree(*s, "first load");
  // A third report of the Gao attack (relinks its group), a new event on a
  // day already loaded in another country, and d4 re-coded: its Bamako
  // protest (MLI) becomes an attack in Djibo (BFA), so Bamako loses it.
  const std::vector<WorldDocument> docs = {
      {"d9", "2025-03-10", "Gao Radio", "Gunfire at Gao"},
      {"d10", "2025-03-12", "Dakar Post", "Dakar march"},
      {"d4", "2025-03-12", "Bamako Voice", "Attack in Djibo"},
  };
  const std::vector<WorldEvent> events = {
      {"d9-0-0", "d9", "ASSAULT", "firearms", "MLI MIL||soldiers", "MLI CVL||villagers", "2025-03-09",
       "Gao|MLI|Gao|place|16.27|-0.04", "Soldiers fired on villagers near Gao.", 4},
      {"d10-0-0", "d10", "PROTEST", "demo", "SEN CVL|Dakar marchers|Protesters", "SEN GOV||the government",
       "2025-03-12", "Dakar|SEN|Dakar|place|14.69|-17.44", "Protesters marched in Dakar.", 3},
      {"d4-0-0", "d4", "ASSAULT", "explosives", "BFA REB|JNIM|JNIM fighters", "BFA CVL||villagers",
       "2025-03-12", "Djibo|BFA|Sahel|place|14.10|-1.63", "JNIM fighters attacked villagers near Djibo.", 4},
  };
  ASSERT_TRUE(WriteDocs(*s, docs, events, 100).ok());
  std::vector<std::string> after = ExpectRollupsAgree(*s, "second load");
  EXPECT_NE(after, before);
  EXPECT_NE(after[0].find("\"name\":\"Dakar\""), std::string::npos) << after[0];
  EXPECT_EQ(after[4].find("Bamako"), std::string::npos);  // admin1=Gao
}

TEST_P(PlaceRollupsTest, StoreFromBeforeTheRollupsFallsBackThenMigrates) {
  std::vector<std::string> expected;
  {
    auto s = Open();
    ASSERT_TRUE(s);
    ASSERT_TRUE(WriteWorld(*s).ok());
    expected = ExpectRollupsAgree(*s, "first load");
    // As a store written before the rollups existed.
    for (const char* sql : {"DROP TABLE location_counts", "DROP TABLE actor_counts", "DROP TABLE name_counts",
                            "DROP TABLE place_rollup_pending", "DELETE FROM meta WHERE key = 'place_rollups'"}) {
      Status st = s->Select({sql, {}}, [](const SqlRow&) { return true; });
      ASSERT_TRUE(st.ok()) << sql << ": " << st.message();
    }
  }
  {
    // The read-only server answers from the events table.
    auto s = Open(Store::Access::kReadOnly);
    ASSERT_TRUE(s);
    Result<bool> current = PlaceRollupsCurrent(*s);
    ASSERT_TRUE(current.ok()) << current.status().message();
    EXPECT_FALSE(*current);
    for (size_t i = 0; i < Asks().size(); ++i) EXPECT_EQ(Answer(*s, Asks()[i], true), expected[i]);
  }
  // A read-write open fills the tables.
  auto s = Open();
  ASSERT_TRUE(s);
  EXPECT_EQ(ExpectRollupsAgree(*s, "migrated"), expected);
}

}  // namespace
}  // namespace griot::testing
