#include "griot/query/aggregate.h"

#include <algorithm>

#include "griot/store/stored_event.h"

namespace griot {
namespace {

struct GroupKey {
  const char* name;
  std::vector<std::pair<const char*, const char*>> columns;  // output name, SQL
  bool time;  // sorted by time, not by count
};

const std::vector<GroupKey>& Keys() {
  static const std::vector<GroupKey> keys = {
      {"day", {{"day", "e.day"}}, true},
      {"week", {{"week", "e.week"}}, true},
      {"month", {{"month", "substr(e.day, 1, 7)"}}, true},  // e.month, from the covering indexes
      {"year", {{"year", "substr(e.day, 1, 4)"}}, true},
      {"type", {{"type", "e.event"}}, false},
      {"mode", {{"type", "e.event"}, {"mode", "e.mode"}}, false},
      {"quad", {{"quad", "e.quad"}}, false},
      {"country", {{"country", "e.country"}}, false},
      {"admin1", {{"country", "e.country"}, {"admin1", "e.admin1"}}, false},
      {"actor", {{"actor", "e.actor_key"}}, false},
      {"recipient", {{"recipient", "e.recipient_key"}}, false},
      {"dyad", {{"actor", "e.actor_key"}, {"recipient", "e.recipient_key"}}, false},
  };
  return keys;
}

Result<ResultTable> ListEvents(Store& store, const QuerySpec& spec) {
  Result<SqlQuery> where = BuildPageWhere(spec.filter, store);
  if (!where.ok()) return where.status();
  const std::string order_by = " ORDER BY e.day, e.event_id";
  SqlQuery page = PageOfEvents(*where, order_by, spec.limit > 0 ? spec.limit : 100, spec.offset);
  SqlQuery q{
      "SELECT e.day, e.event_id, e.event, e.mode, COALESCE(e.actor_key, ''), "
      "COALESCE(e.recipient_key, ''), COALESCE(e.country, ''), "
      "COALESCE(e.admin1, ''), CAST(COALESCE(e.mentions, 1) AS BIGINT), e.text "
      "FROM events e" +
          page.sql + order_by,
      page.params};
  ResultTable t;
  t.columns = {"day", "event_id", "type", "mode", "actor", "recipient", "country", "admin1",
               "mentions", "text"};
  GRIOT_RETURN_IF_ERROR(store.Select(q, [&](const SqlRow& r) {
    t.rows.push_back(r);
    return true;
  }));
  return t;
}

// The rollup (`daily_counts`: canonical events by day, week, country,
// region, type and quad; store_text.h) answers a grouping when every filter
// and every key is one of its columns. Its columns have the events' names,
// so the same key expressions read it.
bool RollupAnswers(const QuerySpec& s) {
  const EventFilter& f = s.filter;
  if (!s.use_rollup || f.all_mentions || !f.actors.empty() || !f.dyads.empty() ||
      !f.modes.empty() || !f.contexts.empty() || f.bbox || f.near || !f.text.empty() ||
      !f.doc_id.empty() || f.min_confidence > 0) {
    return false;
  }
  static const char* const kRollupKeys[] = {"day",     "week",    "month",  "year",
                                            "type",    "quad",    "country", "admin1"};
  return std::all_of(s.group_by.begin(), s.group_by.end(), [](const std::string& g) {
    return std::find(std::begin(kRollupKeys), std::end(kRollupKeys), g) != std::end(kRollupKeys);
  });
}

// The monthly rollup (`monthly_counts`: by month, country, type and quad)
// answers when the keys and filters are among those and the period is whole
// months.
bool MonthlyAnswers(const QuerySpec& s) {
  const EventFilter& f = s.filter;
  if (!f.admin1.empty()) return false;
  if (!f.from.empty() && f.from.substr(8) != "01") return false;
  if (!f.to.empty() && ShiftDay(f.to, 1).substr(8) != "01") return false;
  static const char* const kMonthlyKeys[] = {"month", "year", "type", "quad", "country"};
  return std::all_of(s.group_by.begin(), s.group_by.end(), [](const std::string& g) {
    return std::find(std::begin(kMonthlyKeys), std::end(kMonthlyKeys), g) != std::end(kMonthlyKeys);
  });
}

// The WHERE clause over a rollup table (aliased `e`): its columns carry the
// events' names, with `month` (YYYY-MM) in the monthly table for `day`.
SqlQuery RollupWhere(const EventFilter& f, bool monthly) {
  SqlQuery w;
  auto in = [&](const char* column, const auto& values) {
    if (values.empty()) return;
    std::string c = std::string(column) + " IN (";
    for (size_t i = 0; i < values.size(); ++i) {
      c += i ? ",?" : "?";
      if constexpr (std::is_same_v<std::decay_t<decltype(values[0])>, int>) {
        w.params.push_back(static_cast<int64_t>(values[i]));
      } else {
        w.params.push_back(values[i]);
      }
    }
    w.sql += (w.sql.empty() ? "WHERE " : " AND ") + c + ")";
  };
  in("e.country", f.countries);
  if (!monthly) in("e.admin1", f.admin1);
  in("e.event", f.types);
  in("e.quad", f.quads);
  // Events without a day are stored under day (month) '': never inside a period.
  const char* column = monthly ? "e.month" : "e.day";
  size_t width = monthly ? 7 : 10;
  if (!f.from.empty() || !f.to.empty()) {
    w.sql += (w.sql.empty() ? "WHERE " : " AND ") + std::string(column) + " <> ''";
  }
  if (!f.from.empty()) {
    w.sql += std::string(" AND ") + column + " >= ?";
    w.params.push_back(f.from.substr(0, width));
  }
  if (!f.to.empty()) {
    w.sql += std::string(" AND ") + column + " <= ?";
    w.params.push_back(f.to.substr(0, width));
  }
  return w;
}

}  // namespace

const std::vector<std::string>& GroupKeys() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> n;
    for (const GroupKey& k : Keys()) n.push_back(k.name);
    return n;
  }();
  return names;
}

Result<ResultTable> RunQuery(Store& store, const QuerySpec& spec) {
  Result<SqlQuery> where = BuildWhere(spec.filter, store);
  if (!where.ok()) return where.status();
  if (spec.limit < 0 || spec.offset < 0) return InvalidArgument("--limit/--offset: must be >= 0");
  if (spec.group_by.empty()) return ListEvents(store, spec);

  std::vector<std::pair<std::string, std::string>> columns;  // name, SQL
  bool time_first = false;
  for (const std::string& g : spec.group_by) {
    auto k = std::find_if(Keys().begin(), Keys().end(),
                          [&](const GroupKey& key) { return g == key.name; });
    if (k == Keys().end()) {
      std::string all;
      for (const std::string& n : GroupKeys()) all += (all.empty() ? "" : ", ") + n;
      return InvalidArgument("--group-by: '" + g + "' (one or more of " + all + ")");
    }
    if (columns.empty()) time_first = k->time;
    for (const auto& column : k->columns) {
      const std::string sql = column.second;  // (clang 14 cannot capture structured bindings)
      bool seen = std::any_of(columns.begin(), columns.end(),
                              [&](const auto& c) { return c.second == sql; });
      if (!seen) columns.emplace_back(column.first, sql);
    }
  }
  std::string select, group;
  ResultTable t;
  for (const auto& [name, sql] : columns) {
    // NULL keys print as "" on both engines (quad is never NULL).
    select += name == std::string("quad") ? sql + ", " : "COALESCE(" + sql + ", ''), ";
    t.columns.push_back(name);
  }
  for (size_t i = 0; i < columns.size(); ++i) group += (i ? ", " : "") + std::to_string(i + 1);
  t.columns.push_back("events");
  t.columns.push_back("reports");
  std::string count_at = std::to_string(columns.size() + 1);
  // Time series read in time order; other groupings most frequent first.
  // Ties and the rest of the order go by the key columns, so both engines
  // return the same rows in the same order.
  std::string order = time_first ? group : count_at + " DESC, " + group;
  // Every record is its own report when all mentions are counted.
  std::string reports =
      spec.filter.all_mentions ? "COUNT(*)" : "CAST(SUM(COALESCE(e.mentions, 1)) AS BIGINT)";
  SqlQuery q{"SELECT " + select + "COUNT(*), " + reports + " FROM events e " +
                 where->sql + " GROUP BY " + group + " ORDER BY " + order,
             where->params};
  if (RollupAnswers(spec) && MonthlyAnswers(spec)) {
    // The monthly table has `month` where the others have `day`: the
    // month and year keys read it.
    std::string monthly = select;
    for (const auto& [from, to] : {std::pair<std::string, std::string>{"substr(e.day, 1, 7)", "e.month"},
                                   {"substr(e.day, 1, 4)", "substr(e.month, 1, 4)"}}) {
      for (size_t at; (at = monthly.find(from)) != std::string::npos;) monthly.replace(at, from.size(), to);
    }
    SqlQuery w = RollupWhere(spec.filter, true);
    q = {"SELECT " + monthly +
             "CAST(SUM(e.events) AS BIGINT), CAST(SUM(e.reports) AS BIGINT) FROM monthly_counts e " +
             w.sql + " GROUP BY " + group + " ORDER BY " + order,
         w.params};
  } else if (RollupAnswers(spec)) {
    SqlQuery w = RollupWhere(spec.filter, false);
    q = {"SELECT " + select +
             "CAST(SUM(e.events) AS BIGINT), CAST(SUM(e.reports) AS BIGINT) FROM daily_counts e " +
             w.sql + " GROUP BY " + group + " ORDER BY " + order,
         w.params};
  }
  if (spec.limit > 0 || spec.offset > 0) {
    q.sql += " LIMIT ? OFFSET ?";
    q.params.push_back(spec.limit > 0 ? spec.limit : INT64_MAX);
    q.params.push_back(spec.offset);
  }
  GRIOT_RETURN_IF_ERROR(store.Select(q, [&](const SqlRow& r) {
    t.rows.push_back(r);
    return true;
  }));
  return t;
}

}  // namespace griot
