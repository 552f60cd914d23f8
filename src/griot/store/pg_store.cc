#include "griot/store/pg_store.h"

#include <libpq-fe.h>

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "griot/store/pg_schema.h"
#include "griot/store/place_rollups.h"
#include "griot/store/plover_names.h"
#include "griot/store/pg_util.h"
#include "griot/store/store_text.h"

namespace griot {
namespace {

constexpr size_t kBatch = 500;  // records per transaction, as SqliteStore

std::string Trimmed(const char* message) {
  std::string m = message ? message : "";
  while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
  return m;
}

// How a result column's values become SqlValues, by the column's type OID
// (pg_type.h; stable across releases).
enum class Kind { kInt, kReal, kBool, kText };

Kind KindOf(Oid type) {
  switch (type) {
    case 20: case 21: case 23: case 26: return Kind::kInt;  // int8, int2, int4, oid
    case 700: case 701: case 1700: return Kind::kReal;      // float4, float8, numeric
    case 16: return Kind::kBool;  // SQLite gives comparisons as 0/1: so do we
    default: return Kind::kText;
  }
}

SqlValue Cell(const PGresult* r, int column, Kind kind) {
  if (PQgetisnull(r, 0, column)) return std::monostate{};
  const char* v = PQgetvalue(r, 0, column);
  int n = PQgetlength(r, 0, column);
  switch (kind) {
    case Kind::kInt: {
      int64_t i = 0;
      std::from_chars(v, v + n, i);
      return i;
    }
    case Kind::kReal: return std::strtod(v, nullptr);
    case Kind::kBool: return static_cast<int64_t>(v[0] == 't');
    case Kind::kText: break;
  }
  return std::string(v, n);
}

// JIT would spend seconds compiling the refresh query: off, for this
// transaction only.
constexpr const char* kLinksSql = R"sql(
SET LOCAL jit = off;
ANALYZE s_links;
INSERT INTO mentions
  SELECT DISTINCT ON (event_id) event_id, canonical_id, doc_id, source, reported, reason
  FROM s_links ORDER BY event_id, seq DESC
ON CONFLICT (mention_id) DO UPDATE SET event_id = EXCLUDED.event_id, doc_id = EXCLUDED.doc_id,
  source = EXCLUDED.source, reported = EXCLUDED.reported, reason = EXCLUDED.reason;
UPDATE events e SET is_canonical = 0, mentions = NULL, articles = NULL, sources = NULL,
  first_reported = NULL, last_reported = NULL
FROM s_links l WHERE e.event_id = l.event_id AND l.event_id <> l.canonical_id;
INSERT INTO touched SELECT DISTINCT canonical_id FROM s_links;
ANALYZE touched;
)sql";

}  // namespace

std::string NumberPlaceholders(const std::string& sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  for (size_t i = 0; i < sql.size(); ++i) {
    char c = sql[i];
    // Copy a quoted literal, identifier or comment through unchanged
    // ('it''s' is two adjacent literals here, which copies the same).
    auto skip_to = [&](const char* end) {
      size_t stop = sql.find(end, i + 1);
      stop = stop == std::string::npos ? sql.size() : stop + std::char_traits<char>::length(end);
      out.append(sql, i, stop - i);
      i = stop - 1;
    };
    if (c == '\'') {
      skip_to("'");
    } else if (c == '"') {
      skip_to("\"");
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      skip_to("\n");
    } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
      skip_to("*/");
    } else if (c == '?') {
      out += '$' + std::to_string(++n);
    } else {
      out += c;
    }
  }
  return out;
}

Result<std::unique_ptr<PgStore>> PgStore::Open(const std::string& url, Access access,
                                               const Ontology* ontology) {
  std::unique_ptr<PgStore> s(new PgStore());
  s->url_ = RedactPgUrl(url);
  s->started_ = UtcNow();
  s->read_only_ = access == Access::kReadOnly;
  bool unlinked = false;
  s->conn_ = PQconnectdb(url.c_str());
  if (PQstatus(s->conn_) != CONNECTION_OK) {
    return IoError(s->url_ + ": cannot connect to PostgreSQL: " + Trimmed(PQerrorMessage(s->conn_)) +
                   " (is the server running, and the host, port, user and database right?)");
  }
  PQsetClientEncoding(s->conn_, "UTF8");
  // Reals travel as text: ask for every digit, so they read back exactly.
  // Notices ("already exists, skipping") are not for the user's terminal.
  GRIOT_RETURN_IF_ERROR(
      PgExec(s->conn_, s->url_, "SET extra_float_digits = 3; SET client_min_messages = warning"));
  if (s->read_only_) {
    GRIOT_RETURN_IF_ERROR(PgExec(s->conn_, s->url_, "SET default_transaction_read_only = on"));
    std::string version;
    GRIOT_RETURN_IF_ERROR(s->ReadVersion(&version));
    if (version.empty()) {
      return NotFound(s->url_ + ": no griot store in this database (create one with "
                                "`griot code --db URL`)");
    }
    if (version == kOlderNamesSchemaVersion) return DataLoss(OlderNamesMessage(s->url_, true));
  } else {
    GRIOT_RETURN_IF_ERROR(s->CreateSchema(ontology, &unlinked));
    GRIOT_RETURN_IF_ERROR(PgExec(s->conn_, s->url_, kPgStaging));
  }
  for (auto [name, sql] : {std::pair{"has_document", "SELECT 1 FROM documents WHERE id = $1 AND content_hash = $2"},
                           std::pair{"has_outcome", "SELECT 1 FROM records WHERE input = $1 AND line = $2"}}) {
    PGresult* r = PQprepare(s->conn_, name, sql, 0, nullptr);
    bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    PQclear(r);
    if (!ok) return IoError(s->url_ + ": prepare: " + Trimmed(PQerrorMessage(s->conn_)));
  }
  // Events a renamed type took out of their duplicate groups are linked
  // again now, so the open leaves the store as consistent as it found it.
  if (unlinked) GRIOT_RETURN_IF_ERROR(s->Deduplicate());
  return s;
}

PgStore::~PgStore() {
  // As SqliteStore commits its open transaction: what was written stays.
  if (PQstatus(conn_) == CONNECTION_OK && !read_only_) batch_.Commit(conn_, url_);
  PQfinish(conn_);
}

// The advisory lock makes concurrent openers wait for each other: CREATE
// TABLE IF NOT EXISTS alone can fail on a unique-violation in the catalog
// when two sessions create the same table at once.
Status PgStore::CreateSchema(const Ontology* ontology, bool* unlinked) {
  GRIOT_RETURN_IF_ERROR(PgExec(conn_, url_, "BEGIN; SELECT pg_advisory_xact_lock(" +
                                                std::to_string(kPgSchemaLock) + ")"));
  std::string version;
  Status st = ReadVersion(&version);
  if (st.ok()) st = PgExec(conn_, url_, kPgSchema);
  // The map and actor rollups (place_rollups.h), filled once under the
  // lock: a store made before them gets them here.
  if (st.ok()) st = PgExec(conn_, url_, kPgPlaceRollupTables);
  // A store written with the older PLOVER names is renamed under the same
  // lock, so concurrent openers wait and find it renamed.
  if (st.ok() && version == kOlderNamesSchemaVersion) {
    if (!ontology) {
      st = DataLoss(OlderNamesMessage(url_, false));
    } else {
      Result<NameMigration> m = MigratePloverNames(
          *this, *ontology, [this](const char* sql) { return PgExec(conn_, url_, sql); });
      if (!m.ok()) {
        st = m.status();
      } else {
        *unlinked = m->unlinked > 0;
      }
    }
  }
  bool filled = false;
  if (st.ok()) {
    st = Select({"SELECT 1 FROM meta WHERE key = 'place_rollups'", {}}, [&](const SqlRow&) {
      filled = true;
      return false;
    });
  }
  if (st.ok() && !filled) st = PgExec(conn_, url_, FillPlaceRollupsSql());
  bool regions = false;
  if (st.ok()) {
    st = Select({"SELECT 1 FROM meta WHERE key = 'region_rollups'", {}}, [&](const SqlRow&) {
      regions = true;
      return false;
    });
  }
  if (st.ok() && !regions) st = PgExec(conn_, url_, kFillRegionRollupSql);
  if (st.ok()) st = PgExec(conn_, url_, "COMMIT");
  if (!st.ok()) PgExec(conn_, url_, "ROLLBACK");
  return st;
}

Status PgStore::ReadVersion(std::string* version) {
  version->clear();
  bool missing = true;
  GRIOT_RETURN_IF_ERROR(Select({"SELECT to_regclass('meta') IS NOT NULL", {}}, [&](const SqlRow& r) {
    missing = SqlValueInt(r[0]) == 0;
    return true;
  }));
  if (missing) return Status::Ok();
  GRIOT_RETURN_IF_ERROR(Select({"SELECT value FROM meta WHERE key = 'schema_version'", {}},
                               [&](const SqlRow& r) {
                                 *version = SqlValueText(r[0]);
                                 return true;
                               }));
  if (*version != kStoreSchemaVersion && *version != kOlderNamesSchemaVersion) {
    return DataLoss(url_ + ": schema version '" + *version + "' (this griot reads and writes version " +
                    kStoreSchemaVersion + ", and renames version " + kOlderNamesSchemaVersion + ")");
  }
  return Status::Ok();
}

Status PgStore::Writable() const {
  return read_only_ ? InvalidArgument(url_ + ": opened read-only") : Status::Ok();
}

Status PgStore::WriteDocument(const StoredDocument& doc, const std::vector<StoredEvent>& events) {
  GRIOT_RETURN_IF_ERROR(Writable());
  batch_.AddDocument(doc, events);
  return Status::Ok();
}

// A record's outcome closes it: batches commit only between records.
Status PgStore::Account(const RecordOutcome& outcome) {
  GRIOT_RETURN_IF_ERROR(Writable());
  batch_.AddOutcome(outcome);
  return batch_.records() >= kBatch ? batch_.Commit(conn_, url_) : Status::Ok();
}

bool PgStore::Exists(const char* statement, const std::vector<std::string>& params) {
  const char* values[2] = {params[0].c_str(), params[1].c_str()};
  PGresult* r = PQexecPrepared(conn_, statement, 2, values, nullptr, nullptr, 0);
  bool found = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0;
  PQclear(r);
  return found;
}

// The batch answers for what it holds: the server has not seen it yet.
bool PgStore::HasDocument(const std::string& id, const std::string& content_hash) {
  if (std::optional<bool> pending = batch_.HasDocument(id, content_hash)) return *pending;
  return Exists("has_document", {id, content_hash});
}

bool PgStore::HasOutcome(const std::string& input, uint64_t line) {
  if (batch_.HasOutcome(input, line)) return true;
  return Exists("has_outcome", {input, std::to_string(line)});
}

Status PgStore::Flush() {
  GRIOT_RETURN_IF_ERROR(Writable());
  return batch_.Commit(conn_, url_);
}

Status PgStore::Finish(const RunSummary& s) {
  GRIOT_RETURN_IF_ERROR(Writable());
  GRIOT_RETURN_IF_ERROR(batch_.Commit(conn_, url_));
  int64_t linked = 0;
  GRIOT_RETURN_IF_ERROR(Deduplicate(&linked));
  // Statistics now when the run grew the store by a tenth or more: until
  // autovacuum gets to it, the planner misjudged how many events an actor
  // has and scanned every participant (seconds instead of milliseconds).
  // The rollups too (they were left without statistics, so a year of one
  // type was planned as 8 rows, not 40,000). VACUUM as well: linking
  // rewrote every new event row, and until the dead versions are gone and
  // the pages marked all-visible an index-only scan still reads the heap.
  double rows = 0;
  GRIOT_RETURN_IF_ERROR(Select({"SELECT reltuples FROM pg_class WHERE relname = 'events'", {}},
                               [&](const SqlRow& r) {
                                 rows = SqlValueDouble(r[0]);
                                 return false;
                               }));
  if (linked > 0 && static_cast<double>(linked) * 10 >= rows) {
    GRIOT_RETURN_IF_ERROR(Select(
        {"VACUUM (ANALYZE) documents, events, participants, entities, locations, mentions, "
         "daily_counts, monthly_counts, monthly_region_counts, location_counts, actor_counts, "
         "name_counts",
         {}},
        [](const SqlRow&) { return true; }));
  }
  return Select({"INSERT INTO runs (started, finished, documents_read, documents_coded, "
                 "documents_skipped, documents_failed, sentences, events, bytes, seconds, "
                 "reasons, resumed) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                 {started_, UtcNow(), static_cast<int64_t>(s.documents_read),
                  static_cast<int64_t>(s.documents_coded), static_cast<int64_t>(s.documents_skipped),
                  static_cast<int64_t>(s.documents_failed), static_cast<int64_t>(s.sentences),
                  static_cast<int64_t>(s.events), static_cast<int64_t>(s.bytes), s.seconds,
                  nlohmann::json(s.reasons).dump(), static_cast<int64_t>(s.resumed)}},
                [](const SqlRow&) { return true; });
}

// Rows arrive one at a time (single-row mode), so an export of millions of
// events never holds the whole result in memory.
Status PgStore::SetQueryTimeout(int64_t milliseconds) {
  if (milliseconds < 0) return InvalidArgument("query timeout: " + std::to_string(milliseconds) + " ms");
  // A session setting: every later statement of this connection has it.
  std::string sql = "SET statement_timeout = " + std::to_string(milliseconds);
  PGresult* r = PQexec(conn_, sql.c_str());
  Status st = PQresultStatus(r) == PGRES_COMMAND_OK
                  ? Status::Ok()
                  : IoError(url_ + ": cannot set statement_timeout: " + Trimmed(PQresultErrorMessage(r)));
  PQclear(r);
  return st;
}

Status PgStore::Select(const SqlQuery& query, const RowCallback& each) {
  std::string sql = NumberPlaceholders(query.sql);
  std::vector<std::string> text(query.params.size());
  std::vector<const char*> values(query.params.size(), nullptr);
  for (size_t i = 0; i < query.params.size(); ++i) {
    const SqlValue& v = query.params[i];
    if (std::holds_alternative<std::monostate>(v)) continue;
    if (const auto* d = std::get_if<double>(&v)) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.17g", *d);
      text[i] = buf;
    } else if (const auto* n = std::get_if<int64_t>(&v)) {
      text[i] = std::to_string(*n);
    } else {
      text[i] = std::get<std::string>(v);
    }
    values[i] = text[i].c_str();
  }
  if (!PQsendQueryParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr,
                         values.data(), nullptr, nullptr, 0)) {
    return IoError(url_ + ": query failed: " + Trimmed(PQerrorMessage(conn_)));
  }
  PQsetSingleRowMode(conn_);
  Status st;
  bool stopped = false;
  std::vector<Kind> kinds;
  SqlRow row;
  while (PGresult* r = PQgetResult(conn_)) {
    ExecStatusType t = PQresultStatus(r);
    if (t == PGRES_SINGLE_TUPLE && !stopped) {
      if (kinds.empty()) {
        for (int c = 0; c < PQnfields(r); ++c) kinds.push_back(KindOf(PQftype(r, c)));
        row.resize(kinds.size());
      }
      for (size_t c = 0; c < kinds.size(); ++c) row[c] = Cell(r, static_cast<int>(c), kinds[c]);
      if (!each(row)) {
        // Stop the server sending the rest; the results still queued
        // (rows, then the cancellation error) are drained below.
        stopped = true;
        if (PGcancel* cancel = PQgetCancel(conn_)) {
          char err[256];
          PQcancel(cancel, err, sizeof err);
          PQfreeCancel(cancel);
        }
      }
    } else if (t != PGRES_SINGLE_TUPLE && t != PGRES_TUPLES_OK && t != PGRES_COMMAND_OK &&
               !stopped && st.ok()) {
      // 57014 query_canceled: statement_timeout (SetQueryTimeout) fired.
      const char* state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
      if (state && std::string(state) == "57014") {
        st = DeadlineExceeded(url_ + ": query stopped after the time limit (" + Trimmed(PQresultErrorMessage(r)) + ")");
      } else {
        st = IoError(url_ + ": query failed: " + Trimmed(PQresultErrorMessage(r)));
      }
    }
    PQclear(r);
  }
  return st;
}

// The 'simple' configuration lower-cases and neither stems nor drops stop
// words; plainto_tsquery ANDs the words, so every word must occur.
std::string PgStore::TextMatchSql(bool common) const {
  (void)common;  // PostgreSQL's planner estimates the matches itself
  return "to_tsvector('simple', e.text) @@ plainto_tsquery('simple', ?)";
}

std::string PgStore::TextMatchParam(const std::string& words) const {
  std::string out;
  for (const std::string& w : SearchWords(words)) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

Status PgStore::ApplyLinks(const std::vector<MentionLink>& links) {
  GRIOT_RETURN_IF_ERROR(Writable());
  if (links.empty()) return Status::Ok();
  // Two workers linking overlapping groups can deadlock; the loser retries.
  Status st;
  for (int attempt = 0; attempt < 5; ++attempt) {
    std::string sqlstate;
    st = ApplyLinksOnce(links, &sqlstate);
    if (st.ok()) return st;
    PgExec(conn_, url_, "ROLLBACK");
    if (sqlstate != "40P01" && sqlstate != "40001") return st;
  }
  return st;
}

Status PgStore::ExecuteScript(const char* sql) {
  GRIOT_RETURN_IF_ERROR(Writable());
  GRIOT_RETURN_IF_ERROR(batch_.Commit(conn_, url_));
  GRIOT_RETURN_IF_ERROR(PgExec(conn_, url_, "BEGIN"));
  Status st = PgExec(conn_, url_, sql);
  if (!st.ok()) {
    PgExec(conn_, url_, "ROLLBACK");
    return st;
  }
  return PgExec(conn_, url_, "COMMIT");
}

Status PgStore::ClearLinks() {
  GRIOT_RETURN_IF_ERROR(Writable());
  GRIOT_RETURN_IF_ERROR(batch_.Commit(conn_, url_));
  GRIOT_RETURN_IF_ERROR(PgExec(conn_, url_, "BEGIN"));
  Status st = PgExec(conn_, url_, kClearLinksSql);
  if (!st.ok()) {
    PgExec(conn_, url_, "ROLLBACK");
    return st;
  }
  return PgExec(conn_, url_, "COMMIT");
}

Status PgStore::ApplyLinksOnce(const std::vector<MentionLink>& links, std::string* sqlstate) {
  GRIOT_RETURN_IF_ERROR(PgExec(conn_, url_, "BEGIN"));
  PgCopy copy(conn_, url_);
  GRIOT_RETURN_IF_ERROR(copy.Begin("COPY s_links FROM STDIN"));
  int64_t seq = 0;
  for (const MentionLink& l : links) {
    copy.Text(l.event_id);
    copy.Text(l.canonical_id);
    copy.Text(l.doc_id);
    copy.Text(l.source);
    copy.TextOrNull(l.reported);
    copy.Text(l.reason);
    copy.Int(seq++);
    GRIOT_RETURN_IF_ERROR(copy.EndRow());
  }
  GRIOT_RETURN_IF_ERROR(copy.End());
  GRIOT_RETURN_IF_ERROR(PgExec(conn_, url_, kLinksSql, sqlstate));
  GRIOT_RETURN_IF_ERROR(PgExec(conn_, url_, kRefreshCanonicalSql, sqlstate));
  return PgExec(conn_, url_, "COMMIT", sqlstate);
}

}  // namespace griot
