// Crash safety on PostgreSQL, as tests/crash_test.cc checks it on SQLite:
// `griot code --db postgresql://...` killed with SIGKILL mid-run leaves a
// database that a re-run completes into exactly what an uninterrupted run
// stores.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "griot/store/store.h"
#include "pg_support.h"
#include "test_support.h"

namespace griot::testing {
namespace {

namespace fs = std::filesystem;

// Starts griot with `args`.
pid_t StartGriot(std::vector<std::string> args) {
  pid_t pid = ::fork();
  if (pid == 0) {
    std::string binary = GRIOT_BINARY;
    std::vector<char*> argv = {binary.data()};
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::FILE* null = std::freopen("/dev/null", "w", stderr);
    (void)null;
    ::execv(binary.c_str(), argv.data());
    ::_exit(127);
  }
  return pid;
}

int ExitStatus(int raw) {
  if (WIFSIGNALED(raw)) return -WTERMSIG(raw);
  return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
}

// Exit status of griot run with `args`.
int RunGriot(std::vector<std::string> args) {
  int raw = 0;
  ::waitpid(StartGriot(std::move(args)), &raw, 0);
  return ExitStatus(raw);
}

// Records accounted in the database at `url` (0 before the schema exists).
int64_t RecordsStored(const std::string& url) {
  auto store = Store::Open(url, Store::Access::kReadOnly);
  if (!store.ok()) return 0;
  int64_t n = 0;
  (void)(*store)->Select({"SELECT COUNT(*) FROM records", {}}, [&](const SqlRow& r) {
    n = SqlValueInt(r[0]);
    return false;
  });
  return n;
}

// Exit status of griot run with `args`, or -9 when killed once `records`
// records are committed to `url`: by progress, not by time, so that a
// slow or busy machine still kills mid-way after a partial commit.
int RunGriotKilledAfter(std::vector<std::string> args, const std::string& url, int64_t records) {
  pid_t pid = StartGriot(std::move(args));
  int raw = 0;
  while (::waitpid(pid, &raw, WNOHANG) == 0) {
    if (RecordsStored(url) >= records) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &raw, 0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return ExitStatus(raw);
}

// What a run stores about the input, in a canonical order ("" when the
// store cannot be opened, e.g. killed before creating the schema).
std::string Contents(const std::string& url) {
  auto store = Store::Open(url, Store::Access::kReadOnly);
  if (!store.ok()) return "";
  std::string out;
  for (const char* sql :
       {"SELECT id, title, date, input, line, sentences, events, content_hash FROM documents ORDER BY id",
        // Ids from sequences may differ (a killed transaction's numbers
        // are not given back): locations are compared by their keys.
        "SELECT e.event_id, e.doc_id, e.sentence, e.event, e.actor, e.recipient, e.text, e.date, "
        "e.event_date, e.location, e.actor_key, e.day, l.name, l.lat, l.lon, e.is_canonical, "
        "e.mentions, e.articles, e.sources, e.first_reported, e.last_reported FROM events e "
        "LEFT JOIN locations l ON l.location_id = e.location_id ORDER BY e.event_id",
        "SELECT p.event_id, p.role, p.position, n.code, n.sector, n.name FROM participants p "
        "JOIN entities n ON n.entity_id = p.entity_id ORDER BY 1, 2, 3",
        "SELECT input, line, id, outcome, reason, message FROM records ORDER BY input, line"}) {
    Status st = (*store)->Select({sql, {}}, [&](const SqlRow& row) {
      for (const SqlValue& v : row) out += (std::holds_alternative<std::monostate>(v) ? "NULL" : SqlValueText(v)) + "\t";
      out += '\n';
      return true;
    });
    EXPECT_TRUE(st.ok()) << st.message();
    out += "--\n";
  }
  return out;
}

TEST(PgCrashTest, KilledRunsResumeToTheUninterruptedDatabase) {
  std::string server = PgTestUrl();
  GRIOT_PG_OR_SKIP(server);
  fs::path dir = fs::temp_directory_path() / ("griot-pgcrash-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::string input = (dir / "input.jsonl").string();
  {
    const char* lines[] = {
        "Malian soldiers detained two journalists in Gao on Monday.",
        "Police fired tear gas at protesters in Dakar after the vote.",
        "Rebels attacked an army post near Menaka, killing four soldiers.",
        "ECOWAS leaders met in Abuja to discuss the crisis in Guinea.",
    };
    std::ofstream in(input);
    for (int i = 0; i < 3000; ++i) {
      if (i % 401 == 7) {
        in << "{broken json " << i << "\n";
      } else {
        in << "{\"id\":\"d" << i << "\",\"date\":\"2024-05-" << (10 + i % 19) << "\",\"text\":\""
           << lines[i % 4] << " Report number " << i << ". " << lines[(i + 1) % 4] << "\"}\n";
      }
    }
  }
  PgTestDatabase reference(server);
  ASSERT_EQ(reference.error(), "");
  ASSERT_EQ(RunGriot({"code", "--db", reference.url(), input}), 1);
  std::string expected = Contents(reference.url());
  ASSERT_NE(expected.find("\tcoded\t"), std::string::npos);
  int killed = 0, partial = 0;
  for (int k = 1; k <= 4; ++k) {
    PgTestDatabase db(server);
    ASSERT_EQ(db.error(), "");
    int status = RunGriotKilledAfter({"code", "--db", db.url(), input}, db.url(), 500 * k);
    if (status == -SIGKILL) {
      ++killed;
      std::string part = Contents(db.url());
      partial += part.find("\tcoded\t") != std::string::npos && part != expected;
    }
    std::vector<std::string> again = {"code", "--db", db.url(), input};
    if (k % 2) again.insert(again.begin() + 1, "--resume");
    int rerun = RunGriot(again);
    EXPECT_TRUE(rerun == 0 || rerun == 1) << "kill point " << k << ": exit " << rerun;
    EXPECT_EQ(Contents(db.url()), expected) << "kill point " << k << " of 4";
  }
  EXPECT_GE(killed, 2) << "most runs should have been killed mid-way";
  EXPECT_GE(partial, 1) << "some kills should have left part of the work committed";
  fs::remove_all(dir);
}

}  // namespace
}  // namespace griot::testing
