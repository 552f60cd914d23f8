// Answers "is this document stored?" for coding threads while the writer
// thread writes (EventSink::AnswersWhileWriting). With two coding threads,
// asking under the writer's lock made them wait for every document the
// writer stored: `griot code --db` ran at a third of its speed without a
// store. The answers come from a second, read-only connection (WAL lets it
// read while the writer writes) plus the documents of the writer's open
// transaction, which that connection cannot see yet.
#pragma once

#include <sqlite3.h>

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "griot/util/status.h"

namespace griot {

class SqliteQuestions {
 public:
  // A read-only connection to the store file at `path` (which the writer
  // has created). An in-memory database has no second connection: error.
  static Result<std::unique_ptr<SqliteQuestions>> Open(const std::string& path);
  ~SqliteQuestions();
  SqliteQuestions(const SqliteQuestions&) = delete;
  SqliteQuestions& operator=(const SqliteQuestions&) = delete;

  // The writer wrote this document in its open transaction.
  void Written(const std::string& id, const std::string& content_hash);
  // The writer's transaction ended (committed or not): the connection now
  // sees whatever became durable, and nothing else.
  void TransactionEnded();
  // Thread-safe.
  bool Has(const std::string& id, const std::string& content_hash);

 private:
  SqliteQuestions() = default;

  std::mutex mutex_;
  sqlite3* db_ = nullptr;
  sqlite3_stmt* has_document_ = nullptr;
  // Content hash by document id, for the open transaction; the latest
  // write of an id wins, as in the table.
  std::unordered_map<std::string, std::string> uncommitted_;
};

}  // namespace griot
