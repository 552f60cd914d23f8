// FindAlerts end to end on an SQLite store: synthetic events written and
// deduplicated the way a run writes them, then read back through SQL.
#include <gtest/gtest.h>

#include <cstdio>  // std::remove
#include <memory>
#include <string>
#include <vector>

#include "griot/analysis/alerts.h"
#include "griot/store/store.h"
#include "test_support.h"

namespace griot {
namespace {

constexpr const char* kFirstWeek = "2025-01-06";  // a Monday
constexpr int kQuietWeeks = 12;

class AlertStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // One file per test: ctest runs the tests of this suite in parallel processes.
    path_ = ::testing::TempDir() + "griot_alerts_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db";
    Remove();
    Result<std::unique_ptr<Store>> s = Store::Open(path_);
    ASSERT_TRUE(s.ok()) << s.status().message();
    store_ = std::move(*s);
  }
  void TearDown() override {
    store_.reset();
    Remove();
  }
  void Remove() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path_ + suffix).c_str());
  }

  // One document reporting one event. Events of a week sit ~45 km apart
  // (`slot` steps the latitude), so that different documents are never
  // duplicates of each other by the place rule of store/dedup.h.
  void Report(const std::string& doc_id, const std::string& type, const std::string& country,
              const std::string& admin1, const std::string& day, int slot) {
    StoredDocument d;
    StoredEvent e;
    testing::OneEventReport(doc_id, type, country, admin1, day, slot, &d, &e);
    ASSERT_TRUE(store_->WriteDocument(d, {e}).ok());
    ASSERT_TRUE(store_->Account({"test", ++line_, 0, doc_id, "coded", "", ""}).ok());
  }

  // `counts[w]` ASSAULT events in Mali (Mopti) in week w; a steady three
  // PROTEST events a week in Niger.
  void WriteWeeks(const std::vector<int>& counts) {
    for (size_t w = 0; w < counts.size(); ++w) {
      std::string monday = ShiftDay(kFirstWeek, 7 * static_cast<int>(w));
      std::string prefix = std::string(w < 10 ? "w0" : "w") + std::to_string(w) + "-";
      for (int k = 0; k < counts[w]; ++k) {
        std::string id = prefix + "mli" + (k < 10 ? "0" : "") + std::to_string(k);
        Report(id, "ASSAULT", "MLI", "Mopti", ShiftDay(monday, k % 7), k);
      }
      for (int k = 0; k < 3; ++k) {
        Report(prefix + std::string("ner") + std::to_string(k), "PROTEST", "NER", "Tillaberi",
               ShiftDay(monday, k), k);
      }
    }
  }

  void Finish() { ASSERT_TRUE(store_->Finish(RunSummary{}).ok()); }

  std::string path_;
  std::unique_ptr<Store> store_;
  uint64_t line_ = 0;
};

TEST_F(AlertStoreTest, FlagsTheJumpWithItsEvidence) {
  std::vector<int> counts = {1, 0, 2, 1, 0, 1, 2, 0, 1, 1, 0, 2, 15};
  WriteWeeks(counts);
  std::string current = ShiftDay(kFirstWeek, 7 * kQuietWeeks);
  // Two of the current week's events are reported again by another
  // document: they stay one event each, with 2 mentions.
  Report("w12-mli03-again", "ASSAULT", "MLI", "Mopti", ShiftDay(current, 3), 3);
  Report("w12-mli07-again", "ASSAULT", "MLI", "Mopti", ShiftDay(current, 0), 7);
  Finish();

  Result<std::vector<Alert>> alerts = FindAlerts(*store_, AlertOptions{}, "", "");
  ASSERT_TRUE(alerts.ok()) << alerts.status().message();
  ASSERT_EQ(alerts->size(), 2u);
  const Alert& country = (*alerts)[0];
  EXPECT_EQ(country.scope, "country");
  EXPECT_EQ(country.country, "MLI");
  EXPECT_EQ(country.admin1, "");
  EXPECT_EQ(country.event, "ASSAULT");
  EXPECT_EQ(country.period, current);
  EXPECT_EQ(country.observed, 15);
  EXPECT_EQ(country.test.method, "poisson");
  EXPECT_NEAR(country.test.expected, 11.0 / 12, 1e-12);
  EXPECT_LT(country.test.p_value, 1e-12);
  EXPECT_EQ(country.evidence,
            (std::vector<std::string>{"w12-mli03-0-0", "w12-mli07-0-0", "w12-mli00-0-0",
                                      "w12-mli01-0-0", "w12-mli02-0-0"}));
  const Alert& region = (*alerts)[1];
  EXPECT_EQ(region.scope, "admin1");
  EXPECT_EQ(region.admin1, "Mopti");
  EXPECT_EQ(region.observed, 15);
  EXPECT_EQ(region.evidence, country.evidence);

  // The same store seen from a quiet week, or from Niger: nothing.
  alerts = FindAlerts(*store_, AlertOptions{}, "", ShiftDay(kFirstWeek, 7 * 11 + 2));
  ASSERT_TRUE(alerts.ok());
  EXPECT_TRUE(alerts->empty());
  alerts = FindAlerts(*store_, AlertOptions{}, "NER", "");
  ASSERT_TRUE(alerts.ok());
  EXPECT_TRUE(alerts->empty());
}

TEST_F(AlertStoreTest, SteadySeriesGiveNone) {
  WriteWeeks(std::vector<int>(kQuietWeeks + 1, 2));
  Finish();
  for (const char* period : {"week", "month"}) {
    AlertOptions options;
    options.period = period;
    Result<std::vector<Alert>> alerts = FindAlerts(*store_, options, "", "");
    ASSERT_TRUE(alerts.ok()) << alerts.status().message();
    EXPECT_TRUE(alerts->empty()) << period << ": " << alerts->front().country;
  }
}

TEST_F(AlertStoreTest, MonthlyPeriods) {
  // Three months of 2 events a week, then 20 in one April week.
  std::vector<int> counts(kQuietWeeks + 1, 0);
  WriteWeeks(counts);  // Niger only
  for (int k = 0; k < 20; ++k) {
    Report("apr-" + std::to_string(100 + k), "ASSAULT", "MLI", "Mopti",
           ShiftDay("2025-04-07", k % 5), k);
  }
  Finish();
  AlertOptions options;
  options.period = "month";
  options.baseline_periods = 3;
  Result<std::vector<Alert>> alerts = FindAlerts(*store_, options, "MLI", "");
  ASSERT_TRUE(alerts.ok()) << alerts.status().message();
  ASSERT_EQ(alerts->size(), 2u);
  EXPECT_EQ((*alerts)[0].period, "2025-04-01");
  EXPECT_EQ((*alerts)[0].observed, 20);
  EXPECT_DOUBLE_EQ((*alerts)[0].test.expected, 0.5);  // empty months, floored
}

TEST_F(AlertStoreTest, EmptyStoreAndBadOptions) {
  Result<std::vector<Alert>> alerts = FindAlerts(*store_, AlertOptions{}, "", "");
  ASSERT_TRUE(alerts.ok());
  EXPECT_TRUE(alerts->empty());
  AlertOptions options;
  options.period = "day";
  alerts = FindAlerts(*store_, options, "", "");
  ASSERT_FALSE(alerts.ok());
  EXPECT_NE(alerts.status().message().find("'day'"), std::string::npos);
  alerts = FindAlerts(*store_, AlertOptions{}, "", "2025-02-30");
  EXPECT_FALSE(alerts.ok());
}

}  // namespace
}  // namespace griot
