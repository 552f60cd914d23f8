// SqliteSink: stores documents, events and the run's summary in an SQLite
// database (schema: docs/database.md). Writes are batched in transactions
// that close only between records: a document, its events and its record
// outcome are stored together or not at all, so a process killed at any
// moment leaves a consistent database that a re-run completes.
//
//   Result<std::unique_ptr<SqliteSink>> db = SqliteSink::Open("events.db");
#pragma once

#include <memory>
#include <string>

#include "griot/sink/sink.h"

struct sqlite3;
struct sqlite3_stmt;

namespace griot {

class SqliteSink : public EventSink {
 public:
  static Result<std::unique_ptr<SqliteSink>> Open(const std::string& path);
  ~SqliteSink() override;

  Status Write(const Document& doc) override;
  Status Account(const RecordOutcome& outcome) override;
  bool HasDocument(const std::string& id, const std::string& content_hash) override;
  bool HasOutcome(const std::string& input, uint64_t line) override;
  Status Finish(const RunSummary& summary) override;

 private:
  SqliteSink() = default;
  Status Exec(const char* sql);
  Status Begin();
  Status Migrate();
  bool HasColumn(const std::string& table, const std::string& column);
  Status Check(int rc, const char* what);
  std::string path_;
  sqlite3* db_ = nullptr;
  sqlite3_stmt* insert_doc_ = nullptr;
  sqlite3_stmt* delete_events_ = nullptr;
  sqlite3_stmt* insert_event_ = nullptr;
  sqlite3_stmt* insert_record_ = nullptr;
  sqlite3_stmt* has_document_ = nullptr;
  sqlite3_stmt* has_outcome_ = nullptr;
  int pending_ = 0;  // records accounted in the open transaction
  bool in_transaction_ = false;
  std::string started_;
};

}  // namespace griot
