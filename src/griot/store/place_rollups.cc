#include "griot/store/place_rollups.h"

#include <string>

namespace griot {

// Counts are summed by readers, so a key may have several rows (a NULL and
// an empty country both read as ''). Each table has an index of all its
// columns, led by what readers group by: a request reads it in order,
// without the table or a sort.
const char* const kSqlitePlaceRollupTables = R"sql(
CREATE TABLE IF NOT EXISTS location_counts (
  location_id INTEGER, country TEXT NOT NULL, admin1 TEXT NOT NULL, event TEXT NOT NULL,
  quad INTEGER, events INTEGER NOT NULL, reports INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS location_counts_all ON location_counts(
  location_id, quad, events, reports, country, admin1, event);
CREATE TABLE IF NOT EXISTS actor_counts (
  key TEXT NOT NULL, country TEXT NOT NULL, admin1 TEXT NOT NULL, event TEXT NOT NULL,
  quad INTEGER, as_actor INTEGER NOT NULL, as_recipient INTEGER NOT NULL, events INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS name_counts (
  code TEXT NOT NULL, sector TEXT NOT NULL, name TEXT NOT NULL, country TEXT NOT NULL,
  admin1 TEXT NOT NULL, event TEXT NOT NULL, quad INTEGER, uses INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS name_counts_all ON name_counts(
  code, sector, name, country, admin1, event, quad, uses);
CREATE INDEX IF NOT EXISTS actor_counts_all ON actor_counts(
  key, country, admin1, event, quad, as_actor, as_recipient, events);
CREATE TABLE IF NOT EXISTS place_rollup_pending (country TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS monthly_region_counts (
  month TEXT NOT NULL, country TEXT NOT NULL, admin1 TEXT NOT NULL, event TEXT NOT NULL,
  events INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS monthly_region_counts_all ON monthly_region_counts(
  month, country, admin1, event, events);
)sql";

// Text columns sort bytewise ("C"), as in the rest of the PostgreSQL
// schema: ties in the actor list break in the same order on both engines.
const char* const kPgPlaceRollupTables = R"sql(
CREATE TABLE IF NOT EXISTS location_counts (
  location_id BIGINT, country TEXT COLLATE "C" NOT NULL, admin1 TEXT COLLATE "C" NOT NULL,
  event TEXT COLLATE "C" NOT NULL, quad BIGINT, events BIGINT NOT NULL, reports BIGINT NOT NULL);
CREATE INDEX IF NOT EXISTS location_counts_all ON location_counts(
  location_id, quad, events, reports, country, admin1, event);
CREATE TABLE IF NOT EXISTS actor_counts (
  key TEXT COLLATE "C" NOT NULL, country TEXT COLLATE "C" NOT NULL, admin1 TEXT COLLATE "C" NOT NULL,
  event TEXT COLLATE "C" NOT NULL, quad BIGINT, as_actor BIGINT NOT NULL,
  as_recipient BIGINT NOT NULL, events BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS name_counts (
  code TEXT COLLATE "C" NOT NULL, sector TEXT COLLATE "C" NOT NULL, name TEXT COLLATE "C" NOT NULL,
  country TEXT COLLATE "C" NOT NULL, admin1 TEXT COLLATE "C" NOT NULL, event TEXT COLLATE "C" NOT NULL,
  quad BIGINT, uses BIGINT NOT NULL);
CREATE INDEX IF NOT EXISTS name_counts_all ON name_counts(
  code, sector, name, country, admin1, event, quad, uses);
CREATE INDEX IF NOT EXISTS actor_counts_all ON actor_counts(
  key, country, admin1, event, quad, as_actor, as_recipient, events);
CREATE TABLE IF NOT EXISTS place_rollup_pending (country TEXT COLLATE "C" PRIMARY KEY);
CREATE TABLE IF NOT EXISTS monthly_region_counts (
  month TEXT COLLATE "C" NOT NULL, country TEXT COLLATE "C" NOT NULL,
  admin1 TEXT COLLATE "C" NOT NULL, event TEXT COLLATE "C" NOT NULL, events BIGINT NOT NULL);
CREATE INDEX IF NOT EXISTS monthly_region_counts_all ON monthly_region_counts(
  month, country, admin1, event, events);
)sql";

namespace {

// The rows of the canonical events matching `where` (over `events e`),
// added (portable SQL). The actor and name counts follow /api/actors: an
// event counts once under its first actor's key and once under its first
// recipient's, unless they are the same key; a name counts each
// participant row.
std::string AddRows(const std::string& where) {
  return "INSERT INTO location_counts\n"
         "  SELECT e.location_id, COALESCE(e.country, ''), COALESCE(e.admin1, ''), e.event, e.quad,\n"
         "    COUNT(*), SUM(COALESCE(e.mentions, 1))\n"
         "  FROM events e WHERE e.is_canonical = 1 AND " + where + "\n"
         "  GROUP BY e.location_id, e.country, e.admin1, e.event, e.quad;\n"
         "INSERT INTO actor_counts\n"
         "  SELECT t.k, t.c, t.a1, t.ev, t.q, SUM(t.a), SUM(t.r), SUM(t.n) FROM (\n"
         "    SELECT e.actor_key AS k, COALESCE(e.country, '') AS c, COALESCE(e.admin1, '') AS a1,\n"
         "      e.event AS ev, e.quad AS q, 1 AS a, 0 AS r, 1 AS n\n"
         "    FROM events e WHERE e.is_canonical = 1 AND " + where + " AND e.actor_key <> ''\n"
         "    UNION ALL\n"
         "    SELECT e.recipient_key, COALESCE(e.country, ''), COALESCE(e.admin1, ''), e.event, e.quad,\n"
         "      0, 1, CASE WHEN e.recipient_key = e.actor_key THEN 0 ELSE 1 END\n"
         "    FROM events e WHERE e.is_canonical = 1 AND " + where + " AND e.recipient_key <> '') t\n"
         "  GROUP BY t.k, t.c, t.a1, t.ev, t.q;\n"
         "INSERT INTO name_counts\n"
         "  SELECT n.code, n.sector, n.name, COALESCE(e.country, ''), COALESCE(e.admin1, ''), e.event,\n"
         "    e.quad, COUNT(*)\n"
         "  FROM events e JOIN participants p ON p.event_id = e.event_id\n"
         "    JOIN entities n ON n.entity_id = p.entity_id\n"
         "  WHERE e.is_canonical = 1 AND " + where + " AND n.name <> ''\n"
         "  GROUP BY n.code, n.sector, n.name, e.country, e.admin1, e.event, e.quad;\n";
}

// The rows of the countries in place_rollup_pending ('' = none), replaced.
// Events without a country are added apart: with an OR, neither engine
// finds a country's events by index.
std::string Recompute() {
  std::string sql;
  for (const char* table : {"location_counts", "actor_counts", "name_counts"}) {
    sql += std::string("DELETE FROM ") + table +
           " WHERE country IN (SELECT country FROM place_rollup_pending);\n";
  }
  sql += AddRows("e.country IN (SELECT country FROM place_rollup_pending)");
  sql += AddRows("e.country IS NULL AND EXISTS (SELECT 1 FROM place_rollup_pending WHERE country = '')");
  return sql + "DELETE FROM place_rollup_pending;\n";
}

}  // namespace

// The countries whose counts may change: those daily_counts held on the
// pending days (it still does: this runs before kRefreshRollupSql) and
// those of the canonical events now on them.
const std::string& RefreshPlaceRollupsSql() {
  static const std::string sql =
      "INSERT INTO place_rollup_pending\n"
      "  SELECT r.country FROM daily_counts r WHERE r.day IN (SELECT day FROM rollup_pending)\n"
      "  UNION SELECT COALESCE(e.country, '') FROM events e\n"
      "    WHERE e.is_canonical = 1 AND e.day IN (SELECT day FROM rollup_pending)\n"
      "  UNION SELECT COALESCE(e.country, '') FROM events e\n"
      "    WHERE e.is_canonical = 1 AND e.day IS NULL\n"
      "      AND EXISTS (SELECT 1 FROM rollup_pending WHERE day = '');\n" + Recompute();
  return sql;
}

// Every country, once; the flag marks the tables filled.
const std::string& FillPlaceRollupsSql() {
  static const std::string sql =
      "INSERT INTO place_rollup_pending\n"
      "  SELECT DISTINCT COALESCE(e.country, '') FROM events e WHERE e.is_canonical = 1;\n" +
      Recompute() + "INSERT INTO meta VALUES ('place_rollups', '1');\n";
  return sql;
}

const char* const kFillRegionRollupSql = R"sql(
DELETE FROM monthly_region_counts;
INSERT INTO monthly_region_counts
  SELECT substr(r.day, 1, 7), r.country, r.admin1, r.event, SUM(r.events)
  FROM daily_counts r GROUP BY substr(r.day, 1, 7), r.country, r.admin1, r.event;
INSERT INTO meta VALUES ('region_rollups', '1');
)sql";

namespace {

// Filled (the meta `flag`: 1) minus a day waiting (1): current only at 1.
// A store without the flag may lack the tables: they are not read then.
Result<bool> FilledAndCurrent(Store& store, const char* flag) {
  int64_t state = 0;
  GRIOT_RETURN_IF_ERROR(store.Select(
      {"SELECT (SELECT COUNT(*) FROM meta WHERE key = ?) - "
       "(SELECT COUNT(*) FROM (SELECT 1 FROM rollup_pending LIMIT 1) t)",
       {std::string(flag)}},
      [&](const SqlRow& row) {
        state = SqlValueInt(row[0]);
        return false;
      }));
  return state == 1;
}

}  // namespace

Result<bool> RegionRollupsCurrent(Store& store) { return FilledAndCurrent(store, "region_rollups"); }

Result<bool> PlaceRollupsCurrent(Store& store) { return FilledAndCurrent(store, "place_rollups"); }

}  // namespace griot
