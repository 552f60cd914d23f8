// libpq helpers shared by the PostgreSQL store's files: statements that
// return a Status naming the database, and a COPY ... FROM STDIN stream in
// PostgreSQL's text format.
//
//   PgCopy copy(conn, where);
//   GRIOT_RETURN_IF_ERROR(copy.Begin("COPY s_records FROM STDIN"));
//   copy.Text("in.jsonl"); copy.Int(3); copy.Null(); copy.EndRow();
//   GRIOT_RETURN_IF_ERROR(copy.End());
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "griot/util/status.h"

struct pg_conn;

namespace griot {

// The URL with any password replaced by "***", for messages and logs.
std::string RedactPgUrl(const std::string& url);

// Runs `sql` (one or more statements without parameters). On failure the
// message starts with `where` (the redacted URL) and `sqlstate`, when given,
// receives the five-character SQLSTATE ("40P01": deadlock).
Status PgExec(pg_conn* conn, const std::string& where, const std::string& sql,
              std::string* sqlstate = nullptr);

class PgCopy {
 public:
  PgCopy(pg_conn* conn, const std::string& where) : conn_(conn), where_(where) {}
  Status Begin(const std::string& copy_sql);
  // One field each; fields are separated and escaped here.
  void Text(std::string_view s);
  void TextOrNull(std::string_view s) { s.empty() ? Null() : Text(s); }  // "" as NULL
  void Int(int64_t n);
  void Real(double d);
  void Null();
  Status EndRow();  // sends the buffer when it has grown large
  Status End();     // finishes the COPY; its error, if any
  int64_t rows() const { return rows_; }

 private:
  void Separate();
  Status Send();

  pg_conn* conn_;
  const std::string& where_;
  std::string buffer_;
  bool row_open_ = false;
  int64_t rows_ = 0;
  Status error_;
};

}  // namespace griot
