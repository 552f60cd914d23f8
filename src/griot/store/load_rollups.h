// LoadRollups: the rollup tables' counts for one load (daily, monthly and
// regional counts; counts by place, actor key and actor name), counted in
// memory from the load's own records as they are written and linked,
// instead of by grouping the events table afterwards. For a million
// events the SQL refresh read every canonical row through an index several
// times (27 of 90 seconds of ingest); counting here costs well under one.
//
// The rows equal what the portable refresh (store_text.cc, place_rollups.cc)
// computes from the same events: one row per key (readers sum rows, so the
// SQL's possible extra rows per key read the same), canonical events only,
// `reports` = a canonical event's mentions, "" for a missing day, week,
// country or admin1, NULL for a missing location. tests/load_rollups_test.cc
// compares the two on both kinds of load.
//
//   LoadRollups r;
//   r.Add(row, event, location_id);                 // per written event record
//   r.AddReports(earlier, location_id, reports);    // earlier events joined
//   if (r.Link(links, canonical)) r.Emit(write_row);  // after duplicate linking
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "griot/store/store.h"

namespace griot {

class LoadRollups {
 public:
  // One written event record: its engine row (increasing in write order)
  // and its location id (0 = none).
  void Add(int64_t row, const StoredEvent& e, int64_t location_id);

  // A canonical event of an earlier load that `reports` of this load's
  // records joined: its reports grow, its events and actors do not.
  void AddReports(const StoredEvent& e, int64_t location_id, int64_t reports);

  // The load's duplicate groups: `links` links in all (one per added
  // record), and each canonical added record's row with its mentions.
  // False, and nothing is counted, unless the groups and AddReports
  // account for every link: the caller then recomputes the rollups from
  // the table.
  bool Link(size_t links, const std::vector<std::pair<int64_t, int64_t>>& canonical);

  bool Linked() const { return linked_; }
  size_t size() const { return records_.size(); }

  // Every row of every rollup table, `table` named as in the schema and the
  // values in its column order; stops at the first error `row` returns.
  // For a store that held events before, these are additions to its rows
  // (SqliteStore merges them by key).
  using RowWriter = std::function<Status(const char* table, const SqlRow& row)>;
  Status Emit(const RowWriter& row) const;

 private:
  // Interned strings: a record is a few integers.
  class Pool {
   public:
    Pool() { Id(""); }  // id 0
    uint32_t Id(std::string_view s);
    const std::string& Text(uint32_t id) const { return texts_[id]; }
    // Each id's place in the bytewise order of the texts.
    std::vector<uint32_t> Ranks() const;

   private:
    // Looked up by view: interning runs for every written record.
    struct Hash {
      using is_transparent = void;
      size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
    };
    std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> ids_;
    std::vector<std::string> texts_;
  };

  // What every rollup but the daily one groups by besides its own key:
  // country, admin1, type, quad. A load has a few thousand of them, so a
  // record's keys are two 32-bit ids packed in one integer.
  struct Dims {
    uint32_t country, admin1, event;
    int64_t quad;
    bool operator==(const Dims& o) const {
      return country == o.country && admin1 == o.admin1 && event == o.event && quad == o.quad;
    }
  };
  struct DimsHash {
    size_t operator()(const Dims& d) const;
  };

  struct Record {
    uint32_t day, week, dims, actor_key, recipient_key;
    uint32_t location;                // into locations_
    uint32_t names_begin, names_end;  // into names_
    int64_t events = 0;               // 1 when canonical, else 0
    int64_t reports = 0;              // mentions when canonical, else 0
  };
  Record Make(const StoredEvent& e, int64_t location_id);

  Pool pool_;
  std::unordered_map<Dims, uint32_t, DimsHash> dims_ids_;
  std::vector<Dims> dims_;
  std::unordered_map<int64_t, uint32_t> location_ids_;
  std::vector<int64_t> locations_;  // location ids (0 = none) by index
  std::vector<Record> records_;
  std::vector<int64_t> rows_;  // per record
  std::vector<Record> earlier_;  // canonical events of earlier loads (AddReports)
  size_t earlier_reports_ = 0;
  bool rows_sorted_ = true;
  // A day's week and month: the daily key holds the day alone. A caller's
  // week that is not its day's (never from FillAnalysisDates) makes the
  // load fall back to the refresh.
  struct Calendar {
    uint32_t week, month;
  };
  std::unordered_map<uint32_t, Calendar> calendar_;
  bool calendar_consistent_ = true;
  // Named participants as pool ids of "code\x1fsector\x1fname".
  std::vector<uint32_t> names_;
  bool linked_ = false;
};

}  // namespace griot
