// The SQLite form of the store's schema (version 5; docs/database.md).
// Version 5 has version 4's tables; it differs in the names its events use
// (store/plover_names.h). The
// PostgreSQL form (pg_schema.h) has the same tables, columns and meanings.
#pragma once

namespace griot {

// The `events` columns of versions 1-3 come first and the version-4 ones
// after them, in the order the migration appends them, so a migrated
// database and a new one have the same layout.
inline constexpr const char* kSqliteSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT OR IGNORE INTO meta VALUES ('schema_version', '5');
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
  lat REAL, lon REAL, counts TEXT, aux TEXT,
  actor_key TEXT, recipient_key TEXT, day TEXT, week TEXT, month TEXT,
  location_id INTEGER REFERENCES locations(location_id),
  is_canonical INTEGER, mentions INTEGER, articles INTEGER, sources INTEGER,
  first_reported TEXT, last_reported TEXT);
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT, started TEXT, finished TEXT,
  documents_read INTEGER, documents_coded INTEGER, documents_skipped INTEGER,
  documents_failed INTEGER, sentences INTEGER, events INTEGER, bytes INTEGER,
  seconds REAL, reasons TEXT, resumed INTEGER);
CREATE TABLE IF NOT EXISTS records (
  input TEXT NOT NULL, line INTEGER NOT NULL, offset INTEGER, id TEXT,
  outcome TEXT NOT NULL, reason TEXT, message TEXT, PRIMARY KEY (input, line));
)sql";

// Tables new in version 4 and the indexes; run after a migration too.
inline constexpr const char* kSqliteSchema4 = R"sql(
CREATE TABLE IF NOT EXISTS entities (
  entity_id INTEGER PRIMARY KEY, code TEXT NOT NULL, sector TEXT NOT NULL, name TEXT NOT NULL,
  UNIQUE (code, sector, name));
CREATE TABLE IF NOT EXISTS participants (
  event_id TEXT NOT NULL, role TEXT NOT NULL, position INTEGER NOT NULL,
  entity_id INTEGER NOT NULL REFERENCES entities(entity_id), text TEXT NOT NULL,
  implicit INTEGER NOT NULL, code_from TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS locations (
  location_id INTEGER PRIMARY KEY, name TEXT NOT NULL, country TEXT NOT NULL,
  admin1 TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL, precision TEXT NOT NULL,
  geonames_id INTEGER NOT NULL, UNIQUE (name, country, admin1, precision, geonames_id, lat, lon));
CREATE TABLE IF NOT EXISTS daily_counts (
  day TEXT NOT NULL, week TEXT NOT NULL, country TEXT NOT NULL, admin1 TEXT NOT NULL,
  event TEXT NOT NULL, quad INTEGER NOT NULL, events INTEGER NOT NULL, reports INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS daily_counts_day ON daily_counts(day);
CREATE TABLE IF NOT EXISTS monthly_counts (
  month TEXT NOT NULL, country TEXT NOT NULL, event TEXT NOT NULL, quad INTEGER NOT NULL,
  events INTEGER NOT NULL, reports INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS monthly_counts_month ON monthly_counts(month);
CREATE TABLE IF NOT EXISTS rollup_pending (day TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS mentions (
  mention_id TEXT PRIMARY KEY, event_id TEXT NOT NULL, doc_id TEXT NOT NULL,
  source TEXT NOT NULL, reported TEXT, reason TEXT NOT NULL) WITHOUT ROWID;
CREATE VIRTUAL TABLE IF NOT EXISTS events_fts USING fts5(
  text, content='', tokenize='unicode61 remove_diacritics 0');
)sql";

// The secondary indexes. The four on `events` end with event_id, the
// tie-break of every sorted list, so a page of a list is chosen from the
// index alone and only its rows are read (event_reader.cc); they replaced
// same-column indexes without it (dropped here under their old names). A
// load into an empty store builds them at the end (sorting once is several
// times cheaper than growing them row by row); every read-write open creates
// any that are missing, so a load killed midway gets them at the next open.
inline constexpr const char* kSqliteIndexes = R"sql(
CREATE INDEX IF NOT EXISTS events_doc ON events(doc_id);
DROP INDEX IF EXISTS events_type;
DROP INDEX IF EXISTS events_place;
DROP INDEX IF EXISTS events_day;
DROP INDEX IF EXISTS events_located;
DROP INDEX IF EXISTS events_location;
CREATE INDEX IF NOT EXISTS events_by_type ON events(is_canonical, event, day, country, mentions, event_id);
CREATE INDEX IF NOT EXISTS events_by_country ON events(is_canonical, country, day, event, mentions, actor_key, recipient_key, event_id);
CREATE INDEX IF NOT EXISTS events_by_day ON events(is_canonical, day, event, country, mentions, event_id);
CREATE INDEX IF NOT EXISTS events_by_location ON events(location_id, is_canonical, event, country, admin1, mentions, quad, day, event_id);
CREATE INDEX IF NOT EXISTS participants_event ON participants(event_id);
CREATE INDEX IF NOT EXISTS participants_entity ON participants(entity_id);
CREATE INDEX IF NOT EXISTS mentions_event ON mentions(event_id);
-- Alerts (analysis/alerts.cc): a covering day range of the daily rollup.
CREATE INDEX IF NOT EXISTS daily_counts_span ON daily_counts(day, country, admin1, event, events);
)sql";

}  // namespace griot
