// PgBatch: the documents, events and record outcomes a PgStore has been
// given since its last commit. Commit() loads them with COPY into the
// session's staging tables (pg_schema.h) and merges them into the store in
// one transaction, so a batch — whole records only — is stored entirely or
// not at all.
//
//   PgBatch batch;
//   batch.AddDocument(doc, events);
//   batch.AddOutcome(outcome);
//   if (batch.records() >= 500) GRIOT_RETURN_IF_ERROR(batch.Commit(conn, where));
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "griot/sink/sink.h"
#include "griot/store/stored_event.h"
#include "griot/util/status.h"

struct pg_conn;

namespace griot {

class PgBatch {
 public:
  // A document written twice in one batch keeps its last version, as
  // writing it twice to SQLite would.
  void AddDocument(const StoredDocument& doc, const std::vector<StoredEvent>& events);
  // The first outcome of a record stands.
  void AddOutcome(const RecordOutcome& outcome);

  // What the batch knows: whether its version of document `id` has this
  // hash (nullopt when the batch does not hold the document), and whether
  // it holds an outcome of the record.
  std::optional<bool> HasDocument(const std::string& id, const std::string& content_hash) const;
  bool HasOutcome(const std::string& input, uint64_t line) const;

  size_t records() const { return outcomes_.size(); }
  bool empty() const { return doc_at_.empty() && outcomes_.empty(); }

  // Stores the batch and empties it. A deadlock with another writer (two
  // workers adding the same new actors) rolls back and retries: the batch
  // is still here. On any other error the batch is kept, nothing is stored.
  Status Commit(pg_conn* conn, const std::string& where);

 private:
  struct Pending {
    StoredDocument doc;
    std::vector<StoredEvent> events;
    bool live = true;
  };
  Status CommitOnce(pg_conn* conn, const std::string& where, std::string* sqlstate);
  Status Stage(pg_conn* conn, const std::string& where);

  std::vector<Pending> docs_;
  std::unordered_map<std::string, size_t> doc_at_;  // id -> live entry in docs_
  std::vector<RecordOutcome> outcomes_;
  std::unordered_set<std::string> outcome_keys_;
};

}  // namespace griot
