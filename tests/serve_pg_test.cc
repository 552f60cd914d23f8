// The API gives the same answers from PostgreSQL as from SQLite for the
// same store world.
#include <gtest/gtest.h>

#include <cstdio>
#include <nlohmann/json.hpp>

#include "griot/serve/api.h"
#include "pg_support.h"
#include "store_world.h"

namespace griot {
namespace {

using nlohmann::json;

TEST(ServeApiEngines, SameAnswersOnSqliteAndpostgresql) {
  std::string server = griot::testing::PgTestUrl();
  GRIOT_PG_OR_SKIP(server);
  griot::testing::PgTestDatabase db(server);
  ASSERT_TRUE(db.error().empty()) << db.error();
  auto pg = Store::Open(db.url());
  ASSERT_TRUE(pg.ok()) << pg.status().message();
  ASSERT_TRUE(griot::testing::WriteWorld(**pg).ok());
  ASSERT_TRUE((*pg)->SetQueryTimeout(5000).ok());

  std::string path = ::testing::TempDir() + "griot_serve_pg_test.db";
  for (const char* s : {"", "-wal", "-shm"}) std::remove((path + s).c_str());
  auto lite = Store::Open(path);
  ASSERT_TRUE(lite.ok()) << lite.status().message();
  ASSERT_TRUE(griot::testing::WriteWorld(**lite).ok());

  auto ontology = Ontology::Load(std::string(GRIOT_SOURCE_DIR) + "/kb/en/ontology.txt");
  ASSERT_TRUE(ontology.ok()) << ontology.status().message();

  struct Request {
    const char* path;
    ApiParams params;
  };
  const Request requests[] = {
      {"/api/meta", {}},
      {"/api/events", {{"country", "MLI"}}},
      {"/api/events", {{"order", "mentions"}, {"limit", "3"}}},
      {"/api/events/d1-0-0", {}},
      {"/api/aggregates", {{"group_by", "month,type"}}},
      {"/api/aggregates", {{"group_by", "dyad"}}},
      {"/api/places", {}},
      {"/api/actors", {}},
      {"/api/places", {{"country", "MLI"}, {"type", "ASSAULT"}}},
      {"/api/places", {{"bbox", "-6,10,4,20"}}},
      {"/api/actors", {{"country", "MLI"}}},
      {"/api/actors", {{"from", "2025-04-01"}}},
      {"/api/events", {{"text", "junta"}}},
      {"/api/events", {{"from", "2025-13-01"}}},
  };
  for (const Request& r : requests) {
    ApiResponse a = AnswerApi(**lite, *ontology, r.path, r.params);
    ApiResponse b = AnswerApi(**pg, *ontology, r.path, r.params);
    EXPECT_EQ(a.status, b.status) << r.path;
    EXPECT_EQ(json::parse(a.body), json::parse(b.body)) << r.path;
  }
  // The time limit is PostgreSQL's statement_timeout there.
  ASSERT_TRUE((*pg)->SetQueryTimeout(20).ok());
  Status st = (*pg)->Select({"SELECT pg_sleep(2)", {}}, [](const SqlRow&) { return true; });
  EXPECT_EQ(st.code(), StatusCode::kDeadlineExceeded) << st.message();
  lite->reset();
  for (const char* s : {"", "-wal", "-shm"}) std::remove((path + s).c_str());
}

}  // namespace
}  // namespace griot
