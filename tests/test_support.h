// Shared helpers for griot's tests: the repository's knowledge base, loaded
// once per test process, and a one-call "code this text" helper.
#pragma once

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <memory>
#include <string>

#include "griot/kb/knowledge_base.h"
#include "griot/pipeline.h"

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

inline Document Code(const std::string& text, const std::string& id = "t") {
  Pipeline pipeline(&Kb());
  Document doc;
  doc.id = id;
  doc.text = text;
  Status st = pipeline.Code(doc);
  EXPECT_TRUE(st.ok()) << st.message();
  return doc;
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

}  // namespace griot::testing
