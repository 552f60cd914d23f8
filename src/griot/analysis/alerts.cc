// FindAlerts in three steps: count each series' events per period over the
// baseline window and the current period with one GROUP BY (portable SQL on
// the precomputed `week` / `month` columns, so SQLite and PostgreSQL agree),
// fill the empty periods with 0 and test every series in C++, then fetch the
// flagged periods' events for the evidence lists. Orderings that involve
// text (event ids) are done here, bytewise, not by the engines' collations.
#include "griot/analysis/alerts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <tuple>

#include "griot/analysis/tail_probability.h"
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

// Per-series counts over the window (index = position in `periods`), for
// countries and, where the region is known, for regions.
Result<std::map<SeriesKey, std::vector<int64_t>>> CountSeries(
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
  std::map<SeriesKey, std::vector<int64_t>> series;
  GRIOT_RETURN_IF_ERROR(store.Select({sql, params}, [&](const SqlRow& r) {
    SeriesKey key{SqlValueText(r[0]), SqlValueText(r[1]), SqlValueText(r[2])};
    auto at = index.find(SqlValueText(r[3]));
    if (key.country.empty() || at == index.end()) return true;  // not located
    int64_t n = SqlValueInt(r[4]);
    for (bool regional : {false, true}) {
      if (regional && key.admin1.empty()) continue;
      SeriesKey k{key.country, regional ? key.admin1 : "", key.event};
      auto [it, fresh] = series.try_emplace(k, periods.size(), 0);
      it->second[at->second] += n;
    }
    return true;
  }));
  return series;
}

// The current period's events of every alerted series, most mentions first,
// then by event id, at most `limit` each.
Status AddEvidence(Store& store, const std::string& column, const std::string& period, int limit,
                   std::vector<Alert>* alerts) {
  if (limit == 0 || alerts->empty()) return Status::Ok();
  std::map<SeriesKey, std::vector<size_t>> wanted;
  for (size_t i = 0; i < alerts->size(); ++i) {
    const Alert& a = (*alerts)[i];
    wanted[{a.country, a.admin1, a.event}].push_back(i);
  }
  // (mentions, id) per alert, sorted below.
  std::vector<std::vector<std::pair<int64_t, std::string>>> found(alerts->size());
  std::vector<SqlValue> params = {period};
  std::string sql =
      "SELECT e.event_id, e.country, e.admin1, e.event, e.mentions FROM events e "
      "WHERE e.is_canonical = 1 AND e." +
      column + " = ?";
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
  const std::string column = weekly ? "week" : "month";
  std::vector<std::string> periods =
      Window(PeriodOf(day, weekly), weekly, options.baseline_periods);
  Result<std::map<SeriesKey, std::vector<int64_t>>> series =
      CountSeries(store, column, periods, country);
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
  GRIOT_RETURN_IF_ERROR(AddEvidence(store, column, periods.back(), options.evidence, &alerts));
  return alerts;
}

}  // namespace griot
