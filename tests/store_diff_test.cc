// Differential test of the two store engines: the same writes, read back
// through the same portable SQL, must give the same typed values in the
// same order on SQLite and PostgreSQL — column by column, so a mismatch
// names the column.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <sstream>

#include "griot/analysis/alerts.h"
#include "griot/analysis/brief.h"
#include "griot/export/export.h"
#include "griot/query/aggregate.h"
#include "griot/store/store.h"
#include "pg_support.h"
#include "store_world.h"
#include "test_support.h"

namespace griot::testing {
namespace {

namespace fs = std::filesystem;

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
  EXPECT_TRUE(st.ok()) << store.Engine() << ": " << st.message();
  return rows;
}

// Awkward values on purpose: separators COPY must escape, non-ASCII text,
// empty strings next to NULLs, reals that need all 17 digits, events with
// and without a place, actor, date.
void WriteInput(Store& s) {
  const char* texts[] = {"Tab\there, newline\nthere, back\\slash and CR\r.",
                         "Les soldats ont attaqué Ségou; Ελλάδα; 北京.",
                         "Plain sentence about Gao.", ""};
  for (int d = 0; d < 12; ++d) {
    std::string id = "doc\t" + std::to_string(d);
    StoredDocument doc;
    doc.id = id;
    doc.title = d % 3 ? "Title " + std::to_string(d) : "";
    doc.date = d % 4 ? "2024-03-0" + std::to_string(1 + d % 9) + "T10:00:00Z" : "";
    doc.url = "https://example.org/" + std::to_string(d);
    doc.source = d % 2 ? "Source " + std::to_string(d % 3) : "";
    doc.input = "in.jsonl";
    doc.line = static_cast<uint64_t>(d + 1);
    doc.sentences = d;
    doc.events = 3;
    doc.content_hash = "hash" + std::to_string(d);
    std::vector<StoredEvent> events;
    for (int n = 0; n < 3; ++n) {
      StoredEvent e;
      e.event_id = id + "-" + std::to_string(n);
      e.doc_id = id;
      e.sentence = n;
      e.event = n % 2 ? "PROTEST" : "ASSAULT";
      e.mode = n == 2 ? "threaten" : "";
      e.context = n ? std::vector<std::string>{"election", "unrest"} : std::vector<std::string>{};
      if ((d + n) % 4) e.actor = {{"l'armée", d % 2 ? "MLI" : "FRA", "MIL", "", false, ""}};
      if (n == 1) e.recipient = {{"", "SEN", "", "Macky Sall", true, "location"}, {"them", "", "CVL", "", false, ""}};
      e.cameo = n ? "14" : "";
      e.quad = n - 1;
      e.score = -1.0 / 3.0 * (d + 1);
      e.text = texts[(d + n) % 4];
      e.spans = "{\"event\":[1,2]}";
      e.pattern = "p" + std::to_string(n);
      e.confidence = 0.1 * n + 0.7;
      e.report_date = doc.date.substr(0, 10);
      e.event_date = n == 0 ? "2024-02-2" + std::to_string(d % 9) : "";
      e.date_granularity = n == 0 ? "day" : "unresolved";
      if (n != 2) {
        e.location = {n ? "Ségou" : "Gao", n ? "MLI" : "MLI", n ? "Ségou" : "", 13.4317 + d * 0.0001,
                      -6.2157 + 1e-13, n ? "place" : "admin1", n ? 2449067 : 0, "named"};
      }
      e.counts = n ? "{\"killed\":[3,null]}" : "{}";
      e.aux = "[]";
      FillAnalysisDates(&e);
      events.push_back(std::move(e));
    }
    ASSERT_TRUE(s.WriteDocument(doc, events).ok());
    ASSERT_TRUE(s.Account({"in.jsonl", doc.line, doc.line * 10, id, "coded", "", ""}).ok());
  }
  ASSERT_TRUE(s.Account({"in.jsonl", 99, 0, "", "skipped", "empty text", "in.jsonl:99: empty text"}).ok());
  ASSERT_TRUE(s.Finish(RunSummary()).ok());
}

const char* const kEventColumns[] = {
    "event_id", "doc_id", "sentence", "event", "mode", "context", "actor", "recipient",
    "actor_code", "recipient_code", "cameo", "quad", "score", "text", "spans", "pattern",
    "confidence", "date", "event_date", "date_granularity", "location", "country", "admin1",
    "lat", "lon", "counts", "aux", "actor_key", "recipient_key", "day", "week", "month",
    "location_id", "is_canonical", "mentions", "articles", "sources", "first_reported",
    "last_reported"};

TEST(StoreDiffTest, EnginesAgree) {
  std::string server = PgTestUrl();
  GRIOT_PG_OR_SKIP(server);
  PgTestDatabase pg_db(server);
  ASSERT_EQ(pg_db.error(), "");
  fs::path lite_path = fs::temp_directory_path() / ("griot-diff-" + std::to_string(::getpid()) + ".db");
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(lite_path.string() + suffix);
  auto lite = Store::Open(lite_path.string());
  auto pg = Store::Open(pg_db.url());
  ASSERT_TRUE(lite.ok()) << lite.status().message();
  ASSERT_TRUE(pg.ok()) << pg.status().message();
  WriteInput(**lite);
  WriteInput(**pg);

  for (const char* column : kEventColumns) {
    std::string sql = std::string("SELECT event_id, ") + column + " FROM events ORDER BY event_id";
    std::vector<std::string> a = Rows(**lite, sql);
    EXPECT_EQ(a.size(), 36u) << column;
    EXPECT_EQ(a, Rows(**pg, sql)) << "events." << column;
  }
  // Whole tables, and queries of the kind analyses run: grouping, sorting
  // text, aggregates, parameters, the full-text match.
  std::vector<std::pair<std::string, std::vector<SqlValue>>> queries = {
      {"SELECT * FROM documents ORDER BY id", {}},
      {"SELECT * FROM participants ORDER BY event_id, role, position", {}},
      {"SELECT * FROM entities ORDER BY entity_id", {}},
      {"SELECT * FROM locations ORDER BY location_id", {}},
      {"SELECT * FROM mentions ORDER BY mention_id", {}},
      {"SELECT input, line, \"offset\", id, outcome, reason, message FROM records ORDER BY input, line", {}},
      {"SELECT text, COUNT(*) FROM events GROUP BY text ORDER BY text", {}},
      {"SELECT location, COUNT(*), MIN(score), MAX(confidence) FROM events GROUP BY location ORDER BY location", {}},
      {"SELECT e.event_id FROM events e WHERE e.event = ? AND e.confidence > ? ORDER BY e.event_id DESC",
       {std::string("PROTEST"), 0.75}},
      {"SELECT COALESCE(actor_key, '-'), COUNT(DISTINCT doc_id) FROM events GROUP BY 1 ORDER BY 1", {}},
      {"SELECT day, COUNT(*) FROM events WHERE day IS NOT NULL GROUP BY day ORDER BY day LIMIT ?", {int64_t{5}}},
  };
  for (auto& [sql, params] : queries) {
    std::vector<std::string> a = Rows(**lite, sql, params);
    EXPECT_FALSE(a.empty()) << sql;
    EXPECT_EQ(a, Rows(**pg, sql, params)) << sql;
  }
  // The full-text match is each engine's own SQL; the answers must agree.
  for (const char* words : {"SOLDATS ségou", "newline there", "gao", "back slash", "nothing here"}) {
    std::vector<std::vector<std::string>> found;
    for (Store* s : {lite->get(), pg->get()}) {
      for (bool common : {false, true}) {
        found.push_back(Rows(*s, "SELECT e.event_id FROM events e WHERE " + s->TextMatchSql(common) +
                                     " ORDER BY e.event_id", {s->TextMatchParam(words)}));
      }
    }
    EXPECT_EQ(found[0], found[2]) << words;
    // The plan chosen for common words finds the same events.
    EXPECT_EQ(found[0], found[1]) << words;
    EXPECT_EQ(found[2], found[3]) << words;
  }
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(lite_path.string() + suffix);
}

// What users see: `griot query` tables, exports, alerts and briefs must be
// the same from either engine for the same input. Also checks that counts
// read from the daily rollup equal counts read from the events.
TEST(StoreDiffTest, QueriesExportsAlertsAndBriefsAgree) {
  std::string server = PgTestUrl();
  GRIOT_PG_OR_SKIP(server);
  PgTestDatabase pg_db(server);
  ASSERT_EQ(pg_db.error(), "");
  fs::path lite_path =
      fs::temp_directory_path() / ("griot-diff-world-" + std::to_string(::getpid()) + ".db");
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(lite_path.string() + suffix);
  auto lite = Store::Open(lite_path.string());
  auto pg = Store::Open(pg_db.url());
  ASSERT_TRUE(lite.ok()) << lite.status().message();
  ASSERT_TRUE(pg.ok()) << pg.status().message();
  for (Store* s : {lite->get(), pg->get()}) {
    ASSERT_TRUE(WriteWorld(*s).ok());
    // A replaced document: its group is dissolved and linked again.
    StoredDocument doc;
    doc.id = "d1";
    doc.date = "2025-03-10";
    doc.content_hash = std::string(32, 'z');
    ASSERT_TRUE(s->WriteDocument(doc, {}).ok());
    ASSERT_TRUE(s->Account({"again.jsonl", 1, 0, "d1", "coded", "", ""}).ok());
    ASSERT_TRUE(s->Finish(RunSummary()).ok());
  }
  std::vector<QuerySpec> specs;
  auto add = [&](auto fill) {
    QuerySpec q;
    fill(q);
    specs.push_back(q);
  };
  add([](QuerySpec&) {});
  add([](QuerySpec& q) { q.group_by = {"type"}; });
  add([](QuerySpec& q) { q.group_by = {"month", "type"}; });
  add([](QuerySpec& q) { q.group_by = {"week"}; q.filter.countries = {"MLI"}; });
  add([](QuerySpec& q) { q.group_by = {"day"}; q.filter.from = "2025-03-01"; q.filter.to = "2025-04-30"; });
  add([](QuerySpec& q) { q.group_by = {"admin1"}; });
  add([](QuerySpec& q) { q.group_by = {"month", "country"}; q.filter.from = "2025-03-01"; q.filter.to = "2025-04-30"; });
  add([](QuerySpec& q) { q.group_by = {"year", "quad"}; q.filter.types = {"ASSAULT", "COERCE"}; });
  add([](QuerySpec& q) { q.group_by = {"country", "quad"}; });
  add([](QuerySpec& q) { q.group_by = {"year"}; q.filter.types = {"ASSAULT", "AGREE"}; });
  add([](QuerySpec& q) { q.group_by = {"dyad"}; });
  add([](QuerySpec& q) { q.group_by = {"actor"}; q.filter.all_mentions = true; });
  add([](QuerySpec& q) { q.group_by = {"mode"}; q.filter.actors = {"MLI"}; });
  add([](QuerySpec& q) { q.filter.text = "junta"; });
  add([](QuerySpec& q) { q.filter.near = std::vector<double>{16.27, -0.04, 50}; q.filter.all_mentions = true; });
  add([](QuerySpec& q) { q.filter.bbox = std::vector<double>{-9, 12, 0, 17}; q.group_by = {"type"}; });
  add([](QuerySpec& q) { q.filter.dyads = {"MLI CVL->MLI GOV"}; });
  add([](QuerySpec& q) { q.filter.actors = {"assimi goita"}; q.filter.contexts = {"political_institutions"}; });
  for (const QuerySpec& spec : specs) {
    std::vector<std::string> out;
    for (Store* s : {lite->get(), pg->get()}) {
      for (bool rollup : {true, false}) {
        QuerySpec q = spec;
        q.use_rollup = rollup;
        auto t = RunQuery(*s, q);
        ASSERT_TRUE(t.ok()) << s->Engine() << ": " << t.status().message();
        out.push_back(FormatJson(*t));
      }
    }
    EXPECT_NE(out[0], "[]\n");
    EXPECT_EQ(out[0], out[1]) << "rollup vs events on SQLite, group by " << spec.group_by.size();
    EXPECT_EQ(out[0], out[2]) << "SQLite vs PostgreSQL:\n" << out[0] << out[2];
    EXPECT_EQ(out[2], out[3]) << "rollup vs events on PostgreSQL";
  }
  for (const char* format : {"plover", "csv", "gdelt"}) {
    std::ostringstream a, b;
    ASSERT_TRUE(ExportEvents(**lite, EventFilter{}, format, a).ok());
    ASSERT_TRUE(ExportEvents(**pg, EventFilter{}, format, b).ok());
    EXPECT_FALSE(a.str().empty());
    EXPECT_EQ(a.str(), b.str()) << format;
  }
  // Alerts: both engines, both counting paths (daily rollup and events
  // table), weeks and months, all countries and one.
  for (const char* period : {"week", "month"}) {
    for (const char* country : {"", "MLI"}) {
      std::string first;
      for (bool use_rollup : {false, true}) {
        AlertOptions options;
        options.period = period;
        options.baseline_periods = 4;
        options.min_count = 1;
        options.min_ratio = 1.0;
        options.p_threshold = 0.5;
        options.use_rollup = use_rollup;
        auto la = FindAlerts(**lite, options, country, "2025-04-20");
        auto pa = FindAlerts(**pg, options, country, "2025-04-20");
        ASSERT_TRUE(la.ok() && pa.ok());
        std::string seen[2];
        for (int engine = 0; engine < 2; ++engine) {
          for (const Alert& a : engine == 0 ? *la : *pa) {
            seen[engine] += a.country + " " + a.admin1 + " " + a.event + " " + a.period + " " +
                            std::to_string(a.observed) + " " + std::to_string(a.test.p_value);
            for (const std::string& id : a.evidence) seen[engine] += " " + id;
            seen[engine] += "\n";
          }
        }
        EXPECT_EQ(seen[0], seen[1]) << period << " " << country << " rollup " << use_rollup;
        if (!use_rollup) first = seen[0];
        EXPECT_EQ(seen[0], first) << period << " " << country;
      }
    }
  }
  auto lb = CollectBrief(**lite, "MLI", "", "", {});
  auto pb = CollectBrief(**pg, "MLI", "", "", {});
  ASSERT_TRUE(lb.ok() && pb.ok());
  lb->generated = pb->generated = "now";
  EXPECT_EQ(RenderBriefMarkdown(*lb), RenderBriefMarkdown(*pb));
  EXPECT_EQ(RenderBriefHtml(*lb, nullptr), RenderBriefHtml(*pb, nullptr));
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(lite_path.string() + suffix);
}

}  // namespace
}  // namespace griot::testing
