// A store written with griot's older PLOVER names (schema 4: "COERCE
// detain", "CONSULT host", context "humanitarian", CONCEDE in quad 2) is
// renamed once by a read-write open with the ontology, on both engines:
// afterwards the new names find its events, no old name is left in any
// table, the rollups agree with the events, and a second open changes
// nothing. Read-only, or without the ontology, the open says what to run.
#include "griot/store/plover_names.h"

#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "griot/query/aggregate.h"
#include "griot/store/store.h"
#include "pg_support.h"
#include "test_support.h"

namespace griot::testing {
namespace {

const Ontology& CurrentNames() { return Kb().ontology(); }

struct OldEvent {
  const char* id;
  const char* type;
  const char* mode;
  std::vector<std::string> context;
  const char* actor;      // "MLI MIL"
  const char* recipient;  // "" for none
  int quad;               // as the older ontology had it
  const char* day;
  const char* cameo;
};

// Each event in its own document; d5 and d6 are two reports of one event
// under the older names (both COERCE, same actor, place and day), until
// d5's "destroy" moves to ASSAULT.
const std::vector<OldEvent>& OldEvents() {
  // clang-format off
  static const std::vector<OldEvent> events = {
      {"d1", "COERCE", "detain", {"repression", "media"}, "MLI MIL", "MLI MED", 4, "2025-03-03", "173"},
      {"d2", "CONSULT", "host", {"diplomatic"}, "EGY GOV", "SDN MIL", 1, "2025-03-04", "043"},
      {"d3", "COOPERATE", "military", {"military"}, "MLI MIL", "NER MIL", 2, "2025-03-05", "062"},
      {"d4", "AID", "humanitarian", {"humanitarian", "health"}, "FRA GOV", "MLI GOV", 2, "2025-03-06", "073"},
      {"d5", "COERCE", "destroy", {}, "MLI MIL", "MLI CVL", 4, "2025-03-10", "1711"},
      {"d6", "COERCE", "seize", {}, "MLI MIL", "MLI CVL", 4, "2025-03-10", "171"},
      {"d7", "CONCEDE", "", {}, "MLI GOV", "", 2, "2025-03-12", "080"},
      {"d8", "REQUEST", "", {}, "IGO IGO", "MLI GOV", 1, "2025-03-12", "020"},
      {"d9", "PROTEST", "demo-org", {"ethnic", "religious"}, "MLI CVL", "MLI GOV", 4, "2025-03-14", "141"},
      {"d10", "ASSAULT", "mass-killing", {"terrorism"}, "MLI REB", "MLI CVL", 4, "2025-03-15", "202"},
      {"d11", "SANCTION", "embargo", {}, "USA GOV", "MLI GOV", 4, "2025-03-16", "163"},
  };
  // clang-format on
  return events;
}

StoredArgument Argument(const std::string& key, const std::string& text) {
  StoredArgument a;
  size_t space = key.find(' ');
  a.code = key.substr(0, space);
  a.sector = key.substr(space + 1);
  a.text = text;
  return a;
}

// Writes the events as the older griot did, then marks the store schema 4.
Status WriteOldStore(const std::string& target) {
  {
    Result<std::unique_ptr<Store>> store = Store::Open(target);
    if (!store.ok()) return store.status();
    uint64_t line = 0;
    for (const OldEvent& o : OldEvents()) {
      StoredDocument doc;
      doc.id = o.id;
      doc.date = o.day;
      doc.source = "S";
      doc.input = "old.jsonl";
      doc.line = ++line;
      doc.events = 1;
      doc.content_hash = std::string(32, 'a' + static_cast<char>(line));
      StoredEvent e;
      e.event_id = std::string(o.id) + "-0-0";
      e.doc_id = o.id;
      e.event = o.type;
      e.mode = o.mode;
      e.context = o.context;
      e.actor = {Argument(o.actor, "the actor")};
      if (*o.recipient) e.recipient = {Argument(o.recipient, "the recipient")};
      e.cameo = o.cameo;
      e.quad = o.quad;
      e.score = o.quad >= 3 ? -5 : 5;
      e.text = "The actor did something to the recipient.";
      e.spans = *o.recipient ? "{\"actor\":[[0,9]],\"recipient\":[[29,42]],\"trigger\":[10,22]}"
                             : "{\"actor\":[[0,9]],\"recipient\":[],\"trigger\":[10,22]}";
      e.pattern = "patterns/old.txt:1 verb do";
      e.confidence = 0.8;
      e.report_date = o.day;
      e.event_date = o.day;
      e.date_granularity = "day";
      e.location = {"Gao", "MLI", "Gao", 16.27, -0.04, "place", 2457163, "named"};
      e.counts = "{}";
      e.aux = "[]";
      FillAnalysisDates(&e);
      GRIOT_RETURN_IF_ERROR((*store)->WriteDocument(doc, {e}));
      RecordOutcome outcome;
      outcome.input = doc.input;
      outcome.line = doc.line;
      outcome.id = doc.id;
      outcome.outcome = "coded";
      GRIOT_RETURN_IF_ERROR((*store)->Account(outcome));
    }
    RunSummary s;
    s.documents_read = s.documents_coded = OldEvents().size();
    GRIOT_RETURN_IF_ERROR((*store)->Finish(s));
    GRIOT_RETURN_IF_ERROR(
        (*store)->Select({"UPDATE meta SET value = '4' WHERE key = 'schema_version'", {}},
                         [](const SqlRow&) { return true; }));
  }
  return Status::Ok();
}

int64_t CountOf(Store& store, const std::string& sql, const std::vector<SqlValue>& params = {}) {
  int64_t n = -1;
  Status st = store.Select({sql, params}, [&](const SqlRow& r) {
    n = SqlValueInt(r[0]);
    return false;
  });
  EXPECT_TRUE(st.ok()) << sql << ": " << st.message();
  return n;
}

// Rows as text, for comparing whole tables.
std::vector<std::string> Rows(Store& store, const std::string& sql) {
  std::vector<std::string> out;
  Status st = store.Select({sql, {}}, [&](const SqlRow& r) {
    std::string line;
    for (const SqlValue& v : r) line += SqlValueText(v) + "|";
    out.push_back(line);
    return true;
  });
  EXPECT_TRUE(st.ok()) << sql << ": " << st.message();
  return out;
}

std::vector<std::string> EventIds(Store& store, QuerySpec spec) {
  std::vector<std::string> ids;
  Result<ResultTable> t = RunQuery(store, spec);
  EXPECT_TRUE(t.ok()) << t.status().message();
  if (!t.ok()) return ids;
  size_t col = 0;
  while (col < t->columns.size() && t->columns[col] != "event_id") ++col;
  EXPECT_LT(col, t->columns.size());
  for (const SqlRow& r : t->rows) ids.push_back(SqlValueText(r[col]));
  return ids;
}

void ExpectRenamed(Store& store) {
  const Ontology& o = CurrentNames();
  EXPECT_EQ(CountOf(store, "SELECT COUNT(*) FROM meta WHERE key = 'schema_version' AND value = ?",
                    {std::string(kStoreSchemaVersion)}),
            1);
  // No old name anywhere.
  for (const NameChange& r : o.renames()) {
    EXPECT_EQ(CountOf(store, "SELECT COUNT(*) FROM events WHERE event = ? AND mode = ?",
                      {r.type, r.mode}),
              0)
        << r.type << " " << r.mode;
  }
  for (const auto& [old_name, now] : o.context_renames()) {
    EXPECT_EQ(CountOf(store, "SELECT COUNT(*) FROM events WHERE context LIKE ?",
                      {"%\"" + old_name + "\"%"}),
              0)
        << old_name;
  }
  // Every stored type and quad is the ontology's, in the events and in
  // every rollup.
  for (const char* table : {"events", "daily_counts", "monthly_counts", "location_counts",
                            "actor_counts", "name_counts"}) {
    for (const std::string& row :
         Rows(store, std::string("SELECT DISTINCT event, quad FROM ") + table)) {
      std::string type = row.substr(0, row.find('|'));
      const EventType* t = o.FindType(type);
      ASSERT_NE(t, nullptr) << table << ": " << row;
      EXPECT_EQ(row, type + "|" + std::to_string(t->quad) + "|") << table;
    }
  }
  for (const std::string& row : Rows(store, "SELECT DISTINCT event FROM monthly_region_counts")) {
    EXPECT_NE(o.FindType(row.substr(0, row.size() - 1)), nullptr) << row;
  }
  // Scores are the manual's: the mode's, else the type's.
  for (const std::string& row : Rows(store, "SELECT event, mode, score FROM events")) {
    std::string type = row.substr(0, row.find('|'));
    std::string rest = row.substr(row.find('|') + 1);
    std::string mode = rest.substr(0, rest.find('|'));
    EXPECT_EQ(rest.substr(rest.find('|') + 1), SqlValueText(o.Score(type, mode)) + "|") << row;
  }
  // The rollups count what the events hold.
  EXPECT_EQ(
      Rows(store,
           "SELECT event, quad, SUM(events) FROM daily_counts GROUP BY event, quad ORDER BY event"),
      Rows(store,
           "SELECT event, quad, COUNT(*) FROM events WHERE is_canonical = 1 GROUP BY event, quad "
           "ORDER BY event"));
  // A duplicate group holds one type: "destroy" left its COERCE group.
  EXPECT_EQ(CountOf(store,
                    "SELECT COUNT(*) FROM mentions m JOIN events a ON a.event_id = m.mention_id "
                    "JOIN events c ON c.event_id = m.event_id WHERE a.event <> c.event"),
            0);
  EXPECT_EQ(CountOf(store, "SELECT COUNT(*) FROM events WHERE is_canonical IS NULL"), 0);

  // The new names find the events.
  QuerySpec arrests;
  arrests.filter.modes = {"arrest"};
  EXPECT_EQ(EventIds(store, arrests), std::vector<std::string>{"d1-0-0"});
  QuerySpec assaults;
  assaults.filter.types = {"ASSAULT"};
  assaults.filter.modes = {"destroy"};
  EXPECT_EQ(EventIds(store, assaults), std::vector<std::string>{"d5-0-0"});
  QuerySpec visits;
  visits.filter.modes = {"visit"};
  visits.filter.actors = {"SDN MIL"};
  EXPECT_EQ(EventIds(store, visits), std::vector<std::string>{"d2-0-0"});
  QuerySpec relief;
  relief.filter.contexts = {"human_security"};
  EXPECT_EQ(EventIds(store, relief), std::vector<std::string>{"d4-0-0"});
  QuerySpec conceded;
  conceded.filter.quads = {1};
  conceded.filter.types = {"CONCEDE"};
  EXPECT_EQ(EventIds(store, conceded), std::vector<std::string>{"d7-0-0"});

  // What each renamed event looks like now.
  EXPECT_EQ(
      Rows(store,
           "SELECT event_id, event, mode, context, cameo, quad FROM events ORDER BY event_id"),
      (std::vector<std::string>{
          "d1-0-0|COERCE|arrest|[\"repression\"]|173|4|",
          "d10-0-0|ASSAULT|targeted|[\"terrorism\"]|202|4|",
          "d11-0-0|SANCTION|discontinue|[]|163|4|",
          "d2-0-0|CONSULT|visit|[\"diplomatic\"]|042|1|",
          "d3-0-0|COOPERATE||[\"military\"]|062|2|",
          "d4-0-0|AID||[\"human_security\",\"health\"]|073|2|",
          "d5-0-0|ASSAULT|destroy|[]|1712|4|",
          "d6-0-0|COERCE|seize|[]|171|4|",
          "d7-0-0|CONCEDE||[]|080|1|",
          "d8-0-0|REQUEST||[]|020|3|",
          "d9-0-0|PROTEST|demo|[\"religion_ethnicity\"]|141|4|",
      }));
  // The host was the actor; the visitor is now, in every column and row.
  EXPECT_EQ(
      Rows(store,
           "SELECT actor_code, recipient_code, actor_key, recipient_key, actor, recipient, spans "
           "FROM events WHERE event_id = 'd2-0-0'"),
      std::vector<std::string>{
          "SDN|EGY|SDN MIL|EGY GOV|"
          "[{\"code\":\"SDN\",\"name\":\"\",\"sector\":\"MIL\",\"text\":\"the recipient\"}]|"
          "[{\"code\":\"EGY\",\"name\":\"\",\"sector\":\"GOV\",\"text\":\"the actor\"}]|"
          "{\"actor\":[[29,42]],\"recipient\":[[0,9]],\"trigger\":[10,22]}|"});
  EXPECT_EQ(
      Rows(store,
           "SELECT p.role, n.code FROM participants p JOIN entities n ON n.entity_id = p.entity_id "
           "WHERE p.event_id = 'd2-0-0' ORDER BY p.role"),
      (std::vector<std::string>{"actor|SDN|", "recipient|EGY|"}));
  EXPECT_EQ(Rows(store, "SELECT as_actor, as_recipient FROM actor_counts WHERE key = 'SDN MIL'"),
            std::vector<std::string>{"1|0|"});
}

void ExpectMigration(const std::string& target) {
  ASSERT_TRUE(WriteOldStore(target).ok());
  // Read-only, the older names are refused with what to run.
  Result<std::unique_ptr<Store>> reader = Store::Open(target, Store::Access::kReadOnly);
  ASSERT_FALSE(reader.ok());
  EXPECT_NE(reader.status().message().find("open it once for writing (`griot dedup --db"),
            std::string::npos)
      << reader.status().message();
  // Writing needs the ontology that renames them.
  Result<std::unique_ptr<Store>> blind = Store::Open(target);
  ASSERT_FALSE(blind.ok());
  EXPECT_NE(blind.status().message().find("needs the ontology"), std::string::npos)
      << blind.status().message();
  std::vector<std::string> before;
  {
    Result<std::unique_ptr<Store>> store =
        Store::Open(target, Store::Access::kReadWrite, &CurrentNames());
    ASSERT_TRUE(store.ok()) << store.status().message();
    ExpectRenamed(**store);
    before = Rows(**store, "SELECT * FROM events ORDER BY event_id");
  }
  // Once: a second open (and now a read-only one) finds the same store.
  {
    Result<std::unique_ptr<Store>> again =
        Store::Open(target, Store::Access::kReadWrite, &CurrentNames());
    ASSERT_TRUE(again.ok()) << again.status().message();
    EXPECT_EQ(Rows(**again, "SELECT * FROM events ORDER BY event_id"), before);
  }
  Result<std::unique_ptr<Store>> read = Store::Open(target, Store::Access::kReadOnly);
  ASSERT_TRUE(read.ok()) << read.status().message();
  ExpectRenamed(**read);
}

TEST(PloverNameMigration, RenamesAnSqliteStoreOnce) {
  std::string path = ::testing::TempDir() + "griot_plover_names.db";
  for (const char* s : {"", "-wal", "-shm"}) std::remove((path + s).c_str());
  ExpectMigration(path);
  for (const char* s : {"", "-wal", "-shm"}) std::remove((path + s).c_str());
}

TEST(PloverNameMigration, RenamesApostgresqlStoreOnce) {
  std::string server = PgTestUrl();
  GRIOT_PG_OR_SKIP(server);
  PgTestDatabase db(server);
  ASSERT_TRUE(db.error().empty()) << db.error();
  ExpectMigration(db.url());
}

}  // namespace
}  // namespace griot::testing
