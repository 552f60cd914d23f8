// Parallel coding gives the same result as serial coding, byte for byte:
// JSONL output, errors file, log, summary and store contents are compared
// for 1, 2 and 8 threads on the sample and on a corpus of hostile records
// (duplicates, broken JSON, other languages, empty and oversized texts, an
// unreadable input). Also: --shard splits a corpus into disjoint shards that
// cover it, and bad --shard values are refused naming the option.
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

#include "griot/run/code_run.h"
#include "griot/store/store.h"
#include "test_support.h"

namespace griot::testing {
namespace {

namespace fs = std::filesystem;

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The summary without its timings, which differ from run to run.
std::string CountsOf(const std::string& summary_json) {
  nlohmann::json j = nlohmann::json::parse(summary_json);
  j.erase("seconds");
  j.erase("load_seconds");
  return j.dump();
}

// The log without the last line (the summary, which ends with timings).
std::string LogWithoutSummary(const std::string& err) {
  size_t last = err.rfind("griot: read ");
  return last == std::string::npos ? err : err.substr(0, last);
}

struct RunResult {
  int status = -1;
  std::string out, err;
};

class ParallelTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("griot-parallel-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    WriteHostileCorpus();
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Path(const std::string& name) { return (dir_ / name).string(); }

  // Several hundred records, among them every way a record can end.
  void WriteHostileCorpus() {
    const char* lines[] = {
        "Malian soldiers detained two journalists in Gao on Monday.",
        "Police fired tear gas at protesters in Dakar after the vote.",
        "The junta in Niamey expelled the French ambassador.",
        "Rebels attacked an army post near Menaka, killing four soldiers.",
        "ECOWAS leaders met in Abuja to discuss the crisis in Guinea.",
    };
    std::ofstream in(Path("hostile.jsonl"), std::ios::binary);
    for (int i = 0; i < 400; ++i) {
      std::string text = std::string(lines[i % 5]) + " Report " + std::to_string(i) + ". " +
                         lines[(i + 2) % 5];
      if (i % 53 == 7) {
        in << "{broken json " << i << "\n";
      } else if (i % 41 == 3) {
        in << "[1,2,3]\n";
      } else if (i % 37 == 5) {
        in << "{\"id\":\"e" << i << "\",\"text\":\"\"}\n";
      } else if (i % 31 == 9) {
        in << "{\"id\":\"fr" << i
           << "\",\"text\":\"La junte au pouvoir a arrêté deux journalistes à Bamako lundi, selon "
              "des sources sécuritaires qui ont requis l'anonymat.\"}\n";
      } else if (i % 29 == 2) {
        in << "{\"id\":\"big" << i << "\",\"text\":\"" << std::string(3000, 'a') << "\"}\n";
      } else if (i % 23 == 4) {
        // The same document again, and a different text under an old id.
        in << "{\"id\":\"d" << i - 4 << "\",\"text\":\"" << lines[(i - 4) % 5] << " Report "
           << i - 4 << ". " << lines[(i - 2) % 5] << "\"}\n";
        in << "{\"id\":\"d" << i - 1 << "\",\"text\":\"Another text entirely: " << lines[i % 5]
           << "\"}\n";
      } else {
        in << "{\"id\":\"d" << i << "\",\"date\":\"2024-05-" << (10 + i % 19)
           << "\",\"text\":\"" << text << "\"}\n";
      }
    }
    // The whole file again: every record a duplicate of an earlier one.
    in.close();
    std::string once = Slurp(Path("hostile.jsonl"));
    std::ofstream(Path("again.jsonl"), std::ios::binary) << once.substr(0, once.size() / 3);
  }

  std::vector<std::string> Inputs() {
    return {SourcePath("samples/sahel-sample.jsonl"), Path("hostile.jsonl"), Path("missing.jsonl"),
            Path("again.jsonl")};
  }

  RunResult Run(const std::string& args) {
    std::string out = Path("stdout"), err = Path("stderr");
    std::string cmd = std::string(GRIOT_BINARY) + " " + args + " >" + out + " 2>" + err;
    int raw = std::system(cmd.c_str());
    RunResult r;
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.out = Slurp(out);
    r.err = Slurp(err);
    return r;
  }

  std::string InputArgs() {
    std::string args;
    for (const std::string& i : Inputs()) args += " " + i;
    return args;
  }

  fs::path dir_;
};

// What a user sees of `griot code --threads N`: stdout, the errors file, the
// log, the summary and the exit status are those of --threads 1.
TEST_F(ParallelTest, JsonlErrorsLogAndSummaryDoNotDependOnThreads) {
  RunResult reference;
  std::string ref_errors, ref_summary;
  for (int threads : {1, 2, 8}) {
    std::string t = std::to_string(threads);
    RunResult r = Run("code --max-doc-bytes 2000 --threads " + t + " --errors " + Path("errors" + t) +
                      " --summary-json " + Path("summary" + t) + InputArgs());
    std::string errors = Slurp(Path("errors" + t)), summary = CountsOf(Slurp(Path("summary" + t)));
    if (threads == 1) {
      reference = r;
      ref_errors = errors;
      ref_summary = summary;
      // The corpus exercises what it should.
      EXPECT_EQ(r.status, 1) << r.err;
      EXPECT_NE(r.out.find("sample-01"), std::string::npos);
      for (const char* reason : {"malformed JSON", "expected a JSON object", "language: fr",
                                 "empty text", "document too large"}) {
        EXPECT_NE(ref_summary.find(reason), std::string::npos) << reason << " in " << ref_summary;
      }
      EXPECT_NE(r.err.find("missing.jsonl"), std::string::npos) << r.err;
      continue;
    }
    EXPECT_EQ(r.status, reference.status) << "threads " << t;
    EXPECT_TRUE(r.out == reference.out) << "JSONL output differs with --threads " << t;
    EXPECT_EQ(errors, ref_errors) << "threads " << t;
    EXPECT_EQ(summary, ref_summary) << "threads " << t;
    EXPECT_EQ(LogWithoutSummary(r.err), LogWithoutSummary(reference.err)) << "threads " << t;
  }
}

// The store holds the same documents, events and accounts for any thread
// count, duplicates included ("already in the database" decided in order).
TEST_F(ParallelTest, StoreContentsDoNotDependOnThreads) {
  std::string reference, ref_summary;
  for (int threads : {1, 2, 8}) {
    std::string t = std::to_string(threads);
    std::string db = Path("t" + t + ".db");
    RunResult r = Run("code --max-doc-bytes 2000 --threads " + t + " --db " + db +
                      " --summary-json " + Path("summary" + t) + InputArgs());
    std::string contents = SqliteStoreContents(db), summary = CountsOf(Slurp(Path("summary" + t)));
    if (threads == 1) {
      reference = contents;
      ref_summary = summary;
      EXPECT_NE(summary.find("already in the database"), std::string::npos) << summary;
      continue;
    }
    EXPECT_TRUE(contents == reference) << "store differs with --threads " << t;
    EXPECT_EQ(summary, ref_summary) << "threads " << t;
  }
}

// In-process, so a ThreadSanitizer build of the tests sees every thread:
// the library's parallel run into a real store equals its serial run.
TEST_F(ParallelTest, LibraryRunIntoAStoreEqualsTheSerialRun) {
  Pipeline pipeline(&Kb(), Limits{2000});
  std::string contents[2];
  RunSummary summaries[2];
  for (int k = 0; k < 2; ++k) {
    std::string db = Path("lib" + std::to_string(k) + ".db");
    {
      auto store = Store::Open(db);
      ASSERT_TRUE(store.ok()) << store.status().message();
      CodeOptions options;
      options.threads = k == 0 ? 1 : 4;
      options.max_bytes_in_flight = 4096;  // tight: the bound is hit constantly
      std::ostringstream log;
      auto s = CodeInputs(pipeline, Inputs(), **store, log, options);
      ASSERT_TRUE(s.ok()) << s.status().message();
      summaries[k] = *s;
      ASSERT_TRUE((*store)->Finish(*s).ok());
    }
    contents[k] = SqliteStoreContents(db);
  }
  EXPECT_TRUE(contents[0] == contents[1]);
  EXPECT_EQ(summaries[0].documents_read, summaries[1].documents_read);
  EXPECT_EQ(summaries[0].documents_coded, summaries[1].documents_coded);
  EXPECT_EQ(summaries[0].events, summaries[1].events);
  EXPECT_EQ(summaries[0].reasons, summaries[1].reasons);
  EXPECT_EQ(summaries[0].documents_read,
            summaries[0].documents_coded + summaries[0].documents_skipped +
                summaries[0].documents_failed);
}

// Three shards, coded separately: each record is in exactly one of them,
// their events together are the unsharded run's, and the records of the
// other shards are counted apart, not as skipped.
TEST_F(ParallelTest, ShardsAreDisjointAndTogetherGiveTheWholeRun) {
  std::string inputs = " " + SourcePath("samples/sahel-sample.jsonl") + " " + Path("hostile.jsonl");
  RunResult whole = Run("code --threads 2 --errors " + Path("errors") + " --summary-json " +
                        Path("summary") + inputs);
  nlohmann::json all = nlohmann::json::parse(Slurp(Path("summary")));
  std::vector<std::string> whole_lines, shard_lines;
  std::istringstream w(whole.out);
  for (std::string l; std::getline(w, l);) whole_lines.push_back(l);
  uint64_t read = 0, coded = 0, failed = 0;
  std::string errors_together;
  for (int k = 1; k <= 3; ++k) {
    std::string s = std::to_string(k);
    RunResult r = Run("code --threads 2 --shard " + s + "/3 --errors " + Path("errors" + s) +
                      " --summary-json " + Path("summary" + s) + inputs);
    nlohmann::json j = nlohmann::json::parse(Slurp(Path("summary" + s)));
    EXPECT_GT(j["documents_read"].get<uint64_t>(), 0u) << "shard " << s;
    EXPECT_EQ(j["documents_read"].get<uint64_t>() + j["in_other_shards"].get<uint64_t>(),
              all["documents_read"].get<uint64_t>())
        << "shard " << s;
    EXPECT_NE(r.err.find("in other shards"), std::string::npos) << r.err;
    read += j["documents_read"].get<uint64_t>();
    coded += j["documents_coded"].get<uint64_t>();
    failed += j["documents_failed"].get<uint64_t>();
    std::istringstream o(r.out);
    for (std::string l; std::getline(o, l);) shard_lines.push_back(l);
    errors_together += Slurp(Path("errors" + s));
  }
  EXPECT_EQ(read, all["documents_read"].get<uint64_t>());
  EXPECT_EQ(coded, all["documents_coded"].get<uint64_t>());
  EXPECT_EQ(failed, all["documents_failed"].get<uint64_t>());
  std::sort(whole_lines.begin(), whole_lines.end());
  std::sort(shard_lines.begin(), shard_lines.end());
  EXPECT_TRUE(whole_lines == shard_lines) << "the shards' events are not the whole run's";
  EXPECT_EQ(errors_together.size(), Slurp(Path("errors")).size());

  // The same shard again gives the same documents.
  RunResult first = Run("code --threads 1 --shard 2/3" + inputs);
  RunResult again = Run("code --threads 2 --shard 2/3" + inputs);
  EXPECT_TRUE(first.out == again.out);
}

TEST_F(ParallelTest, BadShardValuesFailNamingTheOption) {
  for (const char* bad : {"0/3", "4/3", "1/0", "x"}) {
    RunResult r = Run(std::string("code --shard ") + bad + " " + Path("hostile.jsonl"));
    EXPECT_EQ(r.status, 2) << bad;
    EXPECT_NE(r.err.find("--shard"), std::string::npos) << bad << ": " << r.err;
    EXPECT_NE(r.err.find(bad), std::string::npos) << bad << ": " << r.err;
    EXPECT_TRUE(r.out.empty()) << bad;
  }
  RunResult r = Run("code --threads 0 " + Path("hostile.jsonl"));
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.err.find("--threads"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace griot::testing
