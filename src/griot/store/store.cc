#include "griot/store/store.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "griot/store/dedup.h"
#include "griot/store/pg_store.h"
#include "griot/store/place_rollups.h"
#include "griot/store/sqlite_store.h"
#include "griot/store/store_text.h"

namespace griot {

bool Store::IsPostgresUrl(const std::string& target) {
  return target.rfind("postgresql://", 0) == 0 || target.rfind("postgres://", 0) == 0;
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& target, Access access,
                                           const Ontology* ontology) {
  if (IsPostgresUrl(target)) {
    Result<std::unique_ptr<PgStore>> pg = PgStore::Open(target, access, ontology);
    if (!pg.ok()) return pg.status();
    return std::unique_ptr<Store>(std::move(*pg));
  }
  Result<std::unique_ptr<SqliteStore>> lite = SqliteStore::Open(target, access, ontology);
  if (!lite.ok()) return lite.status();
  return std::unique_ptr<Store>(std::move(*lite));
}

std::string SqlValueText(const SqlValue& v) {
  if (const auto* n = std::get_if<int64_t>(&v)) return std::to_string(*n);
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* d = std::get_if<double>(&v)) {
    if (std::isfinite(*d) && *d == std::floor(*d) && std::fabs(*d) < 1e15) {
      return std::to_string(static_cast<int64_t>(*d));
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", *d);
    return buf;
  }
  return "";
}

int64_t SqlValueInt(const SqlValue& v) {
  if (const auto* n = std::get_if<int64_t>(&v)) return *n;
  if (const auto* d = std::get_if<double>(&v)) return static_cast<int64_t>(std::llround(*d));
  if (const auto* s = std::get_if<std::string>(&v)) {
    int64_t n = 0;
    std::from_chars(s->data(), s->data() + s->size(), n);
    return n;
  }
  return 0;
}

double SqlValueDouble(const SqlValue& v) {
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* n = std::get_if<int64_t>(&v)) return static_cast<double>(*n);
  if (const auto* s = std::get_if<std::string>(&v)) {
    char* end = nullptr;
    double d = std::strtod(s->c_str(), &end);
    return end == s->c_str() ? 0 : d;
  }
  return 0;
}

namespace {

// The fields the rule reads; `where` selects the records.
constexpr const char* kDedupColumns =
    "SELECT e.event_id, e.doc_id, COALESCE(NULLIF(d.source, ''), e.doc_id), e.date, e.event, e.day, "
    "e.date_granularity, e.country, e.admin1, l.precision, e.lat, e.lon "
    "FROM events e JOIN documents d ON d.id = e.doc_id "
    "LEFT JOIN locations l ON l.location_id = e.location_id ";

constexpr const char* kDedupParticipants =
    "SELECT p.event_id, p.role, n.code, n.sector FROM participants p "
    "JOIN entities n ON n.entity_id = p.entity_id JOIN events e ON e.event_id = p.event_id ";

Status LoadRecords(Store& store, const std::string& where, const std::vector<SqlValue>& params,
                   std::vector<DedupRecord>* out) {
  std::unordered_map<std::string, size_t> at;
  size_t first = out->size();
  GRIOT_RETURN_IF_ERROR(store.Select(
      {std::string(kDedupColumns) + where + " ORDER BY e.date, e.event_id", params},
      [&](const SqlRow& r) {
        DedupRecord d;
        d.event_id = SqlValueText(r[0]);
        d.doc_id = SqlValueText(r[1]);
        d.source = SqlValueText(r[2]);
        d.reported = SqlValueText(r[3]);
        d.event = SqlValueText(r[4]);
        d.day = SqlValueText(r[5]);
        d.own_date = SqlValueText(r[6]) == "day";
        d.country = SqlValueText(r[7]);
        d.admin1 = SqlValueText(r[8]);
        d.precision = SqlValueText(r[9]);
        d.lat = SqlValueDouble(r[10]);
        d.lon = SqlValueDouble(r[11]);
        out->push_back(std::move(d));
        return true;
      }));
  for (size_t i = first; i < out->size(); ++i) at.emplace((*out)[i].event_id, i);
  GRIOT_RETURN_IF_ERROR(store.Select(
      {std::string(kDedupParticipants) + where, params}, [&](const SqlRow& r) {
        auto it = at.find(SqlValueText(r[0]));
        if (it == at.end()) return true;
        StoredArgument a;
        a.code = SqlValueText(r[2]);
        a.sector = SqlValueText(r[3]);
        std::string key = a.Key();
        if (key.empty()) return true;
        DedupRecord& d = (*out)[it->second];
        (SqlValueText(r[1]) == "actor" ? d.actors : d.recipients).push_back(key);
        return true;
      }));
  for (size_t i = first; i < out->size(); ++i) {
    for (auto* v : {&(*out)[i].actors, &(*out)[i].recipients}) {
      std::sort(v->begin(), v->end());
      v->erase(std::unique(v->begin(), v->end()), v->end());
    }
  }
  return Status::Ok();
}

}  // namespace

Status Store::Deduplicate(int64_t* linked) {
  std::vector<DedupRecord> fresh;
  bool first_load = false;
  if (TakeFresh(&fresh, &first_load)) {
    SortByReport(&fresh);
  } else {
    GRIOT_RETURN_IF_ERROR(LoadRecords(*this, "WHERE e.is_canonical IS NULL", {}, &fresh));
  }
  if (linked) *linked = static_cast<int64_t>(fresh.size());
  if (fresh.empty()) return RefreshRollups();
  // Canonical events within reach of the new records' days.
  std::string lo, hi;
  for (const DedupRecord& r : fresh) {
    if (r.day.empty()) continue;
    if (lo.empty() || r.day < lo) lo = r.day;
    if (hi.empty() || r.day > hi) hi = r.day;
  }
  std::vector<DedupRecord> canonical;
  if (!lo.empty() && !first_load) {
    GRIOT_RETURN_IF_ERROR(LoadRecords(
        *this, "WHERE e.is_canonical = 1 AND e.day BETWEEN ? AND ?",
        {ShiftDay(lo, -3), ShiftDay(hi, 3)}, &canonical));
  }
  auto links = LinkDuplicates(std::move(canonical), fresh);
  fresh = {};  // the links say it all now; a large load needs the memory
  GRIOT_RETURN_IF_ERROR(ApplyLinks(links));
  return RefreshRollups();
}

// The time-less rollups first: they read the days' old daily_counts rows
// (store/place_rollups.h). One transaction: readers see all or none.
Status Store::RefreshRollups() {
  static const std::string script = RefreshPlaceRollupsSql() + kRefreshRollupSql;
  return ExecuteScript(script.c_str());
}

}  // namespace griot
