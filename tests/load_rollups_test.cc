// Differential test of the rollups a first load counts in memory
// (store/load_rollups.h): every rollup table, summed by key, holds what the
// SQL refresh computes from the events table for the same store.
#include <unistd.h>

#include <filesystem>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "griot/store/load_rollups.h"
#include "griot/store/store.h"

namespace griot {
namespace {

namespace fs = std::filesystem;

// A few hundred documents with every shape the rollups distinguish: no
// day, no place, country- and region-level places, named and unnamed
// actors, no actors, the same key as actor and recipient, and a third of
// the events reported again by a later document.
class RandomLoad {
 public:
  RandomLoad(uint32_t seed, std::string prefix) : rng_(seed), prefix_(std::move(prefix)) {}

  void Document(int index, StoredDocument* doc, std::vector<StoredEvent>* events) {
    doc->id = prefix_ + std::to_string(index);
    doc->input = prefix_ + ".jsonl";
    doc->line = static_cast<uint64_t>(index) + 1;
    doc->source = "source-" + std::to_string(Pick(5));
    doc->content_hash = std::string(32, 'a' + static_cast<char>(index % 26));
    const bool undated = Pick(20) == 0;
    doc->date = undated ? "" : ShiftDay("2025-03-01", Pick(40));
    events->clear();
    const int n = Pick(5);
    for (int i = 0; i < n; ++i) {
      StoredEvent e = !previous_.empty() && Pick(3) == 0 ? Again(previous_[Pick(previous_.size())])
                                                         : Fresh();
      e.event_id = doc->id + "-" + std::to_string(i) + "-0";
      e.doc_id = doc->id;
      e.sentence = i;
      e.report_date = doc->date;
      FillAnalysisDates(&e);
      events->push_back(e);
    }
    previous_ = *events;
    doc->events = n;
  }

 private:
  int Pick(size_t n) { return static_cast<int>(std::uniform_int_distribution<size_t>(0, n - 1)(rng_)); }

  StoredArgument Argument() {
    static const char* kKeys[][2] = {{"MLI", "MIL"}, {"MLI", "GOV"}, {"BFA", "MIL"}, {"NER", "REB"}, {"MLI", "CVL"}};
    static const char* kNames[] = {"", "", "", "Assimi Goita", "JNIM"};
    StoredArgument a;
    int k = Pick(5);
    a.code = kKeys[k][0];
    a.sector = kKeys[k][1];
    a.name = kNames[Pick(5)];
    a.text = a.name.empty() ? a.code + " " + a.sector : a.name;
    return a;
  }

  StoredEvent Fresh() {
    static const char* kTypes[] = {"ASSAULT", "PROTEST", "AGREE", "COERCE"};
    static const int kQuads[] = {4, 3, 1, 4};
    StoredEvent e;
    int t = Pick(4);
    e.event = kTypes[t];
    e.quad = kQuads[t];
    for (int i = Pick(3); i > 0; --i) e.actor.push_back(Argument());
    for (int i = Pick(3); i > 0; --i) e.recipient.push_back(Argument());
    e.text = "Something happened.";
    e.spans = "{}";
    e.pattern = "random";
    e.counts = "{}";
    e.aux = "[]";
    if (Pick(5) < 3) {
      e.event_date = ShiftDay("2025-03-01", Pick(40));
      e.date_granularity = "day";
    } else {
      e.date_granularity = "unresolved";
    }
    static const char* kCountries[] = {"MLI", "BFA", "NER"};
    int place = Pick(10);
    if (place < 8) {
      e.location.country = kCountries[Pick(3)];
      e.location.admin1 = e.location.country + " region " + std::to_string(Pick(3));
      e.location.precision = place < 5 ? "place" : place < 7 ? "admin1" : "country";
      if (e.location.precision == "country") e.location.admin1.clear();
      e.location.name = e.location.precision == "place" ? e.location.admin1 + " town " + std::to_string(Pick(3))
                        : e.location.precision == "admin1" ? e.location.admin1
                                                           : e.location.country;
      e.location.lat = 14 + Pick(4) * 0.1;
      e.location.lon = -2 + Pick(4) * 0.1;
    }
    return e;
  }

  // A second report: same event, a little later and a little off.
  StoredEvent Again(StoredEvent e) {
    if (!e.location.precision.empty()) e.location.lat += 0.01;
    e.event_date.clear();
    e.date_granularity = "unresolved";
    return e;
  }

  std::mt19937 rng_;
  std::string prefix_;
  std::vector<StoredEvent> previous_;
};

// Each rollup table summed by its key columns, as text.
std::map<std::string, std::string> Tables(Store& store) {
  static const char* kQueries[][2] = {
      {"daily_counts", "SELECT day, week, country, admin1, event, quad, SUM(events), SUM(reports) FROM daily_counts "
                       "GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6"},
      {"monthly_counts", "SELECT month, country, event, quad, SUM(events), SUM(reports) FROM monthly_counts "
                         "GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4"},
      {"monthly_region_counts", "SELECT month, country, admin1, event, SUM(events) FROM monthly_region_counts "
                                "GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4"},
      {"location_counts", "SELECT l.name, c.country, c.admin1, c.event, c.quad, SUM(c.events), SUM(c.reports) "
                          "FROM location_counts c LEFT JOIN locations l ON l.location_id = c.location_id "
                          "GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5"},
      {"actor_counts", "SELECT key, country, admin1, event, quad, SUM(as_actor), SUM(as_recipient), SUM(events) "
                       "FROM actor_counts GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5"},
      {"name_counts", "SELECT code, sector, name, country, admin1, event, quad, SUM(uses) FROM name_counts "
                      "GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7"},
      {"pending", "SELECT (SELECT COUNT(*) FROM rollup_pending), (SELECT COUNT(*) FROM place_rollup_pending)"},
  };
  std::map<std::string, std::string> out;
  for (const auto& q : kQueries) {
    std::string& text = out[q[0]];
    Status st = store.Select({q[1], {}}, [&](const SqlRow& row) {
      for (const SqlValue& v : row) text += SqlValueText(v) + "|";
      text += "\n";
      return true;
    });
    EXPECT_TRUE(st.ok()) << st.message();
  }
  return out;
}

// The first line where `a` and `b` differ, from each.
std::string FirstDifference(const std::string& a, const std::string& b) {
  size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
  const size_t from_a = a.rfind('\n', i == 0 ? 0 : i - 1), from_b = b.rfind('\n', i == 0 ? 0 : i - 1);
  auto line = [](const std::string& s, size_t from) {
    from = from == std::string::npos ? 0 : from + 1;
    return s.substr(from, s.find('\n', from) - from);
  };
  return "loaded:    " + line(a, from_a) + "\nrefreshed: " + line(b, from_b);
}

class LoadRollupsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = fs::temp_directory_path() / ("griot-load-rollups-" + std::to_string(::getpid()) + ".db");
    Remove();
  }
  void TearDown() override { Remove(); }
  void Remove() {
    for (const char* s : {"", "-wal", "-shm"}) fs::remove(path_.string() + s);
  }
  std::unique_ptr<Store> Open() {
    Result<std::unique_ptr<Store>> s = Store::Open(path_.string());
    EXPECT_TRUE(s.ok()) << s.status().message();
    return s.ok() ? std::move(*s) : nullptr;
  }
  // Writes `docs` documents; `replace_every` > 0 writes every so many a
  // document again under an earlier id (a replacement).
  void Load(Store& store, int docs, int replace_every, uint32_t seed = 7, const std::string& prefix = "doc-") {
    RandomLoad load(seed, prefix);
    StoredDocument doc;
    std::vector<StoredEvent> events;
    for (int i = 0; i < docs; ++i) {
      load.Document(i, &doc, &events);
      if (replace_every > 0 && i > 0 && i % replace_every == 0) doc.id = prefix + std::to_string(i / 2);
      for (StoredEvent& e : events) {
        e.doc_id = doc.id;
        e.event_id = doc.id + "-" + std::to_string(e.sentence) + "-0";
      }
      ASSERT_TRUE(store.WriteDocument(doc, events).ok());
      ASSERT_TRUE(store.Account({doc.input, doc.line, 0, doc.id, "coded", "", ""}).ok());
    }
    ASSERT_TRUE(store.Finish(RunSummary()).ok());
  }
  // The tables after the load (and `appended` more documents in a second
  // run over the same weeks), then after relinking everything through the
  // SQL refresh, which must agree.
  void ExpectSameAsRefresh(int docs, int replace_every, int appended = 0) {
    std::map<std::string, std::string> loaded, refreshed;
    {
      auto s = Open();
      ASSERT_TRUE(s);
      Load(*s, docs, replace_every);
      loaded = Tables(*s);
    }
    if (appended > 0) {
      auto s = Open();
      ASSERT_TRUE(s);
      Load(*s, appended, 0, 11, "later-");
      std::map<std::string, std::string> before = loaded;
      loaded = Tables(*s);
      EXPECT_NE(loaded["daily_counts"], before["daily_counts"]) << "the second run added nothing";
    }
    {
      // Every day queued: the refresh recomputes every row from the
      // events as linked.
      auto s = Open();
      ASSERT_TRUE(s);
      Status queued = s->Select({"INSERT INTO rollup_pending SELECT DISTINCT COALESCE(day, '') FROM events "
                                 "WHERE true ON CONFLICT DO NOTHING",
                                 {}},
                                [](const SqlRow&) { return true; });
      ASSERT_TRUE(queued.ok()) << queued.message();
      ASSERT_TRUE(s->Deduplicate().ok());  // nothing to link: refreshes the queued days
      refreshed = Tables(*s);
    }
    for (const auto& [table, rows] : refreshed) {
      EXPECT_TRUE(loaded[table] == rows) << table << ": first difference\n" << FirstDifference(loaded[table], rows);
      if (table != "pending") {
        EXPECT_GT(rows.size(), 50u) << table << " is nearly empty: the load tested nothing";
      }
    }
  }
  fs::path path_;
};

TEST_F(LoadRollupsTest, FirstLoadCountsWhatTheRefreshComputes) { ExpectSameAsRefresh(600, 0); }

// A second run adds its counts to the rows of the keys it touches, its
// reports of earlier events included.
TEST_F(LoadRollupsTest, SecondLoadAddsWhatTheRefreshComputes) { ExpectSameAsRefresh(600, 0, 300); }

// A replaced document ends the in-memory counting: the refresh takes over.
TEST_F(LoadRollupsTest, FirstLoadWithReplacementsCountsWhatTheRefreshComputes) { ExpectSameAsRefresh(600, 7); }

// Links that are not the added records' are refused: the caller then
// recomputes from the table instead of writing wrong counts.
TEST(LoadRollups, RefusesLinksOfOtherRecords) {
  LoadRollups r;
  StoredEvent e;
  e.event = "ASSAULT";
  e.day = "2025-03-01";
  r.Add(1, e, 0);
  r.Add(2, e, 0);
  EXPECT_FALSE(r.Link(1, {{1, 1}}));          // a record without a link
  EXPECT_FALSE(r.Link(2, {{1, 1}, {9, 1}}));  // a group of another load's event
  EXPECT_FALSE(r.Link(2, {{1, 1}}));          // a member linked outside the load
  EXPECT_FALSE(r.Emit([](const char*, const SqlRow&) { return Status::Ok(); }).ok());
  ASSERT_TRUE(r.Link(2, {{1, 2}}));
  std::vector<std::string> daily;
  ASSERT_TRUE(r.Emit([&](const char* table, const SqlRow& row) {
                 if (std::string(table) == "daily_counts") {
                   daily.push_back(SqlValueText(row[0]) + " " + SqlValueText(row[6]) + " " + SqlValueText(row[7]));
                 }
                 return Status::Ok();
               }).ok());
  // One canonical event with two reports.
  EXPECT_EQ(daily, std::vector<std::string>({"2025-03-01 1 2"}));
}

}  // namespace
}  // namespace griot
