// /api/places (events by location, for map markers) and /api/actors
// (events by actor key, for the actor list and network).
#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <tuple>

#include "griot/serve/api_internal.h"
#include "griot/store/place_rollups.h"

namespace griot::api {
namespace {

struct Place {
  std::string name, country, admin1, precision;
  double lat = 0, lon = 0;
  int64_t events = 0, reports = 0;
  int64_t quads[4] = {0, 0, 0, 0};
};

// Events whose participants name the actors of /api/actors.
constexpr int64_t kNameSample = 20000;

// Two decimals (~1 km): gazetteer entries of one town a few metres apart
// make one marker.
double Round2(double x) { return std::round(x * 100) / 100; }

// The filter's WHERE clause over a time-less rollup table (aliased `e`)
// when the rollups answer it: they count canonical events by location,
// country, region, type and quad, so only filters on those qualify (a box
// or a radius selects location ids: places only), and only while they are
// current. Empty optional: read the events table.
Result<std::optional<SqlQuery>> RollupWhere(Store& store, const Request& r, bool by_location) {
  const EventFilter& f = r.filter;
  if (!r.use_rollups || f.all_mentions || !f.actors.empty() || !f.dyads.empty() ||
      !f.modes.empty() || !f.contexts.empty() || !f.from.empty() || !f.to.empty() ||
      !f.text.empty() || !f.doc_id.empty() || f.min_confidence > 0 ||
      (!by_location && (f.bbox || f.near)) ||
      // The rollups keep a missing country or region as '', which a filter
      // on '' would then match: not so on events.
      std::count(f.countries.begin(), f.countries.end(), "") ||
      std::count(f.admin1.begin(), f.admin1.end(), "")) {
    return std::optional<SqlQuery>();
  }
  Result<bool> current = PlaceRollupsCurrent(store);
  if (!current.ok()) return current.status();
  if (!*current) return std::optional<SqlQuery>();
  Result<SqlQuery> where = BuildWhere(f, store);
  if (!where.ok()) return where.status();
  // The rollup tables hold canonical events only and name the remaining
  // columns as `events` does: the clause applies once the canonical test,
  // always first, is dropped.
  const std::string canonical = "WHERE e.is_canonical = 1";
  if (where->sql.rfind(canonical, 0) != 0) return std::optional<SqlQuery>();
  std::string rest = where->sql.substr(canonical.size());
  where->sql = rest.empty() ? "" : "WHERE " + rest.substr(std::string(" AND ").size());
  return std::optional<SqlQuery>(std::move(*where));
}

}  // namespace

Result<Json> Places(Store& store, const Request& r) {
  Result<int64_t> limit = IntOption(r, "limit", 2000, 1, 100000);
  if (!limit.ok()) return limit.status();
  Result<SqlQuery> where = BuildWhere(r.filter, store);
  if (!where.ok()) return where.status();
  std::string reports =
      r.filter.all_mentions ? "COUNT(*)" : "CAST(SUM(COALESCE(e.mentions, 1)) AS BIGINT)";
  // Grouped by location id in SQL (an index walk), merged by rounded
  // coordinates here; locations are few next to events.
  SqlQuery q{"SELECT lp.name, lp.country, lp.admin1, lp.precision, lp.lat, lp.lon, COUNT(*), " + reports +
                 ", COUNT(CASE WHEN e.quad = 1 THEN 1 END), COUNT(CASE WHEN e.quad = 2 THEN 1 END), "
                 "COUNT(CASE WHEN e.quad = 3 THEN 1 END), COUNT(CASE WHEN e.quad = 4 THEN 1 END) "
                 "FROM events e JOIN locations lp ON lp.location_id = e.location_id " +
                 where->sql + " GROUP BY e.location_id, lp.name, lp.country, lp.admin1, lp.precision, lp.lat, lp.lon",
             where->params};
  Result<std::optional<SqlQuery>> rollup = RollupWhere(store, r, true);
  if (!rollup.ok()) return rollup.status();
  if (*rollup) {
    const SqlQuery& w = **rollup;
    // Summed by location id first (an index walk), then named: grouping by
    // the names too would sort every row.
    q = {"SELECT lp.name, lp.country, lp.admin1, lp.precision, lp.lat, lp.lon, c.n, c.r, c.q1, c.q2, "
         "c.q3, c.q4 FROM (SELECT e.location_id AS id, CAST(SUM(e.events) AS BIGINT) AS n, "
         "CAST(SUM(e.reports) AS BIGINT) AS r, "
         "CAST(SUM(CASE WHEN e.quad = 1 THEN e.events ELSE 0 END) AS BIGINT) AS q1, "
         "CAST(SUM(CASE WHEN e.quad = 2 THEN e.events ELSE 0 END) AS BIGINT) AS q2, "
         "CAST(SUM(CASE WHEN e.quad = 3 THEN e.events ELSE 0 END) AS BIGINT) AS q3, "
         "CAST(SUM(CASE WHEN e.quad = 4 THEN e.events ELSE 0 END) AS BIGINT) AS q4 "
         "FROM location_counts e " + w.sql + " GROUP BY e.location_id) c "
         "JOIN locations lp ON lp.location_id = c.id",
         w.params};
  }
  std::map<std::tuple<std::string, std::string, std::string, double, double>, Place> merged;
  GRIOT_RETURN_IF_ERROR(store.Select(q, [&](const SqlRow& row) {
    Place p;
    p.name = SqlValueText(row[0]);
    p.country = SqlValueText(row[1]);
    p.admin1 = SqlValueText(row[2]);
    p.precision = SqlValueText(row[3]);
    p.lat = Round2(SqlValueDouble(row[4]));
    p.lon = Round2(SqlValueDouble(row[5]));
    Place& m = merged.try_emplace({p.name, p.country, p.admin1, p.lat, p.lon}, p).first->second;
    m.events += SqlValueInt(row[6]);
    m.reports += SqlValueInt(row[7]);
    for (int i = 0; i < 4; ++i) m.quads[i] += SqlValueInt(row[8 + i]);
    return true;
  }));
  std::vector<Place> places;
  for (auto& entry : merged) places.push_back(std::move(entry.second));
  std::stable_sort(places.begin(), places.end(),
                   [](const Place& a, const Place& b) { return a.events > b.events; });
  if (static_cast<int64_t>(places.size()) > *limit) places.resize(*limit);
  Json list = Json::array();
  for (const Place& p : places) {
    // 0,0 is a country-level place stored without coordinates (no gazetteer).
    bool located = p.lat != 0 || p.lon != 0;
    list.push_back({{"name", p.name},
                    {"country", p.country},
                    {"admin1", p.admin1},
                    {"precision", p.precision},
                    {"lat", located ? Json(p.lat) : Json(nullptr)},
                    {"lon", located ? Json(p.lon) : Json(nullptr)},
                    {"events", p.events},
                    {"reports", p.reports},
                    {"quads", {p.quads[0], p.quads[1], p.quads[2], p.quads[3]}}});
  }
  return Json{{"places", std::move(list)}};
}

// Actors by the key of each event's first actor and first recipient (the
// `actor_key` / `recipient_key` columns that grouping by actor and dyad
// uses), so an actor list and its network agree with /api/aggregates.
Result<Json> Actors(Store& store, const Request& r) {
  Result<int64_t> limit = IntOption(r, "limit", 50, 1, 10000);
  if (!limit.ok()) return limit.status();
  Result<SqlQuery> where = BuildWhere(r.filter, store);
  if (!where.ok()) return where.status();
  SqlQuery as_actor = WhereAnd(*where, "e.actor_key IS NOT NULL AND e.actor_key <> ''");
  SqlQuery as_recipient = WhereAnd(*where, "e.recipient_key IS NOT NULL AND e.recipient_key <> ''");
  SqlQuery q{"SELECT k, CAST(SUM(a) AS BIGINT), CAST(SUM(rc) AS BIGINT), CAST(SUM(ev) AS BIGINT) FROM ("
             "SELECT e.actor_key AS k, 1 AS a, 0 AS rc, 1 AS ev FROM events e " + as_actor.sql +
             " UNION ALL SELECT e.recipient_key, 0, 1, CASE WHEN e.recipient_key = e.actor_key THEN 0 "
             "ELSE 1 END FROM events e " + as_recipient.sql +
             ") t GROUP BY k ORDER BY 4 DESC, 1 LIMIT ?",
             as_actor.params};
  q.params.insert(q.params.end(), as_recipient.params.begin(), as_recipient.params.end());
  q.params.push_back(*limit);
  Result<std::optional<SqlQuery>> rollup = RollupWhere(store, r, false);
  if (!rollup.ok()) return rollup.status();
  if (*rollup) {
    q = {"SELECT e.key, CAST(SUM(e.as_actor) AS BIGINT), CAST(SUM(e.as_recipient) AS BIGINT), "
         "CAST(SUM(e.events) AS BIGINT) FROM actor_counts e " +
             (*rollup)->sql + " GROUP BY e.key ORDER BY 4 DESC, 1 LIMIT ?",
         (*rollup)->params};
    q.params.push_back(*limit);
  }
  Json list = Json::array();
  std::map<std::string, size_t> index;  // key -> position in list
  GRIOT_RETURN_IF_ERROR(store.Select(q, [&](const SqlRow& row) {
    std::string key = SqlValueText(row[0]);
    size_t space = key.find(' ');
    index[key] = list.size();
    list.push_back({{"key", key},
                    {"code", key.substr(0, space)},
                    {"sector", space == std::string::npos ? "" : key.substr(space + 1)},
                    {"name", ""},
                    {"as_actor", SqlValueInt(row[1])},
                    {"as_recipient", SqlValueInt(row[2])},
                    {"events", SqlValueInt(row[3])}});
    return true;
  }));
  if (list.empty()) return Json{{"actors", std::move(list)}};
  // The name each listed key is most often given in the latest matching
  // events: a bounded sample, so that the unfiltered list of a large store
  // does not join every participant row.
  std::string in;
  SqlQuery names{"", {}};
  for (const auto& entry : index) {
    in += in.empty() ? "?" : ",?";
    names.params.push_back(list[entry.second]["code"].get<std::string>());
  }
  names.sql = "SELECT n.code, n.sector, n.name, COUNT(*) FROM participants p JOIN entities n ON "
              "n.entity_id = p.entity_id WHERE n.name <> '' AND n.code IN (" + in +
              ") AND p.event_id IN (SELECT e.event_id FROM events e " + where->sql +
              " ORDER BY e.day DESC, e.event_id DESC LIMIT ?) "
              "GROUP BY n.code, n.sector, n.name ORDER BY n.code, n.sector, n.name";
  names.params.insert(names.params.end(), where->params.begin(), where->params.end());
  names.params.push_back(int64_t{kNameSample});
  if (*rollup) {
    // The same name from the rollup: counted over every matching event
    // rather than the latest kNameSample (the same on stores below it).
    const SqlQuery& w = **rollup;
    std::vector<SqlValue> codes(names.params.begin(), names.params.begin() + index.size());
    names = {"SELECT e.code, e.sector, e.name, CAST(SUM(e.uses) AS BIGINT) FROM name_counts e " +
                 (w.sql.empty() ? std::string("WHERE ") : w.sql + " AND ") + "e.code IN (" + in +
                 ") GROUP BY e.code, e.sector, e.name ORDER BY e.code, e.sector, e.name",
             w.params};
    names.params.insert(names.params.end(), codes.begin(), codes.end());
  }
  std::map<std::string, int64_t> best;
  GRIOT_RETURN_IF_ERROR(store.Select(names, [&](const SqlRow& row) {
    std::string code = SqlValueText(row[0]), sector = SqlValueText(row[1]);
    std::string key = sector.empty() ? code : code.empty() ? sector : code + " " + sector;
    auto it = index.find(key);
    int64_t n = SqlValueInt(row[3]);
    if (it == index.end() || n <= best[key]) return true;
    best[key] = n;
    list[it->second]["name"] = SqlValueText(row[2]);
    return true;
  }));
  return Json{{"actors", std::move(list)}};
}

}  // namespace griot::api
