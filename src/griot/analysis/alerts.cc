// FindAlerts in three steps: count each series' events per period over the
// baseline window and the current period, fill the empty periods with 0 and
// test every series in C++, then fetch the flagged periods' events for the
// evidence lists. Orderings that involve text (event ids) are done here,
// bytewise, not by the engines' collations.
//
// Counting reads the daily rollup (`daily_counts`, one row per day, place
// and type) by a day range on its covering index `daily_counts_span`, and
// sums days into weeks or months here: a window of 13 months is ~250k rollup
// rows on a store of 1M events, which the engines group several times slower
// than a hash map does. When days wait in `rollup_pending` (a load not yet
// finished) the rollup may be stale, so the events table is counted instead
// with one portable GROUP BY on the `week` / `month` columns; that is also
// the reference path (`use_rollup = false`) the tests compare against.
// Evidence reads only the alerted countries and types over the current
// period's days (index `events_by_country`), not the whole period.
#include "griot/analysis/alerts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "griot/analysis/tail_probability.h"
#include "griot/store/place_rollups.h"
#include "griot/store/store.h"

namespace griot {
namespace {

// A series: events of one type in one country (admin1 "") or region.
struct SeriesKey {
  std::string country;
  std::string admin1;
  std::string event;
  auto operator<=>(const SeriesKey&) const = default;
};

// The period key as stored in the `week` (Monday, YYYY-MM-DD) or `month`
// (YYYY-MM) column, for the period holding `day`.
std::string PeriodOf(const std::string& day, bool weekly) {
  return weekly ? WeekOf(day) : day.substr(0, 7);
}

// The period `n` periods after `key` (n < 0: before).
std::string ShiftPeriod(const std::string& key, bool weekly, int n) {
  if (weekly) return ShiftDay(key, 7 * n);
  int months = std::stoi(key.substr(0, 4)) * 12 + std::stoi(key.substr(5, 2)) - 1 + n;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", months / 12, months % 12 + 1);
  return buf;
}

Status CheckOptions(const AlertOptions& o) {
  if (o.period != "week" && o.period != "month") {
    return InvalidArgument("alerts: period '" + o.period + "' (week or month)");
  }
  if (o.baseline_periods < 1 || o.baseline_periods > 1000) {
    return InvalidArgument("alerts: baseline_periods " + std::to_string(o.baseline_periods) +
                           " (1 to 1000)");
  }
  if (!(o.p_threshold > 0 && o.p_threshold <= 1)) {
    return InvalidArgument("alerts: p_threshold must be in (0, 1]");
  }
  if (o.evidence < 0) return InvalidArgument("alerts: evidence must be 0 or more");
  return Status::Ok();
}

Result<std::string> LatestDay(Store& store) {
  std::string latest;
  GRIOT_RETURN_IF_ERROR(store.Select(
      {"SELECT MAX(e.day) FROM events e WHERE e.is_canonical = 1", {}}, [&](const SqlRow& r) {
        latest = SqlValueText(r[0]);
        return false;
      }));
  return latest;
}

// The window's periods, oldest first; the last one is the current period.
std::vector<std::string> Window(const std::string& current, bool weekly, int baseline) {
  std::vector<std::string> out;
  for (int i = -baseline; i <= 0; ++i) out.push_back(ShiftPeriod(current, weekly, i));
  return out;
}

// "?, ?, ?" and the period keys as parameters.
std::string Placeholders(size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += i ? ", ?" : "?";
  return out;
}

using SeriesCounts = std::map<SeriesKey, std::vector<int64_t>>;

// Adds `n` events of one place, type and period (`at`: position in the
// window) to the country's series and, where the region is known, to the
// region's. Events without a country are not located: no series.
void AddCount(const std::string& country, const std::string& admin1, const std::string& event,
              size_t at, size_t periods, int64_t n, SeriesCounts* series) {
  if (country.empty()) return;
  for (bool regional : {false, true}) {
    if (regional && admin1.empty()) continue;
    SeriesKey k{country, regional ? admin1 : "", event};
    auto it = series->try_emplace(std::move(k), periods, 0).first;
    it->second[at] += n;
  }
}

// Per-series counts over the window (index = position in `periods`), for
// countries and, where the region is known, for regions: the reference
// path, over the events table.
Result<SeriesCounts> CountSeriesFromEvents(
    Store& store, const std::string& column, const std::vector<std::string>& periods,
    const std::string& country) {
  std::map<std::string, size_t> index;
  std::vector<SqlValue> params;
  for (size_t i = 0; i < periods.size(); ++i) {
    index[periods[i]] = i;
    params.emplace_back(periods[i]);
  }
  std::string sql = "SELECT e.country, e.admin1, e.event, e." + column +
                    ", COUNT(*) FROM events e WHERE e.is_canonical = 1 AND e." + column + " IN (" +
                    Placeholders(periods.size()) + ")";
  if (!country.empty()) {
    sql += " AND e.country = ?";
    params.emplace_back(country);
  }
  sql += " GROUP BY e.country, e.admin1, e.event, e." + column;
  SeriesCounts series;
  GRIOT_RETURN_IF_ERROR(store.Select({sql, params}, [&](const SqlRow& r) {
    auto at = index.find(SqlValueText(r[3]));
    if (at == index.end()) return true;
    AddCount(SqlValueText(r[0]), SqlValueText(r[1]), SqlValueText(r[2]), at->second,
             periods.size(), SqlValueInt(r[4]), &series);
    return true;
  }));
  return series;
}

void AppendText(const SqlValue& v, std::string* out) {
  if (const std::string* text = std::get_if<std::string>(&v)) {
    *out += *text;
  } else {
    *out += SqlValueText(v);
  }
}

// True when no day waits in `rollup_pending`, i.e. `daily_counts` holds
// exactly the canonical events of every day.
Result<bool> RollupCurrent(Store& store) {
  bool pending = false;
  GRIOT_RETURN_IF_ERROR(
      store.Select({"SELECT day FROM rollup_pending LIMIT 1", {}}, [&](const SqlRow&) {
        pending = true;
        return false;
      }));
  return !pending;
}

// The first day of `period` (a week's Monday, or YYYY-MM-01).
std::string FirstDay(const std::string& period, bool weekly) {
  return weekly ? period : period + "-01";
}

// The same counts as CountSeriesFromEvents, from the daily rollup over the
// window's days. Rows are summed per place, type and period in a hash map
// first (one string key, no GROUP BY in the engine), then spread into the
// country and region series.
Result<SeriesCounts> CountSeriesFromRollup(Store& store, bool weekly,
                                           const std::vector<std::string>& periods,
                                           const std::string& country) {
  std::vector<SqlValue> params = {FirstDay(periods.front(), weekly),
                                  FirstDay(ShiftPeriod(periods.back(), weekly, 1), weekly)};
  std::string sql =
      "SELECT r.day, r.country, r.admin1, r.event, r.events FROM daily_counts r "
      "WHERE r.day >= ? AND r.day < ?";
  if (!country.empty()) {
    sql += " AND r.country = ?";
    params.emplace_back(country);
  }
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < periods.size(); ++i) index[periods[i]] = i;
  // Rows come in day order (the index's), so the period of the previous
  // row's day is usually the answer.
  std::string last_day;
  size_t at = 0;
  // "country\0admin1\0event" -> counts per period.
  std::unordered_map<std::string, std::vector<int64_t>> places;
  std::string key;
  GRIOT_RETURN_IF_ERROR(store.Select({sql, params}, [&](const SqlRow& r) {
    const std::string* day = std::get_if<std::string>(&r[0]);
    if (day == nullptr) return true;  // NOT NULL column
    if (*day != last_day) {
      auto found = index.find(PeriodOf(*day, weekly));
      if (found == index.end()) return true;  // cannot happen for a day in range
      last_day = *day;
      at = found->second;
    }
    key.clear();
    AppendText(r[1], &key);
    key += '\0';
    AppendText(r[2], &key);
    key += '\0';
    AppendText(r[3], &key);
    auto it = places.try_emplace(key, periods.size(), 0).first;
    it->second[at] += SqlValueInt(r[4]);
    return true;
  }));
  SeriesCounts series;
  for (const auto& entry : places) {
    const std::string& k = entry.first;
    size_t a = k.find('\0'), b = k.find('\0', a + 1);
    std::string place_country = k.substr(0, a), admin1 = k.substr(a + 1, b - a - 1),
                event = k.substr(b + 1);
    for (size_t i = 0; i < periods.size(); ++i) {
      if (entry.second[i] != 0) {
        AddCount(place_country, admin1, event, i, periods.size(), entry.second[i], &series);
      }
    }
  }
  return series;
}

// Monthly counts from the monthly rollup by region (a 13-month window is
// ~60k rows of a million events, not the ~250k daily rows).
Result<SeriesCounts> CountMonthsFromRegionRollup(Store& store, const std::vector<std::string>& periods,
                                                 const std::string& country) {
  std::vector<SqlValue> params = {periods.front(), periods.back()};
  std::string sql =
      "SELECT r.month, r.country, r.admin1, r.event, r.events FROM monthly_region_counts r "
      "WHERE r.month >= ? AND r.month <= ?";
  if (!country.empty()) {
    sql += " AND r.country = ?";
    params.emplace_back(country);
  }
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < periods.size(); ++i) index[periods[i]] = i;
  SeriesCounts series;
  GRIOT_RETURN_IF_ERROR(store.Select({sql, params}, [&](const SqlRow& r) {
    auto at = index.find(SqlValueText(r[0]));
    if (at == index.end()) return true;
    AddCount(SqlValueText(r[1]), SqlValueText(r[2]), SqlValueText(r[3]), at->second, periods.size(),
             SqlValueInt(r[4]), &series);
    return true;
  }));
  return series;
}

Result<SeriesCounts> CountSeries(Store& store, const AlertOptions& options,
                                 const std::vector<std::string>& periods,
                                 const std::string& country) {
  bool weekly = options.period == "week";
  if (options.use_rollup) {
    Result<bool> current = RollupCurrent(store);
    if (!current.ok()) return current.status();
    if (*current && !weekly) {
      Result<bool> regions = RegionRollupsCurrent(store);
      if (!regions.ok()) return regions.status();
      if (*regions) return CountMonthsFromRegionRollup(store, periods, country);
    }
    if (*current) return CountSeriesFromRollup(store, weekly, periods, country);
  }
  return CountSeriesFromEvents(store, weekly ? "week" : "month", periods, country);
}

// The current period's events of every alerted series, most mentions first,
// then by event id, at most `limit` each.
Status AddEvidence(Store& store, const AlertOptions& options, const std::string& period,
                   std::vector<Alert>* alerts) {
  int limit = options.evidence;
  bool weekly = options.period == "week";
  if (limit == 0 || alerts->empty()) return Status::Ok();
  std::map<SeriesKey, std::vector<size_t>> wanted;
  for (size_t i = 0; i < alerts->size(); ++i) {
    const Alert& a = (*alerts)[i];
    wanted[{a.country, a.admin1, a.event}].push_back(i);
  }
  // (mentions, id) per alert, sorted below.
  std::vector<std::vector<std::pair<int64_t, std::string>>> found(alerts->size());
  std::vector<SqlValue> params;
  std::string sql =
      "SELECT e.event_id, e.country, e.admin1, e.event, e.mentions FROM events e "
      "WHERE e.is_canonical = 1 AND ";
  if (options.use_rollup) {
    // Only the alerted countries and types, by the day range of the period
    // (the `week` / `month` columns are derived from `day`, and no index
    // has them).
    std::set<std::string> countries, types;
    for (const Alert& a : *alerts) {
      countries.insert(a.country);
      types.insert(a.event);
    }
    sql += "e.country IN (" + Placeholders(countries.size()) + ")";
    for (const std::string& c : countries) params.emplace_back(c);
    sql += " AND e.day >= ? AND e.day < ?";
    params.emplace_back(FirstDay(period, weekly));
    params.emplace_back(FirstDay(ShiftPeriod(period, weekly, 1), weekly));
    sql += " AND e.event IN (" + Placeholders(types.size()) + ")";
    for (const std::string& t : types) params.emplace_back(t);
  } else {
    sql += "e." + std::string(weekly ? "week" : "month") + " = ?";
    params.emplace_back(period);
  }
  GRIOT_RETURN_IF_ERROR(store.Select({sql, params}, [&](const SqlRow& r) {
    std::string country = SqlValueText(r[1]), admin1 = SqlValueText(r[2]),
                event = SqlValueText(r[3]);
    // An event counts in its country's series and in its region's.
    auto collect = [&](const std::string& region) {
      auto it = wanted.find({country, region, event});
      if (it == wanted.end()) return;
      for (size_t i : it->second) found[i].emplace_back(SqlValueInt(r[4]), SqlValueText(r[0]));
    };
    collect("");
    if (!admin1.empty()) collect(admin1);
    return true;
  }));
  for (size_t i = 0; i < alerts->size(); ++i) {
    auto& events = found[i];
    std::sort(events.begin(), events.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    for (size_t j = 0; j < events.size() && j < static_cast<size_t>(limit); ++j) {
      (*alerts)[i].evidence.push_back(events[j].second);
    }
  }
  return Status::Ok();
}

}  // namespace

RiseTest TestRise(const std::vector<int64_t>& history, int64_t current,
                  const AlertOptions& options) {
  RiseTest t;
  double n = static_cast<double>(history.size());
  double mean = 0;
  for (int64_t h : history) mean += static_cast<double>(h);
  if (n > 0) mean /= n;
  double squares = 0;
  for (int64_t h : history) squares += (h - mean) * (h - mean);
  t.variance = n >= 2 ? squares / (n - 1) : 0;  // sample variance
  t.expected = std::max(mean, options.min_expected);
  double x = static_cast<double>(current);
  if (t.expected <= 0) {  // min_expected 0 and a silent history
    t.method = "poisson";
    t.p_value = current > 0 ? 0 : 1;
    t.ratio = current > 0 ? HUGE_VAL : 0;
  } else if (t.variance > t.expected) {
    t.method = "negative binomial";
    double size = t.expected * t.expected / (t.variance - t.expected);
    t.p_value = NegativeBinomialUpperTail(current, t.expected, size);
    t.ratio = x / t.expected;
  } else {
    t.method = "poisson";
    t.p_value = PoissonUpperTail(current, t.expected);
    t.ratio = x / t.expected;
  }
  t.alert = t.p_value < options.p_threshold && current >= options.min_count &&
            t.ratio >= options.min_ratio;
  return t;
}

Result<std::vector<Alert>> FindAlerts(Store& store, const AlertOptions& options,
                                      const std::string& country, const std::string& as_of) {
  GRIOT_RETURN_IF_ERROR(CheckOptions(options));
  std::string day = as_of;
  if (day.empty()) {
    Result<std::string> latest = LatestDay(store);
    if (!latest.ok()) return latest.status();
    day = *latest;
    if (day.empty()) return std::vector<Alert>();  // no deduplicated events yet
  } else if (ShiftDay(day, 0) != day) {
    return InvalidArgument("alerts: as_of '" + as_of + "' is not a date (YYYY-MM-DD)");
  }
  bool weekly = options.period == "week";
  std::vector<std::string> periods =
      Window(PeriodOf(day, weekly), weekly, options.baseline_periods);
  Result<SeriesCounts> series = CountSeries(store, options, periods, country);
  if (!series.ok()) return series.status();
  std::vector<Alert> alerts;
  for (const auto& [key, counts] : *series) {
    int64_t current = counts.back();
    if (current == 0) continue;
    RiseTest t = TestRise({counts.begin(), counts.end() - 1}, current, options);
    if (!t.alert) continue;
    Alert a;
    a.scope = key.admin1.empty() ? "country" : "admin1";
    a.country = key.country;
    a.admin1 = key.admin1;
    a.event = key.event;
    a.period = weekly ? periods.back() : periods.back() + "-01";
    a.observed = current;
    a.test = t;
    alerts.push_back(std::move(a));
  }
  std::sort(alerts.begin(), alerts.end(), [](const Alert& a, const Alert& b) {
    return std::tie(a.test.p_value, a.country, a.admin1, a.event) <
           std::tie(b.test.p_value, b.country, b.admin1, b.event);
  });
  GRIOT_RETURN_IF_ERROR(AddEvidence(store, options, periods.back(), &alerts));
  return alerts;
}

}  // namespace griot
