// Store: where coded events live, on SQLite (a file, the default) or
// PostgreSQL (a server, for teams and scale-out), behind one interface.
// Both engines hold the same normalized schema (docs/database.md) and give
// the same answers to the same queries (tests/store_diff_test.cc).
//
//   Result<std::unique_ptr<Store>> s = Store::Open("events.db");
//   Result<std::unique_ptr<Store>> p = Store::Open("postgresql://localhost/griot");
//   (*s)->Select({"SELECT event, COUNT(*) FROM events GROUP BY event", {}},
//                [](const SqlRow& row) { ...; return true; });
//
// Writing: a Store is an EventSink. Documents, their events and their record
// outcomes are committed together, never across a record; the run's
// duplicate links (store/dedup.h) are made in Finish().
//
// Reading: analyses build portable SQL with `?` placeholders (the engine
// rewrites them for itself) and receive rows as SqlValues; the only
// engine-specific SQL is the full-text match, which each store supplies.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "griot/kb/ontology.h"
#include "griot/sink/sink.h"
#include "griot/store/stored_event.h"
#include "griot/util/status.h"

namespace griot {

struct DedupRecord;  // store/dedup.h

// NULL, integer, real or text: a parameter or a result cell.
using SqlValue = std::variant<std::monostate, int64_t, double, std::string>;
using SqlRow = std::vector<SqlValue>;

struct SqlQuery {
  std::string sql;  // portable SQL, `?` placeholders
  std::vector<SqlValue> params;
};

// Return false to stop reading.
using RowCallback = std::function<bool(const SqlRow& row)>;

// An event record linked, as a mention, to the canonical (first-reported)
// record of the same real-world event; a canonical record is linked to
// itself. `reason` says why ("first report", "same ASSAULT, shared actor
// MLI MIL, 4 km, 1 day apart").
struct MentionLink {
  std::string event_id;      // the mention (an event record)
  std::string canonical_id;  // the event it reports
  std::string doc_id;        // the mention's document,
  std::string source;        // its source (the document's `source`, else its id)
  std::string reported;      // and its report date (YYYY-MM-DD or "")
  std::string reason;
  // The mention's row in the engine when known (SQLite's rowid; 0 = find it
  // by event_id): linking a large load then walks the table in order. With
  // a row comes the mention's analysis day, for the rollups.
  int64_t row = 0;
  std::string day;
};

class Store : public EventSink {
 public:
  bool KeepsDocuments() const override { return true; }
  enum class Access { kReadWrite, kReadOnly };

  // `target` is a file path (SQLite; created when missing unless read-only)
  // or a postgresql:// / postgres:// URL. `ontology` holds the current
  // PLOVER names: a read-write open of a store written with older ones
  // (schema 4) renames its events once (store/plover_names.h) and needs it;
  // without it, or read-only, such a store is refused with what to run.
  static Result<std::unique_ptr<Store>> Open(const std::string& target,
                                             Access access = Access::kReadWrite,
                                             const Ontology* ontology = nullptr);
  static bool IsPostgresUrl(const std::string& target);

  // "sqlite" or "postgresql".
  virtual const char* Engine() const = 0;

  // EventSink: converts the document once (stored_event.h) and stores it.
  Status Write(const Document& doc) final {
    return WriteDocument(ToStoredDocument(doc), ToStoredEvents(doc));
  }
  // Stores a document and its events, replacing an earlier version of the
  // same document id (its events are deleted and their duplicate groups
  // unlinked, to be linked again by the next Deduplicate()).
  virtual Status WriteDocument(const StoredDocument& doc, const std::vector<StoredEvent>& events) = 0;

  // Commits every document and outcome written so far, now, rather than at
  // the engine's next batch boundary: a queue worker acknowledges its
  // entries only after this returns ok (docs/distributed.md).
  virtual Status Flush() = 0;

  // Runs a read query; rows arrive in the order the SQL asks for.
  virtual Status Select(const SqlQuery& query, const RowCallback& each) = 0;

  // Stops any later Select that runs longer than `milliseconds` (0 = no
  // limit) with a DeadlineExceeded status: a server must not let one
  // request hold a connection for minutes.
  virtual Status SetQueryTimeout(int64_t milliseconds) = 0;

  // A number that changes whenever the stored data changes (asked again on
  // the same connection), for caches of answers; nullopt when the engine
  // has no cheap way to tell, and nothing may be cached.
  virtual Result<std::optional<int64_t>> DataVersion() { return std::optional<int64_t>(); }

  // Full-text search: a boolean SQL expression over the `events` table
  // (aliased `e`) taking one parameter, and that parameter built from the
  // user's words. Every word must occur in the sentence (no stemming, case
  // and accents ignored), on both engines.
  // `common`: the words match many events (TextMatchesAtLeast), so an
  // engine may rather walk a sorted list's index and test each row than
  // read every match and sort them.
  virtual std::string TextMatchSql(bool common) const = 0;
  virtual std::string TextMatchParam(const std::string& words) const = 0;
  // True when at least `n` events match TextMatchParam `param`; an engine
  // whose plans do not depend on it answers false without asking.
  virtual Result<bool> TextMatchesAtLeast(const std::string& param, int64_t n) {
    (void)param;
    (void)n;
    return false;
  }

  // Writes duplicate links, marks canonical rows (1) and the other reports
  // (0), recomputes the totals (mentions, articles, sources, first and last
  // report) of every canonical event named in `links` and queues their days
  // for the rollups, in one transaction.
  virtual Status ApplyLinks(const std::vector<MentionLink>& links) = 0;

  // Drops every duplicate link (`griot dedup --rebuild` then links all
  // events again).
  virtual Status ClearLinks() = 0;

  // Links events not yet linked (is_canonical NULL) to earlier reports of
  // the same event, by the rule in store/dedup.h, and brings the daily
  // rollup up to date. Finish() calls it.
  Status Deduplicate(int64_t* linked = nullptr);

 protected:
  // Runs statements that write, in one transaction.
  virtual Status ExecuteScript(const char* sql) = 0;
  // Every record waiting to be linked, kept by an engine as it wrote them
  // (true), so Deduplicate() need not read a large load back; false when
  // the engine does not know them all (an earlier run left records
  // unlinked, or a replaced document unlinked others): read them back.
  // `first_load` is set when the store held no linked event before them.
  virtual bool TakeFresh(std::vector<DedupRecord>* records, bool* first_load) {
    (void)records;
    (void)first_load;
    return false;
  }
  // Brings the daily and monthly rollups up to date with the links just
  // applied (the days ApplyLinks queued).
  virtual Status RefreshRollups();
};

// A cell as text: "" for NULL, integers without a decimal point, reals with
// up to 6 significant decimals ("0.5", "12.25").
std::string SqlValueText(const SqlValue& v);
int64_t SqlValueInt(const SqlValue& v);      // 0 for NULL or text that is not a number
double SqlValueDouble(const SqlValue& v);    // 0 for NULL

}  // namespace griot
