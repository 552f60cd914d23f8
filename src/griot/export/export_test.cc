// ExportEvents end to end: events written to an SQLite store, deduplicated,
// and exported in each format.
#include "griot/export/export.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>

#include "griot/export/sample_event_for_test.h"

namespace griot {
namespace {

class ExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // One file per test: ctest runs the tests of this suite in parallel processes.
    path_ = ::testing::TempDir() + "griot_export_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db";
    Remove();
    Result<std::unique_ptr<Store>> s = Store::Open(path_);
    ASSERT_TRUE(s.ok()) << s.status().message();
    store_ = std::move(*s);
    // Two reports of the sample event (one real-world event) and one other.
    Write("doc1", "2025-05-15", testing::SampleEvent());
    StoredEvent again = testing::SampleEvent();
    again.event_id = "doc2-0-0";
    again.sentence = 0;
    Write("doc2", "2025-05-16", again);
    StoredEvent other = testing::SampleEvent();
    other.event_id = "doc3-0-0";
    other.event = "PROTEST";
    other.cameo = "141";
    other.event_date = "2025-05-13";
    FillAnalysisDates(&other);
    Write("doc3", "2025-05-13", other);
    ASSERT_TRUE(store_->Finish(RunSummary{}).ok());
  }
  void TearDown() override {
    store_.reset();
    Remove();
  }
  void Remove() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path_ + suffix).c_str());
  }
  void Write(const std::string& id, const std::string& date, StoredEvent e) {
    StoredDocument d;
    d.id = id;
    d.date = date;
    d.url = "https://example.org/" + id;
    d.content_hash = id;
    e.doc_id = id;
    e.report_date = date;
    FillAnalysisDates(&e);
    ASSERT_TRUE(store_->WriteDocument(d, {e}).ok());
  }
  std::vector<std::string> Lines(const std::string& format, const EventFilter& filter = {}) {
    std::ostringstream out;
    Status st =
        ExportEvents(*store_, filter, format, out, {[](const std::string&) { return "ML"; }});
    EXPECT_TRUE(st.ok()) << st.message();
    std::vector<std::string> lines;
    std::istringstream in(out.str());
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
  }

  std::string path_;
  std::unique_ptr<Store> store_;
};

TEST_F(ExportTest, UnknownFormat) {
  std::ostringstream out;
  Status st = ExportEvents(*store_, {}, "acled", out);
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(st.message(), "export format 'acled' is unknown (accepted: plover, csv, gdelt)");
  EXPECT_TRUE(out.str().empty());
}

TEST_F(ExportTest, CanonicalEventsInDayOrder) {
  std::vector<std::string> plover = Lines("plover");
  ASSERT_EQ(plover.size(), 2u);
  nlohmann::json first = nlohmann::json::parse(plover[0]);
  nlohmann::json second = nlohmann::json::parse(plover[1]);
  EXPECT_EQ(first["id"], "doc3-0-0");  // 2025-05-13
  EXPECT_EQ(second["id"], "doc1-2-0");
  EXPECT_EQ(second["mentions"], 2);
  EXPECT_EQ(second["articles"], 2);
  EXPECT_EQ(second["first_reported"], "2025-05-15");
  EXPECT_EQ(second["last_reported"], "2025-05-16");
  EXPECT_EQ(second["doc"]["url"], "https://example.org/doc1");

  // The quoted sentence spans two physical lines: header + 2 records.
  std::vector<std::string> csv = Lines("csv");
  EXPECT_EQ(csv.size(), 1u + 2 * 2);

  std::vector<std::string> gdelt = Lines("gdelt");
  ASSERT_EQ(gdelt.size(), 2u);
  for (const std::string& line : gdelt) {
    EXPECT_EQ(std::count(line.begin(), line.end(), '\t'), 60) << line;
  }
  // NumMentions, NumSources (no document source: each document counts), NumArticles, AvgTone.
  EXPECT_NE(gdelt[1].find("\t2\t2\t2\t\t"), std::string::npos) << gdelt[1];
}

TEST_F(ExportTest, AllMentions) {
  EventFilter filter;
  filter.all_mentions = true;
  EXPECT_EQ(Lines("plover", filter).size(), 3u);
}

}  // namespace
}  // namespace griot
