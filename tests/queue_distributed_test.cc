// The distributed run issue 8 asks for: 10,000 documents enqueued, three
// `griot worker` processes (the real binary) coding them into PostgreSQL,
// one killed with SIGKILL mid-run. The survivors reclaim its entries, and
// the store ends up exactly as a single `griot code` of the same input:
// every document once, the same event ids, nothing pending, and the poison
// entry in the dead letters with its reason.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "griot/queue/queue_status.h"
#include "griot/queue/redis_client.h"
#include "griot/store/store.h"
#include "pg_support.h"
#include "queue_support.h"

namespace griot::testing {
namespace {

namespace fs = std::filesystem;

pid_t Spawn(std::vector<std::string> args, const std::string& err_file) {
  pid_t pid = ::fork();
  if (pid == 0) {
    std::string binary = GRIOT_BINARY;
    std::vector<char*> argv = {binary.data()};
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::FILE* err = std::freopen(err_file.c_str(), "w", stderr);
    (void)err;
    ::execv(binary.c_str(), argv.data());
    ::_exit(127);
  }
  return pid;
}

int Wait(pid_t pid) {
  int raw = 0;
  ::waitpid(pid, &raw, 0);
  if (WIFSIGNALED(raw)) return -WTERMSIG(raw);
  return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::vector<std::string> Column(Store& store, const std::string& sql) {
  std::vector<std::string> out;
  Status st = store.Select({sql, {}}, [&](const SqlRow& r) {
    out.push_back(SqlValueText(r[0]));
    return true;
  });
  EXPECT_TRUE(st.ok()) << st.message();
  return out;
}

// Small varied documents, most with an event.
std::string WriteCorpus(const fs::path& path, int n) {
  const char* who[] = {"Police", "Soldiers", "Rebels", "Protesters", "The government"};
  const char* did[] = {"arrested ten protesters", "attacked a village", "met opposition leaders",
                       "clashed with demonstrators", "released two journalists"};
  const char* where[] = {"Lagos", "Gao", "Kabul", "Caracas", "Mogadishu", "Dhaka", "Khartoum"};
  std::ofstream out(path);
  for (int i = 0; i < n; ++i) {
    out << "{\"id\":\"doc-" << i << "\",\"date\":\"2024-0" << (1 + i % 9) << "-1" << (i % 10)
        << "\",\"text\":\"" << who[i % 5] << " " << did[(i / 5) % 5] << " in " << where[i % 7]
        << " on Monday, officials said. Report number " << i << ".\"}\n";
  }
  return path.string();
}

TEST(QueueDistributedTest, ThreeWorkersOneKilledStoreEveryDocumentOnce) {
  std::string redis_server = RedisTestUrl();
  GRIOT_REDIS_OR_SKIP(redis_server);
  std::string pg_server = PgTestUrl();
  GRIOT_PG_OR_SKIP(pg_server);
  PgTestDatabase distributed(pg_server), single(pg_server);
  ASSERT_TRUE(distributed.error().empty()) << distributed.error();
  ASSERT_TRUE(single.error().empty()) << single.error();

  fs::path dir = fs::temp_directory_path() / UniqueStream("dist");
  fs::create_directories(dir);
  constexpr int kDocuments = 10000;
  std::string input = WriteCorpus(dir / "news.jsonl", kDocuments);
  std::string stream = UniqueStream("dist");
  std::string queue = redis_server + "/" + stream;

  ASSERT_EQ(Wait(Spawn({"enqueue", "--queue", queue, input}, (dir / "enqueue.err").string())), 0)
      << Slurp((dir / "enqueue.err").string());
  Result<QueueUrl> url = ParseQueueUrl(queue);
  auto redis = RedisClient::Connect(url->host, url->port);
  ASSERT_TRUE(redis.ok()) << redis.status().message();
  // The poison: an entry no worker can decode.
  Result<RedisValue> poison =
      (*redis)->Command({"XADD", stream, "*", "id", "poison", "text", "x", "line", "twelve"});
  ASSERT_TRUE(poison.ok());

  std::vector<pid_t> workers;
  for (int i = 0; i < 3; ++i) {
    workers.push_back(Spawn({"worker", "--queue", queue, "--db", distributed.url(), "--consumer",
                             "w" + std::to_string(i), "--claim-after", "2", "--batch", "50", "--drain"},
                            (dir / ("w" + std::to_string(i) + ".err")).string()));
  }
  // Kill the first worker once work is under way, while it holds entries
  // it has not acknowledged: frozen (SIGSTOP) until its pending list is
  // seen non-empty, then killed.
  auto store = Store::Open(distributed.url(), Store::Access::kReadOnly);
  int64_t held = 0;
  for (int tries = 0; tries < 6000 && held == 0; ++tries) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (!store.ok()) {
      store = Store::Open(distributed.url(), Store::Access::kReadOnly);
      continue;
    }
    std::vector<std::string> n = Column(**store, "SELECT COUNT(*) FROM documents");
    if (n.empty() || std::stoi(n[0]) < 1000) continue;
    ::kill(workers[0], SIGSTOP);
    Result<RedisValue> mine = (*redis)->Command({"XPENDING", stream, "griot", "-", "+", "100000", "w0"});
    held = mine.ok() ? static_cast<int64_t>(mine->elements.size()) : 0;
    if (held == 0) ::kill(workers[0], SIGCONT);
  }
  ASSERT_GT(held, 0) << "the first worker never held entries";
  ::kill(workers[0], SIGKILL);
  EXPECT_EQ(Wait(workers[0]), -SIGKILL);
  EXPECT_EQ(Wait(workers[1]), 0) << Slurp((dir / "w1.err").string());
  EXPECT_EQ(Wait(workers[2]), 0) << Slurp((dir / "w2.err").string());

  // The survivors took over what the dead one held.
  int64_t claimed = 0;
  for (const char* w : {"w1.err", "w2.err"}) {
    std::string log = Slurp((dir / w).string());
    size_t at = log.find(" claimed from idle workers");
    ASSERT_NE(at, std::string::npos) << log;
    size_t open = log.rfind('(', at);
    claimed += std::stoll(log.substr(open + 1, at - open - 1));
  }
  EXPECT_GE(claimed, held);

  // The same input, coded by one process.
  ASSERT_EQ(Wait(Spawn({"code", "-q", "--db", single.url(), input}, (dir / "single.err").string())), 0)
      << Slurp((dir / "single.err").string());

  ASSERT_TRUE(store.ok()) << store.status().message();
  auto reference = Store::Open(single.url(), Store::Access::kReadOnly);
  ASSERT_TRUE(reference.ok());
  std::vector<std::string> ids = Column(**store, "SELECT id FROM documents ORDER BY id");
  EXPECT_EQ(ids.size(), static_cast<size_t>(kDocuments));
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), ids.size());
  EXPECT_EQ(ids, Column(**reference, "SELECT id FROM documents ORDER BY id"));
  std::vector<std::string> events = Column(**store, "SELECT event_id FROM events ORDER BY event_id");
  EXPECT_GT(events.size(), 0u);
  EXPECT_EQ(std::set<std::string>(events.begin(), events.end()).size(), events.size());
  EXPECT_EQ(events, Column(**reference, "SELECT event_id FROM events ORDER BY event_id"));
  // Every record accounted once, as coded.
  EXPECT_EQ(Column(**store, "SELECT COUNT(*) FROM records WHERE outcome = 'coded'"),
            std::vector<std::string>{std::to_string(kDocuments)});

  Result<QueueStatus> status = ReadQueueStatus(**redis, stream, "griot");
  ASSERT_TRUE(status.ok()) << status.status().message();
  EXPECT_EQ(status->pending, 0);
  EXPECT_EQ(status->dead_letters, 1);
  Result<RedisValue> dead = (*redis)->Command({"XRANGE", stream + ":dead", "-", "+"});
  ASSERT_TRUE(dead.ok());
  ASSERT_EQ(dead->elements.size(), 1u);
  std::string fields;
  for (const RedisValue& v : dead->elements[0].elements[1].elements) fields += v.str + "|";
  EXPECT_NE(fields.find("entry|" + poison->str + "|"), std::string::npos) << fields;
  EXPECT_NE(fields.find("reason|malformed entry: line 'twelve' is not a number|"), std::string::npos)
      << fields;

  (*redis)->Command({"DEL", stream, stream + ":dead"});
  fs::remove_all(dir);
}

}  // namespace
}  // namespace griot::testing
