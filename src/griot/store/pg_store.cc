#include "griot/store/pg_store.h"

namespace griot {

Result<std::unique_ptr<PgStore>> PgStore::Open(const std::string& url, Access) {
  return Internal(url + ": PostgreSQL store not built yet");
}
PgStore::~PgStore() = default;
Status PgStore::WriteDocument(const StoredDocument&, const std::vector<StoredEvent>&) { return Internal("pg"); }
Status PgStore::Account(const RecordOutcome&) { return Internal("pg"); }
bool PgStore::HasDocument(const std::string&, const std::string&) { return false; }
bool PgStore::HasOutcome(const std::string&, uint64_t) { return false; }
Status PgStore::Finish(const RunSummary&) { return Internal("pg"); }
Status PgStore::Select(const SqlQuery&, const RowCallback&) { return Internal("pg"); }
std::string PgStore::TextMatchSql() const { return ""; }
std::string PgStore::TextMatchParam(const std::string& w) const { return w; }
Status PgStore::ClearLinks() { return Internal("pg"); }
Status PgStore::ApplyLinks(const std::vector<MentionLink>&) { return Internal("pg"); }

}  // namespace griot
