#include "griot/serve/api.h"

#include <algorithm>

#include "griot/analysis/alerts.h"
#include "griot/query/aggregate.h"
#include "griot/query/filter_params.h"
#include "griot/serve/api_internal.h"

namespace griot {
namespace api {

std::string Request::Option(const std::string& name, const std::string& fallback) const {
  for (auto it = options.rbegin(); it != options.rend(); ++it) {
    if (it->first == name) return it->second;
  }
  return fallback;
}

Result<Request> ParseRequest(const ApiParams& params, bool with_filters,
                             const std::vector<std::string>& options) {
  Request r;
  for (const auto& [name, value] : params) {
    if (std::find(options.begin(), options.end(), name) != options.end()) {
      r.options.emplace_back(name, value);
    } else if (with_filters && IsFilterParam(name)) {
      GRIOT_RETURN_IF_ERROR(SetFilterParam(name, value, &r.filter));
    } else {
      return InvalidArgument(name + ": unknown parameter");
    }
  }
  return r;
}

Result<int64_t> IntOption(const Request& r, const std::string& name, int64_t fallback, int64_t min,
                          int64_t max) {
  std::string text = r.Option(name);
  if (text.empty()) return fallback;
  int64_t v = 0;
  bool digits = text.size() <= 18 && std::all_of(text.begin(), text.end(), [](char c) {
                  return c >= '0' && c <= '9';
                });
  if (digits) v = std::stoll(text);
  if (!digits || v < min || v > max) {
    return InvalidArgument(name + ": '" + text + "' (a whole number from " + std::to_string(min) +
                           " to " + std::to_string(max) + ")");
  }
  return v;
}

Json CellJson(const SqlValue& v) {
  if (const auto* n = std::get_if<int64_t>(&v)) return *n;
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  return nullptr;
}

SqlQuery WhereAnd(const SqlQuery& where, const std::string& condition) {
  return {where.sql + (where.sql.empty() ? "WHERE " : " AND ") + condition, where.params};
}

namespace {

Result<Json> Meta(Store& store, const Ontology& ontology) {
  Json out;
  GRIOT_RETURN_IF_ERROR(store.Select(
      // From the rollups (every canonical event is in exactly one row,
      // undated ones under day ''): counting the events' index took 70 ms
      // on a million events, the rollup 5 ms.
      {"SELECT (SELECT CAST(COALESCE(SUM(events), 0) AS BIGINT) FROM monthly_counts), "
       "(SELECT COUNT(*) FROM documents), "
       "(SELECT MIN(day) FROM daily_counts WHERE day > ''), "
       "(SELECT MAX(day) FROM daily_counts WHERE day > '')",
       {}},
      [&](const SqlRow& r) {
        out["events"] = SqlValueInt(r[0]);
        out["documents"] = SqlValueInt(r[1]);
        out["first_day"] = CellJson(r[2]);
        out["last_day"] = CellJson(r[3]);
        return false;
      }));
  Json types = Json::array();
  for (const auto& [name, type] : ontology.types()) types.push_back(name);
  out["types"] = std::move(types);
  // Counted by the query library, which reads the daily rollup when it can.
  QuerySpec q;
  q.group_by = {"country"};
  Result<ResultTable> t = RunQuery(store, q);
  if (!t.ok()) return t.status();
  Json countries = Json::array();
  for (const SqlRow& row : t->rows) {
    if (SqlValueText(row[0]).empty()) continue;
    countries.push_back({{"code", SqlValueText(row[0])}, {"events", SqlValueInt(row[1])}});
  }
  out["countries"] = std::move(countries);
  return out;
}

// The query library answers a dyad as two columns (actor, recipient); the
// API gives one "dyad" column "MLI MIL->MLI CVL", the form the `dyad`
// filter takes, so a network edge can be clicked into a filter as is.
void MergeDyads(const std::vector<std::string>& group_by, ResultTable* t) {
  size_t column = 0;
  for (const std::string& key : group_by) {
    if (key != "dyad") {
      ++column;
      continue;
    }
    if (column + 1 >= t->columns.size()) return;
    t->columns[column] = "dyad";
    t->columns.erase(t->columns.begin() + column + 1);
    for (SqlRow& row : t->rows) {
      row[column] = SqlValueText(row[column]) + "->" + SqlValueText(row[column + 1]);
      row.erase(row.begin() + column + 1);
    }
    ++column;
  }
}

Result<Json> Aggregates(Store& store, const Request& r) {
  QuerySpec q;
  q.filter = r.filter;
  q.group_by = SplitParamList(r.Option("group_by"));
  if (r.Option("group_by").empty()) return InvalidArgument("group_by: missing (e.g. group_by=month,type)");
  for (const std::string& key : q.group_by) {
    const auto& keys = GroupKeys();
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
      std::string all;
      for (const std::string& k : keys) all += (all.empty() ? "" : ", ") + k;
      return InvalidArgument("group_by: '" + key + "' is not one of " + all);
    }
  }
  Result<int64_t> limit = IntOption(r, "limit", 1000, 1, 100000);
  if (!limit.ok()) return limit.status();
  Result<int64_t> offset = IntOption(r, "offset", 0, 0, 1000000000);
  if (!offset.ok()) return offset.status();
  q.limit = *limit + 1;  // one more row says whether there are more
  q.offset = *offset;
  Result<ResultTable> t = RunQuery(store, q);
  if (!t.ok()) return t.status();
  MergeDyads(q.group_by, &*t);
  Json out;
  out["columns"] = t->columns;
  Json rows = Json::array();
  for (size_t i = 0; i < t->rows.size() && static_cast<int64_t>(i) < *limit; ++i) {
    Json row = Json::array();
    for (const SqlValue& v : t->rows[i]) row.push_back(CellJson(v));
    rows.push_back(std::move(row));
  }
  out["rows"] = std::move(rows);
  out["more"] = static_cast<int64_t>(t->rows.size()) > *limit;
  return out;
}

Result<Json> Alerts(Store& store, const Request& r) {
  AlertOptions options;
  options.period = r.Option("period", "week");
  if (options.period != "week" && options.period != "month") {
    return InvalidArgument("period: '" + options.period + "' (week or month)");
  }
  std::string country = r.Option("country");
  if (country.find(',') != std::string::npos) return InvalidArgument("country: one country for alerts");
  std::string as_of = r.Option("as_of");
  if (!as_of.empty() && !IsParamDay(as_of)) {
    return InvalidArgument("as_of: " + as_of + " is not a date (YYYY-MM-DD)");
  }
  Result<std::vector<Alert>> alerts = FindAlerts(store, options, country, as_of);
  if (!alerts.ok()) return alerts.status();
  Json list = Json::array();
  for (const Alert& a : *alerts) {
    list.push_back({{"scope", a.scope},
                    {"country", a.country},
                    {"admin1", a.admin1},
                    {"type", a.event},
                    {"period", a.period},
                    {"observed", a.observed},
                    {"expected", a.test.expected},
                    {"ratio", a.test.ratio},
                    {"p_value", a.test.p_value},
                    {"method", a.test.method},
                    {"evidence", a.evidence}});
  }
  return Json{{"alerts", std::move(list)}};
}

// The endpoint of `path`, or NotFound.
Result<Json> Route(Store& store, const Ontology& ontology, const std::string& path,
                   const ApiParams& params) {
  if (path == "/api/meta") {
    Result<Request> r = ParseRequest(params, false, {});
    if (!r.ok()) return r.status();
    return Meta(store, ontology);
  }
  const std::string events_prefix = "/api/events/";
  if (path.rfind(events_prefix, 0) == 0 && path.size() > events_prefix.size()) {
    Result<Request> r = ParseRequest(params, false, {});
    if (!r.ok()) return r.status();
    return EventDetail(store, path.substr(events_prefix.size()));
  }
  struct Endpoint {
    const char* path;
    bool filters;
    std::vector<std::string> options;
    Result<Json> (*answer)(Store&, const Request&);
  };
  static const Endpoint endpoints[] = {
      {"/api/events", true, {"limit", "offset", "order"}, Events},
      {"/api/aggregates", true, {"group_by", "limit", "offset"}, Aggregates},
      {"/api/places", true, {"limit"}, Places},
      {"/api/actors", true, {"limit"}, Actors},
      {"/api/alerts", false, {"country", "period", "as_of"}, Alerts},
  };
  for (const Endpoint& e : endpoints) {
    if (path != e.path) continue;
    Result<Request> r = ParseRequest(params, e.filters, e.options);
    if (!r.ok()) return r.status();
    return e.answer(store, *r);
  }
  return NotFound(path + ": no such API endpoint (see docs/api.md)");
}

}  // namespace
}  // namespace api

ApiResponse ApiError(int status, const std::string& message) {
  api::Json body{{"error", {{"status", status}, {"message", message}}}};
  return {status, body.dump()};
}

int HttpStatusOf(const Status& status) {
  switch (status.code()) {
    case StatusCode::kInvalidArgument: return 400;
    case StatusCode::kNotFound: return 404;
    case StatusCode::kDeadlineExceeded: return 503;
    default: return 500;
  }
}

ApiResponse AnswerApi(Store& store, const Ontology& ontology, const std::string& path,
                      const ApiParams& params) {
  Result<api::Json> answer = api::Route(store, ontology, path, params);
  if (!answer.ok()) return ApiError(HttpStatusOf(answer.status()), answer.status().message());
  // Invalid UTF-8 in a stored text becomes U+FFFD rather than an exception.
  return {200, answer->dump(-1, ' ', false, api::Json::error_handler_t::replace)};
}

}  // namespace griot
