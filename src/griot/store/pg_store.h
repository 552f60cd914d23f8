// PgStore: the server store, PostgreSQL 11 or later (schema: pg_schema.h,
// docs/database.md), for teams and scale-out. Same tables, columns and
// behaviour as SqliteStore. Writes are buffered per batch of records and
// loaded with COPY into temporary tables, then merged idempotently
// (INSERT ... ON CONFLICT), in a transaction that closes only between
// records.
//
//   Result<std::unique_ptr<PgStore>> db = PgStore::Open("postgresql://localhost/griot", Store::Access::kReadWrite);
#pragma once

#include <memory>
#include <string>

#include "griot/store/store.h"

struct pg_conn;

namespace griot {

class PgStore : public Store {
 public:
  static Result<std::unique_ptr<PgStore>> Open(const std::string& url, Access access);
  ~PgStore() override;

  const char* Engine() const override { return "postgresql"; }
  Status WriteDocument(const StoredDocument& doc, const std::vector<StoredEvent>& events) override;
  Status Account(const RecordOutcome& outcome) override;
  bool HasDocument(const std::string& id, const std::string& content_hash) override;
  bool HasOutcome(const std::string& input, uint64_t line) override;
  Status Finish(const RunSummary& summary) override;
  Status Select(const SqlQuery& query, const RowCallback& each) override;
  std::string TextMatchSql() const override;
  std::string TextMatchParam(const std::string& words) const override;
  Status ApplyLinks(const std::vector<MentionLink>& links) override;
  Status ClearLinks() override;

 private:
  PgStore() = default;
  std::string url_;
  pg_conn* conn_ = nullptr;
};

}  // namespace griot
