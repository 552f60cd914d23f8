// SqliteStore's rollups: a load that tracked its own records counts them
// in memory (load_rollups.h) and writes the counts, replacing the tables'
// rows on a first load and adding to the touched keys' rows otherwise;
// anything else is refreshed from the events table by the portable SQL
// (Store::RefreshRollups).
#include <sqlite3.h>

#include <string>
#include <unordered_map>

#include "griot/store/sqlite_bind.h"
#include "griot/store/sqlite_store.h"

namespace griot {

// A first load refreshes its rollups once the indexes exist (the SQL
// refresh joins every event to its participants by event id). The days
// stay in rollup_pending meanwhile, so a load killed in between is
// refreshed at the next open.
Status SqliteStore::RefreshRollups() {
  if (deferred_indexes_) {
    deferred_rollups_ = true;
    return Status::Ok();
  }
  // Counts serve one refresh, whatever becomes of it.
  std::unique_ptr<LoadRollups> load = std::move(load_rollups_);
  if (load && load->Linked()) {
    Result<bool> written = WriteLoadRollups(*load);
    if (!written.ok()) return written.status();
    if (*written) return Status::Ok();
  }
  return Store::RefreshRollups();
}

// The rollup tables by the key each is refreshed by: a load into a store
// that held events adds its counts to the rows of the keys it touched
// (read, summed with its own, written back as one row per key).
namespace {
struct RollupTable {
  const char* name;
  const char* key;      // the leading columns of its index (only location_id may be NULL)
  const char* group;    // every column but the counts
  const char* sums;     // the counts, summed
};
constexpr RollupTable kRollupTables[] = {
    {"daily_counts", "day", "day, week, country, admin1, event, quad", "SUM(events), SUM(reports)"},
    {"monthly_counts", "month", "month, country, event, quad", "SUM(events), SUM(reports)"},
    {"monthly_region_counts", "month", "month, country, admin1, event", "SUM(events)"},
    {"location_counts", "location_id", "location_id, country, admin1, event, quad",
     "SUM(events), SUM(reports)"},
    {"actor_counts", "key", "key, country, admin1, event, quad",
     "SUM(as_actor), SUM(as_recipient), SUM(events)"},
    {"name_counts", "code, sector, name", "code, sector, name, country, admin1, event, quad", "SUM(uses)"},
};
}  // namespace

Result<bool> SqliteStore::WriteLoadRollups(const LoadRollups& load) {
  GRIOT_RETURN_IF_ERROR(Begin());
  const bool merge = !first_load_rollups_;
  if (!merge) {
    // Every event in the store must be one of the load's: another process
    // may have written between our transactions.
    int64_t events = -1;
    GRIOT_RETURN_IF_ERROR(Select({"SELECT COUNT(*) FROM events", {}}, [&](const SqlRow& r) {
      events = SqlValueInt(r[0]);
      return false;
    }));
    if (events != static_cast<int64_t>(load.size())) {
      GRIOT_RETURN_IF_ERROR(Commit());
      return false;
    }
  }
  std::string clear;
  for (const RollupTable& t : kRollupTables) {
    clear += merge ? std::string("CREATE TEMP TABLE IF NOT EXISTS add_") + t.name + " AS SELECT * FROM main." +
                         t.name + " WHERE 0; DELETE FROM temp.add_" + t.name + ";"
                   : std::string("DELETE FROM ") + t.name + ";";
  }
  GRIOT_RETURN_IF_ERROR(Exec(clear.c_str()));
  std::unordered_map<std::string, sqlite3_stmt*> inserts;
  Status st = load.Emit([&](const char* table, const SqlRow& row) -> Status {
    sqlite3_stmt*& ins = inserts[table];
    if (ins == nullptr) {
      std::string sql = std::string("INSERT INTO ") + (merge ? "temp.add_" : "main.") + table + " VALUES (?";
      for (size_t i = 1; i < row.size(); ++i) sql += ",?";
      GRIOT_RETURN_IF_ERROR(Prepare((sql + ")").c_str(), &ins));
    }
    sqlite3_reset(ins);
    for (size_t i = 0; i < row.size(); ++i) sqlite::BindValue(ins, static_cast<int>(i) + 1, row[i]);
    return Check(sqlite3_step(ins), "write rollups");
  });
  for (auto& [table, ins] : inserts) sqlite3_finalize(ins);
  GRIOT_RETURN_IF_ERROR(st);
  if (merge) {
    std::string sql;
    for (const RollupTable& t : kRollupTables) {
      const std::string add = std::string("temp.add_") + t.name, main = std::string("main.") + t.name;
      // Rows of the touched keys join the additions; NULL keys (events
      // without a place) match with IS.
      std::string touched = std::string("(") + t.key + ") IN (SELECT " + t.key + " FROM " + add + ")";
      if (std::string(t.key) == "location_id") {
        touched += " OR (location_id IS NULL AND EXISTS (SELECT 1 FROM " + add + " WHERE location_id IS NULL))";
      }
      sql += "INSERT INTO " + add + " SELECT * FROM " + main + " WHERE " + touched + ";\n";
      sql += "DELETE FROM " + main + " WHERE " + touched + ";\n";
      sql += "INSERT INTO " + main + " SELECT " + t.group + ", " + t.sums + " FROM " + add + " GROUP BY " +
             t.group + " ORDER BY " + t.group + ";\n";
      sql += "DELETE FROM " + add + ";\n";
    }
    GRIOT_RETURN_IF_ERROR(Exec(sql.c_str()));
  }
  GRIOT_RETURN_IF_ERROR(Exec("DELETE FROM rollup_pending; DELETE FROM place_rollup_pending;"));
  GRIOT_RETURN_IF_ERROR(Commit());
  return true;
}

// The keys an earlier canonical event is counted under, for the reports
// this load adds to it (LoadRollups::AddReports).
Status SqliteStore::AddEarlierReports(int64_t row, int64_t reports) {
  StoredEvent e;
  int64_t location_id = 0;
  bool found = false;
  GRIOT_RETURN_IF_ERROR(Select(
      {"SELECT COALESCE(day, ''), COALESCE(week, ''), COALESCE(country, ''), COALESCE(admin1, ''), event, "
       "quad, COALESCE(location_id, 0) FROM events WHERE rowid = ?",
       {row}},
      [&](const SqlRow& r) {
        e.day = SqlValueText(r[0]);
        e.week = SqlValueText(r[1]);
        e.location.country = SqlValueText(r[2]);
        e.location.admin1 = SqlValueText(r[3]);
        e.event = SqlValueText(r[4]);
        e.quad = SqlValueInt(r[5]);
        location_id = SqlValueInt(r[6]);
        found = true;
        return false;
      }));
  if (found) {
    load_rollups_->AddReports(e, location_id, reports);
  } else {
    load_rollups_.reset();  // Link() would miss its reports: refresh instead
  }
  return Status::Ok();
}

}  // namespace griot
