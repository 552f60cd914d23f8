// SqliteStore: the embedded store, one file (schema: docs/database.md).
// WAL mode; writes are batched in transactions that close only between
// records, so a document, its events and its record outcome are stored
// together or not at all, and a process killed at any moment leaves a
// consistent database that a re-run completes.
//
//   Result<std::unique_ptr<SqliteStore>> db = SqliteStore::Open("events.db", Store::Access::kReadWrite);
#pragma once

#include <memory>
#include <string>
#include <unordered_map>

#include "griot/store/dedup.h"
#include "griot/store/load_rollups.h"
#include "griot/store/sqlite_questions.h"
#include "griot/store/store.h"

struct sqlite3;
struct sqlite3_stmt;

namespace griot {

class SqliteStore : public Store {
 public:
  static Result<std::unique_ptr<SqliteStore>> Open(const std::string& path, Access access,
                                                   const Ontology* ontology = nullptr);
  ~SqliteStore() override;

  const char* Engine() const override { return "sqlite"; }
  Status WriteDocument(const StoredDocument& doc, const std::vector<StoredEvent>& events) override;
  Status Account(const RecordOutcome& outcome) override;
  bool HasDocument(const std::string& id, const std::string& content_hash) override;
  bool HasOutcome(const std::string& input, uint64_t line) override;
  bool AnswersWhileWriting() const override { return questions_ != nullptr; }
  Status Finish(const RunSummary& summary) override;
  Status Flush() override;
  Status Select(const SqlQuery& query, const RowCallback& each) override;
  Status SetQueryTimeout(int64_t milliseconds) override;
  Result<std::optional<int64_t>> DataVersion() override;
  Status RefreshRollups() override;
  std::string TextMatchSql(bool common) const override;
  Result<bool> TextMatchesAtLeast(const std::string& param, int64_t n) override;
  std::string TextMatchParam(const std::string& words) const override;
  Status ApplyLinks(const std::vector<MentionLink>& links) override;
  Status ClearLinks() override;

 protected:
  Status ExecuteScript(const char* sql) override;
  bool TakeFresh(std::vector<DedupRecord>* records, bool* first_load) override;

 private:
  SqliteStore() = default;
  Status Exec(const char* sql);
  Status SelectRows(const SqlQuery& query, const RowCallback& each);
  Status Begin();
  Status Commit();
  Status Migrate();
  Status MigrateTo4();
  // Schema 4 -> 5 (plover_names.h), in one transaction; sets `unlinked`
  // when events are left for Deduplicate() to link again.
  Status MigrateNames(const Ontology* ontology, bool* unlinked);
  Status PrepareNormalizers();
  Status Prepare(const char* sql, sqlite3_stmt** st);
  bool HasColumn(const std::string& table, const std::string& column);
  Status Check(int rc, const char* what);
  Result<int64_t> EntityId(const StoredArgument& a);
  Result<int64_t> LocationId(const StoredLocation& l);
  Status InsertParticipants(const StoredEvent& e);
  // Deletes an earlier version of the document; `replaced` says whether
  // there was one.
  Status UnlinkDocument(const std::string& doc_id, bool* replaced);
  // Writes a load's counted rollups (sqlite_rollups.cc): false, nothing
  // written, when a first load finds events another writer added.
  Result<bool> WriteLoadRollups(const LoadRollups& load);
  // Counts, in load_rollups_, the reports this load adds to the canonical
  // event at `row` of an earlier run.
  Status AddEarlierReports(int64_t row, int64_t reports);

  std::string path_;
  bool read_only_ = false;
  int64_t query_timeout_ms_ = 0;
  sqlite3* db_ = nullptr;
  sqlite3_stmt* insert_doc_ = nullptr;
  sqlite3_stmt* doc_exists_ = nullptr;
  sqlite3_stmt* stale_days_ = nullptr;
  sqlite3_stmt* reset_groups_ = nullptr;
  sqlite3_stmt* unlink_groups_ = nullptr;
  sqlite3_stmt* fts_delete_ = nullptr;
  sqlite3_stmt* delete_participants_ = nullptr;
  sqlite3_stmt* delete_events_ = nullptr;
  sqlite3_stmt* insert_event_ = nullptr;
  sqlite3_stmt* insert_fts_ = nullptr;
  sqlite3_stmt* insert_participant_ = nullptr;
  sqlite3_stmt* find_entity_ = nullptr;
  sqlite3_stmt* insert_entity_ = nullptr;
  sqlite3_stmt* find_location_ = nullptr;
  sqlite3_stmt* insert_location_ = nullptr;
  sqlite3_stmt* insert_record_ = nullptr;
  sqlite3_stmt* has_document_ = nullptr;
  sqlite3_stmt* has_outcome_ = nullptr;
  // HasDocument for other threads (a read-write store on a file).
  std::unique_ptr<SqliteQuestions> questions_;
  // Entity and location ids already looked up: most events name the same
  // few hundred actors and places.
  std::unordered_map<std::string, int64_t> entity_ids_;
  std::unordered_map<std::string, int64_t> location_ids_;
  int pending_ = 0;  // records accounted in the open transaction
  bool in_transaction_ = false;
  bool deferred_indexes_ = false;  // a load into an empty store: indexes built in Finish()
  bool deferred_rollups_ = false;  // and the rollups after them (they join by the indexes)
  bool analyze_ = false;           // statistics wanted after a first load
  std::string started_;
  // This run's records for Deduplicate() (Store::TakeFresh): tracked from
  // the first write unless records this store did not write need linking.
  enum class FreshState { kUnknown, kTracking, kReadBack };
  FreshState fresh_state_ = FreshState::kUnknown;
  std::vector<DedupRecord> fresh_;
  // A run that tracks its records counts its rollups as it writes
  // (load_rollups.h); dropped as soon as it is anything else (a document
  // replaced, records or days of another run waiting).
  std::unique_ptr<LoadRollups> load_rollups_;
  bool first_load_rollups_ = false;  // they replace the tables' rows rather than add to them
};

}  // namespace griot
