// `griot serve` end to end: the real binary on a store coded from the
// sample corpus, real HTTP requests, and a clean stop on SIGTERM.
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "test_support.h"

namespace griot {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class ServeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // Per process: ctest runs the tests of this fixture side by side.
    dir_ = fs::path(::testing::TempDir()) / ("griot_serve_test_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "web");
    std::ofstream(dir_ / "web" / "index.html") << "<!doctype html><title>griot dashboard</title>";
    std::ofstream(dir_ / "secret.txt") << "do not serve";
    db_ = (dir_ / "sample.db").string();
    std::string code = std::string(GRIOT_BINARY) + " code -q --db " + db_ + " " +
                       testing::SourcePath("samples/sahel-sample.jsonl") + " 2>" + (dir_ / "code.err").string();
    int raw = std::system(code.c_str());
    ASSERT_TRUE(WIFEXITED(raw) && WEXITSTATUS(raw) <= 1) << Slurp(dir_ / "code.err");
    Start();
  }
  void TearDown() override {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    fs::remove_all(dir_);
  }

  // Starts the server on a free port and waits until it answers.
  void Start() {
    std::string err = (dir_ / "serve.err").string();
    pid_ = fork();
    ASSERT_GE(pid_, 0);
    if (pid_ == 0) {
      freopen(err.c_str(), "w", stderr);
      std::string web = (dir_ / "web").string();
      execl(GRIOT_BINARY, GRIOT_BINARY, "serve", "--db", db_.c_str(), "--port", "0", "--web",
            web.c_str(), "--threads", "4", static_cast<char*>(nullptr));
      _exit(127);
    }
    // The URL it prints names the port it took.
    const std::string mark = "serving http://127.0.0.1:";
    for (int i = 0; i < 300 && port_ == 0; ++i) {
      std::string text = Slurp(err);
      size_t at = text.find(mark);
      if (at != std::string::npos && text.find("/ (read-only)", at) != std::string::npos) {
        port_ = std::stoi(text.substr(at + mark.size()));
      } else {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
    }
    ASSERT_GT(port_, 0) << Slurp(err);
    client_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
    for (int i = 0; i < 100; ++i) {
      if (client_->Get("/api/meta")) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    FAIL() << "griot serve does not answer on port " << port_;
  }

  fs::path dir_;
  std::string db_;
  pid_t pid_ = -1;
  int port_ = 0;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(ServeTest, AnswersTheApiAndThePageThenStopsOnSigterm) {
  auto meta = client_->Get("/api/meta");
  ASSERT_TRUE(meta);
  EXPECT_EQ(meta->status, 200);
  EXPECT_EQ(meta->get_header_value("Content-Type"), "application/json; charset=utf-8");
  EXPECT_EQ(meta->get_header_value("Cache-Control"), "no-store");
  json m = json::parse(meta->body);
  EXPECT_GT(m["events"].get<int>(), 0);
  EXPECT_EQ(m["documents"], 12);

  auto events = client_->Get("/api/events?limit=2");
  ASSERT_TRUE(events);
  ASSERT_EQ(events->status, 200);
  json page = json::parse(events->body);
  ASSERT_EQ(page["events"].size(), 2u);
  std::string id = page["events"][0]["event_id"];
  auto detail = client_->Get(("/api/events/" + id).c_str());
  ASSERT_TRUE(detail);
  EXPECT_EQ(detail->status, 200);
  EXPECT_TRUE(json::parse(detail->body)["spans"].is_object());

  auto filtered = client_->Get("/api/aggregates?group_by=type&country=MLI,BFA");
  ASSERT_TRUE(filtered);
  EXPECT_EQ(filtered->status, 200);
  EXPECT_EQ(json::parse(filtered->body)["columns"].back(), "reports");

  auto bad = client_->Get("/api/events?from=2025-13-01");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(json::parse(bad->body)["error"]["message"], "from: 2025-13-01 is not a date (YYYY-MM-DD)");

  auto post = client_->Post("/api/events", "{}", "application/json");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);

  auto page_html = client_->Get("/");
  ASSERT_TRUE(page_html);
  EXPECT_EQ(page_html->status, 200);
  EXPECT_NE(page_html->body.find("griot dashboard"), std::string::npos);
  EXPECT_EQ(page_html->get_header_value("Content-Type"), "text/html; charset=utf-8");

  for (const char* sneaky : {"/../secret.txt", "/%2e%2e/secret.txt", "/static/..%2f..%2fsecret.txt",
                             "/../../../../etc/passwd"}) {
    auto r = client_->Get(sneaky);
    ASSERT_TRUE(r) << sneaky;
    EXPECT_TRUE(r->status == 403 || r->status == 404) << sneaky << " " << r->status;
    EXPECT_EQ(r->body.find("do not serve"), std::string::npos) << sneaky;
    EXPECT_EQ(r->body.find("root:"), std::string::npos) << sneaky;
  }

  ASSERT_EQ(kill(pid_, SIGTERM), 0);
  int status = 0;
  ASSERT_EQ(waitpid(pid_, &status, 0), pid_);
  pid_ = -1;
  ASSERT_TRUE(WIFEXITED(status)) << "killed by signal " << WTERMSIG(status);
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

// Repeated questions come from the cache until the store changes: a load
// by another process must show at the next request, not after a restart.
TEST_F(ServeTest, CachedAnswersFollowNewData) {
  auto first = client_->Get("/api/events?country=MLI&limit=2");
  ASSERT_TRUE(first);
  EXPECT_EQ(first->get_header_value("X-Griot-Cache"), "miss");
  auto again = client_->Get("/api/events?limit=2&country=MLI");  // same question, other order
  ASSERT_TRUE(again);
  EXPECT_EQ(again->get_header_value("X-Griot-Cache"), "hit");
  EXPECT_EQ(again->body, first->body);
  auto meta = client_->Get("/api/meta");
  ASSERT_TRUE(meta);
  int64_t documents = json::parse(meta->body)["documents"].get<int64_t>();

  fs::path more = dir_ / "more.jsonl";
  std::ofstream(more) << R"({"id": "cache-test-1", "date": "2024-06-03", "text": "Malian soldiers arrested two journalists in Gao on Monday."})"
                      << "\n";
  std::string code = std::string(GRIOT_BINARY) + " code -q --db " + db_ + " " + more.string() + " 2>" +
                     (dir_ / "code2.err").string();
  int raw = std::system(code.c_str());
  ASSERT_TRUE(WIFEXITED(raw) && WEXITSTATUS(raw) == 0) << Slurp(dir_ / "code2.err");

  auto after = client_->Get("/api/meta");
  ASSERT_TRUE(after);
  EXPECT_EQ(after->get_header_value("X-Griot-Cache"), "miss");
  EXPECT_EQ(json::parse(after->body)["documents"].get<int64_t>(), documents + 1);
  auto list = client_->Get("/api/events?country=MLI&limit=2");
  ASSERT_TRUE(list);
  EXPECT_EQ(list->get_header_value("X-Griot-Cache"), "miss");
  // Errors are not kept.
  client_->Get("/api/events?from=2025-13-01");
  auto bad = client_->Get("/api/events?from=2025-13-01");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(bad->get_header_value("X-Griot-Cache"), "miss");
}

TEST_F(ServeTest, RefusesABadDatabase) {
  std::string cmd = std::string(GRIOT_BINARY) + " serve --db " + (dir_ / "none.db").string() +
                    " --port 0 2>" + (dir_ / "bad.err").string();
  int raw = std::system(cmd.c_str());
  EXPECT_TRUE(WIFEXITED(raw) && WEXITSTATUS(raw) == 2);
  EXPECT_NE(Slurp(dir_ / "bad.err").find("none.db"), std::string::npos);
}

}  // namespace
}  // namespace griot
