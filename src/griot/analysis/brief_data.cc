// CollectBrief: the queries behind a country brief, all through the Store
// interface with portable SQL, so a brief reads the same from SQLite and
// PostgreSQL.
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "griot/analysis/brief.h"
#include "griot/query/aggregate.h"
#include "griot/query/event_reader.h"
#include "griot/store/store.h"
#include "griot/store/store_text.h"
#include "griot/util/civil_date.h"

namespace griot {
namespace {

std::vector<BriefCount> Top(Store& store, const EventFilter& filter, const char* key, int top,
                            Status* status) {
  QuerySpec q;
  q.filter = filter;
  q.group_by = {key};
  q.limit = top;
  std::vector<BriefCount> out;
  Result<ResultTable> t = RunQuery(store, q);
  if (!t.ok()) {
    *status = t.status();
    return out;
  }
  size_t keys = t->columns.size() - 2;  // then events, reports
  for (const SqlRow& r : t->rows) {
    std::string label;
    if (std::string(key) == "dyad") {
      label = (SqlValueText(r[0]).empty() ? "(unnamed)" : SqlValueText(r[0])) + " -> " +
              (SqlValueText(r[1]).empty() ? "(none)" : SqlValueText(r[1]));
    } else {
      label = SqlValueText(r[keys - 1]);
      if (label.empty()) continue;  // events without an actor, a region, ...
    }
    out.push_back({label, SqlValueInt(r[keys])});
  }
  return out;
}

// Character ranges from the stored spans JSON ({"trigger":[b,e],"actor":[[b,e],null],...}).
void ReadSpans(const std::string& json, BriefEvent* e) {
  nlohmann::json j = nlohmann::json::parse(json, nullptr, false);
  if (!j.is_object()) return;
  auto pair = [](const nlohmann::json& p, std::vector<std::pair<int, int>>* out) {
    if (p.is_array() && p.size() == 2 && p[0].is_number_integer() && p[1].is_number_integer()) {
      out->emplace_back(p[0].get<int>(), p[1].get<int>());
    }
  };
  if (j.contains("trigger")) pair(j["trigger"], &e->trigger_spans);
  for (auto [key, out] : {std::pair{"actor", &e->actor_spans}, {"recipient", &e->recipient_spans}}) {
    if (!j.contains(key) || !j[key].is_array()) continue;
    for (const nlohmann::json& p : j[key]) pair(p, out);
  }
}

std::string Describe(const std::vector<StoredArgument>& args) {
  std::string out;
  for (const StoredArgument& a : args) {
    if (!out.empty()) out += "; ";
    std::string words = a.text.empty() ? a.name : a.text;
    std::string key = a.Key();
    out += words.empty() ? key : key.empty() ? words : words + " (" + key + ")";
  }
  return out;
}

// The first day of the period holding `day`.
std::string PeriodOf(const std::string& day, const std::string& period) {
  return period == "month" ? day.substr(0, 7) + "-01" : WeekOf(day);
}

std::string NextPeriod(const std::string& start, const std::string& period) {
  if (period == "week") return ShiftDay(start, 7);
  int y = std::stoi(start.substr(0, 4)), m = std::stoi(start.substr(5, 2));
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-01", m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1);
  return buf;
}

}  // namespace

Result<BriefData> CollectBrief(Store& store, const std::string& country, const std::string& from,
                               const std::string& to, const BriefOptions& options) {
  BriefData b;
  b.country = country;
  b.generated = UtcNow();
  EventFilter f;
  f.countries = {country};
  f.from = from;
  f.to = to;
  // An open period is the span of the stored events.
  if (from.empty() || to.empty()) {
    Result<SqlQuery> where = BuildWhere(f, store);
    if (!where.ok()) return where.status();
    GRIOT_RETURN_IF_ERROR(store.Select(
        {"SELECT MIN(e.day), MAX(e.day) FROM events e " + where->sql, where->params},
        [&](const SqlRow& r) {
          if (from.empty()) f.from = SqlValueText(r[0]);
          if (to.empty()) f.to = SqlValueText(r[1]);
          return false;
        }));
  }
  b.from = f.from;
  b.to = f.to;
  Result<SqlQuery> where = BuildWhere(f, store);
  if (!where.ok()) return where.status();
  GRIOT_RETURN_IF_ERROR(store.Select(
      {"SELECT COUNT(*), CAST(SUM(COALESCE(e.mentions, 1)) AS BIGINT) FROM events e " + where->sql,
       where->params},
      [&](const SqlRow& r) {
        b.events = SqlValueInt(r[0]);
        b.reports = SqlValueInt(r[1]);
        return false;
      }));
  EventFilter all = f;
  all.all_mentions = true;
  Result<SqlQuery> all_where = BuildWhere(all, store);
  if (!all_where.ok()) return all_where.status();
  GRIOT_RETURN_IF_ERROR(store.Select(
      {"SELECT COUNT(DISTINCT e.doc_id) FROM events e " + all_where->sql, all_where->params},
      [&](const SqlRow& r) {
        b.documents = SqlValueInt(r[0]);
        return false;
      }));

  Status status;
  b.types = Top(store, f, "type", 16, &status);
  b.actors = Top(store, f, "actor", options.top, &status);
  b.dyads = Top(store, f, "dyad", options.top, &status);
  b.regions = Top(store, f, "admin1", options.top, &status);
  GRIOT_RETURN_IF_ERROR(status);

  // Events by type over time, every period of the span present.
  b.series.period = options.period;
  if (b.series.period.empty()) {
    bool short_span = !b.from.empty() && !b.to.empty() && ShiftDay(b.from, 183) >= b.to;
    b.series.period = short_span ? "week" : "month";
  }
  if (b.series.period != "week" && b.series.period != "month") {
    return InvalidArgument("brief period: '" + b.series.period + "' (week or month)");
  }
  if (!b.from.empty() && !b.to.empty() && b.events > 0) {
    for (std::string p = PeriodOf(b.from, b.series.period); p <= b.to;
         p = NextPeriod(p, b.series.period)) {
      b.series.periods.push_back(p);
      if (b.series.periods.size() > 520) break;  // ten years of weeks
    }
    for (const BriefCount& t : b.types) b.series.types.push_back(t.label);
    b.series.counts.assign(b.series.types.size(), std::vector<int64_t>(b.series.periods.size(), 0));
    QuerySpec q;
    q.filter = f;
    q.group_by = {b.series.period, "type"};
    Result<ResultTable> t = RunQuery(store, q);
    if (!t.ok()) return t.status();
    for (const SqlRow& r : t->rows) {
      std::string start = b.series.period == "month" ? SqlValueText(r[0]) + "-01" : SqlValueText(r[0]);
      auto p = std::find(b.series.periods.begin(), b.series.periods.end(), start);
      auto ty = std::find(b.series.types.begin(), b.series.types.end(), SqlValueText(r[1]));
      if (p == b.series.periods.end() || ty == b.series.types.end()) continue;
      b.series.counts[ty - b.series.types.begin()][p - b.series.periods.begin()] = SqlValueInt(r[2]);
    }
  }

  // Places: events located to a place or region, grouped by location.
  std::string geo_where = where->sql + (where->sql.empty() ? "WHERE " : " AND ") +
                          "l.precision <> 'country'";
  GRIOT_RETURN_IF_ERROR(store.Select(
      {"SELECT l.name, l.lat, l.lon, COUNT(*), MAX(e.quad), MIN(e.quad) FROM events e "
       "JOIN locations l ON l.location_id = e.location_id " +
           geo_where + " GROUP BY l.location_id, l.name, l.lat, l.lon ORDER BY 4 DESC, 1 LIMIT 500",
       where->params},
      [&](const SqlRow& r) {
        BriefPoint p;
        p.name = SqlValueText(r[0]);
        p.lat = SqlValueDouble(r[1]);
        p.lon = SqlValueDouble(r[2]);
        p.events = SqlValueInt(r[3]);
        // A place with material conflict shows as such.
        p.quad = static_cast<int>(SqlValueInt(r[4]));
        b.points.push_back(p);
        return true;
      }));

  // Notable events: the most reported.
  GRIOT_RETURN_IF_ERROR(ReadEvents(store, f, {"mentions", options.notable, 0}, [&](const StoredEvent& e) {
    BriefEvent n;
    n.event_id = e.event_id;
    n.day = e.day;
    n.event = e.event;
    n.mode = e.mode;
    n.actor = Describe(e.actor);
    n.recipient = Describe(e.recipient);
    n.place = e.location.name;
    if (!e.location.admin1.empty() && e.location.admin1 != e.location.name) {
      n.place += ", " + e.location.admin1;
    }
    n.text = e.text;
    ReadSpans(e.spans, &n);
    n.title = e.title;
    n.url = e.url;
    n.mentions = std::max<int64_t>(1, e.mentions);
    n.sources = std::max<int64_t>(1, e.sources);
    n.quad = static_cast<int>(e.quad);
    b.notable.push_back(std::move(n));
    return true;
  }));

  // Alerts for the brief's last period.
  AlertOptions alert_options;
  alert_options.period = b.series.period;
  if (!b.to.empty() && b.events > 0) {
    Result<std::vector<Alert>> alerts = FindAlerts(store, alert_options, country, b.to);
    if (!alerts.ok()) return alerts.status();
    b.alerts = std::move(*alerts);
  }
  return b;
}

}  // namespace griot
