// Store::Flush, the commit point a queue worker acknowledges after
// (docs/distributed.md): once it returns, another session sees the
// documents, though the engine's batch (500 records) is far from full.
#include "griot/store/store.h"
#include "pg_support.h"

namespace griot::testing {
namespace {

int64_t Documents(Store& s) {
  int64_t n = -1;
  Status st = s.Select({"SELECT COUNT(*) FROM documents", {}}, [&](const SqlRow& r) {
    n = SqlValueInt(r[0]);
    return true;
  });
  EXPECT_TRUE(st.ok()) << st.message();
  return n;
}

TEST(StoreFlushTest, CommitsForOtherSessions_postgresql) {
  std::string server = PgTestUrl();
  GRIOT_PG_OR_SKIP(server);
  PgTestDatabase db(server);
  ASSERT_TRUE(db.error().empty()) << db.error();
  auto writer = Store::Open(db.url());
  ASSERT_TRUE(writer.ok()) << writer.status().message();
  Document doc;
  doc.id = "d1";
  doc.text = "Police arrested ten protesters.";
  doc.input = "news.jsonl";
  doc.line = 1;
  ASSERT_TRUE((*writer)->Write(doc).ok());
  ASSERT_TRUE((*writer)->Account({"news.jsonl", 1, 0, "d1", "coded", "", ""}).ok());
  auto reader = Store::Open(db.url(), Store::Access::kReadOnly);
  ASSERT_TRUE(reader.ok()) << reader.status().message();
  EXPECT_EQ(Documents(**reader), 0);  // still in the writer's batch
  ASSERT_TRUE((*writer)->Flush().ok());
  EXPECT_EQ(Documents(**reader), 1);
  EXPECT_TRUE((*writer)->Flush().ok());  // nothing new: still fine
}

}  // namespace
}  // namespace griot::testing
