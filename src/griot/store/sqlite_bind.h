// Binding helpers shared by the SQLite store's files.
#pragma once

#include <sqlite3.h>

#include <string>

#include "griot/store/store.h"

namespace griot::sqlite {

inline void Bind(sqlite3_stmt* st, int i, const std::string& s) {
  sqlite3_bind_text(st, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
}

// For strings that outlive the statement's step: SQLite reads them in place.
inline void BindStatic(sqlite3_stmt* st, int i, const std::string& s) {
  sqlite3_bind_text(st, i, s.data(), static_cast<int>(s.size()), SQLITE_STATIC);
}

// "" is stored as NULL in the optional text columns.
inline void BindOrNull(sqlite3_stmt* st, int i, const std::string& s) {
  if (s.empty()) {
    sqlite3_bind_null(st, i);
  } else {
    Bind(st, i, s);
  }
}

inline void BindStaticOrNull(sqlite3_stmt* st, int i, const std::string& s) {
  if (s.empty()) {
    sqlite3_bind_null(st, i);
  } else {
    BindStatic(st, i, s);
  }
}

// A query parameter or result cell, copied.
inline void BindValue(sqlite3_stmt* st, int i, const SqlValue& v) {
  if (const auto* n = std::get_if<int64_t>(&v)) {
    sqlite3_bind_int64(st, i, *n);
  } else if (const auto* d = std::get_if<double>(&v)) {
    sqlite3_bind_double(st, i, *d);
  } else if (const auto* s = std::get_if<std::string>(&v)) {
    Bind(st, i, *s);
  } else {
    sqlite3_bind_null(st, i);
  }
}

inline std::string ColumnText(sqlite3_stmt* st, int i) {
  const unsigned char* t = sqlite3_column_text(st, i);
  return t ? std::string(reinterpret_cast<const char*>(t), sqlite3_column_bytes(st, i)) : "";
}

}  // namespace griot::sqlite
