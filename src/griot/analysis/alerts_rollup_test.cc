// Differential tests of FindAlerts: the rollup path (daily_counts, day-range
// evidence) must give exactly the alerts and evidence of the reference path
// over the events table (`use_rollup = false`), after a first load, after a
// second overlapping load that relinks events, while days wait in
// rollup_pending, and on a store migrated from schema version 3.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdio>  // std::remove
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "griot/analysis/alerts.h"
#include "griot/store/store.h"
#include "test_support.h"

namespace griot {
namespace {

constexpr const char* kFirstWeek = "2025-01-06";  // a Monday

// Every field a user sees in `griot alerts` / /api/alerts, one line per alert.
std::string Describe(const std::vector<Alert>& alerts) {
  std::ostringstream out;
  out.precision(17);
  for (const Alert& a : alerts) {
    out << a.scope << ' ' << a.country << ' ' << a.admin1 << ' ' << a.event << ' ' << a.period
        << ' ' << a.observed << ' ' << a.test.expected << ' ' << a.test.variance << ' '
        << a.test.p_value << ' ' << a.test.ratio << ' ' << a.test.method << ' ' << a.test.alert;
    for (const std::string& id : a.evidence) out << ' ' << id;
    out << '\n';
  }
  return out.str();
}

// Loose options so that nearly every series with events in the current
// period is listed: the comparison then covers all the counts, not only
// the few strong rises.
AlertOptions Loose(const std::string& period) {
  AlertOptions o;
  o.period = period;
  o.p_threshold = 1;
  o.min_count = 1;
  o.min_ratio = 0;
  o.evidence = 3;
  o.baseline_periods = 4;
  return o;
}

// Compares both paths for weeks and months, all countries and one, at
// several dates; returns how many alerts the rollup path listed.
size_t ExpectPathsAgree(Store& store) {
  size_t listed = 0;
  for (const std::string period : {"week", "month"}) {
    for (const AlertOptions& base : {AlertOptions{}, Loose(period)}) {
      for (const char* country : {"", "MLI", "NER", "XXX"}) {
        for (const char* as_of : {"", "2025-02-12", "2025-03-31", "2025-04-02"}) {
          AlertOptions fast = base;
          fast.period = period;
          AlertOptions reference = fast;
          reference.use_rollup = false;
          Result<std::vector<Alert>> a = FindAlerts(store, fast, country, as_of);
          Result<std::vector<Alert>> b = FindAlerts(store, reference, country, as_of);
          EXPECT_TRUE(a.ok() && b.ok());
          if (!a.ok() || !b.ok()) continue;
          EXPECT_EQ(Describe(*a), Describe(*b))
              << period << " country '" << country << "' as_of '" << as_of << "'";
          listed += a->size();
        }
      }
    }
  }
  return listed;
}

bool RollupPending(Store& store) {
  bool pending = false;
  EXPECT_TRUE(store.Select({"SELECT day FROM rollup_pending", {}}, [&](const SqlRow&) {
                     pending = true;
                     return false;
                   }).ok());
  return pending;
}

class AlertRollupTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = ::testing::TempDir() + "griot_alerts_rollup_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db";
    Remove();
    Reopen();
  }
  void TearDown() override {
    store_.reset();
    Remove();
  }
  void Remove() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path_ + suffix).c_str());
  }
  void Reopen() {
    store_.reset();
    Result<std::unique_ptr<Store>> s = Store::Open(path_);
    ASSERT_TRUE(s.ok()) << s.status().message();
    store_ = std::move(*s);
  }

  // One document reporting one event at place `slot` (slots ~45 km apart,
  // so that only reports of one slot and day are duplicates).
  void Report(const std::string& doc_id, const std::string& type, const std::string& country,
              const std::string& admin1, const std::string& day, int slot) {
    StoredDocument d;
    StoredEvent e;
    testing::OneEventReport(doc_id, type, country, admin1, day, slot, &d, &e);
    ASSERT_TRUE(store_->WriteDocument(d, {e}).ok());
    ASSERT_TRUE(store_->Account({"test", ++line_, 0, doc_id, "coded", "", ""}).ok());
  }

  // Thirteen weeks of events in two Malian regions, one Nigerien region
  // and one unlocated country-only series; Mopti jumps in the last week.
  void FirstLoad() {
    for (int w = 0; w < 13; ++w) {
      std::string monday = ShiftDay(kFirstWeek, 7 * w);
      std::string prefix = "a" + std::to_string(100 + w) + "-";
      int mopti = w == 12 ? 20 : w % 3;
      for (int k = 0; k < mopti; ++k) {
        Report(prefix + "mopti" + std::to_string(100 + k), "ASSAULT", "MLI", "Mopti",
               ShiftDay(monday, k % 7), k % 20);
      }
      for (int k = 0; k < 1 + w % 2; ++k) {
        Report(prefix + "gao" + std::to_string(k), "PROTEST", "MLI", "Gao", ShiftDay(monday, k),
               k);
      }
      for (int k = 0; k < 2; ++k) {
        Report(prefix + "ner" + std::to_string(k), "PROTEST", "NER", "Tillaberi",
               ShiftDay(monday, 2 + k), k);
      }
      Report(prefix + "nerx", "COERCE", "NER", "", ShiftDay(monday, 5), 0);
    }
  }

  // Later reports of events already stored (same type, place and day: they
  // are linked to them and raise their mentions) and a few new events.
  void OverlappingLoad() {
    for (int w = 9; w < 13; ++w) {
      std::string monday = ShiftDay(kFirstWeek, 7 * w);
      std::string prefix = "b" + std::to_string(100 + w) + "-";
      for (int k = 0; k < 6; k += 2) {
        Report(prefix + "mopti" + std::to_string(100 + k), "ASSAULT", "MLI", "Mopti",
               ShiftDay(monday, k % 7), k % 20);
      }
      Report(prefix + "gao-new", "ASSAULT", "MLI", "Gao", ShiftDay(monday, 6), 5);
    }
  }

  void Finish() { ASSERT_TRUE(store_->Finish(RunSummary{}).ok()); }

  std::string path_;
  std::unique_ptr<Store> store_;
  uint64_t line_ = 0;
};

TEST_F(AlertRollupTest, FirstAndOverlappingLoadsAgree) {
  FirstLoad();
  Finish();
  ASSERT_FALSE(RollupPending(*store_));
  EXPECT_GT(ExpectPathsAgree(*store_), 50u);
  Result<std::vector<Alert>> alerts = FindAlerts(*store_, AlertOptions{}, "MLI", "");
  ASSERT_TRUE(alerts.ok());
  ASSERT_FALSE(alerts->empty());
  EXPECT_EQ(alerts->front().event, "ASSAULT");

  Reopen();
  OverlappingLoad();
  Finish();
  ASSERT_FALSE(RollupPending(*store_));
  EXPECT_GT(ExpectPathsAgree(*store_), 50u);
}

TEST_F(AlertRollupTest, PendingDaysAreCountedFromTheEvents) {
  FirstLoad();
  Finish();
  Reopen();
  OverlappingLoad();
  // Not finished: whatever the rollup holds, the answer is the events'.
  ExpectPathsAgree(*store_);
}

TEST(AlertRollupMigration, SchemaThreeStoreAgrees) {
  std::string path = ::testing::TempDir() + "griot_alerts_v3.db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  std::string v3 = testing::kSchemaThreeTables;
  // Twelve quiet weeks of Gao protests, then 14 in the thirteenth; one
  // event per document, each at its own place.
  for (int w = 0; w < 13; ++w) {
    int n = w == 12 ? 14 : w % 2;
    for (int k = 0; k < n; ++k) {
      std::string id = "d" + std::to_string(100 * w + k);
      std::string day = ShiftDay(kFirstWeek, 7 * w + k % 7);
      std::string lat = std::to_string(10.0 + 0.5 * k);
      v3 += "INSERT INTO documents VALUES ('" + id + "', 'T', '" + day + "T10:00:00Z', '', 'S', " +
            "'x.jsonl', " + std::to_string(100 * w + k + 1) + ", 1, 1, '" + id + "');\n";
      v3 += "INSERT INTO events VALUES ('" + id + "-0-0', '" + id +
            "', 0, 'PROTEST', 'demonstrate', '[]', "
            "'[{\"code\":\"MLI\",\"name\":\"\",\"sector\":\"CVL\",\"text\":\"Students\"}]', '[]', "
            "'MLI', '', '141', 3, -6.5, 'Students protested in Gao.', '{}', 'p', 0.7, '" +
            day + "', '" + day + "', 'day', '{\"admin1\":\"Gao\",\"country\":\"MLI\",\"geonames_id\":" +
            std::to_string(1000 + k) + ",\"lat\":" + lat +
            ",\"lon\":-0.04,\"name\":\"Gao\",\"precision\":\"place\",\"reason\":\"r\"}', "
            "'MLI', 'Gao', " + lat + ", -0.04, '{}', '[]');\n";
    }
  }
  ASSERT_EQ(sqlite3_exec(db, v3.c_str(), nullptr, nullptr, nullptr), SQLITE_OK)
      << sqlite3_errmsg(db);
  sqlite3_close(db);
  // Schema 3 goes through 4 to 5, whose older PLOVER names the ontology renames.
  auto ontology = Ontology::Load(std::string(GRIOT_SOURCE_DIR) + "/kb/en/ontology.txt");
  ASSERT_TRUE(ontology.ok()) << ontology.status().message();
  {
    auto store = Store::Open(path, Store::Access::kReadWrite, &*ontology);
    ASSERT_TRUE(store.ok()) << store.status().message();
    ASSERT_TRUE((*store)->Deduplicate().ok());
  }
  auto store = Store::Open(path, Store::Access::kReadOnly);
  ASSERT_TRUE(store.ok()) << store.status().message();
  ASSERT_FALSE(RollupPending(**store));
  EXPECT_GT(ExpectPathsAgree(**store), 0u);
  Result<std::vector<Alert>> alerts = FindAlerts(**store, AlertOptions{}, "", "");
  ASSERT_TRUE(alerts.ok()) << alerts.status().message();
  ASSERT_EQ(alerts->size(), 2u);  // Mali and Gao
  EXPECT_EQ((*alerts)[0].observed, 14);
  EXPECT_EQ((*alerts)[0].evidence.size(), 5u);
  store->reset();
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
}

}  // namespace
}  // namespace griot
