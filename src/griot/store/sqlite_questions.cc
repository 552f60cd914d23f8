#include "griot/store/sqlite_questions.h"

namespace griot {

Result<std::unique_ptr<SqliteQuestions>> SqliteQuestions::Open(const std::string& path) {
  if (path.empty() || path == ":memory:") {
    return InvalidArgument(path + ": an in-memory database has no second connection");
  }
  std::unique_ptr<SqliteQuestions> q(new SqliteQuestions());
  // Guarded by mutex_, used by one thread at a time.
  if (sqlite3_open_v2(path.c_str(), &q->db_, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) !=
      SQLITE_OK) {
    return IoError(path + ": cannot open a second connection: " + sqlite3_errmsg(q->db_));
  }
  sqlite3_busy_timeout(q->db_, 5000);
  if (sqlite3_prepare_v2(q->db_, "SELECT 1 FROM documents WHERE id = ? AND content_hash = ?", -1,
                         &q->has_document_, nullptr) != SQLITE_OK) {
    return IoError(path + ": cannot prepare the document question: " + sqlite3_errmsg(q->db_));
  }
  return q;
}

SqliteQuestions::~SqliteQuestions() {
  sqlite3_finalize(has_document_);
  sqlite3_close(db_);
}

void SqliteQuestions::Written(const std::string& id, const std::string& content_hash) {
  std::lock_guard lock(mutex_);
  uncommitted_[id] = content_hash;
}

void SqliteQuestions::TransactionEnded() {
  std::lock_guard lock(mutex_);
  uncommitted_.clear();
}

bool SqliteQuestions::Has(const std::string& id, const std::string& content_hash) {
  std::lock_guard lock(mutex_);
  auto it = uncommitted_.find(id);
  if (it != uncommitted_.end()) return it->second == content_hash;
  sqlite3_reset(has_document_);
  sqlite3_bind_text(has_document_, 1, id.data(), static_cast<int>(id.size()), SQLITE_STATIC);
  sqlite3_bind_text(has_document_, 2, content_hash.data(), static_cast<int>(content_hash.size()),
                    SQLITE_STATIC);
  const bool found = sqlite3_step(has_document_) == SQLITE_ROW;
  // Ends the read transaction: the next question sees later commits.
  sqlite3_reset(has_document_);
  return found;
}

}  // namespace griot
