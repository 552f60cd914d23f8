#include "griot/report/db_report.h"

#include <sqlite3.h>

#include <iomanip>
#include <sstream>

namespace griot {
namespace {

// Runs `sql` and calls row(stmt) for each result row.
template <typename Row>
Status Query(sqlite3* db, const char* sql, Row row) {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK) {
    return IoError(std::string("query failed: ") + sqlite3_errmsg(db));
  }
  while (sqlite3_step(st) == SQLITE_ROW) row(st);
  sqlite3_finalize(st);
  return Status::Ok();
}

std::string Col(sqlite3_stmt* st, int i) {
  const unsigned char* t = sqlite3_column_text(st, i);
  return t ? reinterpret_cast<const char*>(t) : "";
}

}  // namespace

Result<std::string> SummarizeDatabase(const std::string& path, int max_events) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    std::string m = path + ": cannot open database: " + sqlite3_errmsg(db);
    sqlite3_close(db);
    return IoError(m);
  }
  std::ostringstream o;
  long docs = 0, events = 0;
  Status st = Query(db, "SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM events)",
                    [&](sqlite3_stmt* s) {
                      docs = sqlite3_column_int64(s, 0);
                      events = sqlite3_column_int64(s, 1);
                    });
  if (!st.ok()) {
    sqlite3_close(db);
    return IoError(path + ": not a griot database (" + st.message() + ")");
  }
  o << "griot database " << path << ": " << docs << " documents, " << events << " events\n\n";
  o << "Events by type\n";
  Query(db, "SELECT event, COUNT(*) FROM events GROUP BY event ORDER BY 2 DESC, 1",
        [&](sqlite3_stmt* s) {
          o << "  " << std::left << std::setw(11) << Col(s, 0) << std::right << std::setw(5)
            << sqlite3_column_int(s, 1) << "\n";
        });
  o << "\nMost frequent dyads (actor -> recipient, first entity of each)\n";
  Query(db,
        "SELECT json_extract(actor,'$[0].code') || ':' || json_extract(actor,'$[0].sector'),"
        " json_extract(recipient,'$[0].code') || ':' || json_extract(recipient,'$[0].sector'),"
        " COUNT(*) FROM events GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 10",
        [&](sqlite3_stmt* s) {
          std::string a = Col(s, 0), r = Col(s, 1);
          o << "  " << std::left << std::setw(12) << (a.empty() ? "-" : a) << " -> "
            << std::setw(12) << (r.empty() ? "-" : r) << std::right << std::setw(4)
            << sqlite3_column_int(s, 2) << "\n";
        });
  o << "\nEvents (type/mode  actor -> recipient  [document, date]  sentence)\n";
  std::string sql =
      "SELECT e.event, e.mode, e.actor, e.recipient, e.doc_id, d.date, e.text FROM events e "
      "JOIN documents d ON d.id = e.doc_id ORDER BY d.date, e.doc_id, e.sentence LIMIT " +
      std::to_string(max_events);
  Query(db, sql.c_str(), [&](sqlite3_stmt* s) {
    auto names = [](const std::string& json_list) {
      // Render [{"text":..,"code":..,"sector":..}] compactly without a JSON parse.
      std::string out;
      size_t p = 0;
      while ((p = json_list.find("\"code\":\"", p)) != std::string::npos) {
        p += 8;
        size_t q = json_list.find('"', p);
        std::string code = json_list.substr(p, q - p);
        size_t sp = json_list.find("\"sector\":\"", q);
        std::string sector;
        if (sp != std::string::npos) {
          sp += 10;
          sector = json_list.substr(sp, json_list.find('"', sp) - sp);
        }
        out += (out.empty() ? "" : "+") + (code.empty() ? std::string("?") : code) +
               (sector.empty() ? "" : ":" + sector);
      }
      return out.empty() ? std::string("-") : out;
    };
    std::string type = Col(s, 0) + (Col(s, 1).empty() ? "" : "/" + Col(s, 1));
    std::string text = Col(s, 6);
    if (text.size() > 140) text = text.substr(0, 137) + "...";
    o << "  " << std::left << std::setw(22) << type << names(Col(s, 2)) << " -> "
      << names(Col(s, 3)) << "  [" << Col(s, 4) << ", " << Col(s, 5) << "]\n      " << text
      << "\n";
  });
  sqlite3_close(db);
  return o.str();
}

}  // namespace griot
