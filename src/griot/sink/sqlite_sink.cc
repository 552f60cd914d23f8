#include "griot/sink/sqlite_sink.h"

#include <sqlite3.h>

#include <chrono>
#include <ctime>

#include "griot/io/event_json.h"
#include "griot/util/content_hash.h"

namespace griot {
namespace {

constexpr int kBatch = 500;  // documents per transaction

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT OR IGNORE INTO meta VALUES ('schema_version', '3');
CREATE TABLE IF NOT EXISTS documents (
  id TEXT PRIMARY KEY, title TEXT, date TEXT, url TEXT, source TEXT,
  input TEXT, line INTEGER, sentences INTEGER, events INTEGER, content_hash TEXT);
CREATE TABLE IF NOT EXISTS events (
  event_id TEXT PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(id),
  sentence INTEGER NOT NULL, event TEXT NOT NULL, mode TEXT NOT NULL,
  context TEXT NOT NULL, actor TEXT NOT NULL, recipient TEXT NOT NULL,
  actor_code TEXT, recipient_code TEXT,
  cameo TEXT, quad INTEGER, score REAL, text TEXT NOT NULL, spans TEXT NOT NULL,
  pattern TEXT NOT NULL, confidence REAL NOT NULL, date TEXT,
  event_date TEXT, date_granularity TEXT, location TEXT, country TEXT, admin1 TEXT,
  lat REAL, lon REAL, counts TEXT, aux TEXT);
CREATE INDEX IF NOT EXISTS events_doc ON events(doc_id);
CREATE INDEX IF NOT EXISTS events_type ON events(event, mode);
CREATE INDEX IF NOT EXISTS events_actor ON events(actor_code);
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT, started TEXT, finished TEXT,
  documents_read INTEGER, documents_coded INTEGER, documents_skipped INTEGER,
  documents_failed INTEGER, sentences INTEGER, events INTEGER, bytes INTEGER,
  seconds REAL, reasons TEXT, resumed INTEGER);
CREATE TABLE IF NOT EXISTS records (
  input TEXT NOT NULL, line INTEGER NOT NULL, offset INTEGER, id TEXT,
  outcome TEXT NOT NULL, reason TEXT, message TEXT, PRIMARY KEY (input, line));
)sql";

std::string NowUtc() {
  std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

void Bind(sqlite3_stmt* st, int i, const std::string& s) {
  sqlite3_bind_text(st, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
}

}  // namespace

Result<std::unique_ptr<SqliteSink>> SqliteSink::Open(const std::string& path) {
  std::unique_ptr<SqliteSink> s(new SqliteSink());
  s->path_ = path;
  s->started_ = NowUtc();
  if (sqlite3_open(path.c_str(), &s->db_) != SQLITE_OK) {
    return IoError(path + ": cannot open database: " + sqlite3_errmsg(s->db_));
  }
  GRIOT_RETURN_IF_ERROR(s->Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"));
  GRIOT_RETURN_IF_ERROR(s->Exec(kSchema));
  GRIOT_RETURN_IF_ERROR(s->Migrate());
  GRIOT_RETURN_IF_ERROR(s->Exec("CREATE INDEX IF NOT EXISTS events_place ON events(country, admin1);"
                                "CREATE INDEX IF NOT EXISTS events_when ON events(event_date);"));
  GRIOT_RETURN_IF_ERROR(s->Check(
      sqlite3_prepare_v2(s->db_,
                         "INSERT OR REPLACE INTO documents VALUES (?,?,?,?,?,?,?,?,?,?)", -1,
                         &s->insert_doc_, nullptr),
      "prepare"));
  GRIOT_RETURN_IF_ERROR(s->Check(
      sqlite3_prepare_v2(s->db_, "DELETE FROM events WHERE doc_id = ?", -1, &s->delete_events_,
                         nullptr),
      "prepare"));
  GRIOT_RETURN_IF_ERROR(s->Check(
      sqlite3_prepare_v2(s->db_,
                         "INSERT OR REPLACE INTO events VALUES "
                         "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                         -1, &s->insert_event_, nullptr),
      "prepare"));
  // The first outcome of a record stands: a re-run over the same input
  // neither duplicates nor rewrites the accounts.
  GRIOT_RETURN_IF_ERROR(s->Check(
      sqlite3_prepare_v2(s->db_, "INSERT OR IGNORE INTO records VALUES (?,?,?,?,?,?,?)", -1,
                         &s->insert_record_, nullptr),
      "prepare"));
  GRIOT_RETURN_IF_ERROR(s->Check(
      sqlite3_prepare_v2(s->db_, "SELECT 1 FROM documents WHERE id = ? AND content_hash = ?", -1,
                         &s->has_document_, nullptr),
      "prepare"));
  GRIOT_RETURN_IF_ERROR(s->Check(
      sqlite3_prepare_v2(s->db_, "SELECT 1 FROM records WHERE input = ? AND line = ?", -1,
                         &s->has_outcome_, nullptr),
      "prepare"));
  return s;
}

SqliteSink::~SqliteSink() {
  if (in_transaction_) sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
  sqlite3_finalize(insert_doc_);
  sqlite3_finalize(delete_events_);
  sqlite3_finalize(insert_event_);
  sqlite3_finalize(insert_record_);
  sqlite3_finalize(has_document_);
  sqlite3_finalize(has_outcome_);
  sqlite3_close(db_);
}

// Version 1 databases (issue 2) lack the where/when/how-many columns.
Status SqliteSink::Migrate() {
  std::string version;
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db_, "SELECT value FROM meta WHERE key = 'schema_version'", -1, &st,
                         nullptr) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW) {
    version = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  }
  sqlite3_finalize(st);
  if (version == "3") return Status::Ok();
  if (version != "1" && version != "2") {
    return DataLoss(path_ + ": unknown schema version '" + version + "'");
  }
  if (version == "1") GRIOT_RETURN_IF_ERROR(Exec(
      "ALTER TABLE events ADD COLUMN event_date TEXT;"
      "ALTER TABLE events ADD COLUMN date_granularity TEXT;"
      "ALTER TABLE events ADD COLUMN location TEXT;"
      "ALTER TABLE events ADD COLUMN country TEXT;"
      "ALTER TABLE events ADD COLUMN admin1 TEXT;"
      "ALTER TABLE events ADD COLUMN lat REAL;"
      "ALTER TABLE events ADD COLUMN lon REAL;"
      "ALTER TABLE events ADD COLUMN counts TEXT;"
      "ALTER TABLE events ADD COLUMN aux TEXT;"
      "UPDATE meta SET value = '2' WHERE key = 'schema_version';"));
  // Version 2 databases (issue 3) lack content hashes and per-record
  // accounts (the records table itself is created by the schema script).
  if (!HasColumn("documents", "content_hash")) {
    GRIOT_RETURN_IF_ERROR(Exec("ALTER TABLE documents ADD COLUMN content_hash TEXT;"));
  }
  if (!HasColumn("runs", "resumed")) {
    GRIOT_RETURN_IF_ERROR(Exec("ALTER TABLE runs ADD COLUMN resumed INTEGER;"));
  }
  return Exec("UPDATE meta SET value = '3' WHERE key = 'schema_version';");
}

bool SqliteSink::HasColumn(const std::string& table, const std::string& column) {
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

Status SqliteSink::Exec(const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string m = path_ + ": " + (err ? err : "sqlite error");
    sqlite3_free(err);
    return IoError(m);
  }
  return Status::Ok();
}

Status SqliteSink::Check(int rc, const char* what) {
  if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW) return Status::Ok();
  return IoError(path_ + ": " + what + ": " + sqlite3_errmsg(db_));
}

Status SqliteSink::Begin() {
  if (in_transaction_) return Status::Ok();
  GRIOT_RETURN_IF_ERROR(Exec("BEGIN"));
  in_transaction_ = true;
  return Status::Ok();
}

Status SqliteSink::Write(const Document& doc) {
  GRIOT_RETURN_IF_ERROR(Begin());
  // Re-coding a document replaces its events instead of adding them twice.
  sqlite3_reset(delete_events_);
  Bind(delete_events_, 1, doc.id);
  GRIOT_RETURN_IF_ERROR(Check(sqlite3_step(delete_events_), "delete events"));
  sqlite3_reset(insert_doc_);
  Bind(insert_doc_, 1, doc.id);
  Bind(insert_doc_, 2, doc.title);
  Bind(insert_doc_, 3, doc.date);
  Bind(insert_doc_, 4, doc.url);
  Bind(insert_doc_, 5, doc.source);
  Bind(insert_doc_, 6, doc.input);
  sqlite3_bind_int64(insert_doc_, 7, static_cast<sqlite3_int64>(doc.line));
  sqlite3_bind_int64(insert_doc_, 8, static_cast<sqlite3_int64>(doc.sentences.size()));
  sqlite3_bind_int64(insert_doc_, 9, static_cast<sqlite3_int64>(doc.events.size()));
  // A document coded outside a run (no hash yet) is fingerprinted here.
  Bind(insert_doc_, 10, doc.content_hash.empty() ? ContentHash(doc.text) : doc.content_hash);
  GRIOT_RETURN_IF_ERROR(Check(sqlite3_step(insert_doc_), "insert document"));
  for (const Event& e : doc.events) {
    nlohmann::json j = EventToJson(doc, e);
    sqlite3_reset(insert_event_);
    Bind(insert_event_, 1, e.event_id);
    Bind(insert_event_, 2, doc.id);
    sqlite3_bind_int(insert_event_, 3, static_cast<int>(e.sentence));
    Bind(insert_event_, 4, e.event);
    Bind(insert_event_, 5, e.mode);
    Bind(insert_event_, 6, j["context"].dump());
    Bind(insert_event_, 7, j["actor"].dump());
    Bind(insert_event_, 8, j["recipient"].dump());
    Bind(insert_event_, 9, e.actor.empty() ? "" : e.actor.front().code);
    Bind(insert_event_, 10, e.recipient.empty() ? "" : e.recipient.front().code);
    Bind(insert_event_, 11, e.cameo);
    sqlite3_bind_int(insert_event_, 12, e.quad);
    sqlite3_bind_double(insert_event_, 13, e.score);
    Bind(insert_event_, 14, j["text"].get<std::string>());
    Bind(insert_event_, 15, j["spans"].dump());
    Bind(insert_event_, 16, e.pattern);
    sqlite3_bind_double(insert_event_, 17, e.confidence);
    Bind(insert_event_, 18, doc.date.substr(0, 10));
    if (e.date.empty()) {
      sqlite3_bind_null(insert_event_, 19);
    } else {
      Bind(insert_event_, 19, e.date);
    }
    Bind(insert_event_, 20, e.date_granularity.empty() ? "unresolved" : e.date_granularity);
    Bind(insert_event_, 21, j["location"].dump());
    Bind(insert_event_, 22, e.location.country);
    Bind(insert_event_, 23, e.location.admin1);
    if (e.location.precision.empty()) {
      sqlite3_bind_null(insert_event_, 24);
      sqlite3_bind_null(insert_event_, 25);
    } else {
      sqlite3_bind_double(insert_event_, 24, e.location.lat);
      sqlite3_bind_double(insert_event_, 25, e.location.lon);
    }
    Bind(insert_event_, 26, j["counts"].dump());
    Bind(insert_event_, 27, j["aux"].dump());
    GRIOT_RETURN_IF_ERROR(Check(sqlite3_step(insert_event_), "insert event"));
  }
  return Status::Ok();
}

// A record's outcome closes it: the batch commits only between records, so
// a document, its events and its account are durable together or not at all.
Status SqliteSink::Account(const RecordOutcome& o) {
  GRIOT_RETURN_IF_ERROR(Begin());
  sqlite3_reset(insert_record_);
  Bind(insert_record_, 1, o.input);
  sqlite3_bind_int64(insert_record_, 2, static_cast<sqlite3_int64>(o.line));
  sqlite3_bind_int64(insert_record_, 3, static_cast<sqlite3_int64>(o.offset));
  Bind(insert_record_, 4, o.id);
  Bind(insert_record_, 5, o.outcome);
  Bind(insert_record_, 6, o.reason);
  Bind(insert_record_, 7, o.message);
  GRIOT_RETURN_IF_ERROR(Check(sqlite3_step(insert_record_), "insert record"));
  if (++pending_ >= kBatch) {
    GRIOT_RETURN_IF_ERROR(Exec("COMMIT"));
    in_transaction_ = false;
    pending_ = 0;
  }
  return Status::Ok();
}

bool SqliteSink::HasDocument(const std::string& id, const std::string& content_hash) {
  sqlite3_reset(has_document_);
  Bind(has_document_, 1, id);
  Bind(has_document_, 2, content_hash);
  return sqlite3_step(has_document_) == SQLITE_ROW;
}

bool SqliteSink::HasOutcome(const std::string& input, uint64_t line) {
  sqlite3_reset(has_outcome_);
  Bind(has_outcome_, 1, input);
  sqlite3_bind_int64(has_outcome_, 2, static_cast<sqlite3_int64>(line));
  return sqlite3_step(has_outcome_) == SQLITE_ROW;
}

Status SqliteSink::Finish(const RunSummary& s) {
  if (in_transaction_) {
    GRIOT_RETURN_IF_ERROR(Exec("COMMIT"));
    in_transaction_ = false;
    pending_ = 0;
  }
  nlohmann::json reasons = s.reasons;
  sqlite3_stmt* st = nullptr;
  GRIOT_RETURN_IF_ERROR(Check(
      sqlite3_prepare_v2(db_,
                         "INSERT INTO runs (started, finished, documents_read, documents_coded, "
                         "documents_skipped, documents_failed, sentences, events, bytes, seconds, "
                         "reasons, resumed) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                         -1, &st, nullptr),
      "prepare run"));
  Bind(st, 1, started_);
  Bind(st, 2, NowUtc());
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

}  // namespace griot
