#include "griot/report/db_report.h"

#include <iomanip>
#include <sstream>

#include "griot/store/store.h"
#include "griot/store/store_text.h"

namespace griot {
namespace {

// "MLI:MIL+NGO" for the participants of one role.
std::string Names(const std::string& json) {
  std::vector<StoredArgument> args;
  ParseArgumentsJson(json, &args);
  std::string out;
  for (const StoredArgument& a : args) {
    out += (out.empty() ? "" : "+") + (a.code.empty() ? std::string("?") : a.code) +
           (a.sector.empty() ? "" : ":" + a.sector);
  }
  return out.empty() ? "-" : out;
}

}  // namespace

// Every record is listed, duplicates included: this is the report of what
// the coder wrote (`griot query` counts distinct events).
Result<std::string> SummarizeDatabase(const std::string& target, int max_events) {
  auto store = Store::Open(target, Store::Access::kReadOnly);
  if (!store.ok()) return store.status();
  Store& db = **store;
  std::ostringstream o;
  int64_t docs = 0, events = 0, distinct = 0;
  Status st = db.Select({"SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM events), "
                         "(SELECT COUNT(*) FROM events WHERE is_canonical = 1)",
                         {}},
                        [&](const SqlRow& r) {
                          docs = SqlValueInt(r[0]);
                          events = SqlValueInt(r[1]);
                          distinct = SqlValueInt(r[2]);
                          return false;
                        });
  if (!st.ok()) return IoError(target + ": not a griot database (" + st.message() + ")");
  o << "griot database " << target << ": " << docs << " documents, " << events << " events ("
    << distinct << " distinct after linking reports of the same event)\n\n";
  o << "Events by type\n";
  GRIOT_RETURN_IF_ERROR(db.Select(
      {"SELECT event, COUNT(*) FROM events GROUP BY event ORDER BY 2 DESC, 1", {}},
      [&](const SqlRow& r) {
        o << "  " << std::left << std::setw(11) << SqlValueText(r[0]) << std::right << std::setw(5)
          << SqlValueInt(r[1]) << "\n";
        return true;
      }));
  o << "\nMost frequent dyads (actor -> recipient, first entity of each)\n";
  GRIOT_RETURN_IF_ERROR(db.Select(
      {"SELECT COALESCE(actor_key, ''), COALESCE(recipient_key, ''), COUNT(*) FROM events "
       "GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT 10",
       {}},
      [&](const SqlRow& r) {
        std::string a = SqlValueText(r[0]), rc = SqlValueText(r[1]);
        o << "  " << std::left << std::setw(12) << (a.empty() ? "-" : a) << " -> " << std::setw(12)
          << (rc.empty() ? "-" : rc) << std::right << std::setw(4) << SqlValueInt(r[2]) << "\n";
        return true;
      }));
  o << "\nEvents (type/mode  actor -> recipient  [document, date]  sentence)\n";
  GRIOT_RETURN_IF_ERROR(db.Select(
      {"SELECT e.event, e.mode, e.actor, e.recipient, e.doc_id, d.date, e.text FROM events e "
       "JOIN documents d ON d.id = e.doc_id ORDER BY d.date, e.doc_id, e.sentence, e.event_id "
       "LIMIT ?",
       {static_cast<int64_t>(max_events)}},
      [&](const SqlRow& r) {
        std::string mode = SqlValueText(r[1]);
        std::string type = SqlValueText(r[0]) + (mode.empty() ? "" : "/" + mode);
        std::string text = SqlValueText(r[6]);
        if (text.size() > 140) text = text.substr(0, 137) + "...";
        o << "  " << std::left << std::setw(22) << type << Names(SqlValueText(r[2])) << " -> "
          << Names(SqlValueText(r[3])) << "  [" << SqlValueText(r[4]) << ", " << SqlValueText(r[5])
          << "]\n      " << text << "\n";
        return true;
      }));
  return o.str();
}

}  // namespace griot
