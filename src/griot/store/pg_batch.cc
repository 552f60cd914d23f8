#include "griot/store/pg_batch.h"

#include <libpq-fe.h>

#include "griot/store/pg_util.h"
#include "griot/store/store_text.h"

namespace griot {
namespace {

std::string OutcomeKey(const std::string& input, uint64_t line) {
  return input + '\x1f' + std::to_string(line);
}

// The merge, after the staging tables are filled. It does what
// SqliteStore::WriteDocument and Account do record by record, set-wise:
// replaced documents first dissolve the duplicate groups their events were
// in and lose their events and participants; new entities and locations get
// ids in the order the records named them (as SQLite assigns them, and
// without the gaps ON CONFLICT would leave in the sequences).
// JIT compilation costs more than these short bulk statements run.
constexpr const char* kMergeSql = R"sql(
SET LOCAL jit = off;
ANALYZE s_documents, s_events, s_participants;
INSERT INTO rollup_pending SELECT DISTINCT COALESCE(e.day, '') FROM events e
WHERE e.is_canonical = 1 AND (e.doc_id IN (SELECT id FROM s_documents) OR e.event_id IN (
  SELECT m.event_id FROM mentions m JOIN events x ON x.event_id = m.mention_id
  WHERE x.doc_id IN (SELECT id FROM s_documents)))
ON CONFLICT DO NOTHING;
UPDATE events SET is_canonical = NULL, mentions = NULL, articles = NULL, sources = NULL,
  first_reported = NULL, last_reported = NULL
WHERE event_id IN (SELECT g.mention_id FROM mentions g WHERE g.event_id IN (
  SELECT m.event_id FROM mentions m JOIN events e ON e.event_id = m.mention_id
  WHERE e.doc_id IN (SELECT id FROM s_documents)));
DELETE FROM mentions WHERE event_id IN (
  SELECT m.event_id FROM mentions m JOIN events e ON e.event_id = m.mention_id
  WHERE e.doc_id IN (SELECT id FROM s_documents));
DELETE FROM participants WHERE event_id IN (
  SELECT event_id FROM events WHERE doc_id IN (SELECT id FROM s_documents));
DELETE FROM events WHERE doc_id IN (SELECT id FROM s_documents);
INSERT INTO documents
  SELECT id, title, date, url, source, input, line, sentences, events, content_hash FROM s_documents
ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, date = EXCLUDED.date, url = EXCLUDED.url,
  source = EXCLUDED.source, input = EXCLUDED.input, line = EXCLUDED.line,
  sentences = EXCLUDED.sentences, events = EXCLUDED.events, content_hash = EXCLUDED.content_hash;
INSERT INTO locations (name, country, admin1, lat, lon, precision, geonames_id)
  SELECT s.loc_name, s.country, s.admin1, s.lat, s.lon, s.loc_precision, s.loc_geonames_id
  FROM s_events s
  WHERE s.loc_precision IS NOT NULL AND NOT EXISTS (SELECT 1 FROM locations l
    WHERE l.name = s.loc_name AND l.country = s.country AND l.admin1 = s.admin1
      AND l.precision = s.loc_precision AND l.geonames_id = s.loc_geonames_id
      AND l.lat = s.lat AND l.lon = s.lon)
  GROUP BY s.loc_name, s.country, s.admin1, s.lat, s.lon, s.loc_precision, s.loc_geonames_id
  ORDER BY min(s.seq)
ON CONFLICT DO NOTHING;
INSERT INTO entities (code, sector, name)
  SELECT p.code, p.sector, p.name FROM s_participants p
  WHERE NOT EXISTS (SELECT 1 FROM entities n
    WHERE n.code = p.code AND n.sector = p.sector AND n.name = p.name)
  GROUP BY p.code, p.sector, p.name ORDER BY min(p.seq)
ON CONFLICT DO NOTHING;
INSERT INTO events
  SELECT s.event_id, s.doc_id, s.sentence, s.event, s.mode, s.context, s.actor, s.recipient,
    s.actor_code, s.recipient_code, s.cameo, s.quad, s.score, s.text, s.spans, s.pattern,
    s.confidence, s.date, s.event_date, s.date_granularity, s.location, s.country, s.admin1,
    s.lat, s.lon, s.counts, s.aux, s.actor_key, s.recipient_key, s.day, s.week, s.month,
    l.location_id, NULL, NULL, NULL, NULL, NULL, NULL
  FROM s_events s LEFT JOIN locations l ON s.loc_precision IS NOT NULL
    AND l.name = s.loc_name AND l.country = s.country AND l.admin1 = s.admin1
    AND l.precision = s.loc_precision AND l.geonames_id = s.loc_geonames_id
    AND l.lat = s.lat AND l.lon = s.lon
  ORDER BY s.seq
ON CONFLICT (event_id) DO NOTHING;
INSERT INTO participants
  SELECT p.event_id, p.role, p.position, n.entity_id, p.text, p.implicit, p.code_from
  FROM s_participants p JOIN entities n ON n.code = p.code AND n.sector = p.sector AND n.name = p.name
  ORDER BY p.seq
ON CONFLICT DO NOTHING;
INSERT INTO records SELECT * FROM s_records ON CONFLICT (input, line) DO NOTHING;
)sql";

}  // namespace

void PgBatch::AddDocument(const StoredDocument& doc, const std::vector<StoredEvent>& events) {
  auto it = doc_at_.find(doc.id);
  if (it != doc_at_.end()) docs_[it->second].live = false;
  doc_at_[doc.id] = docs_.size();
  docs_.push_back({doc, events, true});
}

void PgBatch::AddOutcome(const RecordOutcome& o) {
  if (outcome_keys_.insert(OutcomeKey(o.input, o.line)).second) outcomes_.push_back(o);
}

std::optional<bool> PgBatch::HasDocument(const std::string& id, const std::string& content_hash) const {
  auto it = doc_at_.find(id);
  if (it == doc_at_.end()) return std::nullopt;
  return docs_[it->second].doc.content_hash == content_hash;
}

bool PgBatch::HasOutcome(const std::string& input, uint64_t line) const {
  return outcome_keys_.count(OutcomeKey(input, line)) > 0;
}

Status PgBatch::Commit(pg_conn* conn, const std::string& where) {
  if (empty()) return Status::Ok();
  Status st;
  for (int attempt = 0; attempt < 5; ++attempt) {
    std::string sqlstate;
    st = CommitOnce(conn, where, &sqlstate);
    if (st.ok()) break;
    PgExec(conn, where, "ROLLBACK");
    if (sqlstate != "40P01" && sqlstate != "40001") return st;
  }
  if (!st.ok()) return st;
  docs_.clear();
  doc_at_.clear();
  outcomes_.clear();
  outcome_keys_.clear();
  return Status::Ok();
}

Status PgBatch::CommitOnce(pg_conn* conn, const std::string& where, std::string* sqlstate) {
  GRIOT_RETURN_IF_ERROR(PgExec(conn, where, "BEGIN"));
  GRIOT_RETURN_IF_ERROR(Stage(conn, where));
  GRIOT_RETURN_IF_ERROR(PgExec(conn, where, kMergeSql, sqlstate));
  return PgExec(conn, where, "COMMIT", sqlstate);
}

// The same values SqliteStore::WriteDocument binds, column by column.
Status PgBatch::Stage(pg_conn* conn, const std::string& where) {
  PgCopy copy(conn, where);
  GRIOT_RETURN_IF_ERROR(copy.Begin("COPY s_documents FROM STDIN"));
  for (const Pending& p : docs_) {
    if (!p.live) continue;
    const StoredDocument& d = p.doc;
    copy.Text(d.id);
    copy.Text(d.title);
    copy.Text(d.date);
    copy.Text(d.url);
    copy.Text(d.source);
    copy.Text(d.input);
    copy.Int(static_cast<int64_t>(d.line));
    copy.Int(d.sentences);
    copy.Int(d.events);
    copy.Text(d.content_hash);
    GRIOT_RETURN_IF_ERROR(copy.EndRow());
  }
  GRIOT_RETURN_IF_ERROR(copy.End());

  int64_t seq = 0;
  GRIOT_RETURN_IF_ERROR(copy.Begin("COPY s_events FROM STDIN"));
  for (const Pending& p : docs_) {
    if (!p.live) continue;
    for (const StoredEvent& e : p.events) {
      bool located = !e.location.precision.empty();
      copy.Text(e.event_id);
      copy.Text(e.doc_id);
      copy.Int(e.sentence);
      copy.Text(e.event);
      copy.Text(e.mode);
      copy.Text(ContextJson(e.context));
      copy.Text(ArgumentsJson(e.actor));
      copy.Text(ArgumentsJson(e.recipient));
      copy.Text(e.actor.empty() ? "" : e.actor.front().code);
      copy.Text(e.recipient.empty() ? "" : e.recipient.front().code);
      copy.Text(e.cameo);
      copy.Int(e.quad);
      copy.Real(e.score);
      copy.Text(e.text);
      copy.Text(e.spans);
      copy.Text(e.pattern);
      copy.Real(e.confidence);
      copy.Text(e.report_date);
      copy.TextOrNull(e.event_date);
      copy.Text(e.date_granularity);
      copy.Text(LocationJson(e.location));
      copy.Text(e.location.country);
      copy.Text(e.location.admin1);
      if (located) {
        copy.Real(e.location.lat);
        copy.Real(e.location.lon);
      } else {
        copy.Null();
        copy.Null();
      }
      copy.Text(e.counts);
      copy.Text(e.aux);
      copy.TextOrNull(e.actor.empty() ? "" : e.actor.front().Key());
      copy.TextOrNull(e.recipient.empty() ? "" : e.recipient.front().Key());
      copy.TextOrNull(e.day);
      copy.TextOrNull(e.week);
      copy.TextOrNull(e.month);
      if (located) {
        copy.Text(e.location.name);
        copy.Text(e.location.precision);
        copy.Int(e.location.geonames_id);
      } else {
        copy.Null();
        copy.Null();
        copy.Null();
      }
      copy.Int(seq++);
      GRIOT_RETURN_IF_ERROR(copy.EndRow());
    }
  }
  GRIOT_RETURN_IF_ERROR(copy.End());

  seq = 0;
  GRIOT_RETURN_IF_ERROR(copy.Begin("COPY s_participants FROM STDIN"));
  for (const Pending& p : docs_) {
    if (!p.live) continue;
    for (const StoredEvent& e : p.events) {
      for (int role = 0; role < 2; ++role) {
        const std::vector<StoredArgument>& args = role == 0 ? e.actor : e.recipient;
        for (size_t i = 0; i < args.size(); ++i) {
          copy.Text(e.event_id);
          copy.Text(role == 0 ? "actor" : "recipient");
          copy.Int(static_cast<int64_t>(i));
          copy.Text(args[i].code);
          copy.Text(args[i].sector);
          copy.Text(args[i].name);
          copy.Text(args[i].text);
          copy.Int(args[i].implicit ? 1 : 0);
          copy.Text(args[i].code_from);
          copy.Int(seq++);
          GRIOT_RETURN_IF_ERROR(copy.EndRow());
        }
      }
    }
  }
  GRIOT_RETURN_IF_ERROR(copy.End());

  GRIOT_RETURN_IF_ERROR(copy.Begin("COPY s_records FROM STDIN"));
  for (const RecordOutcome& o : outcomes_) {
    copy.Text(o.input);
    copy.Int(static_cast<int64_t>(o.line));
    copy.Int(static_cast<int64_t>(o.offset));
    copy.Text(o.id);
    copy.Text(o.outcome);
    copy.Text(o.reason);
    copy.Text(o.message);
    GRIOT_RETURN_IF_ERROR(copy.EndRow());
  }
  return copy.End();
}

}  // namespace griot
