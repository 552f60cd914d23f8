// The store's commands as users run them: code two reports of one attack
// and a protest, then query, export, alert, brief and dedup through the
// real binary. (Engine differences: store_diff_test.cc.)
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "test_support.h"

namespace griot::testing {
namespace {

namespace fs = std::filesystem;

constexpr const char* kInput =
    R"({"id":"a","date":"2025-06-02","source":"Sahel Daily","title":"Soldiers kill civilians in Gao","url":"https://news.example/a","text":"Malian soldiers killed five civilians in the town of Gao on Sunday, witnesses said."}
{"id":"b","date":"2025-06-03","source":"River Post","title":"Gao killings","url":"https://news.example/b","text":"Malian troops shot dead five villagers in Gao on Sunday, residents said."}
{"id":"c","date":"2025-06-03","source":"River Post","title":"March in Bamako","text":"Hundreds of students protested in Bamako on Monday against the junta's decree."}
)";

class StoreCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("griot-store-cli-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    std::ofstream((dir_ / "news.jsonl").string()) << kInput;
    db_ = (dir_ / "events.db").string();
    Result r = Run("code -q --db " + db_ + " " + (dir_ / "news.jsonl").string());
    ASSERT_EQ(r.status, 0) << r.err;
  }
  void TearDown() override { fs::remove_all(dir_); }
  struct Result {
    int status = -1;
    std::string out, err;
  };
  Result Run(const std::string& args) {
    std::string out = (dir_ / "stdout").string(), err = (dir_ / "stderr").string();
    int raw = std::system((std::string(GRIOT_BINARY) + " " + args + " >" + out + " 2>" + err).c_str());
    Result r;
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.out = Slurp(out);
    r.err = Slurp(err);
    return r;
  }
  static std::string Slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  fs::path dir_;
  std::string db_;
};

TEST_F(StoreCliTest, TwoReportsCountAsOneEventWithTwoReports) {
  Result r = Run("query --db " + db_ + " --group-by type --format json");
  ASSERT_EQ(r.status, 0) << r.err;
  nlohmann::json rows = nlohmann::json::parse(r.out);
  ASSERT_EQ(rows.size(), 2u) << r.out;
  EXPECT_EQ(rows[0]["type"], "ASSAULT");
  EXPECT_EQ(rows[0]["events"], 1);
  EXPECT_EQ(rows[0]["reports"], 2);
  r = Run("query --db " + db_ + " --all-mentions --format csv");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("a-0-0"), std::string::npos);
  EXPECT_NE(r.out.find("b-0-0"), std::string::npos);
}

TEST_F(StoreCliTest, FiltersFromTheCommandLine) {
  Result r = Run("query --db " + db_ + " --near Gao,30 --format csv");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("a-0-0"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("c-0-0"), std::string::npos) << r.out;
  r = Run("query --db " + db_ + " --text 'JUNTA decree' --format csv");
  EXPECT_NE(r.out.find("c-0-0"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("a-0-0"), std::string::npos) << r.out;
  r = Run("query --db " + db_ + " --actor 'MLI EDU' --group-by actor");
  EXPECT_NE(r.out.find("MLI EDU"), std::string::npos) << r.out;
  r = Run("query --db " + db_ + " --from 2025-02-30x");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("--from: '2025-02-30x'"), std::string::npos) << r.err;
  r = Run("query --db " + (dir_ / "missing.db").string());
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("missing.db"), std::string::npos) << r.err;
}

TEST_F(StoreCliTest, ExportsInThreeFormats) {
  Result r = Run("export --db " + db_ + " --format gdelt");
  ASSERT_EQ(r.status, 0) << r.err;
  std::istringstream lines(r.out);
  std::string line;
  int rows = 0;
  while (std::getline(lines, line)) {
    ++rows;
    EXPECT_EQ(std::count(line.begin(), line.end(), '\t'), 60) << line;
  }
  EXPECT_EQ(rows, 2);  // the attack once, the protest
  EXPECT_NE(r.out.find("\tML\t"), std::string::npos);  // FIPS country code of Mali
  std::string out = (dir_ / "events.jsonl").string();
  r = Run("export --db " + db_ + " --format plover -o " + out);
  ASSERT_EQ(r.status, 0) << r.err;
  std::ifstream in(out);
  ASSERT_TRUE(std::getline(in, line));
  nlohmann::json j = nlohmann::json::parse(line);
  EXPECT_EQ(j["event_type"], "ASSAULT");
  r = Run("export --db " + db_ + " --format csv --country MLI --type PROTEST");
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 2) << r.out;  // header + one row
  r = Run("export --db " + db_ + " --format xml");
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.err.find("xml"), std::string::npos) << r.err;
}

TEST_F(StoreCliTest, BriefAndAlertsAndDedup) {
  std::string html = (dir_ / "mali.html").string();
  Result r = Run("brief --db " + db_ + " --country MLI -o " + html);
  ASSERT_EQ(r.status, 0) << r.err;
  std::string page = Slurp(html);
  EXPECT_NE(page.find("Mali"), std::string::npos);
  EXPECT_NE(page.find("<svg"), std::string::npos);
  EXPECT_EQ(page.find("<script"), std::string::npos);
  EXPECT_NE(page.find("<mark class=\"t\">killed</mark> five"), std::string::npos);  // the sentence, trigger marked
  EXPECT_NE(page.find("<mark"), std::string::npos);
  std::string md = (dir_ / "mali.md").string();
  r = Run("brief --db " + db_ + " --country MLI --format md -o " + md);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(Slurp(md).find("| ASSAULT"), std::string::npos);
  r = Run("alerts --db " + db_ + " --format json");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out).size(), 0u);  // three events are no rise
  r = Run("dedup --db " + db_ + " --rebuild");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("3 records of 2 distinct events"), std::string::npos) << r.err;
  r = Run("report --db " + db_);
  EXPECT_NE(r.out.find("3 events (2 distinct"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace griot::testing
