// SqliteStore's duplicate links: the same result as the portable
// kRefreshCanonicalSql (which PostgreSQL runs set-wise), computed while the
// links are written. A large load's links touch most of the table, so the
// writes go in key order: mentions by mention id, event rows by rowid; the
// b-trees are walked, not jumped across.
#include <sqlite3.h>

#include <algorithm>
#include <deque>
#include <set>
#include <unordered_map>

#include "griot/store/sqlite_bind.h"
#include "griot/store/sqlite_store.h"

namespace griot {
namespace {

using sqlite::BindOrNull;
using sqlite::BindStatic;
using sqlite::ColumnText;

// A group's totals. The strings are views into the links, or into
// `owned` for reports read back from the table: a large load has a million
// links, and copying their ids into every group cost more than the writes.
struct Totals {
  std::vector<std::string_view> docs, sources;
  std::string_view first, last;
  int64_t row = 0;        // the canonical record's row
  std::string_view day;   // its analysis day
  bool complete = false;  // the group lies wholly in the links (its first report is new)
  int64_t mentions() const { return static_cast<int64_t>(docs.size()); }
};

void Add(Totals* t, std::string_view doc, std::string_view source, std::string_view reported) {
  t->docs.push_back(doc);
  t->sources.push_back(source);
  if (!reported.empty()) {
    if (t->first.empty() || reported < t->first) t->first = reported;
    if (t->last.empty() || reported > t->last) t->last = reported;
  }
}

int64_t Distinct(std::vector<std::string_view>* v) {
  if (v->size() < 2) return static_cast<int64_t>(v->size());
  std::sort(v->begin(), v->end());
  return static_cast<int64_t>(std::unique(v->begin(), v->end()) - v->begin());
}

void BindView(sqlite3_stmt* st, int i, std::string_view s) {
  if (s.empty()) {
    sqlite3_bind_null(st, i);
  } else {
    sqlite3_bind_text(st, i, s.data(), static_cast<int>(s.size()), SQLITE_STATIC);
  }
}

// Statements finalized however the function returns.
class Statements {
 public:
  ~Statements() {
    for (sqlite3_stmt* st : all_) sqlite3_finalize(st);
  }
  sqlite3_stmt** Add() {
    all_.push_back(nullptr);
    return &all_.back();
  }

 private:
  std::deque<sqlite3_stmt*> all_;  // grows without moving what Add() handed out
};

}  // namespace

Status SqliteStore::ApplyLinks(const std::vector<MentionLink>& links) {
  if (links.empty()) return Status::Ok();
  GRIOT_RETURN_IF_ERROR(Begin());
  Statements statements;
  sqlite3_stmt** insert = statements.Add();
  sqlite3_stmt** member = statements.Add();
  sqlite3_stmt** canonical = statements.Add();
  sqlite3_stmt** group = statements.Add();
  GRIOT_RETURN_IF_ERROR(Prepare("INSERT OR REPLACE INTO mentions VALUES (?,?,?,?,?,?)", insert));
  GRIOT_RETURN_IF_ERROR(
      Prepare("UPDATE events SET is_canonical = 0, mentions = NULL, articles = NULL, "
              "sources = NULL, first_reported = NULL, last_reported = NULL WHERE rowid = ?",
              member));
  GRIOT_RETURN_IF_ERROR(
      Prepare("UPDATE events SET is_canonical = 1, mentions = ?, articles = ?, sources = ?, "
              "first_reported = ?, last_reported = ? WHERE rowid = ?",
              canonical));
  GRIOT_RETURN_IF_ERROR(Prepare(
      "SELECT doc_id, source, COALESCE(reported, '') FROM mentions WHERE event_id = ?", group));
  // Rows and days of records the links do not carry them for (a relinking
  // read back from the table, or canonical events of earlier runs).
  sqlite3_stmt** row_of = statements.Add();
  sqlite3_stmt** day_of = statements.Add();
  GRIOT_RETURN_IF_ERROR(Prepare("SELECT rowid FROM events WHERE event_id = ?", row_of));
  GRIOT_RETURN_IF_ERROR(Prepare("SELECT COALESCE(day, '') FROM events WHERE rowid = ?", day_of));
  auto find_row = [&](const std::string& event_id) -> int64_t {
    sqlite3_reset(*row_of);
    BindStatic(*row_of, 1, event_id);
    return sqlite3_step(*row_of) == SQLITE_ROW ? sqlite3_column_int64(*row_of, 0) : 0;
  };
  auto find_day = [&](int64_t row) -> std::string {
    sqlite3_reset(*day_of);
    sqlite3_bind_int64(*day_of, 1, row);
    return sqlite3_step(*day_of) == SQLITE_ROW ? ColumnText(*day_of, 0) : "";
  };

  std::vector<const MentionLink*> order;
  order.reserve(links.size());
  for (const MentionLink& l : links) order.push_back(&l);
  std::sort(order.begin(), order.end(),
            [](const MentionLink* a, const MentionLink* b) { return a->event_id < b->event_id; });
  std::unordered_map<std::string_view, Totals> groups;
  groups.reserve(links.size());
  std::deque<std::string> owned;  // texts read back for groups of earlier runs
  // Event rows to rewrite: members (totals nullptr) and canonical records.
  std::vector<std::pair<int64_t, Totals*>> rows;
  rows.reserve(links.size());
  for (const MentionLink* l : order) {
    sqlite3_reset(*insert);
    BindStatic(*insert, 1, l->event_id);
    BindStatic(*insert, 2, l->canonical_id);
    BindStatic(*insert, 3, l->doc_id);
    BindStatic(*insert, 4, l->source);
    BindOrNull(*insert, 5, l->reported);
    BindStatic(*insert, 6, l->reason);
    GRIOT_RETURN_IF_ERROR(Check(sqlite3_step(*insert), "insert mention"));
    Totals& t = groups[l->canonical_id];
    Add(&t, l->doc_id, l->source, l->reported);
    const int64_t row = l->row ? l->row : find_row(l->event_id);
    if (l->event_id == l->canonical_id) {
      t.complete = true;
      t.row = row;
      if (l->row) {
        t.day = l->day;
      } else {
        owned.push_back(find_day(row));
        t.day = owned.back();
      }
    } else if (row) {
      rows.emplace_back(row, nullptr);
    }
  }
  for (auto& [id, t] : groups) {
    if (!t.complete) {
      // An event already in the store gained reports: count all of them.
      const int64_t added = t.mentions();
      t = Totals();
      sqlite3_reset(*group);
      sqlite3_bind_text(*group, 1, id.data(), static_cast<int>(id.size()), SQLITE_STATIC);
      while (sqlite3_step(*group) == SQLITE_ROW) {
        for (int c = 0; c < 3; ++c) owned.push_back(ColumnText(*group, c));
        const size_t n = owned.size();
        Add(&t, owned[n - 3], owned[n - 2], owned[n - 1]);
      }
      t.row = find_row(std::string(id));
      owned.push_back(find_day(t.row));
      t.day = owned.back();
      if (load_rollups_ && t.row) {
        Status earlier = AddEarlierReports(t.row, added);
        if (!earlier.ok()) return earlier;
      }
    }
    if (t.row) rows.emplace_back(t.row, &t);
  }
  std::sort(rows.begin(), rows.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  // A tracked run's rollups are counted from its groups (RefreshRollups).
  if (load_rollups_) {
    std::vector<std::pair<int64_t, int64_t>> canonical;
    for (const auto& [row, t] : rows) {
      if (t && t->complete) canonical.emplace_back(row, t->mentions());
    }
    if (!load_rollups_->Link(links.size(), canonical)) load_rollups_.reset();
  }
  std::set<std::string_view> days;
  for (const auto& [row, t] : rows) {
    if (t == nullptr) {
      sqlite3_reset(*member);
      sqlite3_bind_int64(*member, 1, row);
      GRIOT_RETURN_IF_ERROR(Check(sqlite3_step(*member), "link mention"));
      continue;
    }
    sqlite3_stmt* st = *canonical;
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, t->mentions());
    sqlite3_bind_int64(st, 2, Distinct(&t->docs));
    sqlite3_bind_int64(st, 3, Distinct(&t->sources));
    BindView(st, 4, t->first);
    BindView(st, 5, t->last);
    sqlite3_bind_int64(st, 6, row);
    GRIOT_RETURN_IF_ERROR(Check(sqlite3_step(st), "count mentions"));
    days.insert(t->day);
  }
  sqlite3_stmt** pending = statements.Add();
  GRIOT_RETURN_IF_ERROR(
      Prepare("INSERT INTO rollup_pending VALUES (?) ON CONFLICT DO NOTHING", pending));
  for (std::string_view day : days) {
    sqlite3_reset(*pending);
    sqlite3_bind_text(*pending, 1, day.data(), static_cast<int>(day.size()), SQLITE_STATIC);
    GRIOT_RETURN_IF_ERROR(Check(sqlite3_step(*pending), "queue rollup day"));
  }
  return Commit();
}

}  // namespace griot
