// Shared helpers for griot's tests: the repository's knowledge base, loaded
// once per test process, and a one-call "code this text" helper.
#pragma once

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <memory>
#include <string>

#include "griot/coder/event_coder.h"
#include "griot/kb/knowledge_base.h"
#include "griot/pipeline.h"
#include "griot/store/stored_event.h"

namespace griot::testing {

inline std::string SourcePath(const std::string& rel) { return std::string(GRIOT_SOURCE_DIR) + "/" + rel; }

// The gazetteer the build compiled, or "" when this build has none.
inline std::string GazetteerPath() {
#ifdef GRIOT_DEFAULT_GAZETTEER
  return GRIOT_DEFAULT_GAZETTEER;
#else
  return "";
#endif
}

inline const KnowledgeBase& Kb() {
  static std::unique_ptr<KnowledgeBase> kb = [] {
    auto loaded = KnowledgeBase::Load(SourcePath("kb/en"), GRIOT_DEFAULT_WORDNET_DIR, GazetteerPath());
    if (!loaded.ok()) {
      ADD_FAILURE() << loaded.status().message();
      return std::unique_ptr<KnowledgeBase>();
    }
    return std::move(*loaded);
  }();
  return *kb;
}

// Limits that keep every event the coder makes, whatever its confidence:
// tests of the coder's decisions must not depend on the trained threshold
// (confidence.txt), which the confidence and evaluation tests check.
inline Limits AllEvents() {
  Limits l;
  l.min_confidence = 0;
  return l;
}

inline Document Code(const std::string& text, const std::string& id = "t") {
  Pipeline pipeline(&Kb(), AllEvents());
  Document doc;
  doc.id = id;
  doc.text = text;
  Status st = pipeline.Code(doc);
  EXPECT_TRUE(st.ok()) << st.message();
  return doc;
}

// What the coder's stages decided about one trigger (coder/candidate.h), in
// a form that outlives the document: for the stage tests.
struct CandidateView {
  std::string words;    // the trigger's text
  std::string type, mode;
  std::string stage;    // the stage that rejected it, "" when it became an event
  std::string verdict;  // why
  std::vector<std::string> aux;
  std::string actor, recipient;  // "CODE:SECTOR,..." of the participants
};

inline std::vector<CandidateView> CandidatesOf(const std::string& text, uint32_t sentence = 0,
                                               const std::string& date = "2025-03-10") {
  Pipeline pipeline(&Kb(), AllEvents());
  Document doc;
  doc.id = "t";
  doc.text = text;
  doc.date = date;
  Status st = pipeline.Code(doc);
  EXPECT_TRUE(st.ok()) << st.message();
  std::vector<CandidateView> out;
  if (sentence >= doc.sentences.size()) return out;
  EventCoder coder(&Kb(), CoderOptions{});
  for (const Candidate& c : coder.Candidates(doc, sentence)) {
    CandidateView v{std::string(doc.Slice(c.event.trigger)), c.event.event, c.event.mode,
                    StageName(c.rejected_by), c.verdict, c.event.aux, "", ""};
    for (const auto& a : c.event.actor) v.actor += a.code + ":" + a.sector + ",";
    for (const auto& a : c.event.recipient) v.recipient += a.code + ":" + a.sector + ",";
    out.push_back(std::move(v));
  }
  return out;
}

// The candidate whose trigger text starts with `word`; nullptr when none.
inline const CandidateView* FindCandidate(const std::vector<CandidateView>& cands,
                                          const std::string& word) {
  for (const CandidateView& c : cands) {
    if (c.words.rfind(word, 0) == 0) return &c;
  }
  return nullptr;
}

// Documents, events and record outcomes of an SQLite store, in a canonical
// order: what crash and thread-count tests compare between runs.
inline std::string SqliteStoreContents(const std::string& db_path) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  std::string out;
  for (const char* sql :
       {"SELECT id, title, date, input, line, sentences, events, content_hash FROM documents "
        "ORDER BY id",
        "SELECT * FROM events ORDER BY event_id",
        "SELECT input, line, id, outcome, reason, message FROM records ORDER BY input, line"}) {
    sqlite3_stmt* st = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql, -1, &st, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    while (sqlite3_step(st) == SQLITE_ROW) {
      for (int c = 0; c < sqlite3_column_count(st); ++c) {
        const unsigned char* v = sqlite3_column_text(st, c);
        out += v ? reinterpret_cast<const char*>(v) : "NULL";
        out += '\t';
      }
      out += '\n';
    }
    sqlite3_finalize(st);
    out += "--\n";
  }
  sqlite3_close(db);
  return out;
}


// The tables of a version-3 store (issue 5), for migration tests.
inline constexpr const char* kSchemaThreeTables = R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta VALUES ('schema_version', '3');
CREATE TABLE documents (id TEXT PRIMARY KEY, title TEXT, date TEXT, url TEXT, source TEXT,
  input TEXT, line INTEGER, sentences INTEGER, events INTEGER, content_hash TEXT);
CREATE TABLE events (event_id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, sentence INTEGER NOT NULL,
  event TEXT NOT NULL, mode TEXT NOT NULL, context TEXT NOT NULL, actor TEXT NOT NULL,
  recipient TEXT NOT NULL, actor_code TEXT, recipient_code TEXT, cameo TEXT, quad INTEGER,
  score REAL, text TEXT NOT NULL, spans TEXT NOT NULL, pattern TEXT NOT NULL,
  confidence REAL NOT NULL, date TEXT, event_date TEXT, date_granularity TEXT, location TEXT,
  country TEXT, admin1 TEXT, lat REAL, lon REAL, counts TEXT, aux TEXT);
CREATE TABLE runs (id INTEGER PRIMARY KEY AUTOINCREMENT, started TEXT, finished TEXT,
  documents_read INTEGER, documents_coded INTEGER, documents_skipped INTEGER,
  documents_failed INTEGER, sentences INTEGER, events INTEGER, bytes INTEGER, seconds REAL,
  reasons TEXT, resumed INTEGER);
CREATE TABLE records (input TEXT NOT NULL, line INTEGER NOT NULL, offset INTEGER, id TEXT,
  outcome TEXT NOT NULL, reason TEXT, message TEXT, PRIMARY KEY (input, line));
)sql";

// One document `doc_id` reporting one event (gunmen attack villagers of
// `country`) on `day` at place `slot`: slots sit ~45 km apart, so reports at
// different slots are never duplicates by the place rule of store/dedup.h.
inline void OneEventReport(const std::string& doc_id, const std::string& type, const std::string& country,
                           const std::string& admin1, const std::string& day, int slot,
                           StoredDocument* d, StoredEvent* e) {
  *d = StoredDocument{};
  d->id = doc_id;
  d->date = day;
  d->events = 1;
  d->content_hash = doc_id;
  *e = StoredEvent{};
  e->event_id = doc_id + "-0-0";
  e->doc_id = doc_id;
  e->event = type;
  e->actor.push_back({"gunmen", "", "UAF", "", false, ""});
  e->recipient.push_back({"villagers", country, "CVL", "", false, ""});
  e->text = "Gunmen attacked villagers.";
  e->spans = "{}";
  e->pattern = "test";
  e->confidence = 0.9;
  e->report_date = day;
  e->event_date = day;
  e->date_granularity = "day";
  FillAnalysisDates(e);
  e->location = {"village " + std::to_string(slot), country, admin1, 5.0 + 0.4 * slot, -3.0,
                 "place", 0, "test"};
  e->counts = "{}";
  e->aux = "[]";
}

}  // namespace griot::testing
