#include "griot/store/sqlite_store.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <thread>
#include <nlohmann/json.hpp>

#include "griot/store/dedup.h"
#include "griot/store/place_rollups.h"
#include "griot/store/plover_names.h"
#include "griot/store/sqlite_bind.h"
#include "griot/store/sqlite_schema.h"
#include "griot/store/store_text.h"

namespace griot {
using sqlite::Bind;
using sqlite::BindOrNull;
using sqlite::BindStatic;
using sqlite::BindStaticOrNull;
using sqlite::BindValue;
using sqlite::ColumnText;
namespace {

constexpr int kBatch = 500;  // records per transaction

}  // namespace

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path, Access access,
                                                       const Ontology* ontology) {
  std::unique_ptr<SqliteStore> s(new SqliteStore());
  s->path_ = path;
  s->started_ = UtcNow();
  s->read_only_ = access == Access::kReadOnly;
  // One connection per Store, used by one thread at a time: SQLite's own
  // locking around every call would only cost time.
  int flags = (s->read_only_ ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
              SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &s->db_, flags, nullptr) != SQLITE_OK) {
    return IoError(path + ": cannot open database: " + sqlite3_errmsg(s->db_));
  }
  sqlite3_busy_timeout(s->db_, 5000);
  if (s->read_only_) {
    std::string version;
    GRIOT_RETURN_IF_ERROR(s->Select({"SELECT value FROM meta WHERE key = 'schema_version'", {}},
                                    [&](const SqlRow& row) {
                                      version = SqlValueText(row[0]);
                                      return false;
                                    }));
    if (version == kOlderNamesSchemaVersion) return DataLoss(OlderNamesMessage(path, true));
    if (version != kStoreSchemaVersion) {
      return DataLoss(path + ": schema version '" + version + "' (this griot reads version " +
                      kStoreSchemaVersion +
                      "; open it once with `griot code --db` or `griot dedup --db` to migrate it)");
    }
    return s;
  }
  // Checkpoints every 64 MB of log rather than SQLite's 4 MB: each one
  // copies pages to the file and syncs it, and a large load wrote every
  // table page several times over (10-20 % of a million-event load).
  // The log is cut back to 64 MB after a checkpoint.
  GRIOT_RETURN_IF_ERROR(s->Exec(
      "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-262144; "
      "PRAGMA temp_store=MEMORY; PRAGMA wal_autocheckpoint=16384; PRAGMA journal_size_limit=67108864;"));
  // Index builds sort with helper threads (a first load builds them all).
  const std::string threads =
      "PRAGMA threads=" + std::to_string(std::clamp(std::thread::hardware_concurrency(), 1u, 8u));
  GRIOT_RETURN_IF_ERROR(s->Exec(threads.c_str()));
  GRIOT_RETURN_IF_ERROR(s->Exec(kSqliteSchema));
  GRIOT_RETURN_IF_ERROR(s->Migrate());
  GRIOT_RETURN_IF_ERROR(s->Exec(kSqliteSchema4));
  // The map and actor rollups (place_rollups.h); filled at the end of the
  // open for a store made before them.
  GRIOT_RETURN_IF_ERROR(s->Exec(kSqlitePlaceRollupTables));
  bool unlinked = false;
  GRIOT_RETURN_IF_ERROR(s->MigrateNames(ontology, &unlinked));
  bool empty = true;
  GRIOT_RETURN_IF_ERROR(s->Select({"SELECT 1 FROM events LIMIT 1", {}}, [&](const SqlRow&) {
    empty = false;
    return false;
  }));
  s->deferred_indexes_ = empty;
  if (!empty) GRIOT_RETURN_IF_ERROR(s->Exec(kSqliteIndexes));
  GRIOT_RETURN_IF_ERROR(s->Prepare(
      "INSERT OR REPLACE INTO documents VALUES (?,?,?,?,?,?,?,?,?,?)", &s->insert_doc_));
  // Replacing a document dissolves every duplicate group one of its events
  // belongs to; Deduplicate() links the members again.
  // The days whose counts change: those of the document's canonical events
  // and of the groups it dissolves.
  GRIOT_RETURN_IF_ERROR(s->Prepare(
      "INSERT INTO rollup_pending SELECT DISTINCT COALESCE(e.day, '') FROM events e "
      "WHERE e.is_canonical = 1 AND (e.doc_id = ?1 OR e.event_id IN (SELECT m.event_id FROM "
      "mentions m JOIN events x ON x.event_id = m.mention_id WHERE x.doc_id = ?1)) "
      "ON CONFLICT DO NOTHING",
      &s->stale_days_));
  GRIOT_RETURN_IF_ERROR(s->Prepare(
      "UPDATE events SET is_canonical = NULL, mentions = NULL, articles = NULL, sources = NULL, "
      "first_reported = NULL, last_reported = NULL WHERE event_id IN (SELECT g.mention_id FROM "
      "mentions g WHERE g.event_id IN (SELECT m.event_id FROM mentions m JOIN events e ON "
      "e.event_id = m.mention_id WHERE e.doc_id = ?1))",
      &s->reset_groups_));
  GRIOT_RETURN_IF_ERROR(s->Prepare(
      "DELETE FROM mentions WHERE event_id IN (SELECT m.event_id FROM mentions m "
      "JOIN events e ON e.event_id = m.mention_id WHERE e.doc_id = ?1)",
      &s->unlink_groups_));
  GRIOT_RETURN_IF_ERROR(s->Prepare(
      "INSERT INTO events_fts(events_fts, rowid, text) SELECT 'delete', rowid, text FROM events "
      "WHERE doc_id = ?",
      &s->fts_delete_));
  GRIOT_RETURN_IF_ERROR(s->Prepare(
      "DELETE FROM participants WHERE event_id IN (SELECT event_id FROM events WHERE doc_id = ?)",
      &s->delete_participants_));
  GRIOT_RETURN_IF_ERROR(s->Prepare("DELETE FROM events WHERE doc_id = ?", &s->delete_events_));
  GRIOT_RETURN_IF_ERROR(s->Prepare(
      "INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,"
      "?,?,?,?,?,?,NULL,NULL,NULL,NULL,NULL,NULL)",
      &s->insert_event_));
  GRIOT_RETURN_IF_ERROR(s->Exec("CREATE TEMP TABLE IF NOT EXISTS fts_pending (id INTEGER PRIMARY KEY);"));
  GRIOT_RETURN_IF_ERROR(
      s->Prepare("INSERT OR IGNORE INTO temp.fts_pending VALUES (?)", &s->insert_fts_));
  GRIOT_RETURN_IF_ERROR(s->Prepare("SELECT 1 FROM documents WHERE id = ?", &s->doc_exists_));
  GRIOT_RETURN_IF_ERROR(s->PrepareNormalizers());
  // The first outcome of a record stands: a re-run over the same input
  // neither duplicates nor rewrites the accounts.
  GRIOT_RETURN_IF_ERROR(
      s->Prepare("INSERT OR IGNORE INTO records VALUES (?,?,?,?,?,?,?)", &s->insert_record_));
  GRIOT_RETURN_IF_ERROR(s->Prepare("SELECT 1 FROM documents WHERE id = ? AND content_hash = ?",
                                   &s->has_document_));
  GRIOT_RETURN_IF_ERROR(
      s->Prepare("SELECT 1 FROM records WHERE input = ? AND line = ?", &s->has_outcome_));
  // Once, for a store made before the map and actor rollups: writing needs
  // the statements above.
  bool filled = false;
  GRIOT_RETURN_IF_ERROR(s->Select({"SELECT 1 FROM meta WHERE key = 'place_rollups'", {}},
                                  [&](const SqlRow&) {
                                    filled = true;
                                    return false;
                                  }));
  if (!filled) GRIOT_RETURN_IF_ERROR(s->ExecuteScript(FillPlaceRollupsSql().c_str()));
  bool regions = false;
  GRIOT_RETURN_IF_ERROR(s->Select({"SELECT 1 FROM meta WHERE key = 'region_rollups'", {}},
                                  [&](const SqlRow&) {
                                    regions = true;
                                    return false;
                                  }));
  if (!regions) GRIOT_RETURN_IF_ERROR(s->ExecuteScript(kFillRegionRollupSql));
  // Without a second connection (an in-memory database) questions are
  // asked on this one, under the parallel run's lock.
  Result<std::unique_ptr<SqliteQuestions>> questions = SqliteQuestions::Open(path);
  if (questions.ok()) s->questions_ = std::move(*questions);
  // Events a renamed type took out of their duplicate groups are linked
  // again now, so the open leaves the store as consistent as it found it.
  if (unlinked) GRIOT_RETURN_IF_ERROR(s->Deduplicate());
  return s;
}

SqliteStore::~SqliteStore() {
  if (in_transaction_) sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
  questions_.reset();  // before the writer closes: the last connection tidies the log
  for (sqlite3_stmt* st :
       {insert_doc_, doc_exists_, stale_days_, reset_groups_, unlink_groups_, fts_delete_, delete_participants_, delete_events_,
        insert_event_, insert_fts_, insert_participant_, find_entity_, insert_entity_,
        find_location_, insert_location_, insert_record_, has_document_, has_outcome_}) {
    sqlite3_finalize(st);
  }
  sqlite3_close(db_);
}

Status SqliteStore::Prepare(const char* sql, sqlite3_stmt** st) {
  return Check(sqlite3_prepare_v2(db_, sql, -1, st, nullptr), "prepare");
}

Status SqliteStore::Migrate() {
  std::string version;
  GRIOT_RETURN_IF_ERROR(Select({"SELECT value FROM meta WHERE key = 'schema_version'", {}},
                               [&](const SqlRow& row) {
                                 version = SqlValueText(row[0]);
                                 return false;
                               }));
  if (version == kStoreSchemaVersion || version == kOlderNamesSchemaVersion) return Status::Ok();
  if (version != "1" && version != "2" && version != "3") {
    return DataLoss(path_ + ": unknown schema version '" + version + "'");
  }
  GRIOT_RETURN_IF_ERROR(Exec("BEGIN"));
  // Version 1 databases (issue 2) lack the where/when/how-many columns.
  if (version == "1") {
    GRIOT_RETURN_IF_ERROR(Exec(
        "ALTER TABLE events ADD COLUMN event_date TEXT;"
        "ALTER TABLE events ADD COLUMN date_granularity TEXT;"
        "ALTER TABLE events ADD COLUMN location TEXT;"
        "ALTER TABLE events ADD COLUMN country TEXT;"
        "ALTER TABLE events ADD COLUMN admin1 TEXT;"
        "ALTER TABLE events ADD COLUMN lat REAL;"
        "ALTER TABLE events ADD COLUMN lon REAL;"
        "ALTER TABLE events ADD COLUMN counts TEXT;"
        "ALTER TABLE events ADD COLUMN aux TEXT;"));
  }
  // Version 2 databases (issue 3) lack content hashes and per-record
  // accounts (the records table itself is created by the schema script).
  if (!HasColumn("documents", "content_hash")) {
    GRIOT_RETURN_IF_ERROR(Exec("ALTER TABLE documents ADD COLUMN content_hash TEXT;"));
  }
  if (!HasColumn("runs", "resumed")) {
    GRIOT_RETURN_IF_ERROR(Exec("ALTER TABLE runs ADD COLUMN resumed INTEGER;"));
  }
  Status st = MigrateTo4();
  if (!st.ok()) {
    Exec("ROLLBACK");
    return st;
  }
  return Exec("UPDATE meta SET value = '4' WHERE key = 'schema_version'; COMMIT;");
}

Status SqliteStore::MigrateNames(const Ontology* ontology, bool* unlinked) {
  std::string version;
  GRIOT_RETURN_IF_ERROR(Select({"SELECT value FROM meta WHERE key = 'schema_version'", {}},
                               [&](const SqlRow& row) {
                                 version = SqlValueText(row[0]);
                                 return false;
                               }));
  if (version != kOlderNamesSchemaVersion) return Status::Ok();
  if (!ontology) return DataLoss(OlderNamesMessage(path_, false));
  GRIOT_RETURN_IF_ERROR(Exec("BEGIN"));
  Result<NameMigration> m =
      MigratePloverNames(*this, *ontology, [this](const char* sql) { return Exec(sql); });
  if (!m.ok()) {
    Exec("ROLLBACK");
    return m.status();
  }
  *unlinked = m->unlinked > 0;
  return Exec("COMMIT");
}

// Version 3 (issue 5) -> 4 (issue 6): normalized entities, participants and
// locations, analysis dates, duplicate links, full-text index. The new
// columns are filled from the JSON columns every version kept.
Status SqliteStore::MigrateTo4() {
  GRIOT_RETURN_IF_ERROR(Exec(
      "DROP INDEX IF EXISTS events_type; DROP INDEX IF EXISTS events_place;"
      "DROP INDEX IF EXISTS events_when; DROP INDEX IF EXISTS events_actor;"
      "ALTER TABLE events ADD COLUMN actor_key TEXT;"
      "ALTER TABLE events ADD COLUMN recipient_key TEXT;"
      "ALTER TABLE events ADD COLUMN day TEXT;"
      "ALTER TABLE events ADD COLUMN week TEXT;"
      "ALTER TABLE events ADD COLUMN month TEXT;"
      "ALTER TABLE events ADD COLUMN location_id INTEGER REFERENCES locations(location_id);"
      "ALTER TABLE events ADD COLUMN is_canonical INTEGER;"
      "ALTER TABLE events ADD COLUMN mentions INTEGER;"
      "ALTER TABLE events ADD COLUMN articles INTEGER;"
      "ALTER TABLE events ADD COLUMN sources INTEGER;"
      "ALTER TABLE events ADD COLUMN first_reported TEXT;"
      "ALTER TABLE events ADD COLUMN last_reported TEXT;"));
  GRIOT_RETURN_IF_ERROR(Exec(kSqliteSchema4));
  GRIOT_RETURN_IF_ERROR(Exec(kSqliteIndexes));
  GRIOT_RETURN_IF_ERROR(PrepareNormalizers());
  sqlite3_stmt* update = nullptr;
  GRIOT_RETURN_IF_ERROR(Prepare(
      "UPDATE events SET actor_key = ?, recipient_key = ?, day = ?, week = ?, month = ?, "
      "location_id = ? WHERE rowid = ?",
      &update));
  sqlite3_stmt* fts = nullptr;
  GRIOT_RETURN_IF_ERROR(Prepare("INSERT INTO events_fts(rowid, text) VALUES (?, ?)", &fts));
  std::vector<std::pair<int64_t, StoredEvent>> rows;
  Status st = Select(
      {"SELECT rowid, event_id, actor, recipient, date, event_date, date_granularity, location, "
       "text FROM events",
       {}},
      [&](const SqlRow& r) {
        StoredEvent e;
        e.event_id = SqlValueText(r[1]);
        ParseArgumentsJson(SqlValueText(r[2]), &e.actor);
        ParseArgumentsJson(SqlValueText(r[3]), &e.recipient);
        e.report_date = SqlValueText(r[4]).substr(0, 10);
        e.event_date = SqlValueText(r[5]);
        e.date_granularity = SqlValueText(r[6]);
        ParseLocationJson(SqlValueText(r[7]), &e.location);
        e.text = SqlValueText(r[8]);
        FillAnalysisDates(&e);
        rows.emplace_back(SqlValueInt(r[0]), std::move(e));
        return true;
      });
  for (auto& [rowid, e] : rows) {
    if (!st.ok()) break;
    int64_t location_id = 0;
    if (!e.location.precision.empty()) {
      Result<int64_t> id = LocationId(e.location);
      if (!id.ok()) {
        st = id.status();
        break;
      }
      location_id = *id;
    }
    st = InsertParticipants(e);
    if (!st.ok()) break;
    sqlite3_reset(update);
    BindOrNull(update, 1, e.actor.empty() ? "" : e.actor.front().Key());
    BindOrNull(update, 2, e.recipient.empty() ? "" : e.recipient.front().Key());
    BindOrNull(update, 3, e.day);
    BindOrNull(update, 4, e.week);
    BindOrNull(update, 5, e.month);
    if (location_id) {
      sqlite3_bind_int64(update, 6, location_id);
    } else {
      sqlite3_bind_null(update, 6);
    }
    sqlite3_bind_int64(update, 7, rowid);
    st = Check(sqlite3_step(update), "migrate event");
    if (!st.ok()) break;
    sqlite3_reset(fts);
    sqlite3_bind_int64(fts, 1, rowid);
    Bind(fts, 2, e.text);
    st = Check(sqlite3_step(fts), "index event text");
  }
  sqlite3_finalize(update);
  sqlite3_finalize(fts);
  return st;
}

// The statements that turn actors and places into rows of `entities`,
// `participants` and `locations`: needed by a migration and by writes.
Status SqliteStore::PrepareNormalizers() {
  if (insert_participant_) return Status::Ok();
  GRIOT_RETURN_IF_ERROR(Prepare("INSERT INTO participants VALUES (?,?,?,?,?,?,?)",
                                &insert_participant_));
  GRIOT_RETURN_IF_ERROR(Prepare(
      "SELECT entity_id FROM entities WHERE code = ? AND sector = ? AND name = ?", &find_entity_));
  GRIOT_RETURN_IF_ERROR(
      Prepare("INSERT INTO entities (code, sector, name) VALUES (?,?,?)", &insert_entity_));
  GRIOT_RETURN_IF_ERROR(Prepare(
      "SELECT location_id FROM locations WHERE name = ? AND country = ? AND admin1 = ? AND "
      "precision = ? AND geonames_id = ? AND lat = ? AND lon = ?",
      &find_location_));
  return Prepare(
      "INSERT INTO locations (name, country, admin1, precision, geonames_id, lat, lon) "
      "VALUES (?,?,?,?,?,?,?)",
      &insert_location_);
}

bool SqliteStore::HasColumn(const std::string& table, const std::string& column) {
  sqlite3_stmt* st = nullptr;
  std::string sql = "SELECT 1 FROM pragma_table_info('" + table + "') WHERE name = ?";
  bool found = false;
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) == SQLITE_OK) {
    Bind(st, 1, column);
    found = sqlite3_step(st) == SQLITE_ROW;
  }
  sqlite3_finalize(st);
  return found;
}

Status SqliteStore::Exec(const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string m = path_ + ": " + (err ? err : "sqlite error");
    sqlite3_free(err);
    return IoError(m);
  }
  return Status::Ok();
}

Status SqliteStore::Check(int rc, const char* what) {
  if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW) return Status::Ok();
  return IoError(path_ + ": " + what + ": " + sqlite3_errmsg(db_));
}

Status SqliteStore::Begin() {
  if (read_only_) return InvalidArgument(path_ + ": opened read-only");
  if (in_transaction_) return Status::Ok();
  GRIOT_RETURN_IF_ERROR(Exec("BEGIN"));
  in_transaction_ = true;
  return Status::Ok();
}

Status SqliteStore::Flush() { return Commit(); }

Status SqliteStore::Commit() {
  if (!in_transaction_) return Status::Ok();
  GRIOT_RETURN_IF_ERROR(Exec(
      "INSERT INTO events_fts(rowid, text) SELECT e.rowid, e.text FROM temp.fts_pending p "
      "JOIN events e ON e.rowid = p.id; DELETE FROM temp.fts_pending;"));
  in_transaction_ = false;
  pending_ = 0;
  Status committed = Exec("COMMIT");
  if (questions_) questions_->TransactionEnded();
  return committed;
}

Result<int64_t> SqliteStore::EntityId(const StoredArgument& a) {
  std::string key = a.code + '\x1f' + a.sector + '\x1f' + a.name;
  auto it = entity_ids_.find(key);
  if (it != entity_ids_.end()) return it->second;
  sqlite3_reset(find_entity_);
  Bind(find_entity_, 1, a.code);
  Bind(find_entity_, 2, a.sector);
  Bind(find_entity_, 3, a.name);
  int64_t id = 0;
  if (sqlite3_step(find_entity_) == SQLITE_ROW) {
    id = sqlite3_column_int64(find_entity_, 0);
  } else {
    sqlite3_reset(insert_entity_);
    Bind(insert_entity_, 1, a.code);
    Bind(insert_entity_, 2, a.sector);
    Bind(insert_entity_, 3, a.name);
    GRIOT_RETURN_IF_ERROR(Check(sqlite3_step(insert_entity_), "insert entity"));
    id = sqlite3_last_insert_rowid(db_);
  }
  // Ids of rows inserted in an open transaction are cached too: a failed
  // transaction ends the process's writes (the run stops on store errors).
  entity_ids_.emplace(std::move(key), id);
  return id;
}

Result<int64_t> SqliteStore::LocationId(const StoredLocation& l) {
  std::string key = LocationKey(l);
  auto it = location_ids_.find(key);
  if (it != location_ids_.end()) return it->second;
  sqlite3_reset(find_location_);
  sqlite3_stmt* q = find_location_;
  for (int pass = 0; pass < 2; ++pass) {
    Bind(q, 1, l.name);
    Bind(q, 2, l.country);
    Bind(q, 3, l.admin1);
    Bind(q, 4, l.precision);
    sqlite3_bind_int64(q, 5, l.geonames_id);
    sqlite3_bind_double(q, 6, l.lat);
    sqlite3_bind_double(q, 7, l.lon);
    if (pass == 1) break;
    if (sqlite3_step(q) == SQLITE_ROW) {
      int64_t id = sqlite3_column_int64(q, 0);
      location_ids_.emplace(std::move(key), id);
      return id;
    }
    q = insert_location_;
    sqlite3_reset(q);
  }
  GRIOT_RETURN_IF_ERROR(Check(sqlite3_step(q), "insert location"));
  int64_t id = sqlite3_last_insert_rowid(db_);
  location_ids_.emplace(std::move(key), id);
  return id;
}

Status SqliteStore::InsertParticipants(const StoredEvent& e) {
  for (int role = 0; role < 2; ++role) {
    const std::vector<StoredArgument>& args = role == 0 ? e.actor : e.recipient;
    for (size_t i = 0; i < args.size(); ++i) {
      Result<int64_t> id = EntityId(args[i]);
      if (!id.ok()) return id.status();
      sqlite3_stmt* st = insert_participant_;
      sqlite3_reset(st);
      BindStatic(st, 1, e.event_id);
      sqlite3_bind_text(st, 2, role == 0 ? "actor" : "recipient", -1, SQLITE_STATIC);
      sqlite3_bind_int64(st, 3, static_cast<int64_t>(i));
      sqlite3_bind_int64(st, 4, *id);
      BindStatic(st, 5, args[i].text);
      sqlite3_bind_int(st, 6, args[i].implicit ? 1 : 0);
      BindStatic(st, 7, args[i].code_from);
      GRIOT_RETURN_IF_ERROR(Check(sqlite3_step(st), "insert participant"));
    }
  }
  return Status::Ok();
}

Status SqliteStore::UnlinkDocument(const std::string& doc_id, bool* replaced) {
  sqlite3_reset(doc_exists_);
  Bind(doc_exists_, 1, doc_id);
  *replaced = sqlite3_step(doc_exists_) == SQLITE_ROW;
  if (!*replaced) return Status::Ok();  // a new document
  // Events of this transaction are not in the text index yet.
  GRIOT_RETURN_IF_ERROR(Exec(
      "INSERT INTO events_fts(rowid, text) SELECT e.rowid, e.text FROM temp.fts_pending p "
      "JOIN events e ON e.rowid = p.id; DELETE FROM temp.fts_pending;"));
  for (sqlite3_stmt* st : {stale_days_, reset_groups_, unlink_groups_, fts_delete_, delete_participants_, delete_events_}) {
    sqlite3_reset(st);
    Bind(st, 1, doc_id);
    GRIOT_RETURN_IF_ERROR(Check(sqlite3_step(st), "replace document"));
  }
  return Status::Ok();
}

Status SqliteStore::WriteDocument(const StoredDocument& doc, const std::vector<StoredEvent>& events) {
  GRIOT_RETURN_IF_ERROR(Begin());
  if (fresh_state_ == FreshState::kUnknown) {
    // Records an earlier run left unlinked must be read back with ours.
    bool leftovers = false;
    GRIOT_RETURN_IF_ERROR(Select({"SELECT 1 FROM events WHERE is_canonical IS NULL LIMIT 1", {}},
                                 [&](const SqlRow&) {
                                   leftovers = true;
                                   return false;
                                 }));
    fresh_state_ = leftovers ? FreshState::kReadBack : FreshState::kTracking;
    // The run counts its rollups itself unless days of an earlier run
    // still wait for theirs (a process killed before its refresh).
    bool waiting = false;
    GRIOT_RETURN_IF_ERROR(Select(
        {"SELECT 1 FROM rollup_pending UNION ALL SELECT 1 FROM place_rollup_pending LIMIT 1", {}},
        [&](const SqlRow&) {
          waiting = true;
          return false;
        }));
    load_rollups_.reset();
    if (!leftovers && !waiting) load_rollups_ = std::make_unique<LoadRollups>();
  }
  // Re-coding a document replaces its events instead of adding them twice.
  bool replaced = false;
  GRIOT_RETURN_IF_ERROR(UnlinkDocument(doc.id, &replaced));
  if (replaced) {
    // Its groups' other members are unlinked too: only the table knows them.
    fresh_state_ = FreshState::kReadBack;
    fresh_.clear();
    load_rollups_.reset();
  }
  sqlite3_reset(insert_doc_);
  BindStatic(insert_doc_, 1, doc.id);
  BindStatic(insert_doc_, 2, doc.title);
  BindStatic(insert_doc_, 3, doc.date);
  BindStatic(insert_doc_, 4, doc.url);
  BindStatic(insert_doc_, 5, doc.source);
  BindStatic(insert_doc_, 6, doc.input);
  sqlite3_bind_int64(insert_doc_, 7, static_cast<sqlite3_int64>(doc.line));
  sqlite3_bind_int64(insert_doc_, 8, doc.sentences);
  sqlite3_bind_int64(insert_doc_, 9, doc.events);
  BindStatic(insert_doc_, 10, doc.content_hash);
  GRIOT_RETURN_IF_ERROR(Check(sqlite3_step(insert_doc_), "insert document"));
  // Other threads now get the answer this connection would give.
  if (questions_) questions_->Written(doc.id, doc.content_hash);
  for (const StoredEvent& e : events) {
    int64_t location_id = 0;
    if (!e.location.precision.empty()) {
      Result<int64_t> id = LocationId(e.location);
      if (!id.ok()) return id.status();
      location_id = *id;
    }
    // Every value is bound in place (no copy): the strings live until the
    // step below.
    const std::string context = ContextJson(e.context);
    const std::string actor = ArgumentsJson(e.actor);
    const std::string recipient = ArgumentsJson(e.recipient);
    const std::string location = LocationJson(e.location);
    const std::string actor_key = e.actor.empty() ? "" : e.actor.front().Key();
    const std::string recipient_key = e.recipient.empty() ? "" : e.recipient.front().Key();
    static const std::string kNone;
    sqlite3_stmt* st = insert_event_;
    sqlite3_reset(st);
    BindStatic(st, 1, e.event_id);
    BindStatic(st, 2, e.doc_id);
    sqlite3_bind_int64(st, 3, e.sentence);
    BindStatic(st, 4, e.event);
    BindStatic(st, 5, e.mode);
    BindStatic(st, 6, context);
    BindStatic(st, 7, actor);
    BindStatic(st, 8, recipient);
    BindStatic(st, 9, e.actor.empty() ? kNone : e.actor.front().code);
    BindStatic(st, 10, e.recipient.empty() ? kNone : e.recipient.front().code);
    BindStatic(st, 11, e.cameo);
    sqlite3_bind_int64(st, 12, e.quad);
    sqlite3_bind_double(st, 13, e.score);
    BindStatic(st, 14, e.text);
    BindStatic(st, 15, e.spans);
    BindStatic(st, 16, e.pattern);
    sqlite3_bind_double(st, 17, e.confidence);
    BindStatic(st, 18, e.report_date);
    BindStaticOrNull(st, 19, e.event_date);
    BindStatic(st, 20, e.date_granularity);
    BindStatic(st, 21, location);
    BindStatic(st, 22, e.location.country);
    BindStatic(st, 23, e.location.admin1);
    if (e.location.precision.empty()) {
      sqlite3_bind_null(st, 24);
      sqlite3_bind_null(st, 25);
    } else {
      sqlite3_bind_double(st, 24, e.location.lat);
      sqlite3_bind_double(st, 25, e.location.lon);
    }
    BindStatic(st, 26, e.counts);
    BindStatic(st, 27, e.aux);
    BindStaticOrNull(st, 28, actor_key);
    BindStaticOrNull(st, 29, recipient_key);
    BindStaticOrNull(st, 30, e.day);
    BindStaticOrNull(st, 31, e.week);
    BindStaticOrNull(st, 32, e.month);
    if (location_id) {
      sqlite3_bind_int64(st, 33, location_id);
    } else {
      sqlite3_bind_null(st, 33);
    }
    GRIOT_RETURN_IF_ERROR(Check(sqlite3_step(st), "insert event"));
    // Indexed for full-text search when the transaction commits: FTS5
    // flushes its buffer at every statement of a transaction it takes
    // part in, which made each event cost a segment write.
    const int64_t row = sqlite3_last_insert_rowid(db_);
    if (fresh_state_ == FreshState::kTracking) {
      fresh_.push_back(ToDedupRecord(doc, e));
      fresh_.back().row = row;
      if (load_rollups_) load_rollups_->Add(row, e, location_id);
    }
    sqlite3_reset(insert_fts_);
    sqlite3_bind_int64(insert_fts_, 1, row);
    GRIOT_RETURN_IF_ERROR(Check(sqlite3_step(insert_fts_), "index event text"));
    GRIOT_RETURN_IF_ERROR(InsertParticipants(e));
  }
  return Status::Ok();
}

// A record's outcome closes it: the batch commits only between records, so
// a document, its events and its account are durable together or not at all.
Status SqliteStore::Account(const RecordOutcome& o) {
  GRIOT_RETURN_IF_ERROR(Begin());
  sqlite3_reset(insert_record_);
  BindStatic(insert_record_, 1, o.input);
  sqlite3_bind_int64(insert_record_, 2, static_cast<sqlite3_int64>(o.line));
  sqlite3_bind_int64(insert_record_, 3, static_cast<sqlite3_int64>(o.offset));
  BindStatic(insert_record_, 4, o.id);
  BindStatic(insert_record_, 5, o.outcome);
  BindStatic(insert_record_, 6, o.reason);
  BindStatic(insert_record_, 7, o.message);
  GRIOT_RETURN_IF_ERROR(Check(sqlite3_step(insert_record_), "insert record"));
  if (++pending_ >= kBatch) GRIOT_RETURN_IF_ERROR(Commit());
  return Status::Ok();
}

bool SqliteStore::HasDocument(const std::string& id, const std::string& content_hash) {
  if (questions_) return questions_->Has(id, content_hash);
  sqlite3_reset(has_document_);
  Bind(has_document_, 1, id);
  Bind(has_document_, 2, content_hash);
  return sqlite3_step(has_document_) == SQLITE_ROW;
}

bool SqliteStore::HasOutcome(const std::string& input, uint64_t line) {
  sqlite3_reset(has_outcome_);
  Bind(has_outcome_, 1, input);
  sqlite3_bind_int64(has_outcome_, 2, static_cast<sqlite3_int64>(line));
  return sqlite3_step(has_outcome_) == SQLITE_ROW;
}

Status SqliteStore::Finish(const RunSummary& s) {
  GRIOT_RETURN_IF_ERROR(Commit());
  // A first load links its events before the indexes exist: linking
  // rewrites columns three covering indexes hold, which costs far more
  // than building those indexes afterwards.
  GRIOT_RETURN_IF_ERROR(Deduplicate());
  if (deferred_indexes_) {
    GRIOT_RETURN_IF_ERROR(Exec(kSqliteIndexes));
    deferred_indexes_ = false;
    analyze_ = true;
  }
  if (deferred_rollups_) {
    deferred_rollups_ = false;
    GRIOT_RETURN_IF_ERROR(RefreshRollups());
  }
  // The planner needs statistics to prefer an actor's or a place's few
  // events to a scan of every event; `optimize` refreshes them when stale.
  // Full statistics: a sampled ANALYZE (analysis_limit) misjudged how
  // many events are canonical and sent map queries to a 20× slower plan.
  GRIOT_RETURN_IF_ERROR(Exec(analyze_ ? "ANALYZE" : "PRAGMA optimize"));
  analyze_ = false;
  nlohmann::json reasons = s.reasons;
  sqlite3_stmt* st = nullptr;
  GRIOT_RETURN_IF_ERROR(Prepare(
      "INSERT INTO runs (started, finished, documents_read, documents_coded, "
      "documents_skipped, documents_failed, sentences, events, bytes, seconds, "
      "reasons, resumed) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
      &st));
  Bind(st, 1, started_);
  Bind(st, 2, UtcNow());
  sqlite3_bind_int64(st, 3, static_cast<sqlite3_int64>(s.documents_read));
  sqlite3_bind_int64(st, 4, static_cast<sqlite3_int64>(s.documents_coded));
  sqlite3_bind_int64(st, 5, static_cast<sqlite3_int64>(s.documents_skipped));
  sqlite3_bind_int64(st, 6, static_cast<sqlite3_int64>(s.documents_failed));
  sqlite3_bind_int64(st, 7, static_cast<sqlite3_int64>(s.sentences));
  sqlite3_bind_int64(st, 8, static_cast<sqlite3_int64>(s.events));
  sqlite3_bind_int64(st, 9, static_cast<sqlite3_int64>(s.bytes));
  sqlite3_bind_double(st, 10, s.seconds);
  Bind(st, 11, reasons.dump());
  sqlite3_bind_int64(st, 12, static_cast<sqlite3_int64>(s.resumed));
  int rc = sqlite3_step(st);
  sqlite3_finalize(st);
  return Check(rc, "insert run");
}

namespace {

// SQLite calls this every few thousand virtual-machine steps; a non-zero
// return interrupts the statement (SQLITE_INTERRUPT).
int PastDeadline(void* deadline) {
  return std::chrono::steady_clock::now() > *static_cast<std::chrono::steady_clock::time_point*>(deadline);
}

}  // namespace

Status SqliteStore::SetQueryTimeout(int64_t milliseconds) {
  if (milliseconds < 0) return InvalidArgument("query timeout: " + std::to_string(milliseconds) + " ms");
  query_timeout_ms_ = milliseconds;
  return Status::Ok();
}

Status SqliteStore::Select(const SqlQuery& query, const RowCallback& each) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(query_timeout_ms_);
  if (query_timeout_ms_ > 0) sqlite3_progress_handler(db_, 4000, PastDeadline, &deadline);
  Status status = SelectRows(query, each);
  if (query_timeout_ms_ > 0) sqlite3_progress_handler(db_, 0, nullptr, nullptr);
  return status;
}

Status SqliteStore::SelectRows(const SqlQuery& query, const RowCallback& each) {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db_, query.sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
    return IoError(path_ + ": query failed: " + sqlite3_errmsg(db_));
  }
  for (size_t i = 0; i < query.params.size(); ++i) BindValue(st, static_cast<int>(i) + 1, query.params[i]);
  int columns = sqlite3_column_count(st);
  SqlRow row(columns);
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    for (int c = 0; c < columns; ++c) {
      switch (sqlite3_column_type(st, c)) {
        case SQLITE_INTEGER: row[c] = static_cast<int64_t>(sqlite3_column_int64(st, c)); break;
        case SQLITE_FLOAT: row[c] = sqlite3_column_double(st, c); break;
        case SQLITE_NULL: row[c] = std::monostate{}; break;
        default: row[c] = ColumnText(st, c);
      }
    }
    if (!each(row)) {
      rc = SQLITE_DONE;
      break;
    }
  }
  Status status = rc == SQLITE_DONE        ? Status::Ok()
                  : rc == SQLITE_INTERRUPT ? DeadlineExceeded(path_ + ": query stopped after " +
                                                              std::to_string(query_timeout_ms_) + " ms")
                                           : IoError(path_ + ": query failed: " + sqlite3_errmsg(db_));
  sqlite3_finalize(st);
  return status;
}

// SQLite cannot estimate how many rows an FTS5 match gives. Few: read
// them by rowid and sort them. Many (the words of a common phrase): the
// unary plus keeps the rowid from choosing the plan, so a sorted list walks
// its covering index newest first and stops at the page's end, testing
// each row against the matches (70 ms instead of 350 ms for 150,000

// SQLite's own counter: it changes when another connection (another
// process's load included) commits to the file.
Result<std::optional<int64_t>> SqliteStore::DataVersion() {
  std::optional<int64_t> version;
  GRIOT_RETURN_IF_ERROR(Select({"PRAGMA data_version", {}}, [&](const SqlRow& r) {
    version = SqlValueInt(r[0]);
    return false;
  }));
  return version;
}

// matches of a million events).
std::string SqliteStore::TextMatchSql(bool common) const {
  return common ? "+e.rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)"
                : "e.rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)";
}

Result<bool> SqliteStore::TextMatchesAtLeast(const std::string& param, int64_t n) {
  int64_t found = 0;
  GRIOT_RETURN_IF_ERROR(Select(
      {"SELECT COUNT(*) FROM (SELECT 1 FROM events_fts WHERE events_fts MATCH ? LIMIT ?)", {param, n}},
      [&](const SqlRow& r) {
        found = SqlValueInt(r[0]);
        return false;
      }));
  return found >= n;
}

// Every word quoted, so FTS5 reads none of them as an operator.
std::string SqliteStore::TextMatchParam(const std::string& words) const {
  std::string out;
  for (const std::string& w : SearchWords(words)) {
    if (!out.empty()) out += ' ';
    out += '"' + w + '"';
  }
  return out.empty() ? "\"\"" : out;
}

bool SqliteStore::TakeFresh(std::vector<DedupRecord>* records, bool* first_load) {
  const bool tracked = fresh_state_ == FreshState::kTracking;
  *first_load = tracked && deferred_indexes_;  // the store was empty at open
  if (!tracked) load_rollups_.reset();
  first_load_rollups_ = *first_load;
  if (tracked) *records = std::move(fresh_);
  fresh_ = {};
  fresh_state_ = FreshState::kUnknown;
  return tracked;
}

Status SqliteStore::ExecuteScript(const char* sql) {
  GRIOT_RETURN_IF_ERROR(Begin());
  GRIOT_RETURN_IF_ERROR(Exec(sql));
  return Commit();
}

Status SqliteStore::ClearLinks() {
  GRIOT_RETURN_IF_ERROR(Begin());
  GRIOT_RETURN_IF_ERROR(Exec(kClearLinksSql));
  return Commit();
}

}  // namespace griot
