// The work queue against a real Redis (fixture `redis`): `griot enqueue`,
// a worker in this process coding into SQLite, and `griot status`.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "griot/queue/enqueue.h"
#include "griot/queue/queue_status.h"
#include "griot/queue/stream_entry.h"
#include "griot/queue/worker.h"
#include "griot/store/store.h"
#include "queue_support.h"
#include "test_support.h"

namespace griot::testing {
namespace {

namespace fs = std::filesystem;

struct Output {
  int status = -1;
  std::string out;
};

// Runs the griot binary; stdout is captured, stderr goes to `err_file`.
Output RunGriot(const std::string& args, const std::string& err_file) {
  Output o;
  std::string cmd = std::string(GRIOT_BINARY) + " " + args + " 2>" + err_file;
  FILE* p = popen(cmd.c_str(), "r");
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) o.out.append(buf, n);
  int raw = pclose(p);
  o.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return o;
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

class QueueServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = RedisTestUrl();
    dir_ = fs::temp_directory_path() / UniqueStream("dir");
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::unique_ptr<RedisClient> Connect(const QueueUrl& u) {
    auto c = RedisClient::Connect(u.host, u.port);
    EXPECT_TRUE(c.ok()) << c.status().message();
    return c.ok() ? std::move(*c) : nullptr;
  }
  std::string Write(const std::string& name, const std::string& text) {
    std::string path = (dir_ / name).string();
    std::ofstream(path) << text;
    return path;
  }
  std::string server_;
  fs::path dir_;
};

TEST_F(QueueServerTest, EnqueueAddsOneEntryPerDocumentAndReportsRejectedRecords) {
  GRIOT_REDIS_OR_SKIP(server_);
  std::string input = Write("news.jsonl",
                            "{\"id\":\"a\",\"text\":\"Police arrested ten protesters in Lagos.\"}\n"
                            "{\"text\":\"no id here\"}\n"
                            "not json\n"
                            "{\"id\":\"b\",\"text\":\"Rebels attacked a village near Gao.\"}\n");
  std::string queue = server_ + "/" + UniqueStream("enqueue");
  std::string err = (dir_ / "err").string();
  Output o = RunGriot("enqueue --queue " + queue + " " + input, err);
  EXPECT_EQ(o.status, 1);  // partial: two records rejected
  std::string log = Slurp(err);
  EXPECT_NE(log.find("enqueued 2 documents"), std::string::npos) << log;
  EXPECT_NE(log.find("2 rejected"), std::string::npos) << log;
  EXPECT_NE(log.find(input + ":2"), std::string::npos) << log;
  EXPECT_NE(log.find(input + ":3"), std::string::npos) << log;

  Output s = RunGriot("status --format json --queue " + queue, err);
  ASSERT_EQ(s.status, 0) << Slurp(err);
  nlohmann::json j = nlohmann::json::parse(s.out);
  EXPECT_EQ(j["length"], 2);
  EXPECT_EQ(j["group_exists"], false);
  EXPECT_EQ(j["dead_letters"], 0);
}

TEST_F(QueueServerTest, BadQueueUrlAndUnreachableServerFailClearly) {
  std::string err = (dir_ / "err").string();
  Output bad = RunGriot("status --queue redis://localhost", err);
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(Slurp(err).find("bad queue URL 'redis://localhost'"), std::string::npos) << Slurp(err);
  Output down = RunGriot("enqueue --queue redis://127.0.0.1:1/x " + Write("a.txt", "text"), err);
  EXPECT_EQ(down.status, 2);
  EXPECT_NE(Slurp(err).find("redis 127.0.0.1:1: cannot connect"), std::string::npos) << Slurp(err);
}

TEST_F(QueueServerTest, WorkerStoresEveryDocumentAcksAndDeadLettersPoison) {
  GRIOT_REDIS_OR_SKIP(server_);
  std::string stream = UniqueStream("worker");
  Result<QueueUrl> url = ParseQueueUrl(server_ + "/" + stream);
  ASSERT_TRUE(url.ok());
  auto redis = Connect(*url);
  ASSERT_TRUE(redis);
  std::string input = Write("news.jsonl",
                            "{\"id\":\"a\",\"text\":\"Police arrested ten protesters in Lagos on Monday.\"}\n"
                            "{\"id\":\"b\",\"text\":\"Rebels attacked a village near Gao, killing five people.\"}\n"
                            "{\"id\":\"c\",\"text\":\"\"}\n");
  EnqueueSummary es;
  std::ostringstream elog;
  ASSERT_TRUE(EnqueueInputs(*redis, stream, {input}, elog, &es).ok());
  EXPECT_EQ(es.enqueued, 3u);
  ASSERT_TRUE(redis->Command({"XADD", stream, "*", "id", "poison", "text", "x", "line", "NaN"}).ok());

  auto store = Store::Open((dir_ / "events.db").string());
  ASSERT_TRUE(store.ok());
  Pipeline pipeline(&Kb());
  WorkerOptions o;
  o.stream = stream;
  o.consumer = "test-worker";
  o.drain = true;
  o.block_ms = 100;
  std::atomic<bool> stop{false};
  std::ostringstream log;
  Result<WorkerSummary> s = RunWorker(pipeline, **store, *redis, o, stop, log);
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->acknowledged, 4u);
  EXPECT_EQ(s->dead_letters, 1u);
  EXPECT_EQ(s->run.documents_coded, 2u);
  EXPECT_EQ(s->run.documents_skipped, 1u);  // empty text: skipped, not dead

  int64_t docs = 0;
  ASSERT_TRUE((*store)->Select({"SELECT COUNT(*) FROM documents", {}}, [&](const SqlRow& r) {
    docs = SqlValueInt(r[0]);
    return true;
  }).ok());
  EXPECT_EQ(docs, 2);

  Result<RedisValue> dead = redis->Command({"XRANGE", stream + ":dead", "-", "+"});
  ASSERT_TRUE(dead.ok());
  ASSERT_EQ(dead->elements.size(), 1u);
  std::string fields;
  for (const RedisValue& v : dead->elements[0].elements[1].elements) fields += v.str + "|";
  EXPECT_NE(fields.find("id|poison|"), std::string::npos) << fields;
  EXPECT_NE(fields.find("reason|malformed entry: line 'NaN' is not a number|"), std::string::npos) << fields;
  EXPECT_NE(fields.find("consumer|test-worker|"), std::string::npos) << fields;

  Result<QueueStatus> st = ReadQueueStatus(*redis, stream, "griot");
  ASSERT_TRUE(st.ok()) << st.status().message();
  EXPECT_EQ(st->length, 4);
  EXPECT_EQ(st->pending, 0);
  EXPECT_EQ(st->dead_letters, 1);
  ASSERT_EQ(st->consumers.size(), 1u);
  EXPECT_EQ(st->consumers[0].name, "test-worker");
  std::string text = FormatQueueStatus(*st);
  EXPECT_NE(text.find("stream " + stream + ": 4 entries"), std::string::npos) << text;
  EXPECT_NE(text.find("0 pending"), std::string::npos) << text;
  EXPECT_NE(text.find("dead letters: 1"), std::string::npos) << text;
  if (st->lag >= 0) {
    EXPECT_EQ(st->lag, 0);  // Redis 7 reports it
  }
  redis->Command({"DEL", stream, stream + ":dead"});
}

TEST_F(QueueServerTest, ReclaimsEntriesOfADeadConsumerAndGivesUpAfterMaxAttempts) {
  GRIOT_REDIS_OR_SKIP(server_);
  std::string stream = UniqueStream("claim");
  Result<QueueUrl> url = ParseQueueUrl(server_ + "/" + stream);
  auto redis = Connect(*url);
  ASSERT_TRUE(redis);
  ASSERT_TRUE(EnsureGroup(*redis, stream, "griot").ok());
  Document doc;
  doc.id = "d1";
  doc.text = "Police arrested ten protesters in Lagos on Monday.";
  doc.input = "x.jsonl";
  doc.line = 1;
  std::vector<std::string> xadd = {"XADD", stream, "*"};
  for (auto& [k, v] : EncodeDocument(doc)) {
    xadd.push_back(k);
    xadd.push_back(v);
  }
  ASSERT_TRUE(redis->Command(xadd).ok());
  doc.id = "d2";
  xadd[4] = "d2";  // the id value
  ASSERT_TRUE(redis->Command(xadd).ok());
  // A consumer takes both and dies without acknowledging; d2 has already
  // been delivered too often.
  ASSERT_TRUE(redis->Command({"XREADGROUP", "GROUP", "griot", "dead-one", "STREAMS", stream, ">"}).ok());
  Result<RedisValue> ids = redis->Command({"XRANGE", stream, "-", "+"});
  ASSERT_EQ(ids->elements.size(), 2u);
  std::string d2 = ids->elements[1].elements[0].str;
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(redis->Command({"XCLAIM", stream, "griot", "dead-one", "0", d2}).ok());
  }

  auto store = Store::Open((dir_ / "events.db").string());
  ASSERT_TRUE(store.ok());
  Pipeline pipeline(&Kb());
  WorkerOptions o;
  o.stream = stream;
  o.consumer = "survivor";
  o.drain = true;
  o.block_ms = 50;
  o.claim_after_ms = 1;
  o.max_attempts = 3;
  std::atomic<bool> stop{false};
  std::ostringstream log;
  Result<WorkerSummary> s = RunWorker(pipeline, **store, *redis, o, stop, log);
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->claimed, 2u);
  EXPECT_EQ(s->run.documents_coded, 1u);
  EXPECT_EQ(s->dead_letters, 1u);
  EXPECT_NE(log.str().find("id d2): delivered 5 times (more than --max-attempts 3)"), std::string::npos)
      << log.str();
  Result<QueueStatus> st = ReadQueueStatus(*redis, stream, "griot");
  EXPECT_EQ(st->pending, 0);
  redis->Command({"DEL", stream, stream + ":dead"});
}

TEST_F(QueueServerTest, SigtermStopsAWorkerAfterItsBatchWithNothingPending) {
  GRIOT_REDIS_OR_SKIP(server_);
  std::string stream = UniqueStream("sigterm");
  std::string queue = server_ + "/" + stream;
  std::string docs;
  for (int i = 0; i < 400; ++i) {
    docs += "{\"id\":\"s" + std::to_string(i) + "\",\"text\":\"Police arrested " + std::to_string(i) +
            " protesters in Lagos.\"}\n";
  }
  std::string err = (dir_ / "err").string();
  ASSERT_EQ(RunGriot("enqueue --queue " + queue + " " + Write("s.jsonl", docs), err).status, 0);
  std::string werr = (dir_ / "worker.err").string();
  pid_t pid = ::fork();
  if (pid == 0) {
    std::string binary = GRIOT_BINARY, db = (dir_ / "events.db").string();
    std::FILE* e = std::freopen(werr.c_str(), "w", stderr);
    (void)e;
    ::execl(binary.c_str(), binary.c_str(), "worker", "--queue", queue.c_str(), "--db", db.c_str(),
            "--batch", "10", "--consumer", "term", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  Result<QueueUrl> url = ParseQueueUrl(queue);
  auto redis = Connect(*url);
  ASSERT_TRUE(redis);
  // Stop it once it has taken entries (or finished them all).
  for (int i = 0; i < 3000; ++i) {
    Result<QueueStatus> st = ReadQueueStatus(*redis, stream, "griot");
    if (st.ok() && st->delivered > 0) break;
    ::usleep(10000);
  }
  ::kill(pid, SIGTERM);
  int raw = 0;
  ::waitpid(pid, &raw, 0);
  ASSERT_TRUE(WIFEXITED(raw)) << Slurp(werr);
  EXPECT_EQ(WEXITSTATUS(raw), 0) << Slurp(werr);
  Result<QueueStatus> st = ReadQueueStatus(*redis, stream, "griot");
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(st->pending, 0);  // what it took, it stored and acknowledged
  EXPECT_NE(Slurp(werr).find("worker term: acknowledged"), std::string::npos) << Slurp(werr);
  redis->Command({"DEL", stream});
}

}  // namespace
}  // namespace griot::testing
