// PostgreSQL for tests. The server is the one scripts/pg-test-server.sh
// starts for ctest (fixture `postgres`, CMakeLists.txt; its URL is written
// to GRIOT_PG_URL_FILE), or any server named by GRIOT_TEST_PG_URL (its user
// needs CREATEDB). Each test gets a fresh database of its own, dropped when
// the test ends, so tests in parallel processes (ctest -j) never see each
// other's rows and the schema is created from scratch every time.
//
//   std::string server = PgTestUrl();
//   GRIOT_PG_OR_SKIP(server);          // skip without a server; fail under CI
//   PgTestDatabase db(server);
//   ASSERT_TRUE(db.error().empty()) << db.error();
//   auto store = Store::Open(db.url());
#pragma once

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <string>

namespace griot::testing {

inline std::string PgTestUrl() {
  if (const char* env = std::getenv("GRIOT_TEST_PG_URL"); env && *env) return env;
#ifdef GRIOT_PG_URL_FILE
  std::ifstream in(GRIOT_PG_URL_FILE);
  std::string url;
  std::getline(in, url);
  return url;
#else
  return "";
#endif
}

// No server: skip, except in CI, where a skipped store test would hide a
// broken setup.
#define GRIOT_PG_OR_SKIP(url)                                                              \
  do {                                                                                     \
    if ((url).empty()) {                                                                   \
      if (std::getenv("CI")) FAIL() << "CI is set but no PostgreSQL test server is running"; \
      GTEST_SKIP() << "no PostgreSQL test server (scripts/pg-test-server.sh, or set "      \
                      "GRIOT_TEST_PG_URL)";                                                \
    }                                                                                      \
  } while (0)

// `url` naming database `name` instead (any ?options are kept).
inline std::string PgUrlWithDatabase(const std::string& url, const std::string& name) {
  size_t host = url.find("://");
  host = host == std::string::npos ? 0 : host + 3;
  size_t query = url.find('?', host);
  std::string options = query == std::string::npos ? "" : url.substr(query);
  std::string head = url.substr(0, query == std::string::npos ? url.size() : query);
  size_t slash = head.find('/', host);
  if (slash != std::string::npos) head.resize(slash);
  return head + "/" + name + options;
}

class PgTestDatabase {
 public:
  explicit PgTestDatabase(const std::string& server_url) : server_(server_url) {
    static std::atomic<int> counter{0};
    name_ = "griot_t_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
    // A database left over by a killed test process with the same pid goes.
    error_ = Run("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
    if (error_.empty()) error_ = Run("CREATE DATABASE " + name_);
    url_ = PgUrlWithDatabase(server_, name_);
  }
  ~PgTestDatabase() {
    if (getenv("GRIOT_KEEP_PG_TEST_DB") == nullptr) Run("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  }
  PgTestDatabase(const PgTestDatabase&) = delete;
  PgTestDatabase& operator=(const PgTestDatabase&) = delete;

  const std::string& url() const { return url_; }
  const std::string& error() const { return error_; }  // "" when the database is ready

 private:
  // One statement on the server's own database; "" or the error.
  std::string Run(const std::string& sql) {
    PGconn* c = PQconnectdb(server_.c_str());
    std::string err;
    if (PQstatus(c) != CONNECTION_OK) {
      err = server_ + ": " + PQerrorMessage(c);
    } else {
      PQsetNoticeProcessor(c, [](void*, const char*) {}, nullptr);  // "does not exist, skipping"
      PGresult* r = PQexec(c, sql.c_str());
      if (PQresultStatus(r) != PGRES_COMMAND_OK) err = sql + ": " + PQerrorMessage(c);
      PQclear(r);
    }
    PQfinish(c);
    return err;
  }

  std::string server_, name_, url_, error_;
};

}  // namespace griot::testing
