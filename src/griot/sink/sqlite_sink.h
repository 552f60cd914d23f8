// SqliteSink: stores documents, events and the run's summary in an SQLite
// database (schema: docs/database.md). Writes are batched in transactions;
// a document and its events are stored together or not at all.
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
  Status Finish(const RunSummary& summary) override;

 private:
  SqliteSink() = default;
  Status Exec(const char* sql);
  Status Migrate();
  Status Check(int rc, const char* what);
  std::string path_;
  sqlite3* db_ = nullptr;
  sqlite3_stmt* insert_doc_ = nullptr;
  sqlite3_stmt* delete_events_ = nullptr;
  sqlite3_stmt* insert_event_ = nullptr;
  int pending_ = 0;
  std::string started_;
};

}  // namespace griot
