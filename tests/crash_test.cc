// Crash safety: `griot code --db` killed with SIGKILL at any moment leaves a
// database that a re-run (with or without --resume) completes into exactly
// the database an uninterrupted run writes: same documents, events and
// per-record accounts, nothing lost, nothing twice.
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "test_support.h"

namespace griot::testing {
namespace {

namespace fs = std::filesystem;

// Runs griot with `args`; kills it with SIGKILL after `kill_after` (never
// when negative). Returns the exit status, or -9 when it was killed.
int RunGriot(const std::vector<std::string>& args, std::chrono::microseconds kill_after) {
  pid_t pid = ::fork();
  if (pid == 0) {
    std::vector<char*> argv;
    std::string binary = GRIOT_BINARY;
    argv.push_back(binary.data());
    std::vector<std::string> copy = args;
    for (std::string& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    // Quiet: the test reads the database, not the log.
    std::FILE* null = std::freopen("/dev/null", "w", stderr);
    (void)null;
    ::execv(binary.c_str(), argv.data());
    ::_exit(127);
  }
  if (kill_after.count() >= 0) {
    std::this_thread::sleep_for(kill_after);
    ::kill(pid, SIGKILL);
  }
  int raw = 0;
  ::waitpid(pid, &raw, 0);
  if (WIFSIGNALED(raw)) return -WTERMSIG(raw);
  return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
}

class CrashTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("griot-crash-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    // A few thousand small stories, with bad records among them.
    const char* lines[] = {
        "Malian soldiers detained two journalists in Gao on Monday.",
        "Police fired tear gas at protesters in Dakar after the vote.",
        "The junta in Niamey expelled the French ambassador.",
        "Rebels attacked an army post near Menaka, killing four soldiers.",
        "ECOWAS leaders met in Abuja to discuss the crisis in Guinea.",
        "The government of Chad lifted the curfew in N'Djamena.",
    };
    std::ofstream in(dir_ / "input.jsonl");
    // Long enough that coding, not loading the knowledge base, fills most
    // of the run: the kill points must land between and inside commits.
    for (int i = 0; i < 5000; ++i) {
      if (i % 401 == 7) {
        in << "{broken json " << i << "\n";
      } else if (i % 397 == 11) {
        in << "{\"id\":\"e" << i << "\",\"text\":\"\"}\n";
      } else {
        in << "{\"id\":\"d" << i << "\",\"date\":\"2024-05-" << (10 + i % 19) << "\",\"text\":\""
           << lines[i % 6] << " Report number " << i << ". " << lines[(i + 1) % 6] << " "
           << lines[(i + 3) % 6] << "\"}\n";
      }
    }
    input_ = (dir_ / "input.jsonl").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Db(const std::string& name) {
    std::string p = (dir_ / name).string();
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(p + suffix);
    return p;
  }

  fs::path dir_;
  std::string input_;
};

TEST_F(CrashTest, KilledRunsResumeToTheUninterruptedDatabase) {
  std::string reference = Db("reference.db");
  auto t0 = std::chrono::steady_clock::now();
  // Coded on two threads (the records are written in input order whatever
  // the threads do, so kills land between commits just as in a serial run).
  ASSERT_EQ(RunGriot({"code", "--threads", "2", "--db", reference, input_},
                     std::chrono::microseconds(-1)),
            1);
  auto full = std::chrono::duration_cast<std::chrono::microseconds>(
      std::chrono::steady_clock::now() - t0);
  std::string expected = SqliteStoreContents(reference);
  ASSERT_NE(expected.find("\tcoded\t"), std::string::npos);
  // Kill points spread over the run, most of them while coding.
  int killed = 0, partial = 0;
  for (int k = 1; k <= 6; ++k) {
    std::string db = Db("killed-" + std::to_string(k) + ".db");
    int status = RunGriot({"code", "--threads", "2", "--db", db, input_}, full * (3 + 2 * k) / 16);
    if (status == -SIGKILL && fs::exists(db)) {
      std::string part = SqliteStoreContents(db);
      partial += part.find("\tcoded\t") != std::string::npos && part != expected;
    }
    killed += status == -SIGKILL;
    // Odd kill points re-run with --resume, even ones re-run plainly: both
    // must converge.
    std::vector<std::string> again = {"code", "--threads", "2", "--db", db, input_};
    if (k % 2) again.insert(again.begin() + 1, "--resume");
    int rerun = RunGriot(again, std::chrono::microseconds(-1));
    EXPECT_TRUE(rerun == 0 || rerun == 1) << "kill point " << k << ": exit " << rerun;
    EXPECT_EQ(SqliteStoreContents(db), expected) << "kill point " << k << " of 6";
  }
  EXPECT_GE(killed, 3) << "most runs should have been killed mid-way";
  EXPECT_GE(partial, 2) << "some kills should have left part of the work committed";
}

}  // namespace
}  // namespace griot::testing
