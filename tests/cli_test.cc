// Tests of the griot program as users run it: real inputs on disk, the real
// binary, its stdout, stderr, exit status and database.
#include <sqlite3.h>
#include <unistd.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "test_support.h"

namespace griot::testing {
namespace {

namespace fs = std::filesystem;

struct RunResult {
  int status = -1;
  std::string out, err;
};

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("griot-cli-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& content) {
    std::string p = (dir_ / name).string();
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }

  RunResult Run(const std::string& args, const std::string& stdin_file = "") {
    std::string out = (dir_ / "stdout").string(), err = (dir_ / "stderr").string();
    std::string cmd = std::string(GRIOT_BINARY) + " " + args + " >" + out + " 2>" + err;
    if (!stdin_file.empty()) cmd += " <" + stdin_file;
    int raw = std::system(cmd.c_str());
    RunResult r;
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.out = Slurp(out);
    r.err = Slurp(err);
    return r;
  }

  fs::path dir_;
};

int Lines(const std::string& s) {
  int n = 0;
  for (char c : s) n += c == '\n';
  return n;
}

TEST_F(CliTest, CodesJsonlToEventsOnStdout) {
  std::string in = Write("in.jsonl",
                         R"({"id":"d1","date":"2025-05-13","text":"Malian soldiers detained two journalists in Gao."})"
                         "\n");
  RunResult r = Run("code " + in);
  EXPECT_EQ(r.status, 0) << r.err;
  ASSERT_EQ(Lines(r.out), 1) << r.out;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["doc_id"], "d1");
  EXPECT_EQ(j["event"], "COERCE");
  EXPECT_EQ(j["mode"], "arrest");
  EXPECT_EQ(j["actor"][0]["code"], "MLI");
  EXPECT_EQ(j["actor"][0]["sector"], "MIL");
  EXPECT_EQ(j["recipient"][0]["sector"], "MED");
  EXPECT_EQ(j["sentence"], 0);
  // The trigger span points at the words that justify the event.
  std::string text = j["text"];
  auto span = j["spans"]["trigger"];
  EXPECT_EQ(text.substr(span[0], int(span[1]) - int(span[0])), "detained");
  for (const char* key : {"event_id", "context", "cameo", "quad", "score", "pattern", "confidence"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
}

TEST_F(CliTest, BadRecordsAreReportedAndTheRestIsCoded) {
  std::string in = Write("mixed.jsonl",
                         "{\"id\":\"ok1\",\"text\":\"Police arrested dozens of protesters.\"}\n"
                         "{\"id\":\"broken\",\"text\":\"unterminated\n"
                         "{\"id\":\"notext\"}\n"
                         "{\"id\":\"empty\",\"text\":\"   \"}\n"
                         "{\"id\":\"bad\",\"text\":\"caf\xC3\x28 attack\"}\n"
                         "{\"id\":\"ok2\",\"text\":\"Rebels attacked an army base in Mali.\"}\n");
  RunResult r = Run("code " + in);
  EXPECT_EQ(r.status, 1) << "partial success";
  EXPECT_NE(r.err.find("mixed.jsonl:2: malformed JSON"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("mixed.jsonl:3: missing 'text'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("mixed.jsonl:4: empty text"), std::string::npos) << r.err;
  // Bytes that are not UTF-8 are read as Windows-1252, with a warning that
  // names the line, and the record is coded.
  EXPECT_NE(r.err.find("mixed.jsonl:5: read as windows-1252"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("read 6 documents: 3 coded, 1 skipped, 2 failed"), std::string::npos)
      << r.err;
  EXPECT_NE(r.out.find("\"doc_id\":\"ok1\""), std::string::npos);
  EXPECT_NE(r.out.find("\"doc_id\":\"ok2\""), std::string::npos);
}

TEST_F(CliTest, NothingCodableIsFailure) {
  std::string in = Write("bad.jsonl", "not json\n");
  EXPECT_EQ(Run("code " + in).status, 2);
  EXPECT_EQ(Run("code " + (dir_ / "missing.jsonl").string()).status, 2);
}

TEST_F(CliTest, ReadsTextFilesAndStdin) {
  std::string txt = Write("report-17.txt", "Nigerien troops killed ten jihadists near Tillaberi.");
  RunResult r = Run("code " + txt);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("\"doc_id\":\"report-17.txt\""), std::string::npos) << r.out;
  std::string in = Write("in.jsonl", "{\"id\":\"s1\",\"text\":\"Nigerien troops killed ten jihadists.\"}\n");
  r = Run("code -", in);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("\"doc_id\":\"s1\""), std::string::npos) << r.out;
}

TEST_F(CliTest, DatabaseHoldsDocumentsEventsAndRunSummary) {
  std::string db = (dir_ / "events.db").string();
  RunResult r = Run("code --db " + db + " " + SourcePath("samples/sahel-sample.jsonl"));
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(r.out.empty()) << "events go to the database, not stdout";
  sqlite3* h = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
  auto count = [&](const char* sql) {
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(h, sql, -1, &st, nullptr);
    long n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_finalize(st);
    return n;
  };
  EXPECT_EQ(count("SELECT COUNT(*) FROM documents"), 12);
  long events = count("SELECT COUNT(*) FROM events");
  EXPECT_GT(events, 20);
  EXPECT_EQ(count("SELECT documents_coded FROM runs"), 12);
  EXPECT_EQ(count("SELECT events FROM runs"), events);
  // The flood report gives no conflict event.
  EXPECT_EQ(count("SELECT COUNT(*) FROM events e JOIN documents d ON d.id = e.doc_id "
                  "WHERE d.title LIKE '%lood%'"),
            0);
  sqlite3_close(h);
  // Coding the same input again replaces rather than duplicates.
  r = Run("code --db " + db + " " + SourcePath("samples/sahel-sample.jsonl"));
  ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
  EXPECT_EQ(count("SELECT COUNT(*) FROM events"), events);
  sqlite3_close(h);
  RunResult rep = Run("report --db " + db);
  EXPECT_EQ(rep.status, 0);
  EXPECT_NE(rep.out.find("Events by type"), std::string::npos);
}

TEST_F(CliTest, VersionOneDatabasesAreMigrated) {
  std::string db = (dir_ / "v1.db").string();
  sqlite3* h = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
  // The schema as issue 2 wrote it.
  ASSERT_EQ(sqlite3_exec(h,
                         "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                         "INSERT INTO meta VALUES ('schema_version', '1');"
                         "CREATE TABLE events (event_id TEXT PRIMARY KEY, doc_id TEXT NOT NULL,"
                         " sentence INTEGER NOT NULL, event TEXT NOT NULL, mode TEXT NOT NULL,"
                         " context TEXT NOT NULL, actor TEXT NOT NULL, recipient TEXT NOT NULL,"
                         " actor_code TEXT, recipient_code TEXT, cameo TEXT, quad INTEGER,"
                         " score REAL, text TEXT NOT NULL, spans TEXT NOT NULL,"
                         " pattern TEXT NOT NULL, confidence REAL NOT NULL, date TEXT);",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(h);
  std::string in = Write("in.jsonl",
                         "{\"id\":\"a\",\"date\":\"2025-05-15\",\"text\":\"Police arrested 30 "
                         "protesters in Niamey on Tuesday.\"}\n");
  RunResult r = Run("code --db " + db + " " + in);
  EXPECT_EQ(r.status, 0) << r.err;
  ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(h, "SELECT event_date, date_granularity, counts FROM events", -1,
                               &st, nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), "2025-05-13");
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(st, 1)), "day");
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(st, 2)), "{\"arrested\":[30,30]}");
  sqlite3_finalize(st);
  sqlite3_close(h);
}

TEST_F(CliTest, UnknownActorsAreListedWithExamples) {
  std::string in = Write("in.jsonl",
                         "{\"id\":\"a\",\"text\":\"Zorblat Quenty condemned the arrests. Zorblat "
                         "Quenty also accused the army of abuses.\"}\n"
                         "{\"id\":\"b\",\"text\":\"Police arrested Mavo Trell in Bamako.\"}\n");
  RunResult r = Run("actors --unknown " + in);
  EXPECT_EQ(r.status, 0) << r.err;
  size_t first = r.out.find("Zorblat Quenty  (2 / 2)");
  EXPECT_NE(first, std::string::npos) << r.out;
  EXPECT_NE(r.out.find("a: Zorblat Quenty condemned the arrests."), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Mavo Trell"), std::string::npos) << r.out;
  EXPECT_LT(first, r.out.find("Mavo Trell")) << "more frequent names come first";
}

TEST_F(CliTest, DictCheckPassesOnTheRepositoryAndNamesProblems) {
  RunResult r = Run("dict check " + SourcePath("kb/en"));
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find(" 0 errors"), std::string::npos) << r.out;
  fs::copy(SourcePath("kb/en"), dir_ / "kb", fs::copy_options::recursive);
  std::ofstream(dir_ / "kb" / "patterns" / "coerce.txt", std::ios::app)
      << "verb frobnicate | mode=jail\n";
  r = Run("dict check " + (dir_ / "kb").string());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("patterns/coerce.txt:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("jail"), std::string::npos) << r.out;
}

TEST_F(CliTest, DictImportWritesGriotFiles) {
  // A small actor dictionary in TABARI's format (our own entries).
  std::string dict = Write("actors.txt",
                           "ZORBLAT_QUENTY_ [ZNDGOV 20190101-20230101]\n"
                           "+QUENTY_\n"
                           "COUNCIL_OF_LAKE_STATES_ [IGOLKS]\n");
  fs::path out = dir_ / "imported";
  RunResult r = Run("dict import --format tabari -o " + out.string() + " " + dict);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("imported"), std::string::npos) << r.err;
  std::string people = Slurp((out / "people.txt").string());
  EXPECT_NE(people.find("griot-kb people 1"), std::string::npos) << people;
  EXPECT_NE(people.find("Zorblat Quenty"), std::string::npos) << people;
  EXPECT_NE(people.find("2019-01-01"), std::string::npos) << people;
  EXPECT_NE(Slurp((out / "organizations.txt").string()).find("IGO"), std::string::npos);
  // Existing files are not overwritten without --force.
  EXPECT_EQ(Run("dict import --format tabari -o " + out.string() + " " + dict).status, 2);
  EXPECT_EQ(Run("dict import --format tabari " + (dir_ / "missing.txt").string()).status, 2);
}

TEST_F(CliTest, SummaryJsonAddsUp) {
  std::string in = Write("in.jsonl",
                         "{\"id\":\"a\",\"text\":\"Police arrested ten protesters.\"}\n"
                         "{\"id\":\"b\"}\n");
  std::string js = (dir_ / "summary.json").string();
  Run("code --summary-json " + js + " " + in);
  auto j = nlohmann::json::parse(Slurp(js));
  EXPECT_EQ(j["documents_read"], 2);
  EXPECT_EQ(j["documents_coded"].get<int>() + j["documents_skipped"].get<int>() +
                j["documents_failed"].get<int>(),
            2);
  EXPECT_GE(j["events"], 1);
}

TEST_F(CliTest, BrokenKnowledgeBaseNamesFileAndLine) {
  fs::copy(SourcePath("kb/en"), dir_ / "kb", fs::copy_options::recursive);
  std::ofstream(dir_ / "kb" / "agents.txt", std::ios::app) << "soldier without sector\n";
  std::string in = Write("in.jsonl", "{\"id\":\"a\",\"text\":\"x\"}\n");
  RunResult r = Run("code --kb " + (dir_ / "kb").string() + " " + in);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("agents.txt:"), std::string::npos) << r.err;
}

}  // namespace
// Every record ends in exactly one outcome; the errors file lists the
// skipped and failed ones; a re-run into the same database adds nothing.
TEST_F(CliTest, RecordsAreAccountedAndRerunsAddNothing) {
  std::string in = Write("in.jsonl",
                         "{\"id\":\"a\",\"text\":\"Malian soldiers arrested two journalists.\"}\n"
                         "{\"id\":\"b\",\"text\":\"\"}\n"
                         "this is not json\n"
                         "{\"id\":\"c\",\"text\":\"Police fired tear gas at protesters.\"}\n");
  std::string db = (dir_ / "e.db").string(), errors = (dir_ / "errors.jsonl").string();
  RunResult r = Run("code --db " + db + " --errors " + errors + " " + in);
  EXPECT_EQ(r.status, 1) << r.err;
  std::istringstream lines(Slurp(errors));
  std::string line;
  std::vector<nlohmann::json> rows;
  while (std::getline(lines, line)) rows.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0]["line"], 2);
  EXPECT_EQ(rows[0]["outcome"], "skipped");
  EXPECT_EQ(rows[0]["reason"], "empty text");
  EXPECT_EQ(rows[0]["id"], "b");
  EXPECT_EQ(rows[1]["line"], 3);
  EXPECT_EQ(rows[1]["outcome"], "failed");
  EXPECT_NE(rows[1]["message"].get<std::string>().find("in.jsonl:3"), std::string::npos);

  RunResult again = Run("code --db " + db + " " + in);
  EXPECT_NE(again.err.find("already in the database: 2"), std::string::npos) << again.err;
  sqlite3* h = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
  auto count = [&](const char* sql) {
    sqlite3_stmt* st = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(h, sql, -1, &st, nullptr), SQLITE_OK);
    EXPECT_EQ(sqlite3_step(st), SQLITE_ROW);
    int64_t n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
  };
  EXPECT_EQ(count("SELECT count(*) FROM documents"), 2);
  EXPECT_EQ(count("SELECT count(*) FROM records"), 4);
  EXPECT_EQ(count("SELECT count(*) FROM records WHERE outcome = 'coded'"), 2);
  // Each run's numbers add up.
  EXPECT_EQ(count("SELECT count(*) FROM runs WHERE documents_read = "
                  "documents_coded + documents_skipped + documents_failed"),
            2);
  int64_t events = count("SELECT count(*) FROM events");
  EXPECT_GE(events, 2);
  sqlite3_close(h);
  // --resume reads nothing twice.
  RunResult resumed = Run("code --resume --db " + db + " " + in);
  EXPECT_NE(resumed.err.find("4 records already accounted"), std::string::npos) << resumed.err;
}

}  // namespace griot::testing
