#include "griot/store/pg_util.h"

#include <libpq-fe.h>

#include <cstdio>

namespace griot {

std::string RedactPgUrl(const std::string& url) {
  std::string out = url;
  // postgresql://user:password@host/...: the password ends at the last '@'
  // of the authority (passwords may hold '@' when percent-encoding is
  // skipped).
  size_t scheme = out.find("://");
  if (scheme != std::string::npos) {
    size_t start = scheme + 3;
    size_t end = out.find_first_of("/?", start);
    if (end == std::string::npos) end = out.size();
    size_t at = out.rfind('@', end);
    if (at != std::string::npos && at >= start) {
      size_t colon = out.find(':', start);
      if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, "***");
    }
  }
  // ...?password=secret&...
  for (size_t p = out.find("password="); p != std::string::npos; p = out.find("password=", p + 1)) {
    size_t value = p + 9;
    size_t end = out.find('&', value);
    if (end == std::string::npos) end = out.size();
    out.replace(value, end - value, "***");
  }
  return out;
}

Status PgExec(pg_conn* conn, const std::string& where, const std::string& sql, std::string* sqlstate) {
  if (sqlstate) sqlstate->clear();
  PGresult* r = PQexec(conn, sql.c_str());
  ExecStatusType t = PQresultStatus(r);
  Status st;
  if (t != PGRES_COMMAND_OK && t != PGRES_TUPLES_OK) {
    const char* state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
    if (sqlstate && state) *sqlstate = state;
    st = IoError(where + ": " + PQerrorMessage(conn));
    // libpq's messages end with a newline.
    std::string m = st.message();
    while (!m.empty() && m.back() == '\n') m.pop_back();
    st = IoError(m);
  }
  PQclear(r);
  return st;
}

Status PgCopy::Begin(const std::string& copy_sql) {
  buffer_.clear();
  rows_ = 0;
  error_ = Status::Ok();
  PGresult* r = PQexec(conn_, copy_sql.c_str());
  bool ok = PQresultStatus(r) == PGRES_COPY_IN;
  PQclear(r);
  if (!ok) return IoError(where_ + ": " + copy_sql + ": " + PQerrorMessage(conn_));
  return Status::Ok();
}

void PgCopy::Separate() {
  if (row_open_) buffer_ += '\t';
  row_open_ = true;
}

// COPY's text format: backslash escapes for the separators; NUL bytes
// cannot be stored in PostgreSQL text at all and are dropped.
void PgCopy::Text(std::string_view s) {
  Separate();
  for (char c : s) {
    switch (c) {
      case '\\': buffer_ += "\\\\"; break;
      case '\t': buffer_ += "\\t"; break;
      case '\n': buffer_ += "\\n"; break;
      case '\r': buffer_ += "\\r"; break;
      case '\0': break;
      default: buffer_ += c;
    }
  }
}

void PgCopy::Int(int64_t n) {
  Separate();
  buffer_ += std::to_string(n);
}

// 17 significant digits read back as the same double.
void PgCopy::Real(double d) {
  Separate();
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", d);
  buffer_ += buf;
}

void PgCopy::Null() {
  Separate();
  buffer_ += "\\N";
}

Status PgCopy::EndRow() {
  buffer_ += '\n';
  row_open_ = false;
  ++rows_;
  return buffer_.size() >= (1 << 20) ? Send() : Status::Ok();
}

Status PgCopy::Send() {
  if (!buffer_.empty() && error_.ok() &&
      PQputCopyData(conn_, buffer_.data(), static_cast<int>(buffer_.size())) != 1) {
    error_ = IoError(where_ + ": COPY: " + PQerrorMessage(conn_));
  }
  buffer_.clear();
  return error_;
}

Status PgCopy::End() {
  Status sent = Send();
  if (PQputCopyEnd(conn_, sent.ok() ? nullptr : "client error") != 1 && sent.ok()) {
    sent = IoError(where_ + ": COPY: " + PQerrorMessage(conn_));
  }
  Status st = sent;
  while (PGresult* r = PQgetResult(conn_)) {
    if (PQresultStatus(r) != PGRES_COMMAND_OK && st.ok()) {
      st = IoError(where_ + ": COPY: " + PQresultErrorMessage(r));
    }
    PQclear(r);
  }
  return st;
}

}  // namespace griot
