// PgStore: the server store, PostgreSQL 11 or later (schema: pg_schema.h,
// docs/database.md, docs/postgresql.md), for teams and scale-out. Same
// tables, columns and behaviour as SqliteStore. Writes are buffered per
// batch of records (pg_batch.h) and loaded with COPY into temporary tables,
// then merged idempotently (INSERT ... ON CONFLICT), in a transaction that
// closes only between records.
//
//   Result<std::unique_ptr<PgStore>> db = PgStore::Open("postgresql://localhost/griot", Store::Access::kReadWrite);
#pragma once

#include <memory>
#include <string>

#include "griot/store/pg_batch.h"
#include "griot/store/store.h"

struct pg_conn;

namespace griot {

class PgStore : public Store {
 public:
  static Result<std::unique_ptr<PgStore>> Open(const std::string& url, Access access,
                                               const Ontology* ontology = nullptr);
  ~PgStore() override;

  const char* Engine() const override { return "postgresql"; }
  Status WriteDocument(const StoredDocument& doc, const std::vector<StoredEvent>& events) override;
  Status Account(const RecordOutcome& outcome) override;
  bool HasDocument(const std::string& id, const std::string& content_hash) override;
  bool HasOutcome(const std::string& input, uint64_t line) override;
  Status Finish(const RunSummary& summary) override;
  Status Flush() override;
  Status Select(const SqlQuery& query, const RowCallback& each) override;
  Status SetQueryTimeout(int64_t milliseconds) override;
  std::string TextMatchSql(bool common) const override;
  std::string TextMatchParam(const std::string& words) const override;
  Status ApplyLinks(const std::vector<MentionLink>& links) override;
  Status ClearLinks() override;

 protected:
  Status ExecuteScript(const char* sql) override;

 private:
  PgStore() = default;
  // Creates the schema, or renames a schema-4 store's events
  // (plover_names.h) under the same lock and transaction; `unlinked` is set
  // when events are left for Deduplicate() to link again.
  Status CreateSchema(const Ontology* ontology, bool* unlinked);
  // The store's schema version ("" when there is no store yet).
  Status ReadVersion(std::string* version);
  Status Writable() const;
  Status ApplyLinksOnce(const std::vector<MentionLink>& links, std::string* sqlstate);
  // True when the prepared two-parameter `statement` returns a row.
  bool Exists(const char* statement, const std::vector<std::string>& params);

  std::string url_;  // password hidden: the form every message shows
  bool read_only_ = false;
  pg_conn* conn_ = nullptr;
  PgBatch batch_;
  std::string started_;
};

// `sql` with its `?` placeholders numbered $1, $2, ... for PostgreSQL;
// question marks inside quoted literals, quoted identifiers and comments
// are left alone.
std::string NumberPlaceholders(const std::string& sql);

}  // namespace griot
